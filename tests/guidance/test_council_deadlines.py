"""The council's time limits (guidance/council_deadlines.py): a worked example for each, named after
the regulation it proves, with month ends, leap years and the phase-transfer dates."""

from datetime import date

import pytest

from guidance.council_deadlines import (
    COUNCIL_LATE,
    Case,
    Phase,
    Problem,
    Who,
    council_deadlines,
    problems,
    timeline,
    transfer_deadline,
)
from tests.clock import TODAY


def due(case: Case) -> dict[str, date]:
    return {d.key: d.due for d in council_deadlines(case)}


@pytest.mark.parametrize(
    ("request_date", "decision"),
    [
        (date(2026, 1, 5), date(2026, 2, 16)),  # a Monday gives a Monday, 6 weeks on
        (date(2026, 1, 31), date(2026, 3, 14)),  # weeks, not months: no month-end rounding
        (date(2024, 1, 18), date(2024, 2, 29)),  # leap year: 29 February is counted
    ],
)
def test_reg_5_1_decision_whether_to_assess_within_6_weeks_of_the_request(request_date, decision):
    assert due(Case(request_date=request_date))["assessment-decision"] == decision


@pytest.mark.parametrize(
    ("request_date", "notice"),
    [
        (date(2026, 6, 1), date(2026, 9, 21)),
        (date(2023, 11, 9), date(2024, 2, 29)),  # leap year
    ],
)
def test_reg_10_1_notice_that_no_plan_will_be_issued_within_16_weeks(request_date, notice):
    assert due(Case(request_date=request_date))["no-plan-notice"] == notice


@pytest.mark.parametrize(
    ("request_date", "final"),
    [
        (date(2026, 9, 1), date(2027, 1, 19)),  # across the year end
        (date(2023, 10, 12), date(2024, 2, 29)),  # leap year
    ],
)
def test_reg_13_2_final_plan_within_20_weeks_of_the_request(request_date, final):
    assert due(Case(request_date=request_date))["final-plan"] == final


def test_reg_10_notice_is_left_out_once_a_draft_plan_shows_the_council_will_issue_one():
    keys = due(Case(request_date=date(2026, 6, 1), draft_plan_date=date(2026, 9, 1)))
    assert "no-plan-notice" not in keys
    assert {"assessment-decision", "final-plan", "draft-plan-comments"} <= set(keys)


@pytest.mark.parametrize(
    ("sent", "last_day"),
    [
        (date(2026, 3, 2), date(2026, 3, 16)),  # 15 days beginning with 2 March: 2 to 16 March
        (date(2026, 2, 14), date(2026, 2, 28)),  # month end, not a leap year
        (date(2028, 2, 15), date(2028, 2, 29)),  # leap year
        (date(2026, 12, 25), date(2027, 1, 8)),  # no day skipped for Christmas or weekends
    ],
)
def test_reg_13_1_a_at_least_15_days_beginning_with_the_day_the_draft_was_served(sent, last_day):
    [comments] = council_deadlines(Case(draft_plan_date=sent))
    assert (comments.key, comments.due, comments.who) == (
        "draft-plan-comments",
        last_day,
        Who.FAMILY,
    )
    # "Beginning with" the day served: that day is the first of the 15.
    assert (comments.due - sent).days + 1 == 15


def test_reg_20_report_within_2_weeks_decision_within_4_and_amended_plan_within_12_weeks():
    keys = due(Case(review_meeting_date=date(2026, 12, 17)))
    assert keys == {
        "review-report": date(2026, 12, 31),
        "review-decision": date(2027, 1, 14),
        # R (L, M and P) v Devon CC [2022] EWHC 493 (Admin): 4 weeks + 8 weeks (reg 22(3)).
        "review-amended-plan": date(2027, 3, 11),
    }


def test_the_legal_review_s_annual_review_case_gives_the_final_amended_plan_on_24_december():
    keys = due(Case(review_meeting_date=date(2026, 10, 1)))
    assert keys["review-decision"] == date(2026, 10, 29)
    assert keys["review-amended-plan"] == date(2026, 12, 24)


@pytest.mark.parametrize(
    ("proposal", "expected"),
    [
        # Proposed with the decision or before the 4 weeks end: the 8 weeks from the proposal
        # are the date (no later than the 12 weeks), shown once.
        (date(2026, 10, 20), {"amended-plan": date(2026, 12, 15)}),
        (date(2026, 10, 29), {"amended-plan": date(2026, 12, 24)}),
        # Proposed late: the 12 weeks from the meeting come first and are still owed; the 8
        # weeks from the late proposal are shown beside them.
        (
            date(2026, 10, 30),
            {"review-amended-plan": date(2026, 12, 24), "amended-plan": date(2026, 12, 25)},
        ),
        (
            date(2026, 11, 26),
            {"review-amended-plan": date(2026, 12, 24), "amended-plan": date(2027, 1, 21)},
        ),
    ],
)
def test_changes_proposed_after_a_review_show_the_date_that_binds_the_council(proposal, expected):
    keys = due(Case(review_meeting_date=date(2026, 10, 1), amendment_notice_date=proposal))
    final = {k: v for k, v in keys.items() if k in ("amended-plan", "review-amended-plan")}
    assert final == expected


