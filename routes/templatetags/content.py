"""Template filters for staff-written content."""

from django import template

from routes.rendering import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Render staff-written Markdown safely: {{ route.body|markdown }}."""
    return render_markdown(text)
