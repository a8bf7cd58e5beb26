"""python manage.py export_content > content.json: all content as a fixture that loaddata reads back.

A backup a person can read, and a way to move content between environments. History, staff accounts
and sessions are not content and are left out.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand

from routes.models import content_models


class Command(BaseCommand):
    help = (
        "Write all routes, steps, citations and organisations as a JSON fixture to standard output."
    )

    def handle(self, *args, **options):
        fixture = StringIO()
        labels = [model._meta.label_lower for model in content_models()]
        call_command("dumpdata", *labels, indent=2, stdout=fixture)
        self.stdout.write(fixture.getvalue(), ending="\n")
