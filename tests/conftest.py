"""Shared fixtures: the collected static files, the real content, staff accounts in each role."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.test import Client
from django.utils import translation

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
def fresh_content_version():
    """Each test reads the content version afresh: the token this process last read may come from
    a transaction an earlier test rolled back."""
    from routes.models import ContentVersion

    ContentVersion.forget()
    yield
    ContentVersion.forget()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request leaves its page's language active in the thread; the next test starts in English
    (a translated field read outside a request is the active language's)."""
    yield
    translation.deactivate()


@pytest.fixture
def content(db):
    """The site's initial content, as `make run` loads it."""
    call_command("load_initial_content", verbosity=0)


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


@pytest.fixture(scope="session", autouse=True)
def collected_static_files():
    """The hashed static files that production settings serve, collected when missing or older than
    their sources, so `pytest` on its own works as well as `make test`."""
    if not (settings.BASE_DIR / "static" / "css" / "main.css").exists():
        pytest.exit("static/css/main.css is missing: run `make setup` to build the CSS.", 2)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists() or manifest.stat().st_mtime < _newest_static_source():
        call_command("collectstatic", interactive=False, verbosity=0)
