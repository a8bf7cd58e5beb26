"""The questionnaire's pages, through the test client: walking it, errors, and bad URLs."""

import re
from datetime import date, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from guidance import flow

pytestmark = pytest.mark.django_db


def go(client, url, **params):
    return client.get(url, params)


def follow_answer(client, key, answers, **fields):
    """Submit one question page the way the browser does: earlier answers plus this one's fields."""
    data = {**answers, **fields}
    return client.get(f"/what-can-i-do/{key}/answer/", data)


def answers_from(location):
    return {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.found.append({k: v or "" for k, v in attrs if k not in ("id", "class")})


def inputs(html, name):
    """The page's <input> elements named `name`, as their attributes (a bare `checked` as "")."""
    parser = _Inputs()
    parser.feed(html)
    return [i for i in parser.found if i.get("name") == name]


def test_walk_to_an_appeal_plan(client, content):
    response = follow_answer(client, "who", {}, who="parent")
    assert response.status_code == 302
    assert response["Location"].startswith("/what-can-i-do/concern/?who=parent")
    answers = answers_from(response["Location"])
    response = follow_answer(client, "concern", answers, concern="la-decision")
    answers = answers_from(response["Location"])
    response = follow_answer(client, "decision", answers, decision="refuse-plan")
    assert urlparse(response["Location"]).path == "/what-can-i-do/decision_date/"
    answers = answers_from(response["Location"])
    response = follow_answer(
        client,
        "decision_date",
        answers,
        decision_date_0="2",
        decision_date_1="10",
        decision_date_2="2026",
    )
    answers = answers_from(response["Location"])
    assert answers["decision_date"] == "2026-10-02"
    response = follow_answer(client, "mediation", answers, mediation="no")
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"
    check = client.get(response["Location"])
    assert check.status_code == 200
    assert b"Check your answers" in check.content
    assert b"2 October 2026" in check.content
    result = client.get("/what-can-i-do/result/", answers_from(response["Location"]))
    assert result.status_code == 200
    html = result.content.decode()
    assert "Consider mediation" in html and "Appeal to the Tribunal" in html
    assert "Last day to contact the mediation adviser" in html
    assert "SEND Code of Practice, paragraph 11.45" in html
    assert "Ealing ISAID" in html
    assert "Set-Cookie" not in str(result.headers)


def test_result_shows_full_dates_days_left_and_which_rule_moved_a_date(client, content, today):
    assert today == date(2026, 11, 28)
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "placement-only",
        "decision_date": "2026-10-25",
    }
    html = client.get("/what-can-i-do/result/", query).content.decode()
    assert "Monday 4 January 2027" in html
    assert "37 days from today" in html
    soon = dict(query, decision_date="2026-10-02")
    assert "Only 4 days left." in client.get("/what-can-i-do/result/", soon).content.decode()
    assert "between 25 December and 1 January" in html
    assert "rule 12(3)" in html


def test_a_passed_appeal_deadline_says_so_and_offers_help_with_a_late_appeal(client, content):
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-assessment",
        "decision_date": "2025-01-10",
        "mediation": "yes",
        "certificate_date": "2025-02-01",
    }
    html = client.get("/what-can-i-do/result/", query).content.decode()
    assert "This date has passed." in html
    assert "ask the Tribunal to accept a late appeal" in html


def test_staff_edits_to_organisations_show_in_results(client, content):
    from routes.models import Organisation

    kids = Organisation.objects.get(slug="kids")
    kids.phone = "020 7359 3635"
    kids.save()
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-10-01",
        "mediation": "no",
    }
    assert "020 7359 3635" in client.get("/what-can-i-do/result/", query).content.decode()


GOVERNORS_DECIDED = {
    "who": "parent",
    "concern": "exclusion",
    "exclusion_type": "permanent",
    "exclusion_date": "2026-11-02",
    "governors_decision": "yes",
}
NEW_DATES = [
    (
        "exclusion_date",
        {"who": "parent", "concern": "exclusion", "exclusion_type": "permanent"},
        "The date of the exclusion",
    ),
    ("governors_decision_date", GOVERNORS_DECIDED, "The date of the governors’ decision letter"),
    ("incident_date", {"who": "parent", "concern": "discrimination"}, "The date it happened"),
]


