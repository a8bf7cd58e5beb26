"""Which page an answer is about: only a public page the site has, written as the site writes its
address, never text a visitor typed (probe 2026-12, finding 12: `/routes/call-zebedee-on-07700900123-today/`
matched the routes' pattern and was kept as sent)."""

import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.urls import Resolver404, resolve, reverse

from ealing_send.pagecache import page_reads
from guidance import flow
from guidance.council_deadlines import DATE_KEYS
from guidance.views import CHANGING
from letters.models import Letter
from letters.placeholders import PLACEHOLDERS
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


def _answer_keys() -> frozenset[str]:
    """Every query parameter a public page reads: the questionnaire's answers and its Change
    marker, the council deadlines page's dates, and what a letter's form fills in from a plan."""
    prefilled = {p.prefill_key for p in PLACEHOLDERS.values() if p.prefill_key}
    return frozenset(
        {*flow.QUESTIONS, *CHANGING, *DATE_KEYS, "transfer_year", "transfer", *prefilled}
    )


ANSWER_KEYS = _answer_keys()
# A date sent as the form's day, month and year boxes: decision_date_0, _1 and _2.
DATE_PART = re.compile(r"_[012]$")


def address_to_return_to(request) -> str:
    """The page's path with only the parameters a page of the site reads (its answers), for the
    form to post: anything else in the address, a name above all, is never written into a page."""
    reads = page_reads(request)
    kept = [
        (name, value)
        for name, value in request.GET.items()
        if DATE_PART.sub("", name) in ANSWER_KEYS or name in reads
    ]
    return request.path + (f"?{urlencode(kept)}" if kept else "")
