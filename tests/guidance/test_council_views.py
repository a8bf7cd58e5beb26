"""'Is the council on time?' (/council-deadlines/) through the test client: the timeline, what to
do when a date has passed, errors, the calendar file, privacy, and where the page is linked from."""

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.template.loader import get_template
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from guidance.council_deadlines import (
    EVENTS,
    Case,
    Phase,
    advice_codes,
    council_deadlines,
    every_deadline,
    transfer_deadline,
)
from guidance.council_forms import KEYS
from guidance.published import published_advice

pytestmark = pytest.mark.django_db

PAGE = "/council-deadlines/"
CALENDAR = "/council-deadlines/calendar.ics"
# Every key filled, on the tests' day (28 November 2026): some dates passed, some to come.
ALL_DATES = {
    "request_date": "2026-05-04",  # decision 15 June (passed), final plan 21 September (passed)
    "draft_plan_date": "2026-09-01",  # comments by 15 September (passed: the family's)
    "review_meeting_date": "2026-11-05",  # report 19 November (passed), decision 3 December
    "amendment_notice_date": "2026-11-20",  # comments by 4 December, final plan 15 January
    "transfer_year": "2027",
    "transfer": "school",  # before 15 February 2027
}


@pytest.fixture(autouse=True)
def advice_staff_edit(content):
    """The page's advice is content staff edit (guidance.Advice, kind council): load it."""


def words(response) -> str:
    """The page's text with its tags and runs of spaces taken out."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(text.replace("&#x27;", "'").split())


def boxes(key: str, day: date) -> dict[str, str]:
    """A date as the form's day, month and year boxes send it."""
    return {f"{key}_0": str(day.day), f"{key}_1": str(day.month), f"{key}_2": str(day.year)}


def test_the_page_is_private_and_never_stored(client):
    for query in ({}, ALL_DATES, {"request_date": "2030-01-01"}):
        response = client.get(PAGE, query)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


def test_the_calendar_file_is_private_and_never_stored(client):
    response = client.get(CALENDAR, ALL_DATES)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_an_empty_page_shows_the_form_and_no_timeline(client):
    text = words(client.get(PAGE))
    assert "Is the council on time?" in text
    assert "Enter the dates you know" in text
    assert "Your timeline" not in text
    assert "There is a problem" not in text


def test_with_every_date_the_timeline_shows_each_deadline_late_or_to_come(client):
    response = client.get(PAGE, ALL_DATES)
    text = words(response)
    html = response.content.decode()
    assert "Your timeline" in text and 'class="moj-timeline"' in html
    # Late council dates: the days late, counted from the day after the date.
    assert "If you still have not had it, the council is 166 days late." in text  # reg 5(1)
    assert "If you still have not had it, the council is 68 days late." in text  # reg 13(2)
    assert "If you still have not had it, the report is 9 days late." in text  # reg 20
    # Dates to come, and the family's own window that has closed.
    assert "5 days from today." in text  # reg 20 decision, 3 December
    assert "6 days left." in text  # reg 22(2)(c), 4 December
    assert "48 days from today." in text  # reg 22(3), 15 January
    assert "78 days from today." in text  # reg 18(1)(b), 14 February 2027
    assert "This date has passed." in text  # reg 13(1)(a), the family's 15 days
    for regulation in ("5(1)", "13(2)", "13(1)(a)", "20", "22(2)(c)", "22(3)", "18(1)(b)"):
        assert f"SEND Regulations 2014, regulation {regulation}." in text, regulation
    # A draft plan was sent, so the reg 10 letter (no plan after all) is not due.
    assert "regulation 10(1)" not in text
    for day in ("Monday 15 June 2026", "Monday 21 September 2026", "Sunday 14 February 2027"):
        assert day in text
    assert "Today" in text and "app-timeline__item--today" in html


