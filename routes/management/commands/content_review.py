"""python manage.py content_review: what needs checking, for a monthly email from cron."""

from django.core.management.base import BaseCommand

from routes.review import overdue_content


class Command(BaseCommand):
    help = "List routes, organisations and Code paragraphs that are due for review."

    def handle(self, *args, **options):
        items = overdue_content()
        if not items:
            self.stdout.write("Everything is up to date: nothing is due for review.")
            return
        self.stdout.write(f"{len(items)} item{'s' if len(items) != 1 else ''} due for review:")
        for item in items:
            self.stdout.write(f"- {item.kind}: {item.label} (due {item.due:%-d %B %Y})")
