"""Getting in: throttled logins, strong passwords, admin at a configurable path."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def attempt(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_login_is_locked_after_five_wrong_passwords(client, editor):
    for _ in range(4):
        response = attempt(client, "wrong-password")
        assert response.status_code == 200
        assert b"Too many wrong passwords" not in response.content
    fifth = attempt(client, "wrong-password")
    assert b"Too many wrong passwords" in fifth.content
    # Locked now: even the right password does not get in.
    locked = attempt(client, "a-long-test-password-1")
    assert locked.status_code in (403, 429)
    html = locked.content.decode()
    assert "Too many wrong passwords" in html
    assert "30 minutes" in html
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in(client, editor):
    for _ in range(3):
        attempt(client, "wrong-password")
    response = attempt(client, "a-long-test-password-1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.parametrize("weak", ["password123", "12345678901234", "short"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)
