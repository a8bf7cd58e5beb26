"""The published glossary, read once per content version, and the one call that links a page's
terms to it: `link_glossary_terms(html)`, for route bodies and (at merge) a plan's advice."""

from django.utils.safestring import SafeString

from ealing_send.links import link
from routes.models import ContentVersion

from .linking import link_first_uses
from .models import Term

# (content version, [(name, slug)…]) as this process last read it: replaced whole, never changed.
_kept: tuple[str, list[tuple[str, str]]] | None = None


def published_names() -> list[tuple[str, str]]:
    """Every name (term or also-called) of every published term, with its slug."""
    global _kept
    version = ContentVersion.current()
    kept = _kept
    if kept is not None and kept[0] == version:
        return kept[1]
    names = [(name, term.slug) for term in Term.objects.visible() for name in term.names]
    _kept = (version, names)
    return names


def link_glossary_terms(html: str) -> SafeString:
    """`html` (our own, already safe) with the first use of each published term linked to its
    meaning on /glossary/. Cache the result per content version, as route bodies are."""
    return link_first_uses(html, published_names(), link("glossary:glossary"))