@pytest.mark.parametrize(
    ("key", "answers", "fields", "message"),
    [
        pytest.param("who", {}, {}, "Select who you are asking for", id="no choice"),
        pytest.param("who", {}, {"who": "robot"}, "Select who you are asking for", id="bad choice"),
        pytest.param(
            "decision_date",
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date_0": "", "decision_date_1": "", "decision_date_2": ""},
            "Enter the date of the decision letter",
            id="empty date",
        ),
        pytest.param(
            "decision_date",
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date_0": "31", "decision_date_1": "2", "decision_date_2": "2026"},
            "The date of the decision letter must be a real date",
            id="31 February",
        ),
        pytest.param(
            "decision_date",
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date_0": "3", "decision_date_1": "", "decision_date_2": "2026"},
            "The date of the decision letter must include a month",
            id="missing month",
        ),
        pytest.param(
            "decision_date",
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date_0": "3", "decision_date_1": "4", "decision_date_2": "26"},
            "The date of the decision letter must include a year with 4 numbers",
            id="2-digit year",
        ),
        pytest.param(
            "decision_date",
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date_0": "1", "decision_date_1": "1", "decision_date_2": "2099"},
            "The date of the decision letter must be today or in the past",
            id="future date",
        ),
        pytest.param(
            "certificate_date",
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "2026-10-01",
                "mediation": "yes",
            },
            {"certificate_date_0": "30", "certificate_date_1": "9", "certificate_date_2": "2026"},
            "must be the same as or after the date of the decision letter",
            id="certificate before decision",
        ),
        *(
            pytest.param(
                key,
                before,
                {f"{key}_0": day, f"{key}_1": month, f"{key}_2": year},
                message,
                id=f"{key}: {problem}",
            )
            for key, before, noun in NEW_DATES
            for problem, (day, month, year), message in [
                ("future", ("1", "1", "2099"), f"{noun} must be today or in the past"),
                ("before 2014", ("31", "8", "2014"), f"{noun} must be after 1 September 2014"),
                ("impossible", ("30", "2", "2026"), f"{noun} must be a real date"),
            ]
        ),
        pytest.param(
            "governors_decision_date",
            GOVERNORS_DECIDED,
            {
                "governors_decision_date_0": "1",
                "governors_decision_date_1": "11",
                "governors_decision_date_2": "2026",
            },
            "The date of the governors’ decision letter must be the same as or after the date of "
            "the exclusion",
            id="governors' decision before the exclusion",
        ),
    ],
)
def test_bad_answers_get_a_govuk_error_message(client, key, answers, fields, message):
    response = follow_answer(client, key, answers, **fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'class="govuk-error-summary"' in html and "autofocus" in html
    assert message in html
    assert html.count(message) >= 2  # in the summary and beside the field
    assert "<title>Error: " in html


def test_error_summary_links_to_the_first_radio(client):
    html = follow_answer(client, "who", {}).content.decode()
    assert 'href="#id_who_1"' in html
    assert 'id="id_who_1"' in html


def test_a_missing_answer_sends_you_to_that_question(client):
    response = client.get("/what-can-i-do/result/", {"who": "parent", "concern": "la-decision"})
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/what-can-i-do/decision/"


def test_a_bad_date_in_the_url_shows_the_question_with_its_error(client):
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-02-31",
        "mediation": "no",
    }
    response = client.get("/what-can-i-do/result/", query)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "must be a real date" in page.content.decode()


def test_asking_for_a_question_that_does_not_apply_redirects(client):
    response = client.get(
        "/what-can-i-do/mediation/", {"who": "parent", "concern": "plan-not-delivered"}
    )
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"


def test_unknown_question_is_not_found(client):
    assert client.get("/what-can-i-do/favourite-colour/").status_code == 404


def submit(client, html, **fields):
    """Submit a question page as a browser does: its hidden inputs and these fields, to its form's
    address."""
    action = re.search(r'<form method="get" action="([^"]+)"', html)[1]
    parser = _Inputs()
    parser.feed(html)
    hidden = {i["name"]: i["value"] for i in parser.found if i.get("type") == "hidden"}
    return client.get(action, {**hidden, **fields})


def change_links(html):
    """Each Change link on a page: {question key: the answers and marker in its address}."""
    found = {}
    for href in re.findall(r'<a class="govuk-link" href="([^"]+)">Change<', html):
        address = urlparse(href.replace("&amp;", "&"))
        found[address.path.split("/")[2]] = answers_from(address.geturl())
    return found


def back_link(html):
    return urlparse(
        re.search(r'href="([^"]+)" class="govuk-back-link"', html)[1].replace("&amp;", "&")
    )


APPEAL = {
    "who": "parent",
    "concern": "la-decision",
    "decision": "refuse-plan",
    "decision_date": "2026-10-02",
    "mediation": "no",
}
SCHOOL = {"who": "parent", "concern": "school-support", "plan": "no", "talked": "yes"}


