"""The letter rules (letters/placeholders.py): which placeholders exist, and how a letter is filled."""

from datetime import date

import pytest

from guidance import flow
from letters.placeholders import (
    DECISIONS,
    PLACEHOLDERS,
    TIME_LIMITS,
    asked_in,
    fill,
    letter_date,
    unknown_placeholders,
    words_for,
)

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("body", "unknown"),
    [
        ("Dear {parent_name}, about {child_name}.", []),
        ("Dear {parent_nmae}", ["parent_nmae"]),
        ("About {Child name} and {child_name}", ["Child name"]),
        ("An empty {} placeholder", [""]),
        ("{ child_name }", [" child_name "]),
        ("No placeholders at all, and a lone { brace.", []),
    ],
)
def test_only_the_fixed_placeholders_exist(body, unknown):
    assert unknown_placeholders(body) == unknown


def test_the_family_is_asked_only_for_what_the_letter_uses_names_first():
    body = "{today}\n{concerns}\n{decision}\n{child_name}\n{parent_name}\n{child_name}"
    assert asked_in(body) == ["parent_name", "child_name", "decision", "concerns"]


def test_a_chasing_letter_that_says_what_was_due_asks_which_time_limit():
    assert asked_in("Under the law you had to {duty}.") == ["regulation"]


def test_a_line_whose_optional_detail_is_empty_is_left_out():
    body = "Dear school,\n\nChild: {child_name}\nSchool: {school_name}\n\n{concerns}\n\nThanks"
    words = words_for({"child_name": "Ada"}, TODAY)
    assert fill(body, words) == [["Dear school,"], ["Child: Ada"], ["Thanks"]]


def test_a_family_cannot_make_a_placeholder_by_typing_one():
    words = words_for({"child_name": "{parent_name}", "parent_name": "Grace"}, TODAY)
    assert fill("{child_name} and {parent_name}", words) == [["{parent_name} and Grace"]]


def test_typed_line_breaks_become_lines_of_the_letter():
    words = words_for({"concerns": "First point.\r\nSecond point."}, TODAY)
    assert fill("Worries:\n{concerns}", words) == [["Worries:", "First point.", "Second point."]]


def test_markup_stays_plain_text_for_the_output_to_escape():
    words = words_for({"child_name": "<script>alert(1)</script> **bold**"}, TODAY)
    assert fill("{child_name}", words) == [["<script>alert(1)</script> **bold**"]]


def test_dates_are_written_out_as_a_letter_writes_them():
    assert letter_date(date(2026, 10, 3)) == "3 October 2026"
    words = words_for({"date_due": date(2026, 11, 20)}, TODAY)
    assert words["date_due"] == "20 November 2026"
    assert words["today"] == "28 November 2026"


def test_a_late_final_plan_names_regulation_13_2_and_the_20_weeks():
    words = words_for({"regulation": "reg-13-2"}, TODAY)
    assert words["regulation"] == (
        "regulation 13(2) of the Special Educational Needs and Disability Regulations 2014"
    )
    assert "within 20 weeks" in words["duty"]


@pytest.mark.parametrize(
    ("code", "regulation", "weeks"),
    [
        ("reg-5-1", "regulation 5(1)", "6 weeks"),
        ("reg-10-1", "regulation 10(1)", "16 weeks"),
        ("reg-13-2", "regulation 13(2)", "20 weeks"),
        ("reg-20", "regulation 20", "4 weeks"),
        ("reg-22-3", "regulation 22(3)", "8 weeks"),
        ("reg-18-1-b", "regulation 18(1)(b)", "15 February"),
        ("reg-18-1-a", "regulation 18(1)(a)", "31 March"),
    ],
)
def test_each_council_time_limit_names_its_regulation_and_its_weeks(code, regulation, weeks):
    limit = TIME_LIMITS[code]
    assert limit.regulation.startswith(regulation + " of the Special Educational Needs")
    assert weeks in limit.duty and weeks in limit.label


def test_an_unknown_choice_says_nothing_so_its_line_is_left_out():
    words = words_for({"regulation": "reg-99", "decision": "nonsense"}, TODAY)
    assert words["regulation"] == words["duty"] == words["decision"] == ""


def test_decisions_use_the_questionnaires_own_codes():
    # A plan links to a letter with its `decision` answer: every code the questionnaire has.
    assert [code for code, *_ in DECISIONS] == list(flow.QUESTIONS["decision"].choices)


def test_names_and_other_personal_details_can_never_be_prefilled_from_an_address():
    prefilled = {name for name, p in PLACEHOLDERS.items() if p.prefill_key}
    assert prefilled == {
        "decision",
        "appeal_decision",
        "decision_date",
        "request_date",
        "regulation",
        "date_due",
        "mediation_choice",
    }
