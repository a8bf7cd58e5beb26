"""python manage.py export_content > content.json: all content as a fixture that loaddata reads back.

A backup a person can read, and a way to move content between environments. History, staff accounts
and sessions are not content and are left out.
"""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand

CONTENT_MODELS = [
    "routes.codeparagraph",
    "routes.organisation",
    "routes.route",
    "routes.step",
    "routes.routeorganisation",
]


class Command(BaseCommand):
    help = (
        "Write all routes, steps, citations and organisations as a JSON fixture to standard output."
    )

    def handle(self, *args, **options):
        fixture = StringIO()
        call_command("dumpdata", *CONTENT_MODELS, indent=2, stdout=fixture)
        self.stdout.write(fixture.getvalue(), ending="\n")