def test_change_keeps_later_answers_and_returns_to_check(client):
    page = client.get("/what-can-i-do/plan/", {**SCHOOL, "change": "1"}).content.decode()
    assert inputs(page, "talked") == [{"type": "hidden", "name": "talked", "value": "yes"}]
    assert [i["value"] for i in inputs(page, "plan") if "checked" in i] == ["no"]
    response = submit(client, page, plan="assessing")
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"
    assert answers_from(response["Location"]) == {**SCHOOL, "plan": "assessing"}


@pytest.mark.parametrize("url", ["/what-can-i-do/check/", "/what-can-i-do/result/"])
def test_every_change_link_keeps_every_answer_and_says_it_is_a_change(client, content, url):
    html = client.get(url, APPEAL).content.decode()
    assert change_links(html) == {key: {**APPEAL, "change": "1"} for key in APPEAL}


def test_a_changed_date_keeps_the_answers_after_it_and_returns_to_check(client, content):
    # Walkthrough P2: changing the decision date lost the mediation answer and asked it again.
    page = client.get("/what-can-i-do/decision_date/", {**APPEAL, "change": "1"}).content.decode()
    response = submit(client, page, **date_fields("decision_date", date(2026, 10, 9)))
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"
    assert answers_from(response["Location"]) == {**APPEAL, "decision_date": "2026-10-09"}
    html = client.get(response["Location"]).content.decode()
    assert "9 October 2026" in html


def test_the_back_link_of_a_change_returns_to_check_your_answers(client):
    html = client.get("/what-can-i-do/plan/", {**SCHOOL, "change": "1"}).content.decode()
    back = back_link(html)
    assert back.path == "/what-can-i-do/check/"
    assert answers_from(back.geturl()) == SCHOOL
    # A wrong date on a change page keeps the old one behind it, so Back still has it.
    page = client.get("/what-can-i-do/decision_date/", {**APPEAL, "change": "1"}).content.decode()
    wrong = submit(client, page, decision_date_0="31", decision_date_1="2", decision_date_2="2026")
    assert wrong.status_code == 200
    assert "must be a real date" in wrong.content.decode()
    back = back_link(wrong.content.decode())
    assert (back.path, answers_from(back.geturl())) == ("/what-can-i-do/check/", APPEAL)
    # Without the marker, Back is the question before, as on the way through.
    html = client.get("/what-can-i-do/plan/", SCHOOL).content.decode()
    assert back_link(html).path == "/what-can-i-do/concern/"


def test_a_change_that_opens_a_new_question_asks_it_then_returns_to_check(client):
    page = client.get("/what-can-i-do/plan/", {**SCHOOL, "change": "1"}).content.decode()
    response = submit(client, page, plan="yes")
    assert urlparse(response["Location"]).path == "/what-can-i-do/council_decision/"
    assert answers_from(response["Location"]) == {**SCHOOL, "plan": "yes", "change": "1"}
    page = client.get(response["Location"]).content.decode()
    assert back_link(page).path == "/what-can-i-do/plan/"
    # No council decision: "talked" still applies, so straight back to check.
    done = submit(client, page, council_decision="no")
    assert urlparse(done["Location"]).path == "/what-can-i-do/check/"
    assert answers_from(done["Location"]) == {**SCHOOL, "plan": "yes", "council_decision": "no"}
    # A council decision: each new question in turn, "talked" dropped, then check.
    location = submit(client, page, council_decision="yes")["Location"]
    for key, fields in [
        ("decision", {"decision": "plan-contents"}),
        ("decision_date", date_fields("decision_date", date(2026, 10, 2))),
        ("mediation", {"mediation": "no"}),
    ]:
        assert urlparse(location).path == f"/what-can-i-do/{key}/"
        assert answers_from(location)["change"] == "1"
        location = submit(client, client.get(location).content.decode(), **fields)["Location"]
    assert urlparse(location).path == "/what-can-i-do/check/"
    assert answers_from(location) == {
        "who": "parent",
        "concern": "school-support",
        "plan": "yes",
        "council_decision": "yes",
        "decision": "plan-contents",
        "decision_date": "2026-10-02",
        "mediation": "no",
    }


