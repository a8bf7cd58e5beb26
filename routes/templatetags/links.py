"""{% link 'routes:home' %}: the {% url %} tag, with each address worked out once."""

from django import template

from ealing_send.links import link as site_link

register = template.Library()


@register.simple_tag
def link(name, *args):
    """The address of a page by its name, like {% url %}; `{% link … as var %}` works too."""
    return site_link(name, *args)
