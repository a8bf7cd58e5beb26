"""{% header nav_section %} and {% footer %}: the furniture of every page, made once per menu state
in each process (it names a dozen addresses and runs four includes: a third of a small page's time)."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=128)
def _furniture(name: str, nav_section: str, urlconf, prefix: str, language: str | None) -> str:
    return render_to_string(f"includes/{name}.html", {"nav_section": nav_section})


@register.simple_tag
def header(nav_section=""):
    """The header and menu, with `nav_section` ('guidance', 'routes'…) shown as the current one."""
    return _furniture(
        "header", nav_section or "", get_urlconf(), get_script_prefix(), get_language()
    )


@register.simple_tag
def footer():
    """The footer."""
    return _furniture("footer", "", get_urlconf(), get_script_prefix(), get_language())
