"""A staff save through one server process shows in a page served by another on the very next
request (with CONTENT_VERSION_CHECK_SECONDS=0; by default, within a second), whatever the shared
cache is doing: two real gunicorn processes on one database."""

import os
import re

import pytest

from tests.routes.admin_form import form_data
from tests.servers import (
    Browser,
    create_superuser,
    free_port,
    gunicorn,
    prepared_database,
    production_env,
)

# Redis's test database is emptied by these tests: they run on one worker, one at a time.
pytestmark = pytest.mark.xdist_group("redis")

# The shared cache: the database's table, Redis when CI has it, and Redis configured but down.
CACHES = ["database", "redis-down"]
if os.environ.get("TEST_REDIS_URL"):
    CACHES.append("redis")


@pytest.fixture(params=CACHES)
def site_env(request, tmp_path):
    """A fresh database that both processes open, and the chosen shared cache."""
    with prepared_database(tmp_path) as database_url:
        redis_url = {
            "database": "",
            "redis": os.environ.get("TEST_REDIS_URL", ""),
            # Nothing listens there: every cache call fails.
            "redis-down": f"redis://127.0.0.1:{free_port()}/0",
        }[request.param]
        # Read the content version on every request, so "the very next request" is the promise.
        env = production_env(
            DATABASE_URL=database_url, REDIS_URL=redis_url, CONTENT_VERSION_CHECK_SECONDS="0"
        )
        create_superuser(env)
        yield env


def test_an_admin_save_in_one_process_shows_in_another_at_once(site_env):
    with gunicorn(site_env) as first, gunicorn(site_env) as second:
        reader = Browser(second)
        status, before, _ = reader.request("/routes/appeal/")
        assert status == 200
        assert "Ask the First-tier Tribunal (SEND)" in before
        assert reader.request("/routes/appeal/")[1] == before

        staff = Browser(first)
        staff.sign_in("admin", "a-long-test-password-1")
        _, listing, _ = staff.request("/admin/routes/route/")
        change = re.search(
            r'href="(/admin/routes/route/\d+/change/)">Appeal to the Tribunal', listing
        )[1]
        _, html, _ = staff.request(change)
        data = form_data(html, "route_form")
        data["summary_en"] = ["Changed through the first server."]
        status, _, _ = staff.request(change, data)
        assert status == 302, "the admin save failed"
        _, html, _ = staff.request(change)
        assert "Changed through the first server." in html, "the save was not kept"

        status, after, _ = reader.request("/routes/appeal/")
        assert status == 200
        assert "Changed through the first server." in after
        assert "Ask the First-tier Tribunal (SEND)" not in after