def test_a_change_that_makes_a_later_date_wrong_asks_it_again_with_its_message(client):
    answers = {**APPEAL, "mediation": "yes", "certificate_date": "2026-10-20"}
    page = client.get("/what-can-i-do/decision_date/", {**answers, "change": "1"}).content.decode()
    response = submit(client, page, **date_fields("decision_date", date(2026, 11, 2)))
    assert urlparse(response["Location"]).path == "/what-can-i-do/certificate_date/"
    assert answers_from(response["Location"])["certificate_date"] == "2026-10-20"
    html = client.get(response["Location"]).content.decode()
    assert (
        "The date on the mediation certificate must be the same as or after the date of the "
        "decision letter" in html
    )
    assert inputs(html, "certificate_date_0")[0]["value"] == "20"


@pytest.mark.parametrize("marker", ["0", "yes", "<script>", ""])
def test_any_other_change_marker_is_ignored(client, marker):
    html = client.get("/what-can-i-do/plan/", {**SCHOOL, "change": marker}).content.decode()
    assert back_link(html).path == "/what-can-i-do/concern/"
    assert inputs(html, "change") == []


def test_back_link_goes_to_the_previous_question_keeping_the_answers(client):
    answers = {"who": "parent", "concern": "handling"}
    html = client.get("/what-can-i-do/talked/", answers).content.decode()
    assert 'href="/what-can-i-do/concern/?who=parent&amp;concern=handling"' in html
    first = client.get("/what-can-i-do/who/").content.decode()
    assert (
        'class="govuk-back-link" href="/what-can-i-do/"' in first
        or 'href="/what-can-i-do/" class="govuk-back-link"' in first
    )


def test_young_person_wording(client):
    html = client.get("/what-can-i-do/concern/", {"who": "young-person"}).content.decode()
    assert "The help you get at school" in html
    assert "You have been excluded" in html


# Decision letter of 2 October 2026, no certificate, on 28 November 2026: each event's title, its
# day, and its reminders. The "if you act today" estimates are not events (tests/guidance/
# test_calendar.py); a week before has passed, so each reminder is the day before.
CALENDAR_EVENTS = [
    ("Last day to contact the mediation adviser", date(2026, 12, 2), 1),
    ("Last day to appeal: your appeal must reach the Tribunal by 5pm", date(2026, 12, 2), 1),
]


