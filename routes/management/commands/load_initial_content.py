"""python manage.py load_initial_content: bring each file in fixtures/ to the site, never over edits.

Run by `manage.py release` (and so `make run`) with every release. For each fixture file:
- tables all empty: load it (a new site, or a new kind of content such as the glossary);
- content already there: apply the release's corrections field by field, only where staff left
  the words the last release shipped; where staff changed them too, keep the staff words and add a
  line to the item's review notes (routes/content_release.py decides which is which).
What each release shipped is kept in ShippedContent, so the next release can tell the two apart.
Then the shipped translations (fixtures/translations/<language>/*.json) fill the translated
fields' empty columns for their language, never a column staff have written in
(translations/loader.py).
"""

import json

import reversion
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import translation
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from routes.content_release import release_plan
from routes.models import ShippedContent, today
from translations.loader import load_translations, natural_keys

FIXTURES = settings.BASE_DIR / "fixtures"
# The note beside the versions a release's corrections make.
CORRECTED = "Corrected by a release"


def models_in(rows: list[dict]) -> list[type[models.Model]]:
    """The models a fixture's rows belong to, in the order they first appear."""
    return list(dict.fromkeys(apps.get_model(row["model"]) for row in rows))


def live_rows(content_models) -> dict:
    """The site's rows of these models, written as a fixture writes them."""
    rows = {}
    for model in content_models:
        for row in json.loads(serializers.serialize("json", model.objects.all())):
            rows[(row["model"], row["pk"])] = row["fields"]
    return rows


def reset_sequences(content_models) -> None:
    """Move PostgreSQL's id sequences past the rows there are (nothing on SQLite). Rows saved with
    their fixture's pk do not move a sequence on (loaddata resets them; a save does not): without
    this, staff's next new item of that kind would be refused a taken id."""
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), content_models):
            cursor.execute(sql)


def remapped(model, fields: dict, new_pks: dict) -> dict:
    """Fields with references to items this release created pointed at their pks on this site."""
    fields = dict(fields)
    for field in model._meta.get_fields():
        if not field.concrete or not field.is_relation or field.name not in fields:
            continue
        label = field.related_model._meta.label_lower
        value = fields[field.name]
        if field.many_to_many:
            fields[field.name] = [new_pks.get((label, pk), pk) for pk in value]
        else:
            fields[field.name] = new_pks.get((label, value), value)
    return fields


def english_columns(model, fields: dict) -> dict:
    """Fields with each translated field's English column holding its words: a fixture is in
    English, and the site reads a translated field's English from that column
    (django-modeltranslation), which would otherwise keep the words it had."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return fields
    english = {
        build_localized_fieldname(name, DEFAULT_LANGUAGE): fields[name]
        for name in names
        if name in fields
    }
    return {**fields, **english}


def save(model, pk, fields: dict) -> models.Model:
    """Save a row through the model's own save(), so versions, review dates and the content
    version follow as they do for a staff edit."""
    fields = english_columns(model, fields)
    row = {"model": model._meta.label_lower, "pk": pk, "fields": fields}
    item = next(serializers.deserialize("python", [row]))
    item.object.save()
    for name, pks in item.m2m_data.items():
        getattr(item.object, name).set(pks)
    return item.object


def note_kept_edit(item: models.Model, fixture: str, names: list[str]) -> None:
    """Tell staff, on the item (or the route a step belongs to), that their words were kept."""
    if not hasattr(item, "review_notes"):
        parents = [
            getattr(item, f.name)
            for f in item._meta.fields
            if f.many_to_one and hasattr(f.related_model, "review_notes")
        ]
        if not parents:
            return
        item = parents[0]
    item.review_notes = (f"{item.review_notes}\n\n" if item.review_notes else "") + (
        f"{today():%-d %B %Y}: a release brought new words for {', '.join(names)} "
        f"({fixture}), where you had already changed them. Your words were kept: compare them "
        f"with the release's."
    )
    item.save()


class Command(BaseCommand):
    help = "Load initial content into empty tables and apply its corrections where staff left it."

    def handle(self, *args, **options):
        # The fixtures are the English, and a translated field read or written without a language
        # is the active language's column: make it English, whatever the caller had active.
        with translation.override(settings.LANGUAGE_CODE):
            self.load_all()

    def load_all(self):
        for fixture in sorted(FIXTURES.glob("*.json")):
            rows = json.loads(fixture.read_text())
            with transaction.atomic():
                self.stdout.write(f"{fixture.name}: {self.bring(fixture.name, rows)}")
        for line in load_translations(FIXTURES / "translations"):
            self.stdout.write(line)

    def bring(self, name: str, rows: list[dict]) -> str:
        content_models = models_in(rows)
        shipped = ShippedContent.objects.filter(fixture=name).first()
        if not any(model.objects.exists() for model in content_models):
            call_command("loaddata", str(FIXTURES / name), verbosity=0)
            # Give every item a first version, so the very first staff edit can be undone.
            call_command("createinitialrevisions", comment="First version", verbosity=0)
            outcome = "loaded."
        elif shipped is None:
            outcome = "content already exists and no earlier release is recorded: left as it is."
        else:
            # Each item the release corrects gets a version, so staff see the change in History.
            with reversion.create_revision():
                reversion.set_comment(CORRECTED)
                outcome = self.correct(name, rows, shipped.rows, content_models)
        ShippedContent.objects.update_or_create(fixture=name, defaults={"rows": rows})
        return outcome

    def correct(self, name: str, rows: list[dict], shipped_rows: list[dict], content_models) -> str:
        plan = release_plan(
            {(row["model"], row["pk"]): row["fields"] for row in shipped_rows},
            [((row["model"], row["pk"]), row["fields"]) for row in rows],
            live_rows(content_models),
        )
        if not plan:
            return "up to date."
        release = {(row["model"], row["pk"]): row["fields"] for row in rows}
        created = list(dict.fromkeys(apps.get_model(label) for label, _pk in plan.create))
        # A sequence an earlier release left behind would give a new row a taken id.
        reset_sequences(created)
        new_pks = {}
        for label, pk in plan.create:
            model = apps.get_model(label)
            fields = remapped(model, release[label, pk], new_pks)
            same = next(
                (
                    found
                    for key in natural_keys(model)
                    if all(name in fields for name in key)
                    for found in model.objects.filter(**{n: fields[n] for n in key})[:1]
                ),
                None,
            )
            if same is None:
                free = not model.objects.filter(pk=pk).exists()
                same = save(model, pk if free else None, fields)
            new_pks[label, pk] = same.pk
        reset_sequences(created)
        for (label, pk), changes in plan.update.items():
            model = apps.get_model(label)
            live = json.loads(serializers.serialize("json", model.objects.filter(pk=pk)))[0]
            save(model, pk, {**live["fields"], **remapped(model, changes, new_pks)})
        for label, pk in plan.delete:
            apps.get_model(label).objects.filter(pk=pk).delete()
        for (label, pk), names in plan.kept_edits.items():
            item = apps.get_model(label).objects.filter(pk=pk).first()
            if item is not None:
                note_kept_edit(item, name, names)
        return (
            f"{len(plan.create)} added, {len(plan.update)} corrected, {len(plan.delete)} removed, "
            f"{len(plan.kept_edits)} kept as staff edited them (noted for review)."
        )
