"""The initial content: the leaflet's substance, right today, loadable on any database."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from routes.models import CodeParagraph, Organisation, Route, Step

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
        "Kids (disagreement resolution and mediation)",
        "Family Information Service",
        "Ealing Services ESCAN",
        "Ealing Local Offer",
        "First-tier Tribunal (Special Educational Needs and Disability)",
    ],
)
def test_every_organisation_the_leaflet_names_is_in_the_directory(content, name):
    """Every one the leaflet names that still gives help (Ace closed: see the test below)."""
    assert Organisation.objects.filter(name=name, is_published=True).exists()


def test_the_family_information_service_shows_none_of_the_leaflets_contact_details(content):
    """The leaflet's 020 8825 5588, children@ealing.gov.uk and "Mon-Fri, 9 am to 5 pm" are confirmed
    by no official page (../shared/contacts-checked-2026-12.md, section 3): staff confirm them first,
    and the entry's review notes say how."""
    fis = Organisation.objects.get(slug="family-information-service")
    assert (fis.phone, fis.email, fis.opening_hours) == ("", "", "")
    for detail in ("020 8825 5588", "children@ealing.gov.uk", "9am to 5pm", "TO CONFIRM"):
        assert detail in fis.review_notes


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
    # (Newer versions are the shipped translations, loaded after.)
    first = Version.objects.get_for_object(route).order_by("pk").first()
    assert first.revision.comment == "First version"
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


# Checks of the legal audit of November 2026 (../shared/reviews/legal-audit-2026-11.md), by finding.

CHECKED_ON = date(2026, 11, 29)
# The contacts checked against ../shared/contacts-checked-2026-12.md: an item whose every fact an
# official source confirmed was marked reviewed that day.
CONTACTS_CHECKED_ON = date(2026, 12, 8)


def _fixture_items(*models):
    return [row for row in json.loads(FIXTURE.read_text()) if row["model"] in models]


def _public_texts():
    """Every piece of content the public reads, with what it is, for the messages of failed checks."""
    for route in Route.objects.all():
        for name in ("summary", "when_to_use", "body", "time_limits"):
            yield f"{route.slug}.{name}", getattr(route, name)
    for step in Step.objects.all():
        yield f"step {step.pk}", f"{step.title} {step.body}"
    for organisation in Organisation.objects.all():
        yield organisation.slug, f"{organisation.name} {organisation.helps_with}"


def test_every_item_was_reviewed_with_notes_naming_what_was_checked():
    """Finding-by-finding reviews, 29 November and 8 December 2026: each route, organisation and
    Code paragraph says in its review notes what was checked against which source."""
    items = _fixture_items("routes.route", "routes.organisation", "routes.codeparagraph")
    for item in items:
        fields = item["fields"]
        reviewed_on = {CHECKED_ON.isoformat()}
        if item["model"] in ("routes.organisation", "routes.route"):
            reviewed_on.add(CONTACTS_CHECKED_ON.isoformat())
        assert fields["last_reviewed"] in reviewed_on, item["pk"]
        assert len(fields["review_notes"]) > 40, (item["model"], item["pk"])


def test_what_could_not_be_confirmed_is_due_for_review_now_and_says_what_to_check():
    for item in _fixture_items("routes.route", "routes.organisation", "routes.codeparagraph"):
        fields = item["fields"]
        # Ace Education Advice stays unpublished, and the sources confirm why: it is not due.
        unconfirmed = "NOT CONFIRMED" in fields["review_notes"] or (
            "UNPUBLISHED" in fields["review_notes"]
            and fields["last_reviewed"] != CONTACTS_CHECKED_ON.isoformat()
        )
        due_now = date.fromisoformat(fields["review_due"]) <= CONTACTS_CHECKED_ON
        assert unconfirmed == due_now, (item["model"], item["pk"], fields["review_notes"])


@pytest.mark.parametrize("slug", ["ealing-isaid", "ealing-council-sen-team"])
def test_helpers_in_every_plan_have_a_phone_or_are_due_with_a_note_saying_so(content, slug):
    """Finding 21: ISAID's own phone and email could not be confirmed from any stored source, so the
    entry shows none and is due for review with a note saying what to check, never a guessed one."""
    organisation = Organisation.objects.get(slug=slug)
    if not organisation.phone:
        assert organisation.review_due <= CHECKED_ON
        assert "phone" in organisation.review_notes and "NOT CONFIRMED" in organisation.review_notes


def test_every_organisation_has_its_contact_details_checked_or_is_due_to_be(content):
    # Ace Education Advice, unpublished because it closed (reviewed from the sources on
    # CONTACTS_CHECKED_ON), shows no contact details to check.
    for organisation in Organisation.objects.filter(is_published=True):
        assert organisation.contact_checked or organisation.review_due <= CHECKED_ON, organisation
        if organisation.contact_checked:
            assert organisation.contact_checked <= organisation.last_reviewed, organisation


def test_pages_say_when_contact_details_were_checked(client, content):
    checked = client.get("/organisations/ipsea/").content.decode()
    assert "Contact details checked on 29 November 2026." in checked
    unchecked = client.get("/organisations/ealing-isaid/").content.decode()
    assert "Contact details not yet checked by us." in unchecked
    listing = client.get("/organisations/").content.decode()
    assert (
        listing.count("Contact details checked on")
        == Organisation.objects.filter(is_published=True, contact_checked__isnull=False).count()
    )


