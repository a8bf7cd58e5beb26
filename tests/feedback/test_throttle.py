"""The hourly limit keeps no address and nothing that turns a code back into one (probe 2026-12,
finding 9); a cache that cannot be reached costs the answer, never a 500 (finding 8)."""

import hashlib
import socket
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils.crypto import salted_hmac

from feedback.models import PageFeedback
from feedback.throttle import COUNT_PREFIX, visitor_code
from tests.clock import NOON_TODAY, TODAY

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
ADDRESS = "198.51.100.77"
DATABASE_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "page_cache",
    }
}


def redis_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/14",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }


@pytest.fixture
def database_cache():
    with override_settings(CACHES=DATABASE_CACHE):
        caches["default"].clear()
        yield
        caches["default"].clear()


def send(client, address=ADDRESS, comment="", **headers):
    return client.post(
        "/page-feedback/",
        {"page": "/routes/appeal/", "useful": "no", "comment": comment},
        HTTP_ORIGIN=HOST,
        REMOTE_ADDR=address,
        **headers,
    )


def cache_rows() -> list[tuple[str, str]]:
    """The database cache as stored: (key, value) with the value decoded."""
    import base64
    import pickle

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM page_cache")
        rows = cursor.fetchall()
    return [(key, repr(pickle.loads(base64.b64decode(value)))) for key, value in rows]  # noqa: S301


def probe_reverse(salt: str, digest: str, addresses) -> str | None:
    """probe/throttle_reverse.py's method: sha256("<salt>:<address>") for each address."""
    for address in addresses:
        if hashlib.sha256(f"{salt}:{address}".encode()).hexdigest() == digest:
            return address
    return None


def test_the_cache_holds_a_code_and_a_count_and_no_salt(client, database_cache):
    with time_machine.travel(NOON_TODAY, tick=False):
        send(client)
    rows = cache_rows()
    assert [key.split(":", 2)[-1] for key, _ in rows] == [
        COUNT_PREFIX + visitor_code(ADDRESS, TODAY)
    ]
    assert [value for _, value in rows] == ["1"]
    assert all(ADDRESS not in key + value for key, value in rows)


def test_the_code_cannot_be_matched_to_the_address_without_the_secret_key(client, database_cache):
    with time_machine.travel(NOON_TODAY, tick=False):
        send(client)
    ((key, value),) = cache_rows()
    digest = key.rsplit(":", 1)[-1]
    nearby = [f"198.51.100.{n}" for n in range(256)]
    # The probe's way: every value the cache holds (and none) tried as the salt. Nothing matches.
    for salt in ("", value, TODAY.isoformat(), key):
        assert probe_reverse(salt, digest, nearby) is None
    # Nor does the right construction with any key but the site's own.
    with override_settings(SECRET_KEY="another-key-" + "x" * 50):
        assert visitor_code(ADDRESS, TODAY) != digest
    # The site, with its key, finds its own visitor again (so the above could have failed).
    day_key = f"feedback.throttle:{TODAY.isoformat()}"
    assert salted_hmac(day_key, ADDRESS, algorithm="sha256").hexdigest() == digest


def test_one_visitors_codes_on_two_days_differ():
    assert visitor_code(ADDRESS, TODAY) != visitor_code(ADDRESS, TODAY + timedelta(days=1))


def test_with_the_database_cache_an_expired_count_does_not_stay_behind(client, database_cache):
    with time_machine.travel(NOON_TODAY, tick=False) as clock:
        send(client, address="192.0.2.1")
        first = COUNT_PREFIX + visitor_code("192.0.2.1", TODAY)
        assert any(key.endswith(first) for key, _ in cache_rows())
        clock.shift(timedelta(minutes=61))
        # Django's database cache alone would keep that row until the table passed 300 rows.
        send(client, address="192.0.2.2")
        keys = [key for key, _ in cache_rows()]
    assert not any(key.endswith(first) for key in keys)
    assert len(keys) == 1


def test_the_old_schemes_salt_and_codes_are_deleted(client, database_cache):
    cache = caches["default"]
    cache.set("feedback-salt:2026-11-27", "0123456789abcdef", 86400)
    cache.set("feedback-count:" + "a" * 64, 3, 3600)
    cache.set("someone-elses-entry", "kept", 3600)
    send(client)
    keys = [key.split(":", 2)[-1] for key, _ in cache_rows()]
    assert "someone-elses-entry" in keys
    assert not any(key.startswith(("feedback-salt:", "feedback-count:")) for key in keys)


def test_the_command_deletes_expired_counts_for_a_schedule(client, database_cache, capsys):
    with time_machine.travel(NOON_TODAY, tick=False) as clock:
        send(client)
        clock.shift(timedelta(minutes=61))
        call_command("forget_feedback_counts")
        assert cache_rows() == []
    assert "1 expired feedback count deleted." in capsys.readouterr().out


@pytest.fixture
def closed_port():
    """A port nothing listens on (a privileged one no test opens): connecting is refused."""
    return 1


@pytest.fixture
def silent_port():
    """A port that takes connections and never answers, as a hung Redis does."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


@pytest.mark.parametrize("port", ["closed_port", "silent_port"], ids=["stopped", "hung"])
def test_with_redis_down_the_visitor_gets_the_thank_you_and_nothing_is_kept(
    client, request, port, caplog
):
    with override_settings(CACHES=redis_at(request.getfixturevalue(port))):
        response = send(client, comment="Still useful")
    assert response.status_code == 303
    assert response["Location"] == "/routes/appeal/#feedback-thanks"
    assert not PageFeedback.objects.exists()
    assert "the cache failed" in caplog.text
    assert ADDRESS not in caplog.text


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("", "a secret key that only our servers hold"),
        ("/pl", "tajnego klucza, który mają tylko nasze serwery"),
        ("/ur", "ایک خفیہ کلید سے بنتا ہے جو صرف ہمارے سرورز کے پاس ہے"),
    ],
)
def test_the_privacy_page_says_what_the_limit_keeps_in_each_language(client, prefix, words):
    page = client.get(prefix + "/privacy/").content.decode()
    assert words in page
    assert "scrambled" not in page