def test_reg_20_review_decision_in_a_leap_february():
    assert due(Case(review_meeting_date=date(2028, 2, 1)))["review-decision"] == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("notice", "comments", "final"),
    [
        (date(2026, 3, 31), date(2026, 4, 14), date(2026, 5, 26)),  # month end
        (date(2024, 1, 4), date(2024, 1, 18), date(2024, 2, 29)),  # leap year
    ],
)
def test_reg_22_2_c_15_days_to_comment_and_reg_22_3_amended_plan_within_8_weeks(
    notice, comments, final
):
    keys = due(Case(amendment_notice_date=notice))
    assert keys == {"amendment-comments": comments, "amended-plan": final}


@pytest.mark.parametrize(
    ("year", "phase", "key", "last_day", "regulation"),
    [
        (2027, Phase.SCHOOL, "transfer-school", date(2027, 2, 14), "regulation 18(1)(b)"),
        (2028, Phase.SCHOOL, "transfer-school", date(2028, 2, 14), "regulation 18(1)(b)"),
        (2027, Phase.POST_16, "transfer-post-16", date(2027, 3, 30), "regulation 18(1)(a)"),
        (2015, Phase.POST_16, "transfer-post-16", date(2015, 5, 30), "regulation 18(3)"),
        (2015, Phase.SCHOOL, "transfer-school", date(2015, 2, 14), "regulation 18(1)(b)"),
    ],
)
def test_reg_18_plan_amended_before_15_february_or_31_march_in_the_year_of_the_move(
    year, phase, key, last_day, regulation
):
    deadline = transfer_deadline(year, phase)
    assert (deadline.key, deadline.due) == (key, last_day)
    assert deadline.regulation.endswith(regulation)
    assert deadline.who is Who.COUNCIL and deadline.counted_from is None


def test_a_passed_council_date_counts_the_days_late_and_lists_the_steps_in_order():
    decision = council_deadlines(Case(request_date=date(2026, 6, 1)))[0]
    assert decision.key == "assessment-decision" and decision.due == date(2026, 7, 13)
    assert decision.has_passed(TODAY)
    assert decision.days_late(TODAY) == 138
    assert decision.late_steps == ("chase-letter", "complaint", "ombudsman", "legal-advice")
    assert decision.late_steps == COUNCIL_LATE


def test_a_date_due_today_has_not_passed_and_is_not_late():
    decision = council_deadlines(Case(request_date=date(2026, 10, 17)))[0]
    assert decision.due == TODAY
    assert not decision.has_passed(TODAY)
    assert decision.days_late(TODAY) == 0 and decision.days_left(TODAY) == 0


def test_every_council_date_has_the_exceptions_the_regulations_allow():
    keys = {d.key: d.exceptions for d in council_deadlines(Case(request_date=date(2026, 6, 1)))}
    assert keys["assessment-decision"] == ("exceptions-assessment-decision",)  # reg 5(4)
    assert keys["no-plan-notice"] == ("exceptions-plan",)  # reg 10(4)
    assert keys["final-plan"] == ("exceptions-plan",)  # reg 13(3)


def test_deadlines_come_earliest_first():
    case = Case(
        request_date=date(2026, 1, 5),
        draft_plan_date=date(2026, 4, 1),
        review_meeting_date=date(2026, 3, 1),
        amendment_notice_date=date(2026, 3, 20),
        transfer_year=2027,
        transfer=Phase.SCHOOL,
    )
    days = [d.due for d in council_deadlines(case)]
    # 2 from the request (the draft leaves out reg 10), 1 + 2 + 2 + 1 from the rest (changes
    # proposed within 4 weeks of the review leave out its 12 weeks).
    assert days == sorted(days) and len(days) == 8


def test_the_timeline_puts_today_after_what_happened_and_before_what_is_due_today():
    case = Case(request_date=date(2026, 10, 17), review_meeting_date=TODAY)
    entries = [(e.kind, e.key) for e in timeline(case, TODAY)]
    assert entries[:4] == [
        ("event", "request-received"),
        ("event", "review-meeting"),
        ("today", "today"),
        ("deadline", "assessment-decision"),
    ]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (Case(request_date=date(2026, 11, 29)), {"request_date": Problem.FUTURE}),
        (Case(request_date=date(2013, 12, 31)), {"request_date": Problem.TOO_EARLY}),
        (Case(review_meeting_date=date(2014, 8, 31)), {"review_meeting_date": Problem.TOO_EARLY}),
        (
            Case(request_date=date(2026, 5, 1), draft_plan_date=date(2026, 4, 30)),
            {"draft_plan_date": Problem.DRAFT_BEFORE_REQUEST},
        ),
        (
            Case(review_meeting_date=date(2026, 5, 1), amendment_notice_date=date(2026, 4, 1)),
            {"amendment_notice_date": Problem.NOTICE_BEFORE_MEETING},
        ),
        (
            Case(transfer_year=2014, transfer=Phase.SCHOOL),
            {"transfer_year": Problem.YEAR_OUT_OF_RANGE},
        ),
        (
            Case(transfer_year=2029, transfer=Phase.SCHOOL),
            {"transfer_year": Problem.YEAR_OUT_OF_RANGE},
        ),
        (Case(request_date=TODAY, draft_plan_date=TODAY, transfer_year=2028), {}),
        (Case(request_date=date(2014, 9, 1)), {}),
    ],
)
def test_dates_in_the_future_before_the_rules_or_in_an_impossible_order_are_refused(case, expected):
    assert problems(case, TODAY) == expected
