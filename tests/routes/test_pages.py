"""Public pages: every one answers, drafts stay hidden, contact details are links."""

import pytest

from routes.models import Organisation, Route

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/routes/",
    "/routes/print/",
    "/routes/talk-to-school/",
    "/routes/complaint/",
    "/routes/disagreement-resolution/",
    "/routes/mediation/",
    "/routes/appeal/",
    "/organisations/",
    "/organisations/?route=appeal",
    "/organisations/ealing-isaid/",
    "/organisations/family-information-service/",
    "/accessibility/",
    "/privacy/",
    "/what-can-i-do/",
    "/what-can-i-do/who/",
    "/deadlines/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_answers_and_sets_no_cookie(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize(
    "url", ["/routes/no-such-route/", "/organisations/nobody/", "/nowhere/", "/routes/print/x/"]
)
def test_missing_pages_get_a_styled_404(client, content, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"govuk-width-container" in response.content


def test_route_page_has_everything_a_family_needs(client, content):
    html = client.get("/routes/mediation/").content.decode()
    for text in (
        "Consider mediation",
        "When to use it",
        "What to do",
        "Contact the mediation adviser within 2 months",
        "Time limits",
        "Who can help",
        'href="/organisations/kids/"',
        "What the SEND Code of Practice says",
        "SEND Code of Practice, paragraph 11.13",
        "If parents and young people want it to, mediation can take place",
        "Last reviewed 29 November 2026",
    ):
        assert text in html, text


def test_phone_and_email_are_links(client, content):
    sen_team = Organisation.objects.get(slug="ealing-council-sen-team")
    sen_team.opening_hours = "Monday to Friday, 9am to 5pm"  # none confirmed yet: shown once given
    sen_team.save()
    html = client.get("/organisations/ealing-council-sen-team/").content.decode()
    assert 'href="tel:+442088256910"' in html
    assert 'href="mailto:SENAS@ealing.gov.uk"' in html
    assert "Monday to Friday, 9am to 5pm" in html


def test_organisations_grouped_local_then_national(client, content):
    html = client.get("/organisations/").content.decode()
    assert html.index("In Ealing") < html.index("Ealing ISAID") < html.index("National")
    assert html.index("National") < html.index("IPSEA")


def test_organisations_filtered_by_route(client, content):
    html = client.get("/organisations/", {"route": "disagreement-resolution"}).content.decode()
    assert "Kids (disagreement resolution and mediation)" in html
    assert "First-tier Tribunal" not in html


def test_unknown_route_filter_gets_an_error_message_not_a_crash(client, content):
    response = client.get("/organisations/", {"route": "<script>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose an option from the list" in html
    assert "<title>Error: " in html
    assert "<script>" not in html, "the value is reflected unescaped"


def test_unpublished_items_are_hidden_from_the_public(client, content):
    Route.objects.filter(slug="mediation").update(is_published=False)
    Organisation.objects.filter(slug="kids").update(is_published=False)
    assert client.get("/routes/mediation/").status_code == 404
    assert client.get("/organisations/kids/").status_code == 404
    assert "Consider mediation" not in client.get("/routes/").content.decode()
    assert "Kids (disagreement" not in client.get("/organisations/").content.decode()
    assert (
        "Kids (disagreement" not in client.get("/routes/disagreement-resolution/").content.decode()
    )
    assert "Consider mediation" not in client.get("/routes/print/").content.decode()


def test_staff_can_preview_drafts(client, content, editor):
    Route.objects.filter(slug="mediation").update(is_published=False)
    client.force_login(editor)
    response = client.get("/routes/mediation/")
    assert response.status_code == 200
    assert "This is a draft. Only signed-in staff can see it." in response.content.decode()


def test_print_booklet_has_all_five_routes(client, content):
    html = client.get("/routes/print/").content.decode()
    assert html.count('class="app-booklet-route') == 5