def test_the_contact_for_an_ehc_plan_is_the_councils_sen_team_not_the_family_information_service(
    content,
):
    """Finding 8: the council secures the help in a plan (CFA 2014 s.42) through its SEN team."""
    fis = Organisation.objects.get(slug="family-information-service")
    assert "contact the council’s SEN team" in fis.helps_with
    talk = Route.objects.get(slug="talk-to-school")
    helpers = list(
        talk.routeorganisation_set.order_by("order").values_list("organisation__slug", flat=True)
    )
    assert helpers.index("ealing-council-sen-team") < helpers.index("family-information-service")
    assert "Family Information Service" not in talk.body
    sen_team = Organisation.objects.get(slug="ealing-council-sen-team")
    assert sen_team.phone and sen_team.email and sen_team.is_published


def test_no_clinical_commissioning_group_is_presented_as_current(content):
    """Findings 1 and 2: CCGs went in 2022 (Ealing CCG in 2021), and the NHS North West London name
    may have gone with the 2026 merger, so no text names a CCG except as replaced, and none names the
    ICB by a name that may have changed as if it were current."""
    for where, text in _public_texts():
        lowered = text.lower()
        if "clinical commissioning group" in lowered:
            assert "replaced clinical commissioning groups" in lowered, where
        assert "ealing clinical commissioning group" not in lowered, where
        assert "north west london integrated care board" not in lowered, where
    for paragraph in CodeParagraph.objects.all():
        if "clinical commissioning group" in paragraph.quote.lower():
            assert "integrated care boards replaced" in paragraph.title, paragraph


def test_the_closed_advice_charity_is_unpublished_and_helps_with_no_route(content, client):
    """Finding 19: Ace's advice lines closed in 2012."""
    ace = Organisation.objects.get(slug="ace-education-advice")
    assert not ace.is_published
    assert not ace.routes.exists()
    assert "Ace Education" not in client.get("/routes/appeal/").content.decode()


def test_coram_points_to_child_law_advice(content):
    """Finding 20: Child Law Advice is the service Coram runs for parents."""
    coram = Organisation.objects.get(slug="coram-childrens-legal-centre")
    assert coram.website == "https://childlawadvice.org.uk"
    assert "Child Law Advice" in coram.helps_with


def test_asking_for_an_assessment_needs_no_higher_bar_than_the_law(content):
    """Finding 7: CFA 2014 s.36(8), 'has or may have' SEN; no need for the school to agree."""
    step = Step.objects.get(route__slug="talk-to-school", title__startswith="Ask for an EHC needs")
    assert "doing all it can" not in step.body
    assert "You do not need the school to agree first" in step.body
    assert "section 36(8)" in step.body


def test_school_complaints_go_on_to_the_department_for_education_not_the_ombudsman(content):
    """Finding 10: the LGSCO cannot look at what happens inside a school (LGA 1974 Sch 5 para 5(2))."""
    complaint = Route.objects.get(slug="complaint")
    assert "Department for Education" in complaint.body
    assert "Schedule 5, paragraph 5(2)" in complaint.body
    last_step = complaint.steps.order_by("order").last()
    assert "Department for Education" in last_step.body
    lgsco = Organisation.objects.get(slug="local-government-and-social-care-ombudsman")
    assert "cannot look at what happens inside a school" in lgsco.helps_with


@pytest.mark.parametrize(
    "words",
    [
        "within 6 weeks of your request (SEND Regulations 2014, regulation 5)",
        "at least 15 days to comment",
        "within 20 weeks of the request for an assessment",
        "within 4 weeks of the review meeting",
        "within 8 weeks of the council sending them",
        "it stays in place while you can appeal",
    ],
)
def test_the_timescales_parents_chase_are_given_with_their_source(content, words):
    """Finding 17: one line per situation, each naming its source."""
    time_limits = Route.objects.get(slug="talk-to-school").time_limits
    line = next(line for line in time_limits.splitlines() if words in line)
    assert re.search(r"\((SEND Regulations 2014|Essex SENDIASS), [^\n]*\)\.$", line), line


def test_mediation_covers_a_refusal_to_re_assess(content):
    """Finding 22: CFA 2014 s.51(2)(d) makes it appealable, so mediation advice applies."""
    assert "not to carry out a re-assessment" in Route.objects.get(slug="mediation").when_to_use


def test_the_appeal_must_reach_the_tribunal_by_5pm(content):
    """Finding 11: HESC rules 12(1) and 20(1)."""
    assert "must reach the Tribunal by 5pm" in Route.objects.get(slug="appeal").time_limits


def test_exclusion_and_discrimination_time_limits_are_the_right_ones(content):
    """Findings 3, 4 and 16."""
    body = Route.objects.get(slug="appeal").body
    assert "independent review panel" in body and "SEN expert" in body
    assert "15 school days from the day you are told their decision in writing" in body
    assert "the last day is the day before the same date 6 months later" in body
    assert "do not apply to these claims" in body


@pytest.mark.parametrize("number", ["11.3", "11.6"])
def test_quotes_say_when_they_are_an_extract_or_out_of_date(content, number):
    """Finding 25: 11.3 names bodies that no longer exist; 11.6 is the first three sentences."""
    title = CodeParagraph.objects.get(start=number, end="").title
    assert "(" in title and title.endswith(")")


def test_route_pages_call_the_code_statutory_guidance_not_the_law(client, content):
    """Finding 25: the Code is statutory guidance; its quotes sit under a heading that says so."""
    for route in Route.objects.all():
        html = client.get(route.get_absolute_url()).content.decode()
        assert "What the SEND Code of Practice says" in html, route
        assert "statutory guidance" in html, route
        assert "What the law says" not in html, route


def test_the_2026_reform_note_is_dated_and_says_the_proposals_are_not_law(client, content):
    """Finding 18."""
    html = client.get("/").content.decode()
    assert "These are proposals, not law." in html
    assert "29 November 2026" in html
