"""A language offered in settings.LANGUAGES must be one the database keeps columns for and one
Django knows; `manage.py check` (and every server start) says what is missing and how to add it."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.utils.translation import check_for_language, get_language_info
from modeltranslation.settings import AVAILABLE_LANGUAGES


@register()
def offered_languages(app_configs=None, **kwargs) -> list:
    """An error for each offered language without columns or without Django's name for it, and a
    warning for one whose interface words have no catalogue (its addresses would not answer)."""
    problems = []
    for code, _name in settings.LANGUAGES:
        if code not in AVAILABLE_LANGUAGES:
            problems.append(
                Error(
                    f"The site offers {code!r}, but staff content keeps no columns for it.",
                    hint="Add it to MODELTRANSLATION_LANGUAGES, then run makemigrations.",
                    id="translations.E001",
                )
            )
        try:
            get_language_info(code)
        except KeyError:
            problems.append(
                Error(
                    f"Django does not know the language {code!r}.",
                    hint="Add its name, name_local and bidi to LANG_INFO in settings.",
                    id="translations.E002",
                )
            )
            continue
        if not check_for_language(code):
            problems.append(
                Warning(
                    f"No interface words for {code!r}: its pages would not answer.",
                    hint=f"manage.py makemessages -l {code}, translate, then compilemessages.",
                    id="translations.W001",
                )
            )
    return problems
