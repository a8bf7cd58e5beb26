"""Shipped translations (fixtures/translations/<language>/<fixture>.json) brought into the site:
each field's words go into its column for that language only where that column is empty, so a
translation staff wrote or corrected is never replaced. What is loaded is a draft until checked.

The files list the English fixture's records by pk with only their translated fields
(translation-spec.md): {"model": "routes.route", "pk": 3, "fields": {"title": "…"}}.

A row that corrects words an earlier release shipped lists them under "was" ({"was": {"title":
["…"]}}): a column still holding exactly one of those takes the correction, because staff never
changed it; a column holding anything else is staff's and stays.
"""

import json
from pathlib import Path

import reversion
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname

from routes.models import ContentVersion

from .models import TranslationStatus
from .status import other_languages, translated_fields

# The note beside the versions the loader makes, and on each status it starts.
LOADED = "Translation loaded from {file}"


def natural_keys(model) -> list[tuple[str, ...]]:
    """The field sets that name one item of a model (a slug, a code, a route and organisation)."""
    keys = [(f.name,) for f in model._meta.fields if f.unique and not f.primary_key]
    keys += [c.fields for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    return keys


def live_pks(model, shipped: dict) -> dict:
    """Each English fixture row's pk (`shipped`: pk to fields) mapped to the pk of the item on
    this site with the same slug or code: a release that found a row's pk taken created the item
    under another pk, and a translation must go to that item, not to whatever holds the pk."""
    # A key of plain columns that are not translated: a translated field reads the active
    # language, and its per-language columns (term_en) are words staff may change.
    translated = set(translated_fields(model))
    columns = translated | {
        build_localized_fieldname(name, language)
        for name in translated
        for language in AVAILABLE_LANGUAGES
    }
    key = next(
        (
            k
            for k in natural_keys(model)
            if not any(model._meta.get_field(n).is_relation or n in columns for n in k)
        ),
        None,
    )
    if key is None:
        items = model._default_manager.in_bulk(list(shipped))
        return {
            pk: pk
            for pk, fields in shipped.items()
            if pk in items and _same_item(items[pk], fields, translated)
        }
    live = {tuple(row[:-1]): row[-1] for row in model._default_manager.values_list(*key, "pk")}
    found = {
        pk: live.get(tuple(fields.get(name) for name in key)) for pk, fields in shipped.items()
    }
    return {pk: live_pk for pk, live_pk in found.items() if live_pk is not None}


def _same_item(item, fields: dict, translated: set[str]) -> bool:
    """For a kind with no slug or code (a route's step): the item with the English row's pk is the
    shipped one if any of its translated fields still holds that row's words. Otherwise it may be
    staff's own item under the same pk, and a translation must not go into it."""
    names = [name for name in translated if name in fields]
    return not names or any(
        getattr(item, build_localized_fieldname(name, DEFAULT_LANGUAGE)) == fields[name]
        for name in names
    )


def load_file(path: Path, language: str, english: Path | None = None) -> tuple[int, int]:
    """Fill the empty `language` columns of the items in one translation file, and correct columns
    that still hold words an earlier release shipped (the row's "was"); (items changed, fields kept
    because staff had already written them). With the `english` fixture the rows translate, each
    row goes to the item with that row's slug or code; without it, to the item with its pk."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    english_rows = json.loads(english.read_text(encoding="utf-8")) if english else []
    # Each model's items read in two queries, not one a row.
    items = {}
    for label in dict.fromkeys(row["model"] for row in rows):
        model = apps.get_model(label)
        pks = [row["pk"] for row in rows if row["model"] == label]
        shipped = {row["pk"]: row["fields"] for row in english_rows if row["model"] == label}
        where = live_pks(model, shipped)
        # The item each row is for; none when this site has no item with the row's slug or code.
        target = {pk: where.get(pk, None if pk in shipped else pk) for pk in pks}
        live = model._default_manager.in_bulk([t for t in target.values() if t is not None])
        items[label] = {pk: live.get(t) for pk, t in target.items()}
    changed, kept = [], 0
    # Only the translation's columns are written, not through save(), which would also work out
    # the review date again: the shipped content's review dates (some due now, on purpose) stay.
    # What a save does besides is done here: the content version locked first and moved on once
    # (mark_drafts), and a version of each item kept when a revision is open.
    ContentVersion.lock()
    for row in rows:
        item = items[row["model"]].get(row["pk"])
        if item is None:
            continue
        names = translated_fields(type(item))
        shipped_before = row.get("was", {})
        filled = []
        for name, value in row["fields"].items():
            if name not in names or not value:
                continue
            column = build_localized_fieldname(name, language)
            now = getattr(item, column)
            if now and (now == value or now not in shipped_before.get(name, ())):
                kept += 1
                continue
            setattr(item, column, value)
            filled.append(column)
        if filled:
            type(item)._default_manager.filter(pk=item.pk).update(
                **{column: getattr(item, column) for column in filled}
            )
            if reversion.is_active():
                reversion.add_to_revision(item)
            changed.append(item)
    mark_drafts(changed, language, LOADED.format(file=f"{language}/{path.name}"))
    return len(changed), kept


def mark_drafts(items: list, language: str, note: str) -> None:
    """Record each item's translation into `language` as a draft: it has new words in it, so it
    has not been checked as a whole."""
    if not items:
        return
    types = ContentType.objects.get_for_models(*{type(item) for item in items})
    keys = {(types[type(item)].pk, str(item.pk)): item for item in items}
    found = {
        (status.content_type_id, status.object_id): status
        for status in TranslationStatus.objects.filter(
            language=language,
            content_type__in=set(types.values()),
            object_id__in={object_id for _type, object_id in keys},
        )
    }
    draft = {
        "state": TranslationStatus.DRAFT,
        "checked_by": None,
        "checked_at": None,
        "english_hash": "",
        "note": note[:200],
    }
    for status in found.values():
        for name, value in draft.items():
            setattr(status, name, value)
    # Written together rather than by TranslationStatus.save, which locks the content version
    # and moves it on for each row: here once for them all, in the same order.
    ContentVersion.lock()
    TranslationStatus.objects.bulk_update(found.values(), list(draft))
    TranslationStatus.objects.bulk_create(
        TranslationStatus(content_type_id=type_id, object_id=object_id, language=language, **draft)
        for (type_id, object_id) in keys
        if (type_id, object_id) not in found
    )
    ContentVersion.move_on()


def load_translations(folder: Path) -> list[str]:
    """Load every translation file under `folder` for the languages the site offers; a line for
    each file saying what it did."""
    lines = []
    for language, _name in other_languages():
        for path in sorted((folder / language).glob("*.json")):
            with transaction.atomic(), reversion.create_revision():
                reversion.set_comment(LOADED.format(file=f"{language}/{path.name}"))
                changed, kept = load_file(path, language, folder.parent / path.name)
            lines.append(
                f"translations/{language}/{path.name}: {changed} items filled in, "
                f"{kept} fields kept as staff wrote them."
            )
    return lines
