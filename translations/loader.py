"""Shipped translations (fixtures/translations/<language>/<fixture>.json) brought into the site:
each field's words go into its column for that language only where that column is empty, so a
translation staff wrote or corrected is never replaced. What is loaded is a draft until checked.

The files list the English fixture's records by pk with only their translated fields
(translation-spec.md): {"model": "routes.route", "pk": 3, "fields": {"title": "…"}}.
"""

import json
from pathlib import Path

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from .models import TranslationStatus
from .status import other_languages, translated_fields

# The note beside the versions the loader makes, and on each status it starts.
LOADED = "Translation loaded from {file}"


def load_file(path: Path, language: str) -> tuple[int, int]:
    """Fill the empty `language` columns of the items in one translation file; (items changed,
    fields kept because staff had already written them)."""
    changed = kept = 0
    for row in json.loads(path.read_text(encoding="utf-8")):
        model = apps.get_model(row["model"])
        item = model._default_manager.filter(pk=row["pk"]).first()
        if item is None:
            continue
        names = translated_fields(model)
        filled = []
        for name, value in row["fields"].items():
            if name not in names or not value:
                continue
            column = build_localized_fieldname(name, language)
            if getattr(item, column):
                kept += 1
                continue
            setattr(item, column, value)
            filled.append(column)
        if not filled:
            continue
        item.save()
        # A translation with new words in it has not been checked as a whole: a draft again.
        TranslationStatus.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            object_id=str(item.pk),
            language=language,
            defaults={
                "state": TranslationStatus.DRAFT,
                "checked_by": None,
                "checked_at": None,
                "english_hash": "",
                "note": LOADED.format(file=f"{language}/{path.name}")[:200],
            },
        )
        changed += 1
    return changed, kept


def load_translations(folder: Path) -> list[str]:
    """Load every translation file under `folder` for the languages the site offers; a line for
    each file saying what it did."""
    lines = []
    for language, _name in other_languages():
        for path in sorted((folder / language).glob("*.json")):
            with transaction.atomic(), reversion.create_revision():
                reversion.set_comment(LOADED.format(file=f"{language}/{path.name}"))
                changed, kept = load_file(path, language)
            lines.append(
                f"translations/{language}/{path.name}: {changed} items filled in, "
                f"{kept} fields kept as staff wrote them."
            )
    return lines
