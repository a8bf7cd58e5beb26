"""The admin index's list of content due for review."""

from django import template

from routes.review import overdue_content as find_overdue

register = template.Library()


@register.simple_tag
def overdue_content():
    """{% overdue_content as overdue %}: items whose review date has come."""
    return find_overdue()
