"""The published glossary, read once per content version, and the one call that links a page's
terms to it: `link_glossary_terms(html)`, for route bodies and (at merge) a plan's advice."""

from django.utils.safestring import SafeString
from django.utils.translation import get_language, override
from modeltranslation.settings import DEFAULT_LANGUAGE

from ealing_send.links import link
from routes.models import ContentVersion

from .linking import GlossaryLinker
from .models import Term

# Per language, (content version, its linker) as this process last made them: each replaced whole,
# never changed. A Polish page links the Polish names of the terms.
_kept: dict[str | None, tuple[str, GlossaryLinker]] = {}


def published_names() -> list[tuple[str, str]]:
    """Every name (term or also-called) of every published term, with its slug: in the active
    language and in English. A translation keeps the English name of a legal term beside its own
    words, so a family can match the letters they receive; where a sentence changes the
    translated name's ending, its English still links it."""
    names = []
    for term in Term.objects.visible():
        names += [(name, term.slug) for name in term.names]
        with override(DEFAULT_LANGUAGE):
            names += [(name, term.slug) for name in term.names]
    return names


def _linker() -> GlossaryLinker:
    version = ContentVersion.current()
    language = get_language()
    kept = _kept.get(language)
    if kept is None or kept[0] != version:
        kept = (version, GlossaryLinker(published_names(), link("glossary:glossary")))
        _kept[language] = kept
    return kept[1]


def link_glossary_terms(html: str) -> SafeString:
    """`html` (our own, already safe) with the first use of each published term linked to its
    meaning on /glossary/. Cache the result per content version and language, as route bodies are."""
    return _linker().link_first_uses(html)
