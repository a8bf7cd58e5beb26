"""python manage.py load_initial_content: load fixtures/content.json into an empty database only.

Run by `manage.py release` (and so `make run`) with every release, so it must never touch content
staff have already edited: if any row of any content model exists, it does nothing.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from routes.models import content_models

FIXTURE = settings.BASE_DIR / "fixtures" / "content.json"


class Command(BaseCommand):
    help = "Load the initial content into an empty database. Does nothing if there is content."

    def handle(self, *args, **options):
        if any(model.objects.exists() for model in content_models()):
            self.stdout.write("Content already exists: the initial content was not loaded.")
            return
        with transaction.atomic():
            call_command("loaddata", str(FIXTURE), verbosity=0)
            # Give every item a first version, so the very first staff edit can be undone.
            call_command("populate_history", "--auto", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Loaded the initial content from {FIXTURE.name}."))
