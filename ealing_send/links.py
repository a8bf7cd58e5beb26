"""The addresses of the site's pages, each worked out once: Django's reverse() costs tens of
microseconds, and every page names a dozen addresses."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def link(name: str, *args) -> str:
    """What reverse(name, args=args) gives, kept per URLconf, script prefix and language (a public
    page's address starts with its language: /pl/…)."""
    return _link(get_urlconf(), get_script_prefix(), get_language(), name, args)


@lru_cache(maxsize=1024)
def _link(urlconf, prefix: str, language: str | None, name: str, args: tuple) -> str:
    return reverse(name, args=args, urlconf=urlconf)
