"""Where each language's translation of the staff content stands: missing, draft, out of date or
checked, for the staff report and for the public pages' "not yet checked" banner."""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, get_supported_language_variant
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from routes.models import ContentVersion

from .models import TranslationStatus

MISSING = "missing"
DRAFT = "draft"
OUT_OF_DATE = "out of date"
CHECKED = "checked"
# The report lists what needs work first.
STATE_ORDER = (MISSING, OUT_OF_DATE, DRAFT, CHECKED)


def english() -> str:
    """The language the content is written in, which counts (settings.LANGUAGES' "en")."""
    return get_supported_language_variant(settings.LANGUAGE_CODE)


def other_languages() -> list[tuple[str, str]]:
    """Every language of settings.LANGUAGES but English, as (code, name)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != english()]


def translated_models() -> list[type[models.Model]]:
    """The content models with translated fields, in the content apps' order."""
    registered = set(translator.get_registered_models())
    return [
        model
        for label in settings.CONTENT_APPS
        for model in registered
        if model._meta.app_label == label
    ]


def translated_fields(model) -> tuple[str, ...]:
    """The names of a model's translated fields (its translation.py), in a fixed order."""
    return tuple(sorted(translator.get_options_for_model(model).get_field_names()))


def words(item: models.Model, name: str, language: str) -> str:
    """One field's words in one language, exactly as stored ('' when none)."""
    return getattr(item, build_localized_fieldname(name, language)) or ""


def english_hash(item: models.Model) -> str:
    """A fingerprint of the item's English words: it changes when any of them changes."""
    english_words = [words(item, name, english()) for name in translated_fields(type(item))]
    return hashlib.sha256(json.dumps(english_words).encode()).hexdigest()


def translation_state(
    missing: bool, status: str | None, checked_hash: str, current_hash: str
) -> str:
    """Missing if a field with English has no translation; else checked only if someone checked it
    against the English as it is now; out of date if the English changed since; else a draft."""
    if missing:
        return MISSING
    if status != TranslationStatus.CHECKED:
        return DRAFT
    return CHECKED if checked_hash == current_hash else OUT_OF_DATE


@dataclass(frozen=True)
class ReportRow:
    """One item's translation into one language, and where it stands."""

    item: models.Model
    language: str
    state: str
    missing: tuple[str, ...]
    status: TranslationStatus | None

    @property
    def published(self) -> bool:
        return getattr(self.item, "is_published", True)


def _rows_for(model, language: str) -> list[ReportRow]:
    names = translated_fields(model)
    statuses = {
        s.object_id: s
        for s in TranslationStatus.objects.filter(
            content_type=ContentType.objects.get_for_model(model), language=language
        ).select_related("checked_by")
    }
    rows = []
    for item in model._default_manager.all():
        english_words = [words(item, name, english()) for name in names]
        if not any(w.strip() for w in english_words):
            continue
        missing = tuple(
            name
            for name, source in zip(names, english_words, strict=True)
            if source.strip() and not words(item, name, language).strip()
        )
        status = statuses.get(str(item.pk))
        state = translation_state(
            bool(missing),
            status.state if status else None,
            status.english_hash if status else "",
            english_hash(item),
        )
        rows.append(ReportRow(item, language, state, missing, status))
    return rows


def report(language: str) -> list[ReportRow]:
    """Every translated item in `language`, what needs work first."""
    rows = [row for model in translated_models() for row in _rows_for(model, language)]
    return sorted(rows, key=lambda row: STATE_ORDER.index(row.state))


def mark(item: models.Model, language: str, user, checked: bool) -> TranslationStatus:
    """Record the item's translation as checked by `user` against today's English, or as a draft."""
    status, _ = TranslationStatus.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=str(item.pk),
        language=language,
    )
    status.state = TranslationStatus.CHECKED if checked else TranslationStatus.DRAFT
    status.checked_by = user if checked else None
    status.checked_at = timezone.now() if checked else None
    status.english_hash = english_hash(item) if checked else ""
    status.save()
    return status


# Per language, (content version, whether every published item is checked): each replaced whole.
_kept: dict[str, tuple[str, bool]] = {}


def all_checked(language: str | None = None) -> bool:
    """Whether every published item is translated into the language (the active one by default)
    and checked against its English as it is now; always true for English. Worked out once per
    content version, which moves on with every content save and every status change."""
    language = get_supported_language_variant(language or get_language())
    if language == english():
        return True
    version = ContentVersion.current()
    kept = _kept.get(language)
    if kept is None or kept[0] != version:
        checked = all(row.state == CHECKED for row in report(language) if row.published)
        kept = (version, checked)
        _kept[language] = kept
    return kept[1]
