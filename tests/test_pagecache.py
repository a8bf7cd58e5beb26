"""The caching policy (ealing_send/pagecache.py): content pages are kept per content version and
release, answers are kept nowhere, and a save shows on the very next request."""

from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path

from ealing_send import pagecache
from ealing_send.pagecache import PageCacheMiddleware, RecentPages, content_page, recent_pages
from routes import published
from routes.models import ContentVersion, Organisation, Route, Step
from tests.addresses import ANSWER_PAGES, CONTENT_PAGES, RESULT

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def empty_page_cache():
    recent_pages.clear()
    published._fragments.clear()
    yield
    recent_pages.clear()


def content_queries(queries) -> list[str]:
    """Queries that read content: everything but the content version's one-row look-up."""
    return [q["sql"] for q in queries if "routes_contentversion" not in q["sql"]]


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_a_repeat_view_of_a_content_page_reads_no_content(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert content_queries(queries.captured_queries) == []
    assert len(queries.captured_queries) <= 1, "at most the version is read"


@pytest.mark.parametrize("url", CONTENT_PAGES)
def test_content_pages_are_public_for_a_proxy_and_checked_by_browsers(client, content, url):
    response = client.get(url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=300"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("url", ANSWER_PAGES)
def test_pages_made_from_answers_are_stored_nowhere(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")
    assert len(recent_pages) == 0


def test_a_hit_carries_exactly_the_headers_of_the_miss(client, content):
    miss = client.get("/routes/appeal/")
    hit = client.get("/routes/appeal/")
    assert len(recent_pages) == 1
    assert dict(hit.headers) == dict(miss.headers)
    assert hit.content == miss.content


def test_junk_parameters_add_no_entry_and_are_served_the_clean_page(client, content):
    clean = client.get("/routes/appeal/")
    for n in range(300):
        response = client.get(f"/routes/appeal/?junk={n}")
        assert response.status_code == 200
    assert len(recent_pages) == 1
    assert response.content == clean.content


def test_a_page_made_for_a_junk_address_is_not_kept(client, content):
    response = client.get("/routes/appeal/?utm_source=newsletter")
    assert response.status_code == 200
    assert len(recent_pages) == 0
    assert "no-store" in response["Cache-Control"]


def test_a_parameter_the_view_reads_keys_its_own_page(client, content):
    everyone = client.get("/organisations/").content.decode()
    appeal = client.get("/organisations/?route=appeal").content.decode()
    assert len(recent_pages) == 2
    assert appeal != everyone
    assert client.get("/organisations/?route=appeal").content.decode() == appeal


def test_an_error_on_a_content_page_is_neither_kept_nor_public(client, content):
    response = client.get("/organisations/?route=nonsense")
    assert "Choose an option from the list" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert len(recent_pages) == 0


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


def _edit_isaid():
    organisation = Organisation.objects.get(slug="ealing-isaid")
    organisation.name = "Freshly edited ISAID"
    organisation.save()


def _remove_citation():
    Route.objects.get(slug="appeal").citations.clear()


def _delete_step():
    Step.objects.filter(route__slug="appeal", title="Check you can appeal").delete()


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
        (_edit_isaid, RESULT, ">Ealing ISAID<", "Freshly edited ISAID"),
        (_remove_citation, "/routes/appeal/", "paragraph 11.45", "What to do"),
        (_delete_step, "/routes/appeal/", "Check you can appeal", "What to do"),
    ],
    ids=[
        "route page",
        "home page",
        "step",
        "organisation list",
        "organisation on route",
        "organisation in a plan",
        "citations",
        "deleted step",
    ],
)
def test_a_content_save_shows_on_the_very_next_request(client, content, edit, url, before, after):
    assert before in client.get(url).content.decode()
    edit()
    html = client.get(url).content.decode()
    assert after in html
    if edit in (_remove_citation, _delete_step):
        assert before not in html


def test_an_unpublished_route_disappears_at_once(client, content):
    assert client.get("/routes/appeal/").status_code == 200
    route = Route.objects.get(slug="appeal")
    route.is_published = False
    route.save()
    assert client.get("/routes/appeal/").status_code == 404


def test_signed_in_staff_never_get_or_fill_the_page_cache(client, content, editor):
    assert client.get("/routes/mediation/").status_code == 200
    Route.objects.filter(slug="mediation").update(is_published=False)  # no signal: still kept
    client.force_login(editor)
    preview = client.get("/routes/mediation/")
    assert "This is a draft" in preview.content.decode()
    assert "no-store" in preview["Cache-Control"]
    assert len(recent_pages) == 1, "the preview was not kept"
    client.logout()
    assert "This is a draft" not in client.get("/routes/mediation/").content.decode()


def test_every_content_model_moves_the_version_on(content):
    from routes.models import content_models

    for model in content_models():
        before = ContentVersion.current()
        item = model.objects.first()
        item.save()
        assert ContentVersion.current() != before, model.__name__


def test_junk_addresses_write_nothing_to_the_shared_cache_and_leave_the_version(client, content):
    from django.core.cache import cache

    cache.set("canary", "kept")  # the shared cache works, and is read below
    version = ContentVersion.current()
    for n in range(310):
        client.get(f"/?utm_source=x{n}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM page_cache")
        keys = [row[0] for row in cursor.fetchall()]
    assert keys == [":1:canary"], "only the canary: no page or version is written there"
    ContentVersion.forget()
    assert ContentVersion.current() == version


def test_a_save_needs_no_cache_at_all(content):
    route = Route.objects.get(slug="appeal")
    route.summary = "Saved while the cache is down."
    broken = ConnectionError("cache down")
    with (
        mock.patch("django.core.cache.cache.set", side_effect=broken),
        mock.patch("django.core.cache.cache.get", side_effect=broken),
    ):
        route.save()
    assert Route.objects.get(slug="appeal").summary == "Saved while the cache is down."


def test_a_page_kept_yesterday_is_not_served_today(client, content):
    with time_machine.travel(datetime(2026, 11, 28, 23, 59, tzinfo=LONDON), tick=False):
        assert "on 28 November 2026" in client.get("/routes/").content.decode()
    with time_machine.travel(datetime(2026, 11, 29, 0, 1, tzinfo=LONDON), tick=False):
        assert "on 29 November 2026" in client.get("/routes/").content.decode()


def test_a_page_kept_by_one_release_is_not_served_by_the_next(rf, content):
    made = []

    def view(request):
        made.append(1)
        return HttpResponse("page")

    middleware = PageCacheMiddleware(view)
    with mock.patch.object(pagecache, "_page_kind", return_value=("content", ())):
        middleware(rf.get("/routes/"))
        middleware(rf.get("/routes/"))
        assert len(made) == 1
        middleware.release = "the-next-release"
        middleware(rf.get("/routes/"))
    assert len(made) == 2


def test_the_release_is_the_static_manifest_unless_the_deployment_names_it(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, RELEASE_ID=""):
        (tmp_path / "staticfiles.json").write_text('{"paths": {"css/main.css": "a"}}')
        first = pagecache._release()
        (tmp_path / "staticfiles.json").write_text('{"paths": {"css/main.css": "b"}}')
        assert pagecache._release() != first
    with override_settings(RELEASE_ID="git-1234"):
        assert pagecache._release() == "git-1234"


def cookie_view(request):
    response = HttpResponse("content")
    response.set_cookie("chosen", "1")
    return response


urlpatterns = [path("cookie-page/", content_page()(cookie_view))]


@override_settings(ROOT_URLCONF=__name__)
def test_a_page_that_sets_a_cookie_is_never_kept(client):
    assert client.get("/cookie-page/").cookies["chosen"].value == "1"
    assert len(recent_pages) == 0


def test_kept_pages_are_served_while_the_database_is_down(client, content):
    kept = client.get("/routes/appeal/").content
    with mock.patch.object(ContentVersion, "current", side_effect=DatabaseError("down")):
        assert client.get("/routes/appeal/").content == kept


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options", "trace"])
@pytest.mark.parametrize("url", ["/routes/appeal/", RESULT, "/deadlines/", "/healthz"])
def test_public_pages_answer_only_get_and_head_before_csrf(content, method, url):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_the_admin_still_takes_posts_with_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert refused.status_code == 403, "no CSRF token: Django's CSRF check, not a 405"
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    data = {"username": "editor", "password": "wrong", "csrfmiddlewaretoken": token}
    assert client.post("/admin/login/", data).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "route=Call-0800-000-000&route=appeal",  # a repeated parameter
        "%72oute=appeal",  # an encoded name
        "route=appeal&utm_source=x",
    ],
)
def test_only_the_pages_own_address_is_kept(client, content, query):
    response = client.get(f"/organisations/?{query}")
    assert response.status_code == 200
    assert len(recent_pages) == 0
    clean = client.get("/organisations/?route=appeal").content.decode()
    assert "0800" not in clean and "%72oute" not in clean


