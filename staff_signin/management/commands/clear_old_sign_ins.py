"""Run daily (README, Deploying): sessions past their expiry (every password step makes one, and
nothing else removes them), wrong-password records past the half-hour pause, and the record of
each sign-in after SIGN_IN_RECORDS_KEPT (180 days, for looking back at who signed in when)."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = "Delete expired sessions and sign-in records older than the site keeps them."

    def handle(self, *args, **options):
        now = timezone.now()
        kept_since = now - settings.SIGN_IN_RECORDS_KEPT
        sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
        attempts, _ = AccessAttempt.objects.filter(
            attempt_time__lt=now - settings.AXES_COOLOFF_TIME
        ).delete()
        sign_ins, _ = AccessLog.objects.filter(attempt_time__lt=kept_since).delete()
        failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=kept_since).delete()
        self.stdout.write(
            f"Deleted {sessions} expired sessions, {attempts} wrong-sign-in records past their "
            f"pause and {sign_ins + failures} sign-in records older than "
            f"{settings.SIGN_IN_RECORDS_KEPT.days} days."
        )
