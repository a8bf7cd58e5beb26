"""python manage.py load_initial_content: load each file in fixtures/ into empty tables only.

Run by `manage.py release` (and so `make run`) with every release, so it must never touch content
staff have already edited. Each fixture file is loaded only when none of the models it holds has a
row: a site that already has routes still gets the first words of a new kind of content (say, the
glossary) when a release adds it, and never gets its edited routes overwritten.
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
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
            if any(model.objects.exists() for model in models_in(fixture)):
                self.stdout.write(f"{fixture.name}: content already exists, not loaded.")
                continue
            with transaction.atomic():
                call_command("loaddata", str(fixture), verbosity=0)
                # Give every item a first version, so the very first staff edit can be undone.
                call_command("createinitialrevisions", comment="First version", verbosity=0)
            self.stdout.write(self.style.SUCCESS(f"{fixture.name}: loaded."))
