"""The privacy promise, proved on a real server: "We do not store your answers".

A family walks the questionnaire to a plan, a calendar file and the deadline calculator with
distinctive dates, on gunicorn with production's logging. Afterwards no log line, database row
(the cache table included, decoded) or Redis key or value holds those dates in any form.
"""

import base64
import os
import pickle
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.clock import NOON_TODAY, SERVER_CLOCK
from tests.servers import gunicorn, prepared_database, production_env

# Dates no content or default uses: the family's decision letter, their mediation certificate, and
# the appeal deadline worked out from them (as the plan, the calendar file and the query write them).
SECRETS = [
    "2026-10-13",
    "13 October 2026",
    "2026-11-17",
    "17 November 2026",
    "17 December 2026",
    "20261217",
    "_0=13&",
]
ANSWERS = "who=parent&concern=la-decision&decision=cease-plan"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Answer a redirect as it is, so its headers can be read."""

    def redirect_request(self, *args, **kwargs):
        return None


WALK = [
    "/what-can-i-do/who/answer/?who=parent",
    "/what-can-i-do/concern/answer/?who=parent&concern=la-decision",
    f"/what-can-i-do/decision/answer/?{ANSWERS}",
    f"/what-can-i-do/decision_date/answer/?{ANSWERS}"
    "&decision_date_0=13&decision_date_1=10&decision_date_2=2026",
    f"/what-can-i-do/mediation/answer/?{ANSWERS}&decision_date=2026-10-13&mediation=yes",
    f"/what-can-i-do/certificate_date/answer/?{ANSWERS}&decision_date=2026-10-13&mediation=yes"
    "&certificate_date_0=17&certificate_date_1=11&certificate_date_2=2026",
    f"/what-can-i-do/check/?{ANSWERS}&decision_date=2026-10-13&mediation=yes"
    "&certificate_date=2026-11-17",
    f"/what-can-i-do/result/?{ANSWERS}&decision_date=2026-10-13&mediation=yes"
    "&certificate_date=2026-11-17",
    f"/what-can-i-do/result/calendar.ics?{ANSWERS}&decision_date=2026-10-13&mediation=yes"
    "&certificate_date=2026-11-17",
    # Is the council on time? (the calculator stays last: the checks below read it there).
    "/council-deadlines/?request_date_0=13&request_date_1=10&request_date_2=2026"
    "&review_meeting_date_0=17&review_meeting_date_1=11&review_meeting_date_2=2026",
    "/council-deadlines/calendar.ics?request_date=2026-10-13&review_meeting_date=2026-11-17",
    "/deadlines/?decision_date_0=13&decision_date_1=10&decision_date_2=2026"
    "&certificate_date_0=17&certificate_date_1=11&certificate_date_2=2026",
]

CACHES = ["database"]
if os.environ.get("TEST_REDIS_URL"):
    CACHES.append("redis")


@pytest.fixture(params=CACHES)
def site(request, tmp_path):
    """A production server with its database, shared cache and log file."""
    with prepared_database(tmp_path) as database_url:
        redis_url = os.environ["TEST_REDIS_URL"] if request.param == "redis" else ""
        env = production_env(
            DATABASE_URL=database_url,
            REDIS_URL=redis_url,
            DJANGO_LOG_LEVEL="INFO",
            # The dates below are in the past on the day the server lives on.
            **{SERVER_CLOCK: NOON_TODAY.isoformat()},
        )
        redis_client = None
        if redis_url:
            import redis

            redis_client = redis.Redis.from_url(redis_url)
            redis_client.flushdb()
            # A canary, so a scan that reads nothing cannot pass.
            redis_client.set("canary", "Appeal to the Tribunal")
        log_path = tmp_path / "server.log"
        with (
            log_path.open("w") as log,
            gunicorn(env, workers=2, log=log, app="tests.frozen_wsgi") as base,
        ):
            yield base, database_url, redis_client, log_path


def _every_row(table: str, columns: str = "*") -> str:
    return f'SELECT {columns} FROM "{table}" t'  # noqa: S608 - table names from the catalogue


def _cache_values(connection, tables) -> list[str]:
    """Django's database cache table, when the site uses it (not with Redis)."""
    if "page_cache" not in tables:
        return []
    return [r[0] for r in connection.execute("SELECT value FROM page_cache")]


