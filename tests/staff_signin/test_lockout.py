"""Wrong passwords behind the TLS proxy: nobody can lock a member of staff out from elsewhere
(probe 2026-12, finding 5), and one address cannot spend the password hasher's time on made-up
usernames for ever (finding 7). Requests arrive as the proxy sends them: from the proxy's own
address, with X-Forwarded-For ending in the address the proxy was sent from (nginx's
$proxy_add_x_forwarded_for)."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory

from ealing_send.addresses import client_address
from staff_signin.checks import proxy_count_set

from .test_second_factor import PASSWORD, SECOND_STEP

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
ATTACKER, STAFF_MEMBER = "203.0.113.66", "198.51.100.20"


@pytest.fixture
def behind_the_proxy(settings):
    settings.PROXY_COUNT = 1


def through_the_proxy(client_ip: str, sent: str = "") -> Client:
    """A browser at `client_ip`, reaching the site through the TLS proxy; `sent` is any
    X-Forwarded-For the browser sent itself, which the proxy keeps and adds to."""
    return Client(
        REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{sent}, {client_ip}" if sent else client_ip
    )


def sign_in(client, username, password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_five_wrong_passwords_from_one_client_do_not_lock_the_same_user_out_elsewhere(
    behind_the_proxy, editor
):
    attacker = through_the_proxy(ATTACKER)
    for _ in range(5):
        sign_in(attacker, "editor", "not-the-password")
    # The attacker's own address is paused for that username, even with the right password...
    assert sign_in(attacker, "editor").status_code == 429
    # ...and the member of staff, from their own address, signs in.
    response = sign_in(through_the_proxy(STAFF_MEMBER), "editor")
    assert response.status_code == 302
    assert AccessAttempt.objects.get().ip_address == ATTACKER


def test_what_a_client_writes_in_x_forwarded_for_changes_nothing(behind_the_proxy, editor):
    """Neither an address of the staff member's own put first, nor a new one each time, moves
    the attacker's wrong passwords off their own address."""
    for sent in (STAFF_MEMBER, "192.0.2.1", "192.0.2.2, 192.0.2.3", "garbage", STAFF_MEMBER):
        sign_in(through_the_proxy(ATTACKER, sent=sent), "editor", "not-the-password")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    assert sign_in(through_the_proxy(ATTACKER, sent="192.0.2.9"), "editor").status_code == 429
    assert sign_in(through_the_proxy(STAFF_MEMBER), "editor").status_code == 302


def test_one_address_trying_made_up_usernames_is_paused_and_no_one_else(behind_the_proxy, settings):
    attacker = through_the_proxy(ATTACKER)
    limit = settings.SIGN_IN_FAILURES_PER_ADDRESS
    answers = [sign_in(attacker, f"made-up-{n}", "guess").status_code for n in range(limit + 1)]
    # Each wrong password is answered with the form again until the limit, then paused.
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert answers[limit - 1 :] == [429, 429]
    # Another client, trying the same made-up names, is answered as usual.
    assert sign_in(through_the_proxy(STAFF_MEMBER), "made-up-1", "guess").status_code == 200


def test_the_address_pause_does_not_run_the_password_hasher(behind_the_proxy, settings, editor):
    """A paused address costs a database read, not the hasher's time (finding 7: 350 ms each)."""
    from unittest import mock

    settings.SIGN_IN_FAILURES_PER_ADDRESS = 3
    attacker = through_the_proxy(ATTACKER)
    for n in range(3):
        sign_in(attacker, f"made-up-{n}", "guess")
    with mock.patch("django.contrib.auth.hashers.check_password") as checked:
        assert sign_in(attacker, "editor").status_code == 429
        checked.assert_not_called()


def test_wrong_codes_at_the_second_step_count_towards_the_addresss_limit(
    behind_the_proxy, settings, editor
):
    from tests.second_factor import give_authenticator

    settings.SIGN_IN_FAILURES_PER_ADDRESS = 3
    give_authenticator(editor)
    attacker = through_the_proxy(ATTACKER)
    sign_in(attacker, "made-up", "guess")
    assert sign_in(attacker, "editor").status_code == 302
    attacker.post(SECOND_STEP, {"code": "abcdefgh"})
    response = attacker.post(SECOND_STEP, {"code": "abcdefgh"})
    assert response.status_code == 429


def test_without_a_proxy_the_connections_address_counts_and_the_header_is_ignored(editor):
    forged = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=STAFF_MEMBER)
    for _ in range(5):
        sign_in(forged, "editor", "not-the-password")
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    assert sign_in(Client(REMOTE_ADDR=STAFF_MEMBER), "editor").status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote_addr", "forwarded_for", "client"),
    [
        # No proxy: the connection's own address; the header is the client's and ignored.
        (0, "203.0.113.66", "198.51.100.20", "203.0.113.66"),
        # The TLS proxy alone: the last address in the header, which the proxy wrote.
        (1, "127.0.0.1", "203.0.113.66", "203.0.113.66"),
        (1, "127.0.0.1", "198.51.100.20, 203.0.113.66", "203.0.113.66"),
        (1, "127.0.0.1", "not an address, 203.0.113.66", "203.0.113.66"),
        (1, "10.0.0.2", "2001:db8::66", "2001:db8::66"),
        # A CDN in front of the TLS proxy: the second address from the end.
        (2, "127.0.0.1", "198.51.100.20, 203.0.113.66, 192.0.2.200", "203.0.113.66"),
        # A request that did not come through the proxy: the connection's own address.
        (1, "203.0.113.66", None, "203.0.113.66"),
    ],
)
def test_the_clients_address(settings, proxies, remote_addr, forwarded_for, client):
    settings.PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    assert client_address(RequestFactory().get("/admin/login/", **headers)) == client


def test_check_deploy_warns_when_https_is_required_and_no_proxy_is_counted(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.PROXY_COUNT = 0
    assert [w.id for w in proxy_count_set()] == ["staff_signin.W001"]
    settings.PROXY_COUNT = 1
    assert proxy_count_set() == []
    # A local production-mode run on plain HTTP has no proxy.
    settings.SECURE_SSL_REDIRECT = False
    settings.PROXY_COUNT = 0
    assert proxy_count_set() == []


def test_clear_old_sign_ins_leaves_nothing_past_its_time(editor):
    """The daily job (README): expired sessions, wrong-password records past their pause, and
    sign-in records after SIGN_IN_RECORDS_KEPT."""
    from datetime import timedelta
    from io import StringIO

    import time_machine
    from axes.models import AccessLog
    from django.contrib.sessions.models import Session

    with time_machine.travel(timedelta(days=-200)):
        sign_in(Client(), "editor")
        sign_in(Client(), "editor", "not-the-password")
    today = Client()
    sign_in(today, "editor")
    sign_in(Client(), "editor", "not-the-password")
    assert AccessLog.objects.count() == 2
    assert Session.objects.count() == 2
    out = StringIO()
    call_command("clear_old_sign_ins", stdout=out)
    assert AccessLog.objects.count() == 1
    assert Session.objects.get().session_key == today.session.session_key
    assert AccessAttempt.objects.count() == 1
    assert "Deleted 1 expired sessions" in out.getvalue()