def test_a_late_council_date_lists_what_to_do_in_order(client):
    text = words(client.get(PAGE, {"request_date": "2026-05-04", "draft_plan_date": "2026-09-01"}))
    steps = [
        "Write to the council’s SEN team",
        "If you do not get a clear answer, make a complaint",
        "complain to the Local Government and Social Care Ombudsman",
        "get legal advice straight away",
    ]
    first = text.index("If you still have not had it, the council is 166 days late.")
    positions = [text.index(step, first) for step in steps]
    assert positions == sorted(positions)
    assert "within 3 months" in text  # CPR 54.5(1): promptly, and within 3 months at the latest
    assert "When the council can take longer" in text


def test_a_late_council_date_links_to_the_chasing_letter_with_its_rule_and_due_date(
    client, content
):
    html = client.get(PAGE, {"request_date": "2026-05-04"}).content.decode()
    links = re.findall(r'href="(/letters/chase-late-decision/\?[^"]+)"', html)
    # The decision whether to assess (15 June), the no-plan notice (24 August) and the final plan
    # (21 September) have all passed: one letter link each, with the rule the letter names.
    assert [link.replace("&amp;", "&") for link in links] == [
        "/letters/chase-late-decision/?regulation=reg-5-1&date_due=2026-06-15",
        "/letters/chase-late-decision/?regulation=reg-10-1&date_due=2026-08-24",
        "/letters/chase-late-decision/?regulation=reg-13-2&date_due=2026-09-21",
    ]
    form = " ".join(client.get(links[0].replace("&amp;", "&")).content.decode().split())
    assert re.search(r'value="reg-5-1" checked', form)
    for box, value in (("0", "15"), ("1", "6"), ("2", "2026")):
        assert f'name="date_due_{box}" value="{value}"' in form


def test_every_council_deadline_a_family_can_chase_has_a_letter_that_names_its_rule():
    from guidance.council_views import CHASE_LETTER
    from letters.placeholders import TIME_LIMITS

    case = Case(
        request_date=date(2026, 1, 5),
        review_meeting_date=date(2026, 3, 2),
        # Changes proposed late, so the 12 weeks from the review meeting are shown too.
        amendment_notice_date=date(2026, 4, 6),
        transfer_year=2027,
        transfer=Phase.SCHOOL,
    )
    council = [d for d in council_deadlines(case) if d.who.value == "council"]
    assert "review-amended-plan" in {d.key for d in council}
    council.append(transfer_deadline(2027, Phase.POST_16))
    for deadline in council:
        code = CHASE_LETTER[deadline.key]
        rule = deadline.regulation.removeprefix("SEND Regulations 2014, ")
        assert TIME_LIMITS[code].regulation.startswith(f"{rule} of"), deadline.key


def test_dates_still_to_come_list_no_steps(client):
    text = words(client.get(PAGE, {"request_date": "2026-11-20"}))
    assert "days late" not in text
    assert "What you can do next" not in text
    assert "42 days from today." not in text and "34 days from today." in text  # 1 January 2027


def test_a_council_date_due_today_is_not_late(client):
    text = words(client.get(PAGE, {"request_date": "2026-10-17"}))
    assert "That is today." in text
    assert "If you still have not had it, the council is" not in text.split("notice")[0]