def _database_text(database_url: str) -> str:
    """Every row of every table, as text, with the cache table's pickled values decoded."""
    if database_url.startswith("sqlite"):
        import sqlite3

        path = Path(database_url.removeprefix("sqlite:///"))
        raw = b"".join(
            p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file()
        ).decode("utf-8", "replace")
        connection = sqlite3.connect(path)
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        rows = [str(row) for t in tables for row in connection.execute(_every_row(t))]
        cached = _cache_values(connection, tables)
        connection.close()
    else:
        import psycopg

        with psycopg.connect(database_url) as connection:
            tables = [
                r[0]
                for r in connection.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                )
            ]
            rows = [
                str(row) for t in tables for row in connection.execute(_every_row(t, "t::text"))
            ]
            cached = _cache_values(connection, tables)
        raw = ""
    decoded = [repr(pickle.loads(base64.b64decode(value))) for value in cached]  # noqa: S301
    return "\n".join([raw, *rows, *decoded])


def _redis_text(client) -> str:
    if client is None:
        return ""
    found = []
    for key in client.scan_iter():
        found.append(key.decode("utf-8", "replace"))
        if client.type(key) == b"string":
            found.append(client.get(key).decode("utf-8", "replace"))
    return "\n".join(found)


def test_nothing_a_family_tells_us_is_stored_on_the_server(site):
    base, database_url, redis_client, log_path = site
    pages = {}
    for path in WALK:
        with urllib.request.urlopen(base + path) as response:
            pages[path] = (response.headers, response.read().decode())
    plan = pages[WALK[7]][1]
    # The walk really carried the dates: the plan and calculator show them.
    assert "13 October 2026" in plan and "17 November 2026" in plan
    assert "17 December 2026" in pages[WALK[-1]][1]
    assert "20261217" in pages[WALK[8]][1]
    assert "Tuesday 13 October 2026" in pages[WALK[9]][1]  # the council's timeline
    for path, (headers, _) in pages.items():
        assert "no-store" in headers["Cache-Control"], path

    # "Is this page useful?" answered from the plan, as a browser sends it: the plan's address,
    # answers and all, is the Referer and the page field. The answer is kept; the address is not.
    plan_address = base + WALK[7]
    feedback = urllib.request.Request(
        base + "/page-feedback/",
        data=urllib.parse.urlencode(
            {"page": WALK[7], "useful": "yes", "comment": "Clear plan, thank you"}
        ).encode(),
        headers={"Origin": base, "Referer": plan_address},
    )
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answered:
        opener.open(feedback)
    assert answered.value.code == 303
    assert answered.value.headers["Location"] == WALK[7] + "#feedback-thanks"
    assert "no-store" in answered.value.headers["Cache-Control"]
    assert "Set-Cookie" not in answered.value.headers

    # A malformed request line, which gunicorn itself reports in its error log.
    with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as raw:
        raw.sendall(b"GET /what-can-i-do/result/?decision_date=2026-10-13\x01 HTTP/1.1\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 400")

    # The promise the privacy page makes is the one this test proves.
    with urllib.request.urlopen(base + "/privacy/") as response:
        privacy = response.read().decode()
    assert "They are not saved in our database, in our cache, in our records of pages visited" in (
        privacy
    )

    log = log_path.read_text()
    database = _database_text(database_url)
    redis_text = _redis_text(redis_client)
    # Each place was really read: requests were logged, content and the canary are there.
    assert "GET /what-can-i-do/result/" in log
    assert "Appeal to the Tribunal" in database
    assert "Clear plan, thank you" in database
    if redis_client is not None:
        assert "Appeal to the Tribunal" in redis_text
    for secret in SECRETS:
        assert secret not in log, f"{secret!r} is in the server's log"
        assert secret not in database, f"{secret!r} is in the database"
        assert secret not in redis_text, f"{secret!r} is in Redis"
