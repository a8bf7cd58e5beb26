"""The page's language on every public page: {% page_language %} for <html lang dir>, the switcher's
links ({% language_links %}), and whether to say the translation is not yet checked."""

import re
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import get_script_prefix
from django.utils.translation import (
    get_language,
    get_language_from_path,
    get_language_info,
    get_supported_language_variant,
)

from translations.status import all_checked, english

register = template.Library()


@register.simple_tag
def page_language() -> dict:
    """The active language's code as settings.LANGUAGES has it ("en", "pl", "ur") and its
    direction, for <html lang="…" dir="…">."""
    code = get_supported_language_variant(get_language())
    return {"code": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}


# A date answer's parts as a form sends them: decision_date_0 (day), _1 (month), _2 (year).
DATE_PART = re.compile(r"(.+)_[0-2]")


@lru_cache(maxsize=1)
def answer_keys() -> frozenset[str]:
    """The parameters a family's answers travel in (the URL contracts in the README): the
    questionnaire's, the council deadlines page's, and those a plan fills a letter's form with."""
    from guidance import flow
    from guidance.council_forms import KEYS as COUNCIL_KEYS
    from letters.placeholders import PLACEHOLDERS

    letter_keys = (p.prefill_key for p in PLACEHOLDERS.values() if p.prefill_key)
    return frozenset((*flow.QUESTIONS, *COUNCIL_KEYS, *letter_keys))


def kept_query(request) -> str:
    """The page's query string with only the family's answers and what a content page reads (its
    `reads`): nothing else its address may hold, such as a name typed into it, is written into
    the page."""
    match = getattr(request, "resolver_match", None)
    reads = getattr(match.func, "page_reads", ()) if match else ()
    keys = answer_keys()
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if name in keys
        or name in reads
        or ((part := DATE_PART.fullmatch(name)) and part[1] in keys)
    ]
    return urlencode(kept)


def address_in(request, code: str) -> str:
    """This page's address in another language: the same path and the family's answers (so they
    come along), under /<code>/ or, for English, with no prefix."""
    path = request.path_info
    current = get_language_from_path(path)
    if current:
        path = path[len(current) + 1 :] or "/"
    if code != english():
        path = f"/{code}{path}"
    query = kept_query(request)
    return get_script_prefix().rstrip("/") + path + (f"?{query}" if query else "")


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Each language of settings.LANGUAGES in its own name, with this page's address in it."""
    request = context.get("request")
    if request is None:
        return []
    current = get_supported_language_variant(get_language())
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": address_in(request, code),
                "current": code == current,
                "dir": "rtl" if info["bidi"] else "ltr",
            }
        )
    return links


@register.simple_tag(takes_context=True)
def unchecked_translation(context) -> str:
    """The English address of this page when its language's translation is not all checked yet
    (the banner links to it), else ''."""
    request = context.get("request")
    if request is None or all_checked():
        return ""
    return address_in(request, english())