def test_calendar_file_has_each_deadline_as_an_all_day_event_with_a_reminder_if_firm(
    client, content
):
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-10-02",
        "mediation": "no",
    }
    response = client.get("/what-can-i-do/result/calendar.ics", query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    found = [(str(e["SUMMARY"]), e["DTSTART"].dt, len(e.walk("VALARM"))) for e in events]
    assert sorted(found) == sorted(CALENDAR_EVENTS)
    for event in events:
        start = event["DTSTART"].dt
        assert type(start) is date, "an all-day event has a date, not a time"
        assert event["DTEND"].dt == start + timedelta(days=1), "DTEND is exclusive: the next day"
        assert event["DTSTAMP"].dt.tzinfo is not None
        for alarm in event.walk("VALARM"):
            assert str(alarm["ACTION"]) == "DISPLAY"
            assert alarm["TRIGGER"].dt == timedelta(days=-1), "the day before"
            assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    uids = [str(e["UID"]) for e in events]
    assert all(uids) and len(set(uids)) == len(uids), "one UID an event"
    again = Calendar.from_ical(client.get("/what-can-i-do/result/calendar.ics", query).content)
    # The same plan downloaded again updates the same events, not copies of them.
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids


def test_calendar_without_deadlines_goes_back_to_the_plan(client, content):
    query = {"who": "parent", "concern": "plan-not-delivered"}
    response = client.get("/what-can-i-do/result/calendar.ics", query)
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/what-can-i-do/result/"


def test_deadline_calculator(client):
    response = client.get(
        "/deadlines/",
        {"decision_date_0": "14", "decision_date_1": "1", "decision_date_2": "2026"},
    )
    html = response.content.decode()
    assert "Monday 16 March 2026" in html
    assert "a weekend" in html


BEYOND_A_C_LONG = str(2**63)  # date() overflows from 2**31; this is past even a C long
DECISION_QUESTION = "/what-can-i-do/decision_date/"
CERTIFICATE_QUESTION = "/what-can-i-do/certificate_date/"
BEFORE_DECISION_DATE = {
    "who": "parent",
    "concern": "la-decision",
    "also_education": "yes",
    "decision": "refuse-assessment",
}
BEFORE_CERTIFICATE_DATE = {
    "who": "parent",
    "concern": "la-decision",
    "also_education": "yes",
    "decision": "refuse-plan",
    "decision_date": "2026-10-01",
    "mediation": "yes",
}


@pytest.mark.parametrize(
    ("url", "query", "message"),
    [
        pytest.param(
            "/deadlines/",
            {"decision_date_0": "99999999999", "decision_date_1": "1", "decision_date_2": "2026"},
            "The date of the decision letter must be a real date",
            id="calculator: the probe's day",
        ),
        pytest.param(
            "/deadlines/",
            {
                "decision_date_0": "2",
                "decision_date_1": "10",
                "decision_date_2": "2026",
                "certificate_date_0": "1",
                "certificate_date_1": BEYOND_A_C_LONG,
                "certificate_date_2": "2026",
            },
            "The date on the mediation certificate must be a real date",
            id="calculator: certificate month",
        ),
        pytest.param(
            DECISION_QUESTION + "answer/",
            {
                **BEFORE_DECISION_DATE,
                "decision_date_0": "99999999999",
                "decision_date_1": "1",
                "decision_date_2": "2026",
            },
            "The date of the decision letter must be a real date",
            id="decision date question: day",
        ),
        pytest.param(
            CERTIFICATE_QUESTION + "answer/",
            {
                **BEFORE_CERTIFICATE_DATE,
                "certificate_date_0": "1",
                "certificate_date_1": "99999999999",
                "certificate_date_2": "2026",
            },
            "The date on the mediation certificate must be a real date",
            id="certificate date question: month",
        ),
        pytest.param(
            DECISION_QUESTION,
            {**BEFORE_DECISION_DATE, "decision_date": f"2026-01-{BEYOND_A_C_LONG}"},
            "The date of the decision letter must be a real date",
            id="decision date in the URL",
        ),
        pytest.param(
            CERTIFICATE_QUESTION,
            {**BEFORE_CERTIFICATE_DATE, "certificate_date": f"2026-{BEYOND_A_C_LONG}-01"},
            "The date on the mediation certificate must be a real date",
            id="certificate date in the URL",
        ),
    ],
)
def test_a_day_or_month_too_big_for_any_date_is_not_a_real_date(client, url, query, message):
    response = client.get(url, query)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_deadline_calculator_errors(client):
    response = client.get(
        "/deadlines/",
        {"decision_date_0": "31", "decision_date_1": "2", "decision_date_2": "2026"},
    )
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()


QUESTION_KEYS = list(flow.QUESTIONS)
VALUES = st.one_of(
    st.sampled_from(
        [
            *sorted({answer for q in flow.QUESTIONS.values() for answer in q.choices}),
            "2026-02-31",
            "2026-10-01",
            "2099-01-01",
            "0000-00-00",
            "2026-1-1",
            "",
            "%00",
            "<script>",
            "9" * 40,
        ]
    ),
    st.text(max_size=30),
    st.dates().map(date.isoformat),
    st.integers().map(str),
)
QUERIES = st.dictionaries(
    st.one_of(
        st.sampled_from(
            [
                *QUESTION_KEYS,
                *(f"{k}_{i}" for k, q in flow.QUESTIONS.items() if q.is_date for i in range(3)),
                "change",
            ]
        ),
        st.text(max_size=10),
    ),
    VALUES,
    max_size=10,
)
PATHS = st.sampled_from(
    [
        "/what-can-i-do/result/",
        "/what-can-i-do/check/",
        "/what-can-i-do/result/calendar.ics",
        "/deadlines/",
    ]
    + [f"/what-can-i-do/{k}/" for k in QUESTION_KEYS]
    + [f"/what-can-i-do/{k}/answer/" for k in QUESTION_KEYS]
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(path=PATHS, query=QUERIES)
def test_no_query_string_gives_a_server_error(client, content, path, query):
    cache.clear()
    encoded = urlencode({k.replace("\x00", ""): v.replace("\x00", "") for k, v in query.items()})
    response = client.get(f"{path}?{encoded}")
    assert response.status_code in (200, 302, 404), (path, query, response.status_code)


# The zero of each script's digits: int() reads them all, so the date boxes accept them.
ZEROS = ["0", "\u0660", "\u06f0", "\u0966", "\u09e6", "\uff10"]  # ASCII, Arabic-Indic, ...


def written_in(number: int, zero: str) -> str:
    """`number` written with the digits of the script whose zero is `zero`."""
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in str(number))


DATE_PARTS = st.one_of(
    # Integers of any size, in any of these scripts; from 2**31, date() raises OverflowError.
    st.builds(written_in, st.integers(min_value=2**31), st.sampled_from(ZEROS)),
    st.builds(written_in, st.integers(), st.sampled_from(ZEROS)),
    st.text(st.characters(categories=["Nd"]), min_size=1, max_size=8),  # any script's digits
    st.integers(min_value=4301, max_value=5000).map(lambda n: "9" * n),  # too long for int()
)
# Mostly 4 numbers: only then are the day and month read as numbers.
YEARS = st.one_of(
    st.builds(written_in, st.integers(min_value=1000, max_value=9999), st.sampled_from(ZEROS)),
    DATE_PARTS,
)
# Where a date is read, and how it is written there: in its day, month and year boxes ("boxes"),
# or as one answer in the URL ("url"), which every questionnaire page reads.
DATE_ENTRIES = [
    pytest.param("/deadlines/", {}, "decision_date", "boxes", id="calculator decision"),
    pytest.param(
        "/deadlines/",
        {"decision_date_0": "2", "decision_date_1": "10", "decision_date_2": "2026"},
        "certificate_date",
        "boxes",
        id="calculator certificate",
    ),
    *(
        pytest.param(path, before, key, written, id=f"{key} {written} {path}")
        for key, question, before in [
            ("decision_date", DECISION_QUESTION, BEFORE_DECISION_DATE),
            ("certificate_date", CERTIFICATE_QUESTION, BEFORE_CERTIFICATE_DATE),
            *((key, f"/what-can-i-do/{key}/", before) for key, before, _ in NEW_DATES),
        ]
        for path, written in [
            (question + "answer/", "boxes"),
            (question, "url"),
            ("/what-can-i-do/check/", "url"),
            ("/what-can-i-do/result/", "url"),
            ("/what-can-i-do/result/calendar.ics", "url"),
        ]
    ),
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    day=DATE_PARTS,
    month=DATE_PARTS,
    year=YEARS,
    concern=st.sampled_from(["la-decision", "health-care"]),
)
@pytest.mark.parametrize(("path", "before", "key", "written"), DATE_ENTRIES)
def test_any_number_in_a_date_gets_an_answer_not_a_server_error(
    client, content, path, before, key, written, day, month, year, concern
):
    cache.clear()
    query = {**before, "concern": concern} if "concern" in before else dict(before)
    if written == "boxes":
        query.update({f"{key}_0": day, f"{key}_1": month, f"{key}_2": year})
    else:
        query[key] = f"{year}-{month}-{day}"
    response = client.get(path, query)
    assert response.status_code in (200, 302), (path, query, response.status_code)


def test_the_certificate_rule_is_explained_only_where_a_certificate_applies(client, content):
    needs = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-10-02",
        "mediation": "no",
    }
    placement = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "placement-only",
        "decision_date": "2026-10-02",
    }
    rule = "When you get your mediation certificate, you have 1 month from the date on it"
    assert rule in client.get("/what-can-i-do/result/", needs).content.decode()
    assert rule not in client.get("/what-can-i-do/result/", placement).content.decode()
    calculator = client.get(
        "/deadlines/", {"decision_date_0": "2", "decision_date_1": "10", "decision_date_2": "2026"}
    )
    assert rule in calculator.content.decode()


