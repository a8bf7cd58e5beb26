"""A one-time code signs in once, even when two sessions send it at the same instant (probe
2026-12, finding 6: 15 of 40 rounds on PostgreSQL signed both in). The device's row is locked
while its code is checked and used (staff_signin.devices.code_accepted)."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_signin.devices import code_accepted, new_recovery_codes, verified_device
from tests.second_factor import app_code, give_authenticator


@pytest.mark.django_db
def test_an_app_code_checked_against_the_device_as_it_was_read_before_its_use_is_refused(editor):
    """The second session read the device before the first used the code: it is checked against
    the device as it is now."""
    device = give_authenticator(editor)
    read_before = TOTPDevice.objects.get(pk=device.pk)
    code = app_code(device)
    assert verified_device(editor, code) == device
    assert not code_accepted(read_before, code)


@pytest.mark.django_db
def test_a_recovery_code_checked_against_the_device_as_it_was_read_before_its_use_is_refused(
    editor,
):
    code = new_recovery_codes(editor)[0]
    read_before = StaticDevice.objects.get(user=editor)
    assert verified_device(editor, code) == read_before
    assert not code_accepted(read_before, code)
    assert verified_device(editor, code) is None


def wait_for(done, seconds: float) -> None:
    """Poll in small sleeps: under CI's faketime a thread's own timed waits may never end
    (as tests/routes/test_lock_order.py)."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        time.sleep(0.05)


def two_sessions_at_once(user, code, monkeypatch, slow_down) -> list:
    """Check `code` in two threads (each its own database connection) at the same instant, each
    held for a moment at `slow_down` (class, method name), after it has read the device or the
    code and before it writes: without the lock, both find the code unused."""
    cls, name = slow_down
    method = getattr(cls, name)

    def slowly(self, *args, **kwargs):
        time.sleep(0.3)
        return method(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, slowly)
    results, ready = [], []

    def session():
        try:
            ready.append(True)
            wait_for(lambda: len(ready) == 2, 5)
            results.append(verified_device(user, code) is not None)
        finally:
            connection.close()

    threads = [threading.Thread(target=session) for _ in range(2)]
    for thread in threads:
        thread.start()
    wait_for(lambda: not any(t.is_alive() for t in threads), 20)
    assert not any(t.is_alive() for t in threads)
    return results


@pytest.fixture
def racer(django_user_model):
    """A member of staff of the test's own (a transactional test's flush takes the roles)."""
    return django_user_model.objects.create_user("racer", password="a-long-test-password-1")


postgresql_only = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="two connections at once: PostgreSQL's row locks (the tests' SQLite is one file)",
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_an_app_code_sent_by_two_sessions_at_once_signs_in_one(racer, monkeypatch):
    device = give_authenticator(racer)
    results = two_sessions_at_once(
        racer, app_code(device), monkeypatch, slow_down=(TOTPDevice, "verify_token")
    )
    assert sorted(results) == [False, True]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_recovery_code_sent_by_two_sessions_at_once_signs_in_one(racer, monkeypatch):
    code = new_recovery_codes(racer)[0]
    results = two_sessions_at_once(racer, code, monkeypatch, slow_down=(StaticToken, "delete"))
    assert sorted(results) == [False, True]
