"""Which page an answer is about, and the way back to it: only a page the site has is kept, as the
site writes its address (probe 2026-12, finding 12), and the way back comes from the form's own
field, never the Referer, which a page made from answers does not send (finding 3)."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from feedback.models import PageFeedback
from feedback.pages import NAMED, PUBLIC, page_address
from feedback.views import PAGE_NOT_FOUND
from routes.models import Route

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
PLAN = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
)
# How a current browser posts the form from a page sent with Referrer-Policy: no-referrer.
FROM_A_PLAN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "null"}


def send(client, page, headers=None, url="/page-feedback/"):
    return client.post(url, {"page": page, "useful": "no"}, **(headers or FROM_A_PLAN))


def kept_page() -> str:
    return PageFeedback.objects.get().page


@pytest.mark.parametrize(
    "page",
    [
        "/",
        "/routes/appeal/",
        "/organisations/ipsea/",
        "/letters/complaint-to-school/",
        "/what-can-i-do/who/",
        "/what-can-i-do/result/",
        "/glossary/",
        "/privacy/",
    ],
)
def test_a_page_the_site_has_is_kept_as_its_address(client, page):
    send(client, page)
    assert kept_page() == page


@pytest.mark.parametrize(
    "page",
    [
        "/routes/call-zebedee-on-07700900123-today/",  # the probe's: matched the routes' pattern
        "/organisations/jane-smith-07700900123/",
        "/letters/my-son-tom-jones/",
        "/what-can-i-do/jane-smith/",
        "/what-can-i-do/jane-smith/answer/",
        "/my-name-is-jane-smith/",
        "/page-feedback/",  # the form's own address is not a page
        "/admin/",
        "/admin/auth/user/1/change/",
        "//evil.example/routes/appeal/",
        "http://evil.example/routes/appeal/",
        "routes/appeal/",
        "/routes/appeal/\x00/",
        "/" + "a" * 3000,
        "",
    ],
)
def test_an_address_the_site_does_not_have_is_never_kept_as_sent(client, page):
    response = send(client, page)
    assert response.status_code == 303
    assert response["Location"] == "/#feedback-thanks"
    assert kept_page() == PAGE_NOT_FOUND


def test_an_unpublished_route_is_not_a_page(client, content):
    route = Route.objects.get(slug="appeal")
    route.is_published = False
    route.save()
    send(client, "/routes/appeal/")
    assert kept_page() == PAGE_NOT_FOUND


def test_a_page_in_another_language_is_kept_with_its_prefix(client):
    send(client, "/pl/routes/appeal/", url="/pl/page-feedback/")
    assert kept_page() == "/pl/routes/appeal/"


def _patterns(resolver, prefix=""):
    for item in resolver.url_patterns:
        if isinstance(item, URLResolver):
            namespace = f"{item.namespace}:" if item.namespace else prefix
            yield from _patterns(item, namespace)
        elif isinstance(item, URLPattern):
            yield prefix + (item.name or ""), item.pattern.converters


def test_every_public_address_with_a_name_in_it_says_how_to_check_the_name():
    named = {
        name
        for name, converters in _patterns(get_resolver())
        if converters and name.split(":")[0] in PUBLIC
    }
    assert named == set(NAMED)


def test_the_way_back_from_a_plan_keeps_its_answers_and_needs_no_referer(client):
    response = send(client, PLAN)  # no Referer: the plan sends none
    assert response.status_code == 303
    assert response["Location"] == PLAN + "#feedback-thanks"
    assert kept_page() == "/what-can-i-do/result/"
    for row in PageFeedback.objects.values_list():
        assert "2026-10-02" not in str(row) and "refuse-plan" not in str(row)


def test_the_way_back_never_comes_from_the_referer(client):
    headers = {**FROM_A_PLAN, "HTTP_REFERER": HOST + "/glossary/?from=referer"}
    response = send(client, "/routes/appeal/", headers)
    assert response["Location"] == "/routes/appeal/#feedback-thanks"


@pytest.mark.parametrize(
    "page",
    [
        "https://evil.example/routes/appeal/?x=1",
        "//evil.example/?x=1",
        "/\\evil.example/?x=1",
        "/routes/appeal/?x=1\r\nSet-Cookie: a=b",
        "/routes/nowhere/?who=parent",
    ],
)
def test_the_way_back_is_only_ever_a_page_of_this_site(client, page):
    location = send(client, page)["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "evil" not in location and "Set-Cookie" not in location and "who=" not in location


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://other.testserver"},
        {"HTTP_ORIGIN": "null"},
    ],
)
def test_an_answer_the_browser_does_not_say_is_ours_is_refused(client, headers):
    assert send(client, "/routes/appeal/", headers).status_code == 403
    assert not PageFeedback.objects.exists()


def test_the_page_is_named_by_the_site_not_by_what_was_sent():
    assert page_address("/routes/appeal/") == "/routes/appeal/"
    assert page_address("/routes/appeal") is None  # no slash added: not the page's address


def test_the_way_back_from_an_unknown_page_is_the_start_in_the_forms_language(client):
    response = send(client, "/pl/routes/nowhere/", url="/pl/page-feedback/")
    assert response["Location"] == "/pl/#feedback-thanks"


def test_the_form_posts_the_page_s_answers_and_nothing_else_from_its_address(client, content):
    import re

    address = (
        "/what-can-i-do/result/?who=parent&concern=plan-not-delivered"
        "&parent_name=Nobody+Here&utm_source=x"
    )
    html = client.get(address).content.decode()
    posted = re.search(r'name="page" value="([^"]*)"', html)[1]
    assert posted == "/what-can-i-do/result/?who=parent&amp;concern=plan-not-delivered"
