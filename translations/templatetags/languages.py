"""The page's language on every public page: {% page_language %} for <html lang dir>, the switcher's
links ({% language_links %}), and whether to say the translation is not yet checked."""

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


def address_in(request, code: str) -> str:
    """This page's address in another language: the same path and the same query string (so a
    family's answers come along), under /<code>/ or, for English, with no prefix."""
    path = request.path_info
    current = get_language_from_path(path)
    if current:
        path = path[len(current) + 1 :] or "/"
    if code != english():
        path = f"/{code}{path}"
    query = request.META.get("QUERY_STRING", "")
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
