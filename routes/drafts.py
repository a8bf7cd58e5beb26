"""Drafts of a change to a live page: the page as the change would make it, kept aside, previewed
by staff exactly as the public would see it, and then published."""

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from reversion.utils import mute_signals

from .models import Draft
from .versions import page_parts


def page_rows(obj: models.Model) -> list[models.Model]:
    """The item and the rows on its page (steps, links), as they are in the database."""
    rows = [obj]
    for relation in page_parts(type(obj)):
        rows += list(relation.related_model.objects.filter(**{relation.field.name: obj}))
    return rows


def serialised_page(obj: models.Model) -> str:
    """The item and the rows on its page, as JSON."""
    return serializers.serialize("json", page_rows(obj))


def keep_draft(obj: models.Model, user, page: str, based_on: str) -> Draft:
    """Keep `page` (the item and its rows, serialised) as the item's draft of the live page
    `based_on`."""
    draft, _ = Draft.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        defaults={"page": page, "based_on": based_on, "saved_by": user},
    )
    return draft


def live_page_changed(draft: Draft, obj: models.Model) -> bool:
    """Whether the live page has changed since the draft was saved (by a colleague, say)."""
    return serialised_page(obj) != draft.based_on


def draft_of(obj: models.Model) -> Draft | None:
    return (
        Draft.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("saved_by")
        .first()
    )


def apply_draft(draft: Draft, obj: models.Model) -> None:
    """Make the page what the draft says: its fields, steps and links; rows not in it go."""
    kept = set()
    for row in serializers.deserialize("json", draft.page, ignorenonexistent=True):
        row.save()
        kept.add((type(row.object), row.object.pk))
    for relation in page_parts(type(obj)):
        model = relation.related_model
        for row in model.objects.filter(**{relation.field.name: obj}):
            if (model, row.pk) not in kept:
                row.delete()


class _Preview(Exception):
    def __init__(self, response):
        self.response = response


def preview(draft: Draft, obj: models.Model, render) -> object:
    """`render()` run with the draft applied, then undone: nothing is saved, the content version
    does not move, and no kept page or published content sees it."""
    try:
        with (
            transaction.atomic(),
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed),
        ):
            apply_draft(draft, obj)
            response = render()
            if hasattr(response, "render"):
                response.render()
            raise _Preview(response)
    except _Preview as done:
        return done.response