def walk(client, steps):
    """Answer each (key, fields) in turn through the pages, as the browser would; return the
    address the last answer leads to."""
    answers = {}
    location = ""
    for key, fields in steps:
        response = follow_answer(client, key, answers, **fields)
        assert response.status_code == 302, (key, response.content.decode()[:500])
        location = response["Location"]
        answers = answers_from(location)
    return location, answers


def date_fields(key, day):
    return {f"{key}_0": str(day.day), f"{key}_1": str(day.month), f"{key}_2": str(day.year)}


# Each new path, walked through its pages, and what its plan must say (28 November 2026).
NEW_PATHS = [
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "exclusion"}),
            ("exclusion_type", {"exclusion_type": "permanent"}),
            ("exclusion_date", date_fields("exclusion_date", date(2026, 11, 2))),
            ("governors_decision", {"governors_decision": "yes"}),
            ("governors_decision_date", date_fields("governors_decision_date", date(2026, 11, 16))),
        ],
        [
            "Apply for an independent review panel and an SEN expert by",
            "Monday 7 December 2026",  # 15 weekdays after Monday 16 November 2026
            "applying by this date is always in time",
            "ask for an SEN expert at the same time",
            "Last day to make a disability discrimination claim",
            "Saturday 1 May 2027",  # 6 months starting with 2 November 2026
            "act by Friday 30 April 2027",
            "School Exclusion Clinic",
        ],
        id="permanent exclusion, governors upheld it",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "exclusion"}),
            ("exclusion_type", {"exclusion_type": "permanent"}),
            ("exclusion_date", date_fields("exclusion_date", date(2026, 11, 23))),
            ("governors_decision", {"governors_decision": "not-yet"}),
        ],
        ["within 15 school days of being told", "From the sixth school day"],
        id="permanent exclusion, governors not met",
    ),
    pytest.param(
        [
            ("who", {"who": "young-person"}),
            ("concern", {"concern": "exclusion"}),
            ("exclusion_type", {"exclusion_type": "suspension"}),
            ("exclusion_date", date_fields("exclusion_date", date(2026, 11, 23))),
        ],
        ["over 15 school days in a term", "Saturday 22 May 2027", "once they are 18"],
        id="suspension",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "discrimination"}),
            ("incident_date", date_fields("incident_date", date(2026, 9, 14))),
        ],
        [
            "Saturday 13 March 2027",
            "act by Friday 12 March 2027",
            "You do not need a mediation certificate",
            "not moved for Christmas, August",
        ],
        id="disability discrimination",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "school-support"}),
            ("plan", {"plan": "yes"}),
            ("council_decision", {"council_decision": "yes"}),
            ("decision", {"decision": "plan-contents"}),
            ("decision_date", date_fields("decision_date", date(2026, 10, 2))),
            ("mediation", {"mediation": "no"}),
        ],
        ["You can appeal this decision", "Last day to appeal", "Wednesday 2 December 2026"],
        id="help at school, with a plan and a council decision: the appeal (walkthrough P4)",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "school-support"}),
            ("plan", {"plan": "yes"}),
            ("council_decision", {"council_decision": "no"}),
            ("talked", {"talked": "yes"}),
        ],
        ["Start with the school", "early review of the EHC plan"],
        id="help at school, with a plan and no council decision: the school",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "plan-not-delivered"}),
        ],
        ["section 42", "judicial review", "Ombudsman", "the young person’s, not the parent’s"],
        id="help in the plan not given",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "health-care"}),
            ("also_education", {"also_education": "no"}),
        ],
        ["cannot be appealed to the Tribunal", "integrated care board (ICB)"],
        id="health care only",
    ),
    pytest.param(
        [
            ("who", {"who": "parent"}),
            ("concern", {"concern": "health-care"}),
            ("also_education", {"also_education": "yes"}),
            ("decision", {"decision": "refuse-assessment"}),
            ("decision_date", date_fields("decision_date", date(2026, 10, 2))),
            ("mediation", {"mediation": "no"}),
        ],
        ["cannot make recommendations about health or social care", "by 5pm"],
        id="health with education, refusal to assess",
    ),
]


