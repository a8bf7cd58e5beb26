"""The page cache is shared: an admin save through one server process shows in a page served by
another on the very next request. Two real gunicorn processes, one database, one shared cache."""

import os
import re

import pytest

from tests.routes.admin_form import form_data
from tests.servers import (
    Browser,
    create_superuser,
    fresh_database,
    gunicorn,
    prepare_database,
    production_env,
)

SHARED_CACHES = ["database"]
if os.environ.get("TEST_REDIS_URL"):
    SHARED_CACHES.append("redis")


@pytest.fixture(params=SHARED_CACHES)
def site_env(request, tmp_path):
    """A fresh database that both processes open, and the chosen shared cache."""
    with fresh_database(tmp_path) as database_url:
        yield _prepare(request.param, database_url)


def _prepare(cache_kind, database_url):
    extra = {"DATABASE_URL": database_url, "REDIS_URL": ""}
    if cache_kind == "redis":
        extra["REDIS_URL"] = os.environ["TEST_REDIS_URL"]
    env = production_env(**extra)
    prepare_database(env)
    create_superuser(env)
    if cache_kind == "redis":
        import redis

        redis.Redis.from_url(extra["REDIS_URL"]).flushdb()
    return env


def test_an_admin_save_in_one_process_shows_in_another_at_once(site_env):
    with gunicorn(site_env) as first, gunicorn(site_env) as second:
        reader = Browser(second)
        status, before, _ = reader.request("/routes/appeal/")
        assert status == 200
        assert "Ask the First-tier Tribunal (SEND)" in before
        # Served again from the shared cache.
        assert reader.request("/routes/appeal/")[1] == before

        staff = Browser(first)
        staff.sign_in("admin", "a-long-test-password-1")
        _, listing, _ = staff.request("/admin/routes/route/")
        change = re.search(
            r'href="(/admin/routes/route/\d+/change/)">Appeal to the Tribunal', listing
        )[1]
        _, html, _ = staff.request(change)
        data = form_data(html, "route_form")
        data["summary"] = ["Changed through the first server."]
        status, _, _ = staff.request(change, data)
        assert status == 302, "the admin save failed"

        status, after, _ = reader.request("/routes/appeal/")
        assert status == 200
        assert "Changed through the first server." in after
        assert "Ask the First-tier Tribunal (SEND)" not in after
