"""The advice words and deadline references as of the current content version, loaded once per
version in each process (as routes/published.py does for routes): a plan looks its words up in
memory, never with a query per code."""

import logging
from dataclasses import dataclass

from django.utils.safestring import SafeString

from routes.models import ContentVersion

from .models import Advice, Reference

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublishedAdvice:
    """Every piece of advice by (kind, code), and the references of each deadline, in order."""

    version: str
    advice: dict[tuple[str, str], Advice]
    references: dict[str, tuple[Reference, ...]]

    def html(
        self, kind: str, code: str, values: dict[str, str], inline: bool = False
    ) -> SafeString:
        """The words of one piece of advice, filled in. Missing words (a release whose new advice
        has not been added yet) show nothing rather than an error: the test suite makes sure that
        every code the rules produce has words in the initial content."""
        found = self.advice.get((kind, code))
        if found is None:
            logger.warning("No words for the %s %r: add them in the admin.", kind, code)
            return SafeString("")
        return found.html(values, inline)


# What this process loaded last: replaced whole, never changed in place.
_kept: PublishedAdvice | None = None


def published_advice() -> PublishedAdvice:
    """The advice the public sees now."""
    global _kept
    version = ContentVersion.current()
    kept = _kept
    if kept is not None and kept.version == version:
        return kept
    references: dict[str, list[Reference]] = {}
    for reference in Reference.objects.all():
        references.setdefault(reference.deadline, []).append(reference)
    content = PublishedAdvice(
        version=version,
        advice={(a.kind, a.code): a for a in Advice.objects.all()},
        references={key: tuple(found) for key, found in references.items()},
    )
    _kept = content
    return content