def test_the_form_s_day_month_and_year_boxes_give_the_same_page_as_the_documented_keys(client):
    from_boxes = client.get(PAGE, boxes("request_date", date(2026, 5, 4)))
    from_keys = client.get(PAGE, {"request_date": "2026-05-04"})
    # The same page, but for the footer's "Printed from" address.
    assert words(from_boxes).split("Printed from")[0] == words(from_keys).split("Printed from")[0]
    assert 'href="/council-deadlines/calendar.ics?request_date=2026-05-04"' in (
        from_boxes.content.decode()
    )


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ({"request_date": "2026-11-29"}, "The date the council got the request must be today or "
         "in the past", "id_request_date_0"),
        ({"review_meeting_date": "2013-06-01"}, "The date of the annual review meeting must be on "
         "or after 1 September 2014, when the rules began", "id_review_meeting_date_0"),
        ({"request_date": "2026-05-04", "draft_plan_date": "2026-05-01"}, "The date the draft plan "
         "was sent must be on or after the date the council got the request", "id_draft_plan_date_0"),
        ({"review_meeting_date": "2026-05-04", "amendment_notice_date": "2026-05-01"}, "The date the "
         "proposed changes were sent must be on or after the date of the annual review meeting",
         "id_amendment_notice_date_0"),
        ({"request_date_0": "31", "request_date_1": "2", "request_date_2": "2026"},
         "The date the council got the request must be a real date", "id_request_date_0"),
        ({"request_date_0": "", "request_date_1": "", "request_date_2": ""},
         "Enter at least one date", "id_request_date_0"),
        ({"transfer_year": "2027"}, "Select what kind of move it is", "id_transfer_1"),
        ({"transfer": "post-16"}, "Enter the year of the move", "id_transfer_year"),
        ({"transfer_year": "27", "transfer": "school"},
         "Enter the year of the move as 4 numbers, like 2027", "id_transfer_year"),
        ({"transfer_year": "2014", "transfer": "school"}, "Enter a year from 2015 to 2028",
         "id_transfer_year"),
        ({"transfer_year": "2027", "transfer": "university"}, "Select what kind of move it is",
         "id_transfer_1"),
    ],
)  # fmt: skip
def test_bad_dates_get_a_gov_uk_error_summary_linked_to_the_field(client, query, message, anchor):
    response = client.get(PAGE, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    assert f'id="{anchor}"' in html
    assert "<title>Error: " in html
    assert "Your timeline" not in html


def test_the_calendar_has_each_date_with_a_stable_uid_and_reminders_only_for_dates_to_come(client):
    response = client.get(CALENDAR, ALL_DATES)
    assert response["Content-Type"].startswith("text/calendar")
    assert "council-deadlines.ics" in response["Content-Disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    case = Case(
        request_date=date(2026, 5, 4),
        draft_plan_date=date(2026, 9, 1),
        review_meeting_date=date(2026, 11, 5),
        amendment_notice_date=date(2026, 11, 20),
        transfer_year=2027,
        transfer=Phase.SCHOOL,
    )
    expected = council_deadlines(case)
    assert [e.decoded("dtstart") for e in events] == [d.due for d in expected]
    today = date(2026, 11, 28)
    for event, deadline in zip(events, expected, strict=True):
        assert event.decoded("dtend") == deadline.due + timedelta(days=1)
        assert deadline.regulation in str(event["description"])
        alarms = event.walk("VALARM")
        assert bool(alarms) == (deadline.due >= today), deadline.key
    assert str(events[0]["summary"]) == "The council’s decision on whether to assess"
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    again = Calendar.from_ical(client.get(CALENDAR, ALL_DATES).content).walk("VEVENT")
    assert [str(e["uid"]) for e in again] == uids
    # The same date from another set of dates keeps its UID.
    alone = Calendar.from_ical(client.get(CALENDAR, {"request_date": "2026-05-04"}).content)
    assert str(alone.walk("VEVENT")[0]["uid"]) == uids[0]


@pytest.mark.parametrize(
    ("language", "summary", "rule", "worked_out_at"),
    [
        (
            "pl",
            "Decyzja samorządu (council) o tym, czy przeprowadzić ocenę potrzeb",
            "Przepis: SEND Regulations 2014, regulation 5(1).",
            "Obliczono na stronie: http://testserver/pl/council-deadlines/?",
        ),
        (
            "ur",
            "کونسل (council) کا فیصلہ کہ جائزہ لیا جائے یا نہیں",
            "قاعدہ: SEND Regulations 2014, regulation 5(1)۔",
            "اس صفحے پر حساب لگایا گیا: http://testserver/ur/council-deadlines/?",
        ),
    ],
)
def test_a_calendar_from_a_translated_page_is_in_its_language(
    client, language, summary, rule, worked_out_at
):
    response = client.get(f"/{language}{CALENDAR}", ALL_DATES)
    events = Calendar.from_ical(response.content).walk("VEVENT")
    first = events[0]
    assert str(first["summary"]) == summary
    assert str(first["description"]).startswith(f"{rule} {worked_out_at}")
    for event in events:
        for words in (event["summary"], event["description"]):
            assert words.params["LANGUAGE"] == language
        for alarm in event.walk("VALARM"):
            assert alarm["description"].params["LANGUAGE"] == language
    english = Calendar.from_ical(client.get(CALENDAR, ALL_DATES).content).walk("VEVENT")[0]
    assert str(english["description"]).startswith("The rule: SEND Regulations 2014, regulation")


@pytest.mark.parametrize("query", [{}, {"request_date": "2030-01-01"}, {"transfer": "school"}])
def test_a_calendar_without_good_dates_goes_back_to_the_page(client, query):
    response = client.get(CALENDAR, query)
    assert response.status_code == 302
    assert response["Location"] == (f"{PAGE}?{urlencode(query)}" if query else PAGE)


def test_every_title_the_page_shows_has_its_words_and_the_advice_is_content_staff_edit(content):
    # Titles are templates (like the questionnaire's deadline titles); the advice is Advice rows
    # of kind "council", which tests/guidance/test_advice.py holds to advice_codes().
    codes = {"today-title", *(f"{event}-title" for event in EVENTS.values())}
    codes |= {f"{deadline.key}-title" for deadline in every_deadline()}
    for code in codes:
        get_template(f"guidance/council_advice/{code}.html")
    folder = Path(__file__).parents[2] / "guidance/templates/guidance/council_advice"
    assert {p.stem for p in folder.glob("*.html")} == codes, "a words file nothing uses"
    published = published_advice()
    assert {code for kind, code in published.advice if kind == "council"} == advice_codes()


def test_the_readme_lists_the_page_s_keys():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    table = readme.split("## The council deadlines page's URL")[1].split("\n## ")[0]
    listed = set()
    for keys in re.findall(r"^\| (`.+?) \|", table, re.MULTILINE):
        listed |= set(re.findall(r"`([^`]+)`", keys))
    assert listed == set(KEYS)


def test_the_page_is_linked_from_home_the_calculator_and_plans_awaiting_the_council(
    client, content
):
    link = 'href="/council-deadlines/"'
    assert link in client.get("/").content.decode()
    assert link in client.get("/deadlines/").content.decode()
    assessing = {"who": "parent", "concern": "school-support", "plan": "assessing", "talked": "no"}
    handling = {"who": "parent", "concern": "handling", "talked": "yes"}
    has_plan = {**assessing, "plan": "yes", "council_decision": "no"}
    assert link in client.get("/what-can-i-do/result/", assessing).content.decode()
    assert link in client.get("/what-can-i-do/result/", handling).content.decode()
    plan_page = client.get("/what-can-i-do/result/", has_plan)
    assert plan_page.status_code == 200
    assert link not in plan_page.content.decode()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from([PAGE, CALENDAR]),
    query=st.dictionaries(
        st.sampled_from([*KEYS, *(f"{k}_{n}" for k in KEYS[:4] for n in range(3))]),
        st.one_of(
            st.text(max_size=12),
            st.dates().map(date.isoformat),
            st.integers().map(str),
            st.sampled_from(["2026-02-30", "school", "post-16", "2027", "0", "-1"]),
        ),
        max_size=8,
    ),
)
def test_no_query_string_gives_a_server_error(client, path, query):
    cache.clear()
    encoded = urlencode({k: v.replace("\x00", "") for k, v in query.items()})
    response = client.get(f"{path}?{encoded}")
    assert response.status_code in (200, 302), (path, query, response.status_code)
