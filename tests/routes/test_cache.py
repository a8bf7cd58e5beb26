"""Public pages come from the shared cache, and any content save clears them at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from routes.models import Organisation, Route, Step

pytestmark = pytest.mark.django_db

CACHED_PAGES = [
    "/",
    "/routes/",
    "/routes/appeal/",
    "/routes/print/",
    "/organisations/",
    "/organisations/ipsea/",
    "/what-can-i-do/",
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-01&mediation=no",
]


def content_queries(queries):
    """Queries that read content, not the cache table."""
    return [q["sql"] for q in queries if "page_cache" not in q["sql"]]


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_repeat_view_reads_no_content_from_the_database(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert content_queries(queries.captured_queries) == []


def _edit_route_summary():
    route = Route.objects.get(slug="appeal")
    route.summary = "Freshly edited summary."
    route.save()


def _edit_step():
    step = Step.objects.filter(route__slug="appeal").first()
    step.title = "Freshly edited step"
    step.save()


def _edit_organisation():
    organisation = Organisation.objects.get(slug="ipsea")
    organisation.name = "Freshly edited IPSEA"
    organisation.save()


def _unpublish_route():
    route = Route.objects.get(slug="appeal")
    route.is_published = False
    route.save()


def _remove_citation():
    Route.objects.get(slug="appeal").citations.clear()


@pytest.mark.parametrize(
    ("edit", "url", "before", "after"),
    [
        (
            _edit_route_summary,
            "/routes/appeal/",
            "Ask the First-tier Tribunal",
            "Freshly edited summary.",
        ),
        (_edit_route_summary, "/", "Ask the First-tier Tribunal", "Freshly edited summary."),
        (_edit_step, "/routes/appeal/", "Check you can appeal", "Freshly edited step"),
        (_edit_organisation, "/organisations/", ">IPSEA<", "Freshly edited IPSEA"),
        (_edit_organisation, "/routes/appeal/", ">IPSEA<", "Freshly edited IPSEA"),
        (_remove_citation, "/routes/appeal/", "paragraph 11.45", "What to do"),
    ],
    ids=["route page", "home page", "step", "organisation list", "organisation on route", "m2m"],
)
def test_a_content_save_shows_on_the_very_next_request(client, content, edit, url, before, after):
    assert before in client.get(url).content.decode()
    edit()
    html = client.get(url).content.decode()
    assert after in html
    if edit is _remove_citation:
        assert before not in html


def test_an_unpublished_route_disappears_at_once(client, content):
    assert client.get("/routes/appeal/").status_code == 200
    _unpublish_route()
    assert client.get("/routes/appeal/").status_code == 404


def test_signed_in_staff_never_get_or_fill_the_public_cache(client, content, editor):
    Route.objects.filter(slug="appeal").update(is_published=False)
    client.force_login(editor)
    assert client.get("/routes/appeal/").status_code == 200
    client.logout()
    assert client.get("/routes/appeal/").status_code == 404


def test_a_broken_cache_only_costs_speed(client, content):
    from unittest import mock

    with mock.patch("routes.cache.cache.get", side_effect=ConnectionError("cache down")):
        response = client.get("/routes/appeal/")
    assert response.status_code == 200
    assert "Appeal to the Tribunal" in response.content.decode()


@pytest.mark.parametrize("url", ["/healthz", "/admin/login/", "/no-such-page/"])
def test_pages_that_are_never_cached_cost_no_cache_lookup(client, url):
    from unittest import mock

    with mock.patch("routes.cache.cache.get") as cache_get:
        client.get(url)
    cache_get.assert_not_called()


def test_recent_pages_are_bounded_and_only_served_at_their_own_version():
    from routes.cache import RecentPages

    pages = RecentPages(size=2)
    pages.put("a", ("v1", 200, "text/html", b"A"))
    pages.put("b", ("v1", 200, "text/html", b"B"))
    assert pages.get("a", "v1")[3] == b"A"  # "a" is now the most recent
    pages.put("c", ("v1", 200, "text/html", b"C"))
    assert pages.get("b", "v1") is None  # the least recent went
    assert pages.get("a", "v1") is not None
    assert pages.get("a", "v2") is None  # a newer version makes it stale
