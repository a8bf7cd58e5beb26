"""The questionnaire's pages, through the test client: walking it, errors, and bad URLs."""

from datetime import date
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db


def go(client, url, **params):
    return client.get(url, params)


def follow_answer(client, key, answers, **fields):
    """Submit one question page the way the browser does: earlier answers plus this one's fields."""
    data = {**answers, **fields}
    return client.get(f"/what-can-i-do/{key}/answer/", data)


def answers_from(location):
    return {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}


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


def test_result_shows_full_dates_days_left_and_which_rule_moved_a_date(
    client, content, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda: date(2026, 11, 28))
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
    response = client.get("/what-can-i-do/mediation/", {"who": "parent", "concern": "exclusion"})
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"


def test_unknown_question_is_not_found(client):
    assert client.get("/what-can-i-do/favourite-colour/").status_code == 404


def test_change_keeps_later_answers_and_returns_to_check(client):
    answers = {"who": "parent", "concern": "school-support", "plan": "no", "talked": "yes"}
    page = client.get("/what-can-i-do/plan/", answers).content.decode()
    assert 'name="talked" value="yes"' in page
    assert 'value="no"\n    \n      checked' in page or 'checked="checked"' in page
    response = follow_answer(
        client, "plan", {k: v for k, v in answers.items() if k != "plan"}, plan="yes"
    )
    assert urlparse(response["Location"]).path == "/what-can-i-do/check/"
    assert answers_from(response["Location"])["talked"] == "yes"


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


def test_calendar_file_has_the_deadlines(client, content):
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
    body = response.content.decode()
    assert "BEGIN:VCALENDAR" in body
    assert "DTSTART;VALUE=DATE:20261202" in body
    assert "Last day to appeal to the SEND Tribunal" in body
    assert "TRIGGER:-P7D" in body


def test_calendar_without_deadlines_goes_back_to_the_plan(client, content):
    query = {"who": "parent", "concern": "exclusion"}
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


def test_deadline_calculator_errors(client):
    response = client.get(
        "/deadlines/",
        {"decision_date_0": "31", "decision_date_1": "2", "decision_date_2": "2026"},
    )
    assert response.status_code == 200
    assert "must be a real date" in response.content.decode()


QUESTION_KEYS = [
    "who",
    "concern",
    "plan",
    "talked",
    "decision",
    "decision_date",
    "mediation",
    "certificate_date",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "parent",
            "young-person",
            "school-support",
            "la-decision",
            "health-care",
            "handling",
            "exclusion",
            "yes",
            "no",
            "assessing",
            "refuse-plan",
            "placement-only",
            "other",
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
)
QUERIES = st.dictionaries(
    st.one_of(
        st.sampled_from(
            [
                *QUESTION_KEYS,
                *(f"{k}_{i}" for k in ("decision_date", "certificate_date") for i in range(3)),
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
