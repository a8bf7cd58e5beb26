"""Staff sign in with a password and a second factor; nothing in the admin answers before both."""

import re
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.second_factor import app_code, give_authenticator

PASSWORD = "a-long-test-password-1"
SECOND_STEP = "/admin/sign-in/second-step/"
SET_UP = "/admin/sign-in/set-up/"


def password_only(username) -> Client:
    """A browser that has given the right password and nothing more."""
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def wrong_code(device) -> str:
    """Six digits the device would refuse: none of the codes it accepts around now."""
    now = time.time()
    accepted = {app_code(device, at=now + 30 * step) for step in (-2, -1, 0, 1, 2)}
    return next(c for c in (f"{n:06d}" for n in range(10)) if c not in accepted)


def second_step(client, code, next_url="/admin/"):
    return client.post(SECOND_STEP, {"code": code, "next": next_url})


@pytest.fixture
def admin_urls(content, superuser):
    """One address from each family of admin pages."""
    from django.contrib.contenttypes.models import ContentType

    from routes.models import Organisation, Route

    route = Route.objects.first()
    organisation = Organisation.objects.first()
    from reversion.models import Version

    version = Version.objects.get_for_object(route).first().pk
    route_type = ContentType.objects.get_for_model(Route).pk
    return [
        f"/admin/routes/route/{route.pk}/history/{version}/",
        "/admin/routes/organisation/recover/",
        "/admin/routes/organisation/add/?_to_field=id&_popup=1",
        f"/admin/r/{route_type}/{route.pk}/",
        "/admin/",
        "/admin/routes/route/",
        f"/admin/routes/route/{route.pk}/change/",
        f"/admin/routes/route/{route.pk}/history/",
        f"/admin/routes/organisation/{organisation.pk}/delete/",
        "/admin/routes/organisation/add/",
        "/admin/autocomplete/?app_label=routes&model_name=route&field_name=organisations",
        "/admin/auth/user/",
        f"/admin/auth/user/{superuser.pk}/password/",
        "/admin/password_change/",
        "/admin/jsi18n/",
        "/admin/sign-in/",
        "/admin/sign-in/recovery-codes/",
        "/admin/sign-in/colleagues/",
        f"/admin/sign-in/colleagues/{superuser.pk}/reset/",
        "/admin/routes/",
    ]


def test_no_admin_page_answers_after_the_password_alone(admin_urls, editor):
    give_authenticator(editor)
    client = password_only("editor")
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url
        # …which sends the person on to the second step.
        assert client.get(response["Location"])["Location"].startswith(SECOND_STEP), url


def test_no_admin_page_answers_before_the_second_factor_is_set_up(admin_urls, editor):
    client = password_only("editor")
    for url in admin_urls:
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0].startswith(SET_UP), url
        assert "Set up your second step" in response.text


def test_the_admin_answers_a_superuser_after_both_steps(admin_urls, superuser):
    device = give_authenticator(superuser)
    client = password_only("admin")
    assert second_step(client, app_code(device)).status_code == 302
    for url in admin_urls:
        if "/colleagues/" in url:
            continue  # nobody resets their own
        response = client.get(url)
        # Recovery codes show once, after set-up, else the page leads to your methods; "view on
        # site" leads to the public page.
        if url.endswith("/recovery-codes/") or url.startswith("/admin/r/"):
            assert response.status_code == 302, url
            assert "/login/" not in response["Location"], url
        else:
            assert response.status_code == 200, url


def test_a_code_from_the_tests_clock_signs_in_and_a_used_code_is_refused(editor):
    device = give_authenticator(editor)
    client = password_only("editor")
    code = app_code(device, at=time.time())
    response = second_step(client, code, next_url="/admin/routes/route/")
    assert response["Location"] == "/admin/routes/route/"
    assert client.get("/admin/").status_code == 200

    again = password_only("editor")
    response = second_step(again, code)
    assert response.status_code == 200
    assert "That code did not work" in response.text
    assert again.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused(editor):
    device = give_authenticator(editor)
    client = password_only("editor")
    response = second_step(client, wrong_code(device))
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert client.get("/admin/").status_code == 302


def test_recovery_codes_work_once_each(editor):
    give_authenticator(editor)
    from staff_signin.devices import new_recovery_codes

    codes = new_recovery_codes(editor)
    assert len(set(codes)) == 10
    first = password_only("editor")
    assert second_step(first, codes[0].upper())["Location"] == "/admin/"
    second = password_only("editor")
    assert second_step(second, codes[1])["Location"] == "/admin/"
    again = password_only("editor")
    assert second_step(again, codes[0]).status_code == 200
    assert again.get("/admin/").status_code == 302
    assert StaticToken.objects.filter(device__user=editor).count() == 8


