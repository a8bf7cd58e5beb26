"""What is still open before going live (routes.going_live): the rules, case by case, with no
database. Each item stays open until the content says otherwise."""

from datetime import date

import pytest

from routes.going_live import DueItem, OrganisationFacts, open_items

TODAY = date(2026, 12, 8)
ISAID = "/admin/routes/organisation/1/change/"
KIDS = "/admin/routes/organisation/5/change/"
NHS = "/admin/routes/organisation/6/change/"


def isaid(phone="", email=""):
    return OrganisationFacts("Ealing ISAID", phone, email, None, ISAID)


def mediation(phone="", checked=None):
    return OrganisationFacts(
        "Kids (disagreement resolution and mediation)", phone, "", checked, KIDS
    )


def nhs_body(checked=None):
    return OrganisationFacts("NHS integrated care board (ICB) for Ealing", "", "", checked, NHS)


SETTLED = {
    "isaid": isaid("020 8000 0000", "isaid@example.org"),
    "mediation": mediation("020 8000 0001", date(2026, 12, 8)),
    "nhs_body": nhs_body(date(2026, 12, 8)),
}


def keys(**facts):
    found = open_items(**{**SETTLED, "reviewed": [], "today": TODAY, **facts})
    return [item.key for item in found]


@pytest.mark.parametrize(
    ("facts", "open_keys"),
    [
        ({}, []),
        ({"isaid": isaid()}, ["isaid-phone", "isaid-email"]),
        ({"isaid": isaid(phone="020 8000 0000")}, ["isaid-email"]),
        ({"isaid": isaid(email="isaid@example.org")}, ["isaid-phone"]),
        ({"isaid": isaid(phone="   ", email="isaid@example.org")}, ["isaid-phone"]),
        ({"isaid": None}, ["isaid-missing"]),
        # The leaflet's service, named but not confirmed: no phone, no check.
        ({"mediation": mediation()}, ["mediation"]),
        ({"mediation": mediation(phone="020 8000 0001")}, ["mediation"]),
        ({"mediation": mediation(checked=date(2026, 12, 8))}, ["mediation"]),
        ({"mediation": None}, ["mediation-missing"]),
        ({"nhs_body": nhs_body()}, ["nhs-body"]),
        # A check before the merger was due cannot have confirmed the merged body's name.
        ({"nhs_body": nhs_body(date(2026, 3, 31))}, ["nhs-body"]),
        ({"nhs_body": nhs_body(date(2026, 4, 1))}, []),
        ({"nhs_body": None}, ["nhs-body-missing"]),
    ],
)
def test_an_item_is_open_until_the_content_settles_it(facts, open_keys):
    assert keys(**facts) == open_keys


def test_an_item_past_its_review_date_is_open_and_one_not_yet_due_is_not():
    reviewed = [
        DueItem("Contact", "organisation", date(2026, 11, 29), "/contact/"),
        DueItem("suspension", "glossary term", date(2026, 11, 1), "/suspension/"),
        DueItem("Due today", "route", TODAY, "/today/"),
        DueItem("IPSEA", "organisation", date(2027, 5, 29), "/ipsea/"),
    ]
    found = open_items(**SETTLED, reviewed=reviewed, today=TODAY)
    # Oldest first; an item due today counts as due, as on the admin index.
    assert [item.title for item in found] == [
        "Glossary term: suspension",
        "Organisation: Contact",
        "Route: Due today",
    ]
    assert found[0].url == "/suspension/#id_last_reviewed"
    assert "Due for review on 1 November 2026." in found[0].action


def test_each_open_item_links_to_the_field_to_fill_in():
    found = open_items(isaid(), mediation(), nhs_body(), [], TODAY, "/organisations/")
    assert {item.key: item.url for item in found} == {
        "isaid-phone": f"{ISAID}#id_phone",
        "isaid-email": f"{ISAID}#id_email",
        "mediation": f"{KIDS}#id_phone",
        "nhs-body": f"{NHS}#id_name",
    }
    missing = open_items(None, None, None, [], TODAY, "/organisations/")
    assert {item.url for item in missing} == {"/organisations/"}


def test_isaid_comes_first_because_every_plan_sends_families_there():
    reviewed = [DueItem("Old", "route", date(2020, 1, 1), "/old/")]
    found = open_items(isaid(), mediation(), nhs_body(), reviewed, TODAY)
    assert [item.key for item in found][:2] == ["isaid-phone", "isaid-email"]
