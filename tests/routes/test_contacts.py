"""Contacts a family can use: the site shows only what an official source confirms
(../shared/contacts-checked-2026-12.md), never a number or address that only an old or secondary
page gives; what only ISAID can confirm is listed for staff under "Before going live" in the admin,
and `manage.py check --deploy` warns until it is settled."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import checks
from django.urls import reverse

from routes.models import Organisation
from tests.clock import NOON_TODAY
from tests.staff_signin.test_second_factor import password_only

pytestmark = pytest.mark.django_db

# The day the contacts were checked against the sources, and this change landed.
LANDED = datetime(2026, 12, 8, 12, tzinfo=ZoneInfo("Europe/London"))
LOCAL_OFFER_PAGE = (
    "https://www.ealingfamiliesdirectory.org.uk/kb5/ealing/directory/advice.page?id=HV4PIk2F8mI"
)

# Each published organisation's phone, email and website as an official source gives them (the
# section of contacts-checked-2026-12.md in the comment). Empty: no official source gives one.
CONFIRMED = {
    "ealing-isaid": ("", "", ""),  # 1: in no public source
    "ealing-council-sen-team": ("020 8825 6910", "SENAS@ealing.gov.uk", ""),  # 2: the Local Offer
    "family-information-service": ("", "", ""),  # 3: only a page from before July 2022
    "ealing-local-offer": ("", "", LOCAL_OFFER_PAGE),  # 4: "Support in Education"
    "ealing-services-escan": ("", "", ""),  # 5: only a development copy of the trust's site
    "kids": ("", "", "https://www.kids.org.uk"),  # 6: kids.org.uk/send-mediation
    "nhs-north-west-london-icb": ("", "", "https://www.nwlondonicb.nhs.uk"),  # 7: before the merger
    "coram-childrens-legal-centre": ("", "", "https://childlawadvice.org.uk"),  # 8
    "contact": ("", "", "https://contact.org.uk"),  # 9: the helpline number is on no page
    "ipsea": ("", "", "https://www.ipsea.org.uk"),  # 10: advice is booked online
    "first-tier-tribunal-send": (  # 12: the phone numbers conflict
        "",
        "",
        "https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability",
    ),
    "local-government-and-social-care-ombudsman": ("", "", "https://www.lgo.org.uk"),  # 13
    "parliamentary-and-health-service-ombudsman": ("", "", "https://www.ombudsman.org.uk"),  # 14
}

# What only an old, secondary or development page gives (or a page with a typo): never shown.
UNCONFIRMED = [
    "020 8825 5588",  # Family Information Service (before July 2022)
    "children@ealing.gov.uk",  # the SEND strategy's comments address
    "0808 808 3555",  # Contact's helpline: on no public page
    "0300 1234544",  # Ealing Community Referral Hub (development site)
    "ealingcommunity.referrals@nhs.net",
    "03330 062 835",  # Kids (about 2020; West Cheshire's directory)
    "0333 006 2835",
    "mediationlondon@kids.org.uk",
    "020 7359 3635",  # Kids' old London line
    "0800 064 4488",  # Global Mediation (Torbay)
    "020 3350 4567",  # NHS North West London complaints (before the merger; Healthwatch)
    "nhsnwl.complaints@nhs.net",
    "01325 289 350",  # the Tribunal (gov.uk, about 2018; conflicts with Torbay's)
    "0300 303 5857",
    "send@justice.gov.uk",
    "0300 061 0614",  # the Local Government Ombudsman (council pages only)
    "0345 015 4033",  # the Health Service Ombudsman (gov.uk for another body; advocacy pages)
    "01799 582030",  # IPSEA (the leaflet only)
    "020 8566 9575",  # Ealing Mencap (2020)
    "localoffer.page",  # the Local Offer's home page address: no page confirmed it
    "9am to 5pm",  # hours from the leaflet only
]


def dialled(number: str) -> str:
    """A UK number as a tel: link dials it."""
    return "tel:+44" + number.replace(" ", "")[1:]


def shown_nowhere(html: str) -> list[str]:
    return [
        detail
        for detail in UNCONFIRMED
        if detail in html or (detail[0] == "0" and dialled(detail) in html)
    ]


def test_every_published_organisation_shows_only_what_an_official_source_confirms(content):
    published = Organisation.objects.filter(is_published=True)
    assert {o.slug: (o.phone, o.email, o.website) for o in published} == CONFIRMED


@pytest.mark.parametrize("language", ["", "/pl", "/ur"])
def test_the_directory_shows_the_confirmed_contacts_and_no_unconfirmed_one(
    client, content, language
):
    html = client.get(f"{language}/organisations/").content.decode()
    assert shown_nowhere(html) == []
    # The only number on the directory: the council's SEN assessment service.
    assert html.count('href="tel:') == 1
    assert 'href="tel:+442088256910"' in html and 'href="mailto:SENAS@ealing.gov.uk"' in html
    for _phone, _email, website in CONFIRMED.values():
        if website:
            assert f'href="{website.replace("&", "&amp;")}"' in html


@pytest.mark.parametrize("slug", sorted(CONFIRMED))
def test_no_organisation_page_shows_an_unconfirmed_number(client, content, slug):
    for language in ("", "/pl", "/ur"):
        html = client.get(f"{language}/organisations/{slug}/").content.decode()
        assert shown_nowhere(html) == [], (language, slug)
        phone, email, website = CONFIRMED[slug]
        assert (dialled(phone) in html) if phone else ('href="tel:' not in html)
        assert (f"mailto:{email}" in html) if email else ("mailto:" not in html)
        assert not website or f'href="{website.replace("&", "&amp;")}"' in html


def test_isaid_no_longer_sends_families_to_the_local_offer_for_its_number(client, content):
    """No ISAID page was found on the Local Offer (contacts-checked-2026-12.md, section 1)."""
    for language in ("", "/pl", "/ur"):
        html = client.get(f"{language}/organisations/ealing-isaid/").content.decode()
        assert "Local Offer" not in html.split("<main")[1], language
        assert "Contact details not yet checked by us." in html or language


# Help in a child's EHC plan is not being given: the plan names ISAID, the council's SEN team (its
# first step writes to them), IPSEA and the Local Government Ombudsman in "Who can help".
PLAN_NOT_DELIVERED = {"who": "parent", "concern": "plan-not-delivered"}


@pytest.mark.parametrize("language", ["", "/pl", "/ur"])
def test_a_plans_who_can_help_gives_the_sen_teams_confirmed_contact_and_no_unconfirmed_one(
    client, content, language
):
    with time_machine.travel(NOON_TODAY, tick=False):
        html = client.get(f"{language}/what-can-i-do/result/", PLAN_NOT_DELIVERED).content.decode()
    helpers = html.split("<main")[1].split("Who can help")[-1]
    assert 'href="tel:+442088256910"' in helpers
    assert 'href="mailto:SENAS@ealing.gov.uk"' in helpers
    assert shown_nowhere(html) == []


# Before going live: the admin page and the deploy check.

OPEN_ON_LANDING = [
    "Ealing ISAID’s phone number",
    "Ealing ISAID’s email address",
    "The mediation service Ealing uses",
    "The NHS body’s name after the 2026 merger",
]
# Past their review date the day this landed: each says what no source could confirm.
ORGANISATIONS_DUE_ON_LANDING = {
    "ealing-isaid",
    "family-information-service",
    "ealing-services-escan",
    "ealing-local-offer",
    "kids",
    "nhs-north-west-london-icb",
    "contact",
    "ealing-council-sen-team",
}


@pytest.fixture
def landed():
    with time_machine.travel(LANDED, tick=True):
        yield


PAGE = "/admin/routes/organisation/before-going-live/"


def change(slug: str) -> str:
    return reverse(
        "admin:routes_organisation_change", args=[Organisation.objects.get(slug=slug).pk]
    )


def test_what_is_past_its_review_date_on_landing_is_what_no_source_could_settle(content, landed):
    due = Organisation.objects.filter(review_due__lte=LANDED.date())
    assert set(due.values_list("slug", flat=True)) == ORGANISATIONS_DUE_ON_LANDING
    for organisation in due:
        assert "NOT CONFIRMED" in organisation.review_notes, organisation


def test_the_admin_home_links_to_before_going_live(client, content, editor, landed):
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Before going live" in html and f'href="{PAGE}"' in html


def test_staff_who_cannot_view_organisations_get_no_link_to_a_refusal(client, content, landed):
    from django.contrib.auth.models import User

    other = User.objects.create_user("other", "other@example.org", "a-long-test-password-1")
    other.is_staff = True
    other.save()
    client.force_login(other)
    assert f'href="{PAGE}"' not in client.get(reverse("admin:index")).content.decode()
    assert client.get(PAGE).status_code == 403


def test_before_going_live_lists_each_item_with_the_field_to_fill_in(
    client, content, editor, landed
):
    client.force_login(editor)
    html = client.get(PAGE).content.decode()
    for title in OPEN_ON_LANDING:
        assert title in html, title
    assert f'href="{change("ealing-isaid")}#id_phone"' in html
    assert f'href="{change("ealing-isaid")}#id_email"' in html
    assert f'href="{change("kids")}#id_phone"' in html
    assert f'href="{change("nhs-north-west-london-icb")}#id_name"' in html
    for slug in ORGANISATIONS_DUE_ON_LANDING:
        assert f'href="{change(slug)}#id_last_reviewed"' in html, slug
    # Checked from the sources on landing: not due.
    assert f'href="{change("coram-childrens-legal-centre")}#id_last_reviewed"' not in html


def settle_everything():
    """What ISAID staff do once they have confirmed each item (the values here are a test's)."""
    isaid = Organisation.objects.get(slug="ealing-isaid")
    isaid.phone, isaid.email = "020 7946 0000", "isaid@example.org"
    isaid.save()
    kids = Organisation.objects.get(slug="kids")
    kids.phone, kids.contact_checked = "020 7946 0001", LANDED.date()
    kids.save()
    nhs = Organisation.objects.get(slug="nhs-north-west-london-icb")
    nhs.contact_checked = LANDED.date()
    nhs.save()
    from routes.models import ReviewedContent, content_models

    for model in content_models():
        if issubclass(model, ReviewedContent):
            for item in model.objects.filter(review_due__lte=LANDED.date()):
                item.last_reviewed = LANDED.date()
                item.save()


def test_an_item_leaves_before_going_live_once_settled(client, content, editor, landed):
    client.force_login(editor)
    isaid = Organisation.objects.get(slug="ealing-isaid")
    isaid.phone = "020 7946 0000"
    isaid.save()
    html = client.get(PAGE).content.decode()
    assert "Ealing ISAID’s phone number" not in html
    assert "Ealing ISAID’s email address" in html
    settle_everything()
    html = client.get(PAGE).content.decode()
    assert "Nothing is left to confirm" in html
    for title in OPEN_ON_LANDING:
        assert title not in html, title


def test_before_going_live_needs_staff_with_both_steps(client, content, editor, landed):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    from tests.second_factor import give_authenticator

    give_authenticator(editor)
    assert password_only("editor").get(PAGE).status_code == 302


def deploy_warnings() -> list[str]:
    found = checks.run_checks(include_deployment_checks=True)
    return [message.msg for message in found if message.id == "routes.W001"]


def test_the_deploy_check_warns_while_anything_is_open_then_stops(content, landed):
    warnings = deploy_warnings()
    for title in OPEN_ON_LANDING:
        assert any(title in warning for warning in warnings), title
    assert any("Organisation: Ealing Council SEN team" in warning for warning in warnings)
    # Only with --deploy: a server start does not read the content.
    assert not [m for m in checks.run_checks() if m.id == "routes.W001"]
    settle_everything()
    assert deploy_warnings() == []


def test_the_deploy_check_is_a_warning_not_an_error(content, landed):
    found = [m for m in checks.run_checks(include_deployment_checks=True) if m.id == "routes.W001"]
    assert found and all(m.level == checks.WARNING for m in found)


def test_on_a_later_day_an_item_reviewed_from_the_sources_is_due_again(content):
    later = datetime(2027, 6, 8, 12, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(later, tick=False):
        warnings = deploy_warnings()
    assert any("Coram Children’s Legal Centre" in warning for warning in warnings)
