"""The initial content: the leaflet's substance, right today, loadable on any database."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from routes.models import CodeParagraph, Organisation, Route

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "content.json"
# Ealing ISAID's leaflet "What if I do not agree with decisions about SEN provision?" as plain text,
# kept in the repository so the comparison runs in every checkout.
LEAFLET = Path(__file__).resolve().parents[1] / "data" / "leaflet.txt"


def test_the_five_routes_exist_in_order(content):
    assert list(Route.objects.values_list("slug", flat=True)) == [
        "talk-to-school",
        "complaint",
        "disagreement-resolution",
        "mediation",
        "appeal",
    ]


def test_every_route_cites_the_code_and_names_who_can_help(content):
    for route in Route.objects.all():
        assert route.citations.exists(), route
        assert route.organisations.exists(), route
        assert route.steps.exists(), route
        assert route.last_reviewed


@pytest.mark.parametrize(
    "name",
    [
        "Ealing ISAID",
        "Coram Children’s Legal Centre",
        "Contact",
        "IPSEA",
        "Ace Education Advice",
        "Kids (disagreement resolution and mediation)",
        "Family Information Service",
        "Ealing Services ESCAN",
        "Ealing Local Offer",
        "First-tier Tribunal (Special Educational Needs and Disability)",
    ],
)
def test_every_organisation_the_leaflet_names_is_in_the_directory(content, name):
    assert Organisation.objects.filter(name=name, is_published=True).exists()


def test_family_information_service_details(content):
    fis = Organisation.objects.get(slug="family-information-service")
    assert (fis.phone, fis.email, fis.opening_hours) == (
        "020 8825 5588",
        "children@ealing.gov.uk",
        "Monday to Friday, 9am to 5pm",
    )


def _leaflet_words():
    """The leaflet's whole text, its bullets and runs of white space each made one space."""
    text = LEAFLET.read_text(encoding="utf-8")
    return " ".join(text.replace("·", " ").split())


@pytest.mark.parametrize("number", ["11.1", "11.3", "11.6", "11.13", "11.45"])
def test_quoted_paragraphs_match_the_leaflet_word_for_word(content, number):
    paragraph = CodeParagraph.objects.get(start=number, end="")
    quote = " ".join(paragraph.quote.replace("•", " ").split())
    assert quote
    assert quote in _leaflet_words()


def test_content_is_right_today_no_clinical_commissioning_groups_except_in_quotes(content):
    for route in Route.objects.all():
        for text in (route.when_to_use, route.body, route.time_limits, route.summary):
            if "Clinical Commissioning Group" in text:
                assert "replaced" in text, route
    for organisation in Organisation.objects.all():
        if "Clinical Commissioning Group" in organisation.helps_with:
            assert "replaced" in organisation.helps_with


def test_every_item_has_a_review_date():
    for item in json.loads(FIXTURE.read_text()):
        if item["model"] in {"routes.route", "routes.organisation", "routes.codeparagraph"}:
            assert item["fields"]["last_reviewed"]
            assert item["fields"]["review_due"]


def test_initial_content_is_never_loaded_over_staff_edits(content):
    route = Route.objects.get(slug="appeal")
    route.summary = "Edited by staff"
    route.save()
    Organisation.objects.get(slug="ipsea").delete()
    call_command("load_initial_content", verbosity=0)
    assert Route.objects.get(slug="appeal").summary == "Edited by staff"
    assert not Organisation.objects.filter(slug="ipsea").exists()


def test_loading_gives_every_item_a_first_history_version(content):
    from reversion.models import Version

    for model in (Route, Organisation, CodeParagraph):
        for item in model.objects.all():
            assert Version.objects.get_for_object(item).exists(), item
    # A route's first version is the whole page: its steps are in it.
    route = Route.objects.get(slug="appeal")
    first = Version.objects.get_for_object(route).get()
    in_version = {v.object_id for v in first.revision.version_set.all()}
    assert {str(pk) for pk in route.steps.values_list("pk", flat=True)} <= in_version


def test_a_new_kind_of_content_is_loaded_beside_edited_content(content, tmp_path, monkeypatch):
    """A release that adds a fixture file for empty tables fills them, and loads nothing over the
    tables staff have already filled."""
    from routes.management.commands import load_initial_content

    route = Route.objects.get(slug="appeal")
    route.summary = "Edited by staff"
    route.save()
    CodeParagraph.objects.all().delete()
    (tmp_path / "content.json").write_text(FIXTURE.read_text())
    paragraphs = [
        row for row in json.loads(FIXTURE.read_text()) if row["model"] == "routes.codeparagraph"
    ]
    (tmp_path / "paragraphs.json").write_text(json.dumps(paragraphs))
    monkeypatch.setattr(load_initial_content, "FIXTURES", tmp_path)
    call_command("load_initial_content", verbosity=0)
    assert Route.objects.get(slug="appeal").summary == "Edited by staff"
    assert CodeParagraph.objects.count() == len(paragraphs)