@pytest.mark.parametrize(("steps", "says"), NEW_PATHS)
def test_each_new_path_walks_to_its_plan(client, content, steps, says):
    location, answers = walk(client, steps)
    assert urlparse(location).path == "/what-can-i-do/check/"
    assert client.get(location).status_code == 200
    result = client.get("/what-can-i-do/result/", answers)
    assert result.status_code == 200
    html = result.content.decode()
    text = re.sub(r"<[^>]+>", "", html)  # words in the glossary are links on their first use
    for words in says:
        assert words in text, words
    assert "{{" not in html
    plan_words = html.split("<h1")[1].split("Who can help")[0]
    if answers["who"] == "young-person":
        assert "your child" not in plan_words


def test_the_plan_says_which_letter_the_appeal_counts_from_when_both_share_a_date(client, content):
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-10-02",
        "mediation": "yes",
        "certificate_date": "2026-10-02",
    }
    html = client.get("/what-can-i-do/result/", query).content.decode()
    assert "Counted from the decision letter dated 2 October 2026 (2 months)." in html


def test_the_calculator_says_a_placement_only_appeal_needs_no_adviser(client):
    html = client.get(
        "/deadlines/", {"decision_date_0": "2", "decision_date_1": "10", "decision_date_2": "2026"}
    ).content.decode()
    assert "only about the school or college named" in html


def test_calendar_puts_a_last_day_that_is_not_a_working_day_on_the_day_to_act_by(client, content):
    # Equality Act 2010, Sch 17 para 4(1): 14 September 2026 gives Saturday 13 March 2027, so the
    # event is on Friday 12 March, the day the plan says to act by.
    query = {"who": "parent", "concern": "discrimination", "incident_date": "2026-09-14"}
    calendar = Calendar.from_ical(client.get("/what-can-i-do/result/calendar.ics", query).content)
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].dt == date(2027, 3, 12)
    assert "Saturday 13 March 2027, is not a working day" in str(event["DESCRIPTION"])
    assert len(event.walk("VALARM")) == 1


