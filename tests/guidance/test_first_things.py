"""A plan opens with what to do first: the first step and the real date to do it by (never an
estimate), what can still be done once a date has passed, and Ealing ISAID to call. Its "Who can
help" lists every organisation its words name, beyond each route's first two helpers."""

import html as html_lib
import re
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest

from guidance import advice, flow
from guidance.directory import HELPERS_PER_ROUTE, names_of, organisations_named
from routes.models import ContentVersion, Organisation
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

RESULT = "/what-can-i-do/result/"
APPEAL = {
    "who": "parent",
    "concern": "la-decision",
    "decision": "refuse-assessment",
    "decision_date": "2026-10-24",  # persona 2: refused 5 weeks before TODAY
    "mediation": "no",
}


def plan_for(answers, today=TODAY):
    parsed, errors = flow.parse_answers(answers, today)
    assert errors == {} and flow.next_question(parsed) == flow.CHECK
    return flow.action_plan(parsed, today)


class _Element(HTMLParser):
    """The HTML of the element with an id, from its start tag to its matching end tag."""

    def __init__(self, element_id):
        super().__init__(convert_charrefs=False)
        self.element_id, self.depth, self.start, self.end = element_id, 0, None, None

    def handle_starttag(self, tag, attrs):
        if self.start is None and ("id", self.element_id) in attrs:
            self.start, self.tag = self.getpos(), tag
        if self.start is not None and self.end is None and tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.start is not None and self.end is None and tag == self.tag:
            self.depth -= 1
            if self.depth == 0:
                self.end = self.getpos()


def element(html: str, element_id: str) -> str:
    parser = _Element(element_id)
    parser.feed(html)
    lines = html.splitlines(keepends=True)
    offset = lambda pos: sum(len(line) for line in lines[: pos[0] - 1]) + pos[1]  # noqa: E731
    return html[offset(parser.start) : offset(parser.end)]


def box(html: str) -> str:
    """The plan's opening box."""
    return element(html, "do-this-first")


def text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def who_can_help(html: str) -> tuple[list[str], str]:
    """The organisations Who can help lists, and the rest of the plan's text without that list."""
    section = element(html, "who-can-help")
    before, after = html.split(section, 1)
    listed = re.findall(r'<div class="app-contact[^"]*">\s*<h3[^>]*><a[^>]*>(.*?)</a>', section)
    main = before.split("<main", 1)[1].split(">", 1)[1] + after.split("</main>", 1)[0]
    return [html_lib.unescape(name) for name in listed], text(main)


# The first step's own date, the rules' way (pure: no Django).


def test_the_first_step_is_done_by_its_own_real_deadline_with_its_estimates_beside_it():
    first = advice.first_thing(plan_for(APPEAL), TODAY)
    assert first.step == "contact-mediation-adviser"
    assert first.by.key == "mediation-adviser" and first.by.due == date(2026, 12, 24)
    assert not first.by.estimate
    assert {d.key for d in first.estimates} == {"certificate", "mediation-meeting"}
    assert first.still_possible == () and first.next_deadline is None


def test_an_appeal_only_about_the_school_is_registered_by_the_last_day_to_appeal():
    first = advice.first_thing(
        plan_for({**APPEAL, "decision": "placement-only", "decision_date": "2026-11-06"}), TODAY
    )
    assert (first.step, first.by.key, first.by.due) == (
        "register-appeal",
        "appeal",
        date(2027, 1, 6),
    )


def test_a_step_without_a_date_names_the_plans_first_real_deadline_instead():
    discrimination = {"who": "parent", "concern": "discrimination", "incident_date": "2026-09-14"}
    first = advice.first_thing(plan_for(discrimination), TODAY)
    assert first.step == "write-down-discrimination" and first.by is None
    assert first.next_deadline.key == "discrimination-claim"
    school = {"who": "parent", "concern": "school-support", "plan": "no", "talked": "no"}
    first = advice.first_thing(plan_for(school), TODAY)
    assert (first.step, first.by, first.next_deadline) == ("talk-first", None, None)


def test_once_the_last_day_has_passed_what_can_still_be_done_replaces_the_step():
    first = advice.first_thing(plan_for({**APPEAL, "decision_date": "2026-06-01"}), TODAY)
    assert first.step is None and first.by is None and first.estimates == ()
    assert first.passed_notes == ("mediation-adviser-passed", "appeal-passed")
    # Every note it opens with has words (advice.every_code lists them already).
    assert set(first.passed_notes) <= advice.every_code()[advice.DEADLINE_NOTE]


# The page.


def test_the_plan_opens_with_do_this_first_by_the_real_date_after_the_outcome(client, content):
    html = client.get(RESULT, APPEAL).content.decode()
    outcome = html.index("You can appeal this decision")
    opening = html.index('id="do-this-first"')
    assert outcome < opening < html.index("Deadlines</h2>")
    said = text(box(html))
    assert said.startswith("Do this first, by Thursday 24 December 2026 Contact the mediation")
    # The estimates sit with the step they follow from, after its real date, and only there.
    assert said.index("24 December 2026") < said.index("If you tell the adviser today")
    deadlines = html.split("Deadlines</h2>", 1)[1].split("<h2", 1)[0]
    assert "If you tell the adviser today" not in deadlines
    assert "Last day to appeal" in deadlines


def test_a_last_day_that_is_not_a_working_day_is_acted_on_the_working_day_before(client, content):
    # Persona 5: the adviser's last day, Saturday 2 January 2027; act by Thursday 31 December.
    health = {**APPEAL, "concern": "health-care", "also_education": "yes"}
    health.update(decision="plan-contents", decision_date="2026-11-02")
    said = text(box(client.get(RESULT, health).content.decode()))
    assert said.startswith("Do this first, by Thursday 31 December 2026")
    assert "Saturday 2 January 2027 (not a working day)" in said


