"""{% address_to_return_to %}: the page's address as the feedback form posts it (feedback/pages.py)."""

from django import template

from ..pages import address_to_return_to as _address

register = template.Library()


@register.simple_tag(takes_context=True)
def address_to_return_to(context) -> str:
    """The page's path and the answers in its address, nothing else."""
    return _address(context["request"])
