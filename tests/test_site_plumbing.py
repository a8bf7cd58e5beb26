"""Site-wide plumbing: the load balancer's health check, and the page a visitor sees when the
database is down (a styled 503, never a bare 500)."""

from unittest import mock

import pytest
from django.db import DatabaseError, OperationalError, ProgrammingError
from django.test import override_settings

from ealing_send import health
from ealing_send.pagecache import recent_pages
from routes.models import ContentVersion, Route

pytestmark = pytest.mark.django_db


def test_healthz_is_200_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_is_503_without_the_database(client):
    with mock.patch.object(health.connection, "cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["send.example.org"])
def test_healthz_answers_a_probe_over_plain_http_to_the_containers_own_address(client):
    probe = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert probe.status_code == 200
    assert probe["X-Content-Type-Options"] == "nosniff"
    # The rest of the site still refuses that host and redirects plain HTTP.
    assert client.get("/privacy/", HTTP_HOST="10.0.0.5:8000").status_code == 400
    assert client.get("/privacy/", HTTP_HOST="send.example.org").status_code == 301


@pytest.fixture
def server_errors_shown(client):
    """Errors become the visitor's error pages, as in production, not test failures."""
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/routes/appeal/",
        "/organisations/",
        "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
        "&decision_date=2026-10-01&mediation=no",
    ],
)
def test_with_the_database_down_a_page_says_the_service_is_unavailable(
    server_errors_shown, content, url
):
    recent_pages.clear()
    down = OperationalError("connection refused")
    with (
        mock.patch.object(ContentVersion, "current", side_effect=down),
        mock.patch.object(Route.objects, "with_detail", side_effect=down),
        mock.patch.object(Route.objects, "visible", side_effect=down),
    ):
        response = server_errors_shown.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Sorry, the service is unavailable</h1>' in html
    assert 'href="tel:+442088255588"' in html


def test_a_fault_in_a_page_is_still_a_500(server_errors_shown, content):
    recent_pages.clear()
    with mock.patch.object(Route.objects, "visible", side_effect=ProgrammingError("bad SQL")):
        response = server_errors_shown.get("/routes/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_database_error_that_is_not_an_outage_is_a_500(server_errors_shown, content):
    recent_pages.clear()
    with mock.patch.object(Route.objects, "visible", side_effect=DatabaseError("odd")):
        assert server_errors_shown.get("/routes/").status_code == 500


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_redirect_above_the_site_is_private_too(client):
    """The HTTPS redirect comes from middleware above the page cache, and carries the answers."""
    response = client.get("/what-can-i-do/result/?who=parent&decision_date=2026-10-13")
    assert response.status_code == 301
    assert "no-store" in response["Cache-Control"]


def test_a_nul_byte_in_a_cookie_is_refused(client):
    client.cookies["sessionid"] = "abcdefghij\x00"
    response = client.get("/routes/")
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]


def test_the_forms_anti_forgery_cookie_lasts_until_the_browser_closes(client):
    response = client.get("/admin/login/")
    cookie = response.cookies["csrftoken"]
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/en/routes/appeal/", "/routes/appeal/"),
        ("/en/", "/"),
        ("/en", "/"),
        ("/en/what-can-i-do/result/?who=parent", "/what-can-i-do/result/?who=parent"),
        # Never off the site: slashes after the prefix are closed up.
        ("/en//example.org/", "/example.org/"),
    ],
)
def test_an_english_page_has_one_address(client, address, target):
    # Probe 2026-12, finding 11: /en/… answered as well as the unprefixed address.
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == target


@pytest.mark.django_db
def test_pages_made_from_answers_send_no_referrer_and_content_pages_keep_the_site_policy(
    client, content
):
    # Probe 2026-12, finding 3: a plan's address (its answers) went to the proxy in Referer.
    private = [
        "/what-can-i-do/result/?who=parent&concern=plan-not-delivered",
        "/what-can-i-do/concern/?who=parent",
        "/what-can-i-do/check/?who=parent&concern=plan-not-delivered",
        "/council-deadlines/?review_meeting_date=2026-10-01",
        "/deadlines/",
        "/letters/chase-late-decision/?regulation=reg-5-1",
    ]
    for address in private:
        assert client.get(address)["Referrer-Policy"] == "no-referrer", address
    assert client.get("/routes/appeal/")["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_an_error_is_logged_as_one_json_line_without_the_request_s_answers(rf):
    # Errors go where a hosting platform reads them (probe 2026-12; README "Where errors go").
    import json
    import logging
    import sys

    from django.conf import settings
    from django.utils.module_loading import import_string

    conf = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(conf.pop("()"))(**conf)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/what-can-i-do/result/",),
            sys.exc_info(),
            extra={"status_code": 500, "request": rf.get("/what-can-i-do/result/?answer=private")},
        )
    line = formatter.format(record)
    assert "\n" not in line
    logged = json.loads(line)
    assert logged["levelname"] == "ERROR" and logged["name"] == "django.request"
    assert "ZeroDivisionError" in logged["exc_info"]
    assert "private" not in line