def test_without_a_real_deadline_the_box_says_do_this_first_with_no_date(client, content):
    school = {"who": "parent", "concern": "school-support", "plan": "no", "talked": "no"}
    said = text(box(client.get(RESULT, school).content.decode()))
    assert said.startswith("Do this first Ask for a meeting")
    assert not re.search(r"\d{4}", said)


def test_a_passed_deadline_says_first_what_can_still_be_done_and_only_there(client, content):
    html = client.get(RESULT, {**APPEAL, "decision_date": "2026-06-01"}).content.decode()
    said = text(box(html))
    assert said.startswith("Do this first Last day to contact the mediation adviser")
    assert "This date has passed." in said
    assert "ask the Tribunal to accept a late appeal" in said
    assert "Contact the mediation adviser named" not in said
    # Said once, first: the deadline cards below no longer repeat it.
    assert html.count("ask the Tribunal to accept a late appeal") == 1


def test_ealing_isaid_is_in_the_box_with_a_tel_link_when_staff_give_its_phone(client, content):
    html = client.get(RESULT, APPEAL).content.decode()
    shipped = Organisation.objects.get(slug=flow.ISAID)
    # Not confirmed anywhere (../shared/contacts-checked-2026-12.md, section 1): the shipped data
    # has no phone, no email and no website, so the box says so, links to ISAID's own page and
    # gives IPSEA's website, where free advice is booked (section 10: official).
    assert (shipped.phone, shipped.email, shipped.website) == ("", "", "")
    said = box(html)
    assert "tel:" not in said
    assert f'href="{shipped.get_absolute_url()}"' in said
    assert "We are still confirming its phone number and email" in text(said)
    assert 'href="https://www.ipsea.org.uk">www.ipsea.org.uk</a>' in said
    assert "You can also book free advice from IPSEA" in text(said)
    # An example number for the test only (Ofcom's drama range), never shipped.
    shipped.phone = "020 7946 0000"
    shipped.full_clean()
    shipped.save()
    ContentVersion.move_on()
    said = box(client.get(RESULT, APPEAL).content.decode())
    assert '<a class="govuk-link" href="tel:+442079460000">020 7946 0000</a>' in said
    assert "Call Ealing ISAID for free, impartial advice" in text(said)


def test_ealing_isaid_is_on_every_plan_and_first_in_who_can_help(client, content):
    for found in advice.plans_and_paths(date(2026, 11, 1), TODAY):
        html = client.get(RESULT, flow.to_query(found.paths[0])).content.decode()
        listed, _ = who_can_help(html)
        assert listed[0] == "Ealing ISAID", found.plan.outcome
        assert "Ealing ISAID" in text(box(html)), found.plan.outcome


# Who can help.


def test_a_name_counts_in_whole_words_with_its_capitals_and_its_short_forms():
    kids = Organisation(name="Kids (disagreement resolution and mediation)")
    icb = Organisation(name="NHS integrated care board (ICB) for Ealing")
    contact = Organisation(name="Contact")
    assert names_of(kids) == ("Kids (disagreement resolution and mediation)", "Kids")
    assert names_of(icb) == (
        "NHS integrated care board (ICB) for Ealing",
        "NHS integrated care board",
        "ICB",
    )
    everyone = [kids, icb, contact]
    assert organisations_named("Ask Kids or the ICB.", everyone) == [kids, icb]
    assert organisations_named("Get advice from IPSEA or Contact.", everyone) == [contact]
    assert organisations_named("contact us; Kidson; ICBs; co-Contact", everyone) == []


def test_advice_naming_ipsea_and_contact_lists_them_beyond_each_routes_first_helpers(
    client, content
):
    html = client.get(RESULT, APPEAL).content.decode()
    listed, said = who_can_help(html)
    assert "IPSEA or Contact" in said
    assert {"IPSEA", "Contact"} <= set(listed)
    section = html.split('id="who-can-help"', 1)[1]
    # Contact's website; its helpline number is on no public page, so none is shown.
    assert 'href="https://contact.org.uk"' in section
    assert "tel:+448088083555" not in section
    # Health: the complaint names the ICB and the Ombudsman.
    health = {"who": "parent", "concern": "health-care", "also_education": "no"}
    listed, _ = who_can_help(client.get(RESULT, health).content.decode())
    assert "Parliamentary and Health Service Ombudsman" in listed
    assert "NHS integrated care board (ICB) for Ealing" in listed
    assert HELPERS_PER_ROUTE == 2  # the cap stays: named organisations come on top of it


@pytest.mark.parametrize(
    "decision_date",
    [date(2026, 11, 1), date(2026, 3, 2)],
    ids=["dates ahead", "dates passed"],
)
def test_every_organisation_named_on_any_plan_is_in_its_who_can_help(
    client, content, decision_date
):
    """Every path of the questionnaire, as a parent and as a young person, with its dates ahead
    and passed (the passed notes name organisations too)."""
    organisations = list(Organisation.objects.visible())
    checked = 0
    for found in advice.plans_and_paths(decision_date, TODAY):
        for answers in found.paths:
            html = client.get(RESULT, flow.to_query(answers)).content.decode()
            listed, said = who_can_help(html)
            named = [o.name for o in organisations_named(said, organisations)]
            assert set(named) <= set(listed), (urlencode(flow.to_query(answers)), named, listed)
            checked += len(named)
    assert checked > 0
