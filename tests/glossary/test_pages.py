"""The glossary page, its content and its links from route pages."""

import json
import re

import pytest
import time_machine
from django.conf import settings

from glossary.models import Term
from routes.models import ContentVersion, content_models
from tests.clock import NOON_TODAY

GLOSSARY = json.loads((settings.BASE_DIR / "fixtures" / "glossary.json").read_text())
ISSUE_14_TERMS = [
    "EHC plan",
    "EHC needs assessment",
    "SENCO",
    "SEN support",
    "mediation",
    "mediation certificate",
    "mediation adviser",
    "Tribunal",
    "annual review",
    "Local Offer",
    "disagreement resolution",
    "ISAID",
    "named school",
    "provision",
    "young person",
    "judicial review",
    "Ombudsman",
    "appeal",
    "working day",
    "school day",
    "permanent exclusion",
    "suspension",
    "independent review panel",
    "SEN expert",
    "disability discrimination",
    "integrated care board",
    "reasonable adjustments",
    "personal budget",
]


def test_the_initial_glossary_has_every_term_asked_for_each_with_its_source():
    terms = {row["fields"]["term"]: row["fields"] for row in GLOSSARY}
    assert set(ISSUE_14_TERMS) <= set(terms)
    for term, fields in terms.items():
        assert fields["meaning"].strip(), term
        assert fields["source"].strip(), f"{term} has no source"


def test_a_meaning_not_checked_against_primary_text_is_due_for_review():
    for row in GLOSSARY:
        fields = row["fields"]
        if "due for review" in fields["source"]:
            assert fields["review_due"] <= "2026-11-28", fields["term"]


def test_terms_are_content_and_every_field_staff_edit_has_help_text():
    assert Term in content_models()
    for field in Term._meta.get_fields():
        if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
            assert field.help_text, f"Term.{field.name} has no help text"


def test_the_glossary_lists_every_published_term_with_an_anchor(client, content):
    response = client.get("/glossary/")
    assert response.status_code == 200
    page = response.content.decode()
    for term in Term.objects.all():
        assert f'id="{term.slug}"' in page
    assert "public" in response["Cache-Control"]


def test_a_draft_term_is_neither_listed_nor_linked(client, content):
    Term.objects.filter(slug="mediation-certificate").update(is_published=False)
    ContentVersion.move_on()
    assert 'id="mediation-certificate"' not in client.get("/glossary/").content.decode()
    assert (
        "/glossary/#mediation-certificate" not in client.get("/routes/mediation/").content.decode()
    )


def test_a_route_page_links_the_first_use_of_a_term(client, content):
    page = client.get("/routes/appeal/").content.decode()
    assert page.count('href="/glossary/#mediation-certificate"') == 1


@pytest.mark.django_db
def test_a_term_saved_refreshes_the_route_pages(client, content):
    client.get("/routes/appeal/")
    term = Term.objects.get(slug="mediation-certificate")
    term.slug = "certificate"
    term.save()
    page = client.get("/routes/appeal/").content.decode()
    assert 'href="/glossary/#certificate"' in page


def test_the_glossary_is_loaded_beside_existing_routes(db):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/content.json", verbosity=0)
    call_command("load_initial_content", verbosity=0)
    assert Term.objects.count() == len(GLOSSARY)


def test_a_term_due_for_review_is_on_the_review_list(content):
    from routes.review import overdue_content

    # On the tests' day: a term shipped with a later review date is due once that day comes.
    with time_machine.travel(NOON_TODAY, tick=False):
        due = [item for item in overdue_content() if item.kind == "glossary term"]
    unconfirmed = [row for row in GLOSSARY if "due for review" in row["fields"]["source"]]
    assert len(due) == len(unconfirmed) > 0
    assert all(item.admin_url.startswith("/admin/glossary/term/") for item in due)


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_a_translated_route_page_links_the_terms_its_english_page_links(client, content, language):
    linked = re.compile(r'href="(?:/[a-z]+)?/glossary/#([^"]+)"')
    for slug in ("talk-to-school", "complaint", "disagreement-resolution", "mediation", "appeal"):
        english = set(linked.findall(client.get(f"/routes/{slug}/").content.decode()))
        page = client.get(f"/{language}/routes/{slug}/").content.decode()
        assert english <= set(linked.findall(page)), slug
        assert f'href="/{language}/glossary/#' in page