def test_first_sign_in_sets_up_an_app_then_shows_recovery_codes(editor):
    client = password_only("editor")
    page = client.get(SET_UP)
    assert page.status_code == 200
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="QR code', page.text)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    key = re.search(r'<code id="setup-key">([A-Z2-7 ]+)</code>', page.text)[1]
    assert key.replace(" ", "") in device.config_url

    response = client.post(SET_UP, {"code": app_code(device), "next": "/admin/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", codes_page.text)
    assert len(codes) == 10
    assert client.post(response["Location"], {"next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # Shown once: after that, the page offers new codes instead of showing these.
    assert client.get("/admin/sign-in/recovery-codes/")["Location"] == "/admin/sign-in/"
    # Now set up, the next sign-in asks for a code, not a new set-up.
    assert password_only("editor").get(SET_UP)["Location"].startswith(SECOND_STEP)


def test_a_wrong_first_code_does_not_finish_the_set_up(editor):
    client = password_only("editor")
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(SET_UP, {"code": wrong_code(device), "next": "/admin/"})
    assert response.status_code == 200
    assert "That code did not work" in response.text
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_five_wrong_codes_lock_the_second_step_even_for_the_right_code(editor, settings):
    device = give_authenticator(editor)
    client = password_only("editor")
    for _ in range(4):
        device.refresh_from_db()
        device.throttling_failure_timestamp = None  # past the device's own short waits
        device.save()
        assert second_step(client, wrong_code(device)).status_code == 200
    device.refresh_from_db()
    device.throttle_reset()
    response = second_step(client, wrong_code(device))
    assert response.status_code == 429
    assert "paused for 30 minutes" in response.text
    device.refresh_from_db()
    device.throttle_reset()
    # Signing in again with the right password does not lift the lock on the second step.
    again = password_only("editor")
    response = second_step(again, app_code(device))
    assert response.status_code == 429
    assert again.get("/admin/").status_code == 302
    assert AccessAttempt.objects.filter(username="second-step:editor").exists()


def test_the_device_itself_slows_down_after_a_wrong_code(editor):
    device = give_authenticator(editor)
    client = password_only("editor")
    second_step(client, wrong_code(device))
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    # The wait doubles with each wrong code; after ten it is over eight minutes, and the right
    # code within the wait is refused too (django-otp's throttling).
    device.throttling_failure_count = 10
    device.save()
    response = second_step(client, app_code(device))
    assert response.status_code == 200
    assert "Wait a few seconds after a wrong code" in response.text
    assert client.get("/admin/").status_code == 302


def test_a_manager_resets_a_colleagues_second_factor_and_it_is_recorded(client, manager, editor):
    give_authenticator(editor)
    client.force_login(manager)
    page = client.get("/admin/sign-in/colleagues/")
    assert "<td>editor</td>" in page.text
    assert "<td>manager</td>" not in page.text
    response = client.post(f"/admin/sign-in/colleagues/{editor.pk}/reset/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    entry = LogEntry.objects.get(object_id=str(editor.pk))
    assert entry.user == manager
    assert entry.change_message == "Reset the second factor of editor."
    # Managers see it on the page; superusers also in the person's history.
    assert "Reset the second factor of editor." in client.get("/admin/sign-in/colleagues/").text
    # The colleague sets up a new one at their next sign-in.
    assert password_only("editor").get(SECOND_STEP)["Location"].startswith(SET_UP)


def test_nobody_resets_their_own_second_factor(client, manager, superuser):
    client.force_login(manager)
    assert client.post(f"/admin/sign-in/colleagues/{manager.pk}/reset/").status_code == 404
    assert TOTPDevice.objects.filter(user=manager).exists()
    # A manager cannot reset a superuser's either; a superuser cannot reset their own.
    assert client.post(f"/admin/sign-in/colleagues/{superuser.pk}/reset/").status_code == 404
    client.force_login(superuser)
    assert client.post(f"/admin/sign-in/colleagues/{superuser.pk}/reset/").status_code == 404
    assert LogEntry.objects.count() == 0


def test_an_editor_cannot_reset_anyones(client, editor, manager):
    client.force_login(editor)
    assert client.get("/admin/sign-in/colleagues/").status_code == 403
    assert client.post(f"/admin/sign-in/colleagues/{manager.pk}/reset/").status_code == 403


def test_the_device_admin_pages_are_not_offered(client, superuser):
    client.force_login(superuser)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


def test_a_signed_in_session_lasts_a_working_day(editor):
    device = give_authenticator(editor)
    client = password_only("editor")
    second_step(client, app_code(device))
    assert client.session.get_expiry_age() == 8 * 60 * 60
    assert client.cookies["sessionid"]["max-age"] == 8 * 60 * 60


def test_an_expired_session_is_signed_out(editor, settings):
    import time_machine

    device = give_authenticator(editor)
    client = password_only("editor")
    second_step(client, app_code(device))
    with time_machine.travel(timedelta(hours=8, minutes=1)):
        assert client.get("/admin/").status_code == 302


def test_a_password_change_signs_out_other_sessions_and_keeps_this_one(editor):
    device = give_authenticator(editor)
    here, elsewhere = password_only("editor"), password_only("editor")
    second_step(here, app_code(device))
    device.refresh_from_db()
    # The second session uses a recovery code (the app's code is used for this 30 seconds).
    from staff_signin.devices import new_recovery_codes

    second_step(elsewhere, new_recovery_codes(editor)[0])
    assert elsewhere.get("/admin/").status_code == 200
    new = "another-long-password-2"
    response = here.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert here.get("/admin/").status_code == 200
    assert elsewhere.get("/admin/").status_code == 302
    assert User.objects.get(pk=editor.pk).check_password(new)


def test_logging_out_works_between_the_steps(editor):
    give_authenticator(editor)
    client = password_only("editor")
    assert client.post("/admin/logout/").status_code == 200
    assert client.get(SECOND_STEP)["Location"] == "/admin/login/"


def test_the_first_superuser_can_sign_in_locally_with_a_code_from_the_command_line(superuser):
    """README: without a phone to hand, `manage.py addstatictoken admin` prints a one-time code."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("addstatictoken", "admin", stdout=out)
    client = password_only("admin")
    assert second_step(client, out.getvalue().strip())["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
