"""Staff are signed out after 30 minutes without an admin page (OWASP ASVS 4.0.3 V3.3.2), and
eight hours after signing in however busy (probe 2026-12, finding 13)."""

from datetime import timedelta

import pytest
import time_machine

from tests.second_factor import app_code, give_authenticator

from .test_second_factor import password_only, second_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(editor):
    device = give_authenticator(editor)
    client = password_only("editor")
    second_step(client, app_code(device))
    assert client.get("/admin/").status_code == 200
    return client


def test_29_minutes_idle_is_still_signed_in(signed_in):
    with time_machine.travel(timedelta(minutes=29)):
        assert signed_in.get("/admin/").status_code == 200


def test_31_minutes_idle_signs_out_and_asks_to_sign_in_again(signed_in):
    with time_machine.travel(timedelta(minutes=31)):
        response = signed_in.get("/admin/routes/route/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/login/?next=/admin/routes/route/"
        # Signed out for good, not only for that page.
        assert signed_in.get("/admin/").status_code == 302


def test_a_busy_day_ends_eight_hours_after_signing_in(signed_in):
    for minutes in range(20, 8 * 60, 20):
        with time_machine.travel(timedelta(minutes=minutes)):
            assert signed_in.get("/admin/").status_code == 200, minutes
    with time_machine.travel(timedelta(hours=8, minutes=1)):
        assert signed_in.get("/admin/").status_code == 302


def test_public_pages_neither_keep_staff_signed_in_nor_write_their_session(content, signed_in):
    response = signed_in.get("/routes/appeal/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    with time_machine.travel(timedelta(minutes=20)):
        signed_in.get("/routes/appeal/")
    with time_machine.travel(timedelta(minutes=31)):
        assert signed_in.get("/admin/").status_code == 302


def test_idle_between_the_password_and_the_second_step_starts_again(editor):
    give_authenticator(editor)
    client = password_only("editor")
    assert client.get(SECOND := "/admin/sign-in/second-step/").status_code == 200
    with time_machine.travel(timedelta(minutes=31)):
        assert client.get(SECOND)["Location"] == "/admin/login/"
