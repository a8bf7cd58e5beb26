"""python manage.py forget_feedback_counts: delete the feedback form's expired hourly counts from
the database cache (hourly from cron when there is no REDIS_URL; Redis deletes them itself)."""

from django.core.management.base import BaseCommand

from feedback.throttle import forget_expired_counts


class Command(BaseCommand):
    help = "Delete the feedback form's expired hourly counts from the database cache."

    def handle(self, *args, **options):
        deleted = forget_expired_counts()
        self.stdout.write(f"{deleted} expired feedback count{'s' if deleted != 1 else ''} deleted.")
