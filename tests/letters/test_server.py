"""The privacy promise for letters, proved on a real server: a family's names and details travel
only in a POST body, and after a letter is made (on screen and as a Word document) no log line,
database row (the cache table decoded) or Redis key or value holds them.

Run like tests/test_privacy.py: gunicorn with production's settings and logging, at INFO.
"""

import urllib.parse
import urllib.request
import zipfile
from io import BytesIO

import pytest

from tests.test_privacy import _database_text, _redis_text

# Redis's test database is emptied by these tests: they run on one worker, one at a time.
pytestmark = pytest.mark.xdist_group("redis")

NAMES = ["Marguerite Okonkwo-Ferreira", "Tobias Lindqvist-Adeyemi", "Quillfeather", "W7 9ZZ"]


def _get(url: str) -> tuple[dict, str]:
    with urllib.request.urlopen(url) as response:
        return response.headers, response.read().decode()


def _post(url: str, data: dict, origin: str) -> tuple[dict, bytes]:
    # As a browser posts a form: saying which site the page came from.
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(data).encode(), headers={"Origin": origin}
    )
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_a_letter_leaves_no_name_on_the_server(site):
    base, database_url, redis_client, log_path = site
    # The form page, reached from a plan with its (non-personal) decision and date.
    headers, page = _get(
        base + "/letters/tell-mediation-adviser/?decision=refuse-plan&decision_date=2026-10-13"
    )
    assert "no-store" in headers["Cache-Control"]
    assert "Set-Cookie" not in headers and 'method="post"' in page
    details = {
        "parent_name": NAMES[0],
        "parent_address": f"14 {NAMES[2]} Lane\nHanwell {NAMES[3]}",
        "child_name": NAMES[1],
        "appeal_decision": "refuse-plan",
        "mediation_choice": "no",
    }
    address = base + "/letters/tell-mediation-adviser/letter/"
    headers, letter = _post(address, details, base)
    assert headers["Cache-Control"] == "private, no-store"
    assert NAMES[0] in letter.decode() and NAMES[1] in letter.decode()
    headers, word = _post(address, details | {"format": "word"}, base)
    assert headers["Cache-Control"] == "private, no-store"
    with zipfile.ZipFile(BytesIO(word)) as document:
        assert NAMES[1] in document.read("word/document.xml").decode()
    # A refused form (no child's name) echoes what was typed, and keeps it nowhere either.
    _, refused = _post(address, {**details, "child_name": ""}, base)
    assert "There is a problem" in refused.decode()

    log = log_path.read_text()
    database = _database_text(database_url)
    redis_text = _redis_text(redis_client)
    # Each place was really read: the posts were logged, and the letters are in the database.
    assert "POST /letters/tell-mediation-adviser/letter/" in log
    assert "Tell the mediation adviser whether you want mediation" in database
    for name in NAMES:
        assert name not in log, f"{name!r} is in the server's log"
        assert name not in database, f"{name!r} is in the database"
        assert name not in redis_text, f"{name!r} is in Redis"
