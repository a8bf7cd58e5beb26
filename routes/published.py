"""The published content as of the current content version, loaded once per version in each
process: a page or a plan then costs one query (the version), however much it shows."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import get_language

from ealing_send.pagecache import RecentPages

from .models import ContentVersion, Organisation, Route


@dataclass(frozen=True)
class PublishedContent:
    """Every published route (with its steps, citations and helpers) and organisation, by slug,
    in the order the public sees them, and the content version they are."""

    version: str
    routes: dict[str, Route]
    organisations: dict[str, Organisation]


# The content this process loaded last: replaced whole, never changed in place.
_kept: PublishedContent | None = None


def published_content() -> PublishedContent:
    """What the public sees now. Never for staff previews: drafts are not in it."""
    global _kept
    version = ContentVersion.current()
    kept = _kept
    if kept is not None and kept.version == version:
        return kept
    # Read after the version: content saved meanwhile is newer, never older, than the version.
    content = PublishedContent(
        version=version,
        routes={r.slug: r for r in Route.objects.with_detail()},
        organisations={o.slug: o for o in Organisation.objects.visible()},
    )
    _kept = content
    return content


# Parts of pages made from the published content (a route's body, a plan's advice), by what they
# show and the content version: the same for every visitor, so each is made once per process.
_fragments = RecentPages(512)


def fragment(content: PublishedContent, key: tuple, make: Callable[[], str]) -> str:
    """The HTML `make()` gives for `key`, made once per content version and language. The key must
    name all that the HTML shows besides the published content; never anything a visitor typed."""
    full_key = (content.version, get_language(), *key)
    html = _fragments.get(full_key)
    if html is None:
        html = make()
        _fragments.put(full_key, html)
    return html