def test_a_plan_links_its_letters_filled_in_with_what_the_answers_say_and_nothing_personal(
    client, content
):
    html = client.get(
        "/what-can-i-do/result/",
        {
            "who": "parent",
            "concern": "la-decision",
            "decision": "refuse-plan",
            "decision_date": "2026-10-02",
            "mediation": "no",
        },
    ).content.decode()
    assert "Letters you can send" in html
    link = re.search(r'href="(/letters/tell-mediation-adviser/\?[^"]+)"', html)[1]
    assert link.replace("&amp;", "&") == (
        "/letters/tell-mediation-adviser/?decision=refuse-plan&decision_date=2026-10-02&mediation=no"
    )
    form = " ".join(client.get(link.replace("&amp;", "&")).content.decode().split())
    assert 'value="no" checked' in form  # the mediation choice, filled in
    assert 'name="decision_date_0" value="2" ' in form


def test_an_unpublished_letter_is_not_linked_from_a_plan(client, content):
    from letters.models import Letter
    from routes.models import ContentVersion

    Letter.objects.filter(slug="tell-mediation-adviser").update(is_published=False)
    ContentVersion.move_on()
    html = client.get(
        "/what-can-i-do/result/",
        {
            "who": "parent",
            "concern": "la-decision",
            "decision": "refuse-plan",
            "decision_date": "2026-10-02",
            "mediation": "no",
        },
    ).content.decode()
    assert "/letters/tell-mediation-adviser/" not in html


def test_real_deadlines_come_before_if_you_act_today_estimates(client, content):
    # Walkthrough part A: the estimates came first, and the last day to appeal 1.6 screens down.
    html = client.get(
        "/what-can-i-do/result/",
        {
            "who": "parent",
            "concern": "la-decision",
            "decision": "cease-plan",
            "decision_date": "2026-10-02",
            "mediation": "no",
        },
    ).content.decode()
    # The plan opens with the adviser's real last day; the estimates follow inside that step.
    opening = html.split('id="do-this-first"')[1].split("Deadlines</h2>")[0]
    assert opening.index("Do this first, by Wednesday 2 December 2026") < opening.index(
        "If you tell the adviser today"
    )
    deadlines = html.split("Deadlines</h2>")[1].split("<h2")[0]
    titles = re.findall(r"<h3[^>]*>\s*(.*?)\s*</h3>", deadlines, re.S)
    assert titles == [
        "Last day to contact the mediation adviser",
        "Last day to appeal: your appeal must reach the Tribunal by 5pm",
    ]


def test_a_child_with_a_plan_is_not_offered_a_refusal_to_assess(client, content):
    # Legal audit 2026-12, finding 12.
    earlier = {
        "who": "parent",
        "concern": "school-support",
        "plan": "yes",
        "council_decision": "yes",
    }
    html = client.get("/what-can-i-do/decision/", earlier).content.decode()
    assert "Not to carry out a re-assessment" in html
    assert "Not to carry out an EHC needs assessment" not in html
    assert "Not to issue an EHC plan after an assessment" not in html
    # From an old link, the refused answer is asked again with the question's own message.
    response = client.get("/what-can-i-do/result/", {**earlier, "decision": "refuse-assessment"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Select what the council decided" in page
    # Asked without a plan question, the two refusals say which is which.
    html = client.get("/what-can-i-do/decision/", {"who": "parent", "concern": "la-decision"})
    assert "When there is no EHC plan yet." in html.content.decode()
    assert "When there is already an EHC plan." in html.content.decode()


def test_a_missed_time_limit_leads_to_the_council_s_dates_and_the_chasing_letter(client, content):
    # Legal audit 2026-12, finding 11.
    query = {"who": "parent", "concern": "la-decision", "decision": "other"}
    html = client.get("/what-can-i-do/result/", query).content.decode()
    assert 'href="/council-deadlines/"' in html
    assert "If the council has missed a time limit" in html
    assert "/letters/chase-late-decision/" in html


def test_help_in_the_plan_not_given_offers_the_section_42_letter(client, content):
    # Legal audit 2026-12, finding 5.
    query = {"who": "parent", "concern": "plan-not-delivered"}
    html = client.get("/what-can-i-do/result/", query).content.decode()
    assert "/letters/help-in-plan-not-given/" in html
    assert "letter before claim" in html
    assert (
        "you is"
        not in client.get(
            "/what-can-i-do/result/", {**query, "who": "young-person"}
        ).content.decode()
    )
