"""python manage.py release: what runs once for each release, before the new version serves.

Migrate, make the database cache table, and load the initial content into an empty database only.
Replicas run none of this when they start; the platform runs it once (a release phase, a job). On
PostgreSQL it holds an advisory lock, so a release started twice by mistake runs one after the other.
"""

from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any fixed number, the same in every release: the lock's name.
RELEASE_LOCK = 7_300_011


@contextmanager
def one_release_at_a_time():
    """Wait for any other release to finish (PostgreSQL); SQLite has a single writer anyway."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [RELEASE_LOCK])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [RELEASE_LOCK])


class Command(BaseCommand):
    help = (
        "Run once per release: migrate, make the cache table, and load the initial content "
        "into an empty database only (never over staff edits)."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        with one_release_at_a_time():
            call_command("migrate", interactive=False, verbosity=verbosity)
            call_command("createcachetable", verbosity=verbosity)
            call_command("load_initial_content", verbosity=verbosity)
