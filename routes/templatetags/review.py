"""The admin index's list of content due for review, and what is still open before going live."""

from django import template

from routes.review import before_going_live
from routes.review import overdue_content as find_overdue

register = template.Library()


@register.simple_tag
def overdue_content():
    """{% overdue_content as overdue %}: items whose review date has come."""
    return find_overdue()


@register.simple_tag
def going_live_items():
    """{% going_live_items as open_items %}: what only ISAID can confirm, still open today."""
    return before_going_live()
