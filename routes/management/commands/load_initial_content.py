"""python manage.py load_initial_content: load each file in fixtures/ into empty tables only.

Run by `manage.py release` (and so `make run`) with every release, so it must never touch content
staff have already edited. Each fixture file is loaded only when none of the models it holds has a
row: a site that already has routes still gets the first words of a new kind of content (say, the
glossary) when a release adds it, and never gets its edited routes overwritten.

Content the rules name by a key (a model with `named_by`, such as the plan's advice, named by kind
and code) is different: a release whose rules name a new piece brings its first words, so rows whose
key is missing are added, one by one, while every row already there is left as staff keep it.
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

FIXTURES = settings.BASE_DIR / "fixtures"


def models_in(fixture: Path) -> set[type]:
    """The models a fixture file holds rows of."""
    return {apps.get_model(row["model"]) for row in json.loads(fixture.read_text())}


class Command(BaseCommand):
    help = "Load each initial content file whose tables are all empty. Never loads over content."

    def handle(self, *args, **options):
        for fixture in sorted(FIXTURES.glob("*.json")):
            models = models_in(fixture)
            if any(model.objects.exists() for model in models):
                if all(getattr(model, "named_by", None) for model in models):
                    added = add_missing(fixture)
                    self.stdout.write(f"{fixture.name}: {added} new item(s) the rules name added.")
                else:
                    self.stdout.write(f"{fixture.name}: content already exists, not loaded.")
                continue
            with transaction.atomic():
                call_command("loaddata", str(fixture), verbosity=0)
                # Give every item a first version, so the very first staff edit can be undone.
                call_command("populate_history", "--auto", verbosity=0)
            self.stdout.write(self.style.SUCCESS(f"{fixture.name}: loaded."))


def add_missing(fixture: Path) -> int:
    """Add each row of `fixture` whose key (its model's `named_by` fields) no row has yet; leave
    the rest alone. Saved as staff saves are, so each new row starts its history."""
    added = 0
    with transaction.atomic():
        for found in serializers.deserialize("json", fixture.read_text()):
            row = found.object
            key = {name: getattr(row, name) for name in type(row).named_by}
            if type(row).objects.filter(**key).exists():
                continue
            row.pk = None  # the database numbers it: a number in the file may be taken
            row.save()
            added += 1
    return added
