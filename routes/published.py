"""The published content as of the current content version, loaded once per version in each
process: a page or a plan then costs one query (the version), however much it shows."""

import threading
from dataclasses import dataclass

from .models import ContentVersion, Organisation, Route


@dataclass(frozen=True)
class PublishedContent:
    """Every published route (with its steps, citations and helpers) and organisation, by slug,
    in the order the public sees them, and the content version they are."""

    version: str
    routes: dict[str, Route]
    organisations: dict[str, Organisation]


_kept: tuple[str, PublishedContent] | None = None
_lock = threading.Lock()


def published_content() -> PublishedContent:
    """What the public sees now. Never for staff previews: drafts are not in it."""
    global _kept
    version = ContentVersion.current()
    kept = _kept
    if kept is not None and kept[0] == version:
        return kept[1]
    # Read after the version: content saved meanwhile is newer, never older, than the version.
    content = PublishedContent(
        version=version,
        routes={r.slug: r for r in Route.objects.with_detail()},
        organisations={o.slug: o for o in Organisation.objects.visible()},
    )
    with _lock:
        _kept = (version, content)
    return content
