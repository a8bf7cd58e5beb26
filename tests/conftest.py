"""Shared fixtures: the collected static files, the real content, staff accounts in each role.

The initial content is loaded once per run (per xdist worker), into the test database, as
`make run` loads it; each test runs in a transaction rolled back to it. A test that needs the
empty tables of a new site asks for `empty_content`, which deletes them inside its transaction.
After every test that used the database, `pytest_runtest_teardown` checks that the database is as
the run loaded it, so a test whose writes outlive it (a wider fixture writing past the rollback,
say) fails where it leaks rather than in some later test.
"""

import os
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import translation

from tests.clock import CONTENT_LOADED
from tests.second_factor import verify_client

# --machine-clock=YYYY-MM-DD (or TEST_MACHINE_CLOCK) runs the session as if on that day.
pytest_plugins = ["tests.machine_clock"]


@pytest.fixture(autouse=True)
def force_login_passes_second_factor(monkeypatch):
    """The admin answers only staff who have passed a second factor: a test client signed in with
    force_login has passed it too (with an authenticator app, as django_otp.login records it).
    Tests of the sign-in itself sign in through its pages instead."""
    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        verify_client(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture(autouse=True)
def fresh_content_version(request):
    """Each test reads the content version afresh (the token this process last read may come from
    a transaction an earlier test rolled back), and a test with the database starts on a token of
    its own, in its transaction: nothing this process kept for the content an earlier test saw
    (pages, published content, rendered text) is served to it, as when every test loaded the
    content anew."""
    from routes.models import ContentVersion

    ContentVersion.forget()
    database = _database_use(request.node)
    if database:
        request.getfixturevalue("transactional_db" if database == "transactional" else "db")
        ContentVersion.move_on()
    yield
    ContentVersion.forget()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request leaves its page's language active in the thread; the next test starts in English
    (a translated field read outside a request is the active language's)."""
    yield
    translation.deactivate()


def load_content() -> None:
    """The initial content into the test database, as `make run` loads it, on the day before the
    tests' day: every version a test saves is newer than the content's first versions, whatever
    day the test's clock says (none says earlier)."""
    with time_machine.travel(CONTENT_LOADED, tick=True):
        call_command("load_initial_content", verbosity=0)
    ContentFingerprint.taken = ContentFingerprint.take()


class ContentFingerprint:
    """For every table, its row count and the total length of its text: a row added or removed
    anywhere, or any words changed (by a save or an update()), changes it."""

    taken: tuple | None = None

    @staticmethod
    def take() -> tuple:
        quote = connection.ops.quote_name
        names, sums = [], []
        for model in apps.get_models(include_auto_created=True):
            if not model._meta.managed or model._meta.proxy:
                continue
            text = [
                f"COALESCE(LENGTH({quote(field.column)}), 0)"
                for field in model._meta.concrete_fields
                if field.get_internal_type() in ("CharField", "TextField", "SlugField")
            ]
            table = quote(model._meta.db_table)
            # The models' own tables and columns, so nothing to inject.
            sums.append(f"(SELECT COUNT(*) FROM {table})")  # noqa: S608
            sums.append(f"(SELECT SUM({' + '.join(text) or '0'}) FROM {table})")  # noqa: S608
            names += [f"{model._meta.db_table} rows", f"{model._meta.db_table} text"]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(sums)}")
            return tuple(zip(names, cursor.fetchone(), strict=True))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database with the site's initial content, loaded once for the whole run."""
    with django_db_blocker.unblock():
        load_content()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test's fixtures are gone (its transaction rolled back): a transactional test's
    database was emptied (flushed), so the content is loaded again; any other test must have left
    the database exactly as the run loaded it."""
    result = yield
    database = _database_use(item)
    if ContentFingerprint.taken is None or database is None:
        return result
    blocker = item.config.stash[django_db_blocker_key]
    with blocker.unblock():
        if database == "transactional":
            # Back to the newest schema first: a migration test may leave it elsewhere.
            call_command("migrate", verbosity=0)
            load_content()
        else:
            now = ContentFingerprint.take()
            changed = [
                f"{name}: {before} -> {after}"
                for (name, before), (_, after) in zip(ContentFingerprint.taken, now, strict=True)
                if before != after
            ]
            if changed:
                # Put the database back, so that only the test that leaked fails.
                call_command("flush", interactive=False, verbosity=0)
                load_content()
                raise AssertionError(
                    f"{item.nodeid} left the test database changed after its rollback: "
                    + "; ".join(changed)
                )
    return result


def _database_use(item) -> str | None:
    """How a test used the database: "transactional" (its writes were committed, then flushed),
    "rolled back", or None."""
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or (
        marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,))
    ):
        return "transactional"
    if marker or "db" in names:
        return "rolled back"
    return None


django_db_blocker_key = pytest.StashKey()


@pytest.fixture(scope="session", autouse=True)
def _remember_db_blocker(request, django_db_blocker):
    request.config.stash[django_db_blocker_key] = django_db_blocker


@pytest.fixture
def content(db):
    """The site's initial content, as `make run` loads it: loaded once for the run (see
    django_db_setup), so asking for it says what a test reads and gives it the database."""


@pytest.fixture
def empty_content(request):
    """The empty tables of a new site, before its first `release`: every content row gone, versions
    and the content version included, inside this test's transaction (or committed, in a
    transactional test: the content is loaded again after it)."""
    from reversion.models import Revision

    from routes.models import ContentVersion

    transactional = _database_use(request.node) == "transactional"
    request.getfixturevalue("transactional_db" if transactional else "db")
    content_apps = [*settings.CONTENT_APPS, "translations"]
    for model in apps.get_models():
        if model._meta.app_label in content_apps and not model._meta.proxy:
            model._base_manager.all().delete()
    Revision.objects.all().delete()
    ContentVersion.objects.all().delete()
    ContentVersion.forget()


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """In this process, passwords are hashed with a fast hasher: no test here checks the hashing
    itself, and production's PBKDF2 costs half a second a user. Real servers the tests start keep
    production's hashers (they read the real settings)."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.org", "a-long-test-password-1")


def _staff(username, group_name):
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", "Content editor")


@pytest.fixture
def manager(db):
    return _staff("manager", "Content manager")


def _newest_static_source() -> float:
    """When the newest static file that collectstatic would collect was last changed."""
    newest = 0.0
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            newest = max(newest, os.path.getmtime(storage.path(path)))
    return newest


def pytest_sessionstart(session):
    """The hashed static files that production settings serve, collected when missing or older than
    their sources, so `pytest` on its own works as well as `make test`: once, by the process that
    runs the session (never by each of pytest-xdist's workers at once)."""
    if hasattr(session.config, "workerinput"):
        return
    if not (settings.BASE_DIR / "static" / "css" / "main.css").exists():
        pytest.exit("static/css/main.css is missing: run `make setup` to build the CSS.", 2)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists() or manifest.stat().st_mtime < _newest_static_source():
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """On a pytest-xdist worker with `--dist loadgroup`, every test with an xdist_group mark must
    carry its group in its id, or xdist silently spreads the group over workers (as it did with
    pytest 9.2: pytest-xdist issue 1386), and tests that share a server or Redis collide."""
    if not getattr(config.option, "loadgroup", False):
        return
    lost = [i.nodeid for i in items if i.get_closest_marker("xdist_group") and "@" not in i.nodeid]
    if lost:
        raise pytest.UsageError(
            f"pytest-xdist is not grouping {len(lost)} tests marked xdist_group, such as {lost[0]}"
        )
