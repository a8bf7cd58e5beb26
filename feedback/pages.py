"""Which page an answer is about: only a public page the site has, written as the site writes its
address, never text a visitor typed (probe 2026-12, finding 12: `/routes/call-zebedee-on-07700900123-today/`
matched the routes' pattern and was kept as sent)."""

from collections.abc import Callable

from django.urls import Resolver404, resolve, reverse

from guidance import flow
from letters.models import Letter
from routes.published import published_content

# The public site's addresses (ealing_send/urls.py); the admin and the form's own address are not
# pages anyone answers about.
PUBLIC = ("routes", "guidance", "letters", "glossary")


def _route(slug: str) -> bool:
    return slug in published_content().routes


def _organisation(slug: str) -> bool:
    return slug in published_content().organisations


def _letter(slug: str) -> bool:
    return Letter.objects.visible().filter(slug=slug).exists()


def _question(key: str) -> bool:
    return key in flow.QUESTIONS


# Every public address with a part that names something: whether that thing is published. An
# address with a part not listed here is never kept (tests/feedback checks each has its entry).
NAMED: dict[str, Callable[[str], bool]] = {
    "routes:route": _route,
    "routes:organisation": _organisation,
    "letters:letter": _letter,
    "letters:made": _letter,
    "guidance:question": _question,
    "guidance:answer": _question,
}


def page_address(path: str) -> str | None:
    """The page's address (path only) as the site writes it, or None when `path` is not the
    address of a public page that exists now."""
    if not path.startswith("/") or path.startswith("//"):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.namespace not in PUBLIC:
        return None
    if match.kwargs:
        exists = NAMED.get(match.view_name)
        if exists is None or not all(exists(value) for value in match.kwargs.values()):
            return None
    # Rebuilt from the pattern and the checked names: nothing of what was sent but those names.
    return reverse(match.view_name, kwargs=match.kwargs)
