"""Whole-page versions (django-reversion): every content model is versioned with the rows on its
page, and each version's changes are put in words for the History page."""

from dataclasses import dataclass

import reversion
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from .models import content_models


def page_parts(model: type[models.Model]) -> list[models.ManyToOneRel]:
    """The rows that belong on an item's page: rows of another content model whose link to the item
    deletes them with it (a route's steps and organisation links; an organisation's links)."""
    content = set(content_models())
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.related_model in content
        and relation.on_delete is models.CASCADE
    ]


def register_content_versions() -> None:
    """Version every content model with its page's rows, so one version is the whole page and
    restoring it brings back its steps and links. New content apps are versioned by being named
    in settings.CONTENT_APPS."""
    for model in content_models():
        if not reversion.is_registered(model):
            follow = [relation.get_accessor_name() for relation in page_parts(model)]
            reversion.register(model, follow=follow)


@dataclass(frozen=True)
class PageVersion:
    """One saved version of a page, for the History list."""

    version: Version
    saved_at: object
    saved_by: str
    changes: list[str]
    note: str


def _label(model: type[models.Model], name: str) -> str:
    """A field's name as staff know it; a translation's with its language ("title in Polish")."""
    translation = _translations(model).get(name)
    if translation is not None:
        field, language = translation
        return f"{_label(model, field)} in {get_language_info(language)['name']}"
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a field the model no longer has
        return name.replace("_", " ")


def _translations(model: type[models.Model]) -> dict[str, tuple[str, str]]:
    """Each translated field's column per language the database keeps, offered or not
    (django-modeltranslation), with the field and the language it holds: {"title_pl": ("title",
    "pl")}."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return {}
    return {
        build_localized_fieldname(name, code): (name, code)
        for name in names
        for code in AVAILABLE_LANGUAGES
    }


def _compared(model: type[models.Model], name: str) -> bool:
    """Whether a change to this field is one to tell staff about: not a field kept for the
    machine, and not a translated field's English column, which is the field itself."""
    translation = _translations(model).get(name)
    english = translation is not None and translation[1] == DEFAULT_LANGUAGE
    return name not in NOT_WORDS and name != "id" and not english


def _differ(old, new) -> bool:
    """Whether two stored values differ; an empty translation is empty whether None or ''."""
    if isinstance(new, list | tuple | set) or isinstance(old, list | tuple | set):
        return sorted(map(str, new or [])) != sorted(map(str, old or []))
    return (old if old is not None else "") != (new if new is not None else "")


def _rows(version: Version, relation: models.ManyToOneRel) -> dict[str, dict]:
    """The rows of one part of the page (say, the steps) in a version, by id."""
    model = relation.related_model
    field = relation.field.attname
    rows = {}
    for part in version.revision.version_set.all():
        if part.content_type.model_class() is not model:
            continue
        data = part.field_dict
        if str(data.get(field)) == str(version.object_id):
            rows[part.object_id] = data
    return rows


# Fields kept for the machine, not changed by a person.
NOT_WORDS = {"updated_at", "review_due", "sort_key"}


def _row_name(relation: models.ManyToOneRel, row: dict, position: int) -> str:
    """'step 2 ‘Check you can appeal’', or for a link the item at its other end: 'IPSEA'."""
    model = relation.related_model
    if "title" in row:
        return f"{model._meta.verbose_name} {position} ‘{row['title']}’"
    for field in model._meta.concrete_fields:
        if field.is_relation and field.attname != relation.field.attname:
            other = field.remote_field.model.objects.filter(pk=row.get(field.attname)).first()
            noun = field.remote_field.model._meta.verbose_name
            return f"{noun} ‘{other}’" if other else f"{noun} (since deleted)"
    return str(model._meta.verbose_name)


def _ordered(rows: dict[str, dict]) -> list[tuple[str, dict]]:
    return sorted(rows.items(), key=lambda item: (item[1].get("order") or 0, int(item[0])))


def describe_changes(older: Version | None, newer: Version, model: type[models.Model]) -> list[str]:
    """What a person changed from one version of a page to the next, in plain words."""
    if older is None:
        return ["First version"]
    changes = []
    before, after = older.field_dict, newer.field_dict
    for name, value in after.items():
        if _compared(model, name) and _differ(before.get(name), value):
            changes.append(f"Changed {_label(model, name)}")
    for relation in page_parts(model):
        part = relation.related_model
        old_rows, new_rows = _rows(older, relation), _rows(newer, relation)
        for position, (pk, row) in enumerate(_ordered(new_rows), start=1):
            name = _row_name(relation, row, position)
            if pk not in old_rows:
                changes.append(f"Added {name}")
                continue
            fields = [
                _label(part, field)
                for field, value in row.items()
                if _compared(part, field) and _differ(old_rows[pk].get(field), value)
            ]
            if "title" not in row and fields:
                fields = ["its place in the list"]
            if fields:
                changes.append(f"Changed {name}: {', '.join(fields)}")
        for position, (pk, row) in enumerate(_ordered(old_rows), start=1):
            if pk not in new_rows:
                changes.append(f"Removed {_row_name(relation, row, position)}")
    return changes or ["Saved with no changes"]


def plain_note(comment: str) -> str:
    """A version's note in plain words: reversion's own notes are reworded; Django's lists of
    changed fields are left out, as the changes are described from the versions themselves."""
    prefix = "Reverted to previous version, saved on "
    if comment.startswith(prefix):
        return f"Restored the version saved on {comment[len(prefix) :]}"
    if comment.startswith(("[", "Changed ")) or comment in ("Initial version.", "First version"):
        return ""
    return comment


def page_history(obj: models.Model) -> list[PageVersion]:
    """Every version of an item's page, newest first, each with who, when and what changed."""
    versions = list(
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("revision__date_created", "pk")
    )
    model = type(obj)
    rows = []
    older = None
    for version in versions:
        user = version.revision.user
        rows.append(
            PageVersion(
                version=version,
                saved_at=timezone.localtime(version.revision.date_created),
                saved_by=(user.get_full_name() or user.get_username()) if user else "The system",
                changes=describe_changes(older, version, model),
                note=plain_note(version.revision.comment),
            )
        )
        older = version
    return rows[::-1]