def test_a_staff_member_who_has_only_typed_a_password_sees_no_drafts(content, editor):
    Route.objects.filter(slug="mediation").update(is_published=False)
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-test-password-1"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302, "the admin wants the second step"
    assert client.get("/routes/mediation/").status_code == 404


def test_recent_pages_are_bounded_least_recent_first():
    pages = RecentPages(size=2)
    pages.put("a", "A")
    pages.put("b", "B")
    assert pages.get("a") == "A"  # "a" is now the most recent
    pages.put("c", "C")
    assert pages.get("b") is None
    assert pages.get("a") == "A"
    assert len(pages) == 2


def test_a_page_cache_of_size_nought_keeps_nothing():
    pages = RecentPages(size=0)
    pages.put("a", "A")
    assert pages.get("a") is None


def test_what_a_process_keeps_in_memory_holds_no_date_a_family_gave(client, content):
    url = RESULT.replace("2026-10-01", "2026-10-13").replace("mediation=no", "mediation=yes")
    html = client.get(url + "&certificate_date=2026-11-17").content.decode()
    assert "13 October 2026" in html and "17 November 2026" in html
    assert len(published._fragments) == 2, "the advice part and the plan's letters were kept"
    kept = [str(entry) for entry in recent_pages.values() + published._fragments.values()]
    for secret in ("13 October 2026", "2026-10-13", "17 November 2026", "2026-11-17"):
        assert not any(secret in entry for entry in kept)


def test_each_process_reads_the_version_at_most_once_a_second(content):
    from routes import models

    with mock.patch.object(models, "monotonic", return_value=1000.0):
        first = ContentVersion.current()
        # Another process's save: the row changes, this process has not been told.
        ContentVersion.objects.update(token="saved-elsewhere")
        with CaptureQueriesContext(connection) as queries:
            assert ContentVersion.current() == first
        assert queries.captured_queries == []
    with mock.patch.object(models, "monotonic", return_value=1001.0):
        assert ContentVersion.current() == "saved-elsewhere"


def test_a_save_in_this_process_is_seen_at_once(content):
    before = ContentVersion.current()
    Route.objects.get(slug="appeal").save()
    assert ContentVersion.current() != before
