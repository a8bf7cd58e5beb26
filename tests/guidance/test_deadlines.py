"""The deadline calculator, case by case. Rule references are in guidance/deadlines.py."""

from datetime import date

import pytest

from guidance.deadlines import (
    Basis,
    Moved,
    add_months,
    add_working_days,
    appeal_deadline,
    certificate_after_meeting,
    certificate_expected,
    discrimination_claim_deadline,
    is_working_day,
    mediation_adviser_deadline,
    mediation_meeting_by,
    next_working_day,
    previous_working_day,
    review_panel_deadline,
    six_months_starting_with,
)

# A fixed bank-holiday table, so these cases do not depend on the holidays package's data.
FIXED_HOLIDAYS = {
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 4),
    date(2026, 5, 25),
    date(2026, 8, 31),
    date(2026, 12, 25),
    date(2026, 12, 28),  # Boxing Day substitute
    date(2027, 1, 1),
}


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2026, 2, 10), 2, date(2026, 4, 10), id="corresponding date"),
        pytest.param(
            date(2025, 12, 31), 2, date(2026, 2, 28), id="31 December + 2 months = 28 Feb"
        ),
        pytest.param(date(2027, 12, 31), 2, date(2028, 2, 29), id="leap year: 29 February"),
        pytest.param(date(2026, 1, 31), 1, date(2026, 2, 28), id="31 January + 1 month"),
        pytest.param(date(2026, 3, 31), 1, date(2026, 4, 30), id="31 March + 1 month = 30 April"),
        pytest.param(date(2026, 11, 30), 2, date(2027, 1, 30), id="across the year end"),
        pytest.param(date(2028, 2, 29), 1, date(2028, 3, 29), id="from 29 February"),
    ],
)
def test_calendar_months_end_on_the_corresponding_date_or_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("decision", "certificate", "due", "moved"),
    [
        pytest.param(date(2026, 2, 10), None, date(2026, 4, 10), (), id="plain 2 months, a Friday"),
        pytest.param(
            date(2026, 1, 14), None, date(2026, 3, 16), (Moved.WEEKEND,), id="ends Saturday: Monday"
        ),
        pytest.param(
            date(2026, 2, 3),
            None,
            date(2026, 4, 7),
            (Moved.BANK_HOLIDAY,),
            id="ends Good Friday: after Easter Monday",
        ),
        pytest.param(
            date(2026, 2, 6), None, date(2026, 4, 7), (Moved.BANK_HOLIDAY,), id="ends Easter Monday"
        ),
        pytest.param(
            date(2026, 6, 5),
            None,
            date(2026, 9, 1),
            (Moved.AUGUST,),
            id="ends in August: 1 September",
        ),
        pytest.param(
            date(2026, 6, 30),
            None,
            date(2026, 9, 1),
            (Moved.AUGUST,),
            id="ends 30 August: 1 September",
        ),
        pytest.param(
            date(2026, 10, 25),
            None,
            date(2027, 1, 4),
            (Moved.CHRISTMAS,),
            id="ends Christmas Day: first working day after 1 January (2 Jan is a Saturday)",
        ),
        pytest.param(
            date(2026, 11, 1), None, date(2027, 1, 4), (Moved.CHRISTMAS,), id="ends 1 January"
        ),
        pytest.param(
            date(2026, 10, 24), None, date(2026, 12, 24), (), id="ends 24 December: no move"
        ),
        pytest.param(
            date(2026, 1, 10),
            date(2026, 3, 20),
            date(2026, 4, 20),
            (),
            id="certificate later: 1 month from certificate",
        ),
        pytest.param(
            date(2026, 1, 10),
            date(2026, 1, 20),
            date(2026, 3, 10),
            (),
            id="certificate earlier: 2 months from decision",
        ),
        pytest.param(
            date(2026, 5, 1),
            date(2026, 7, 10),
            date(2026, 9, 1),
            (Moved.AUGUST,),
            id="certificate month ends in August",
        ),
    ],
)
def test_appeal_deadline(decision, certificate, due, moved):
    deadline = appeal_deadline(decision, certificate, bank_holidays=FIXED_HOLIDAYS)
    assert deadline.due == due
    assert deadline.moved == moved


def test_later_of_rule_counts_from_the_certificate_when_it_gives_more_time():
    deadline = appeal_deadline(date(2026, 1, 10), date(2026, 3, 20), bank_holidays=FIXED_HOLIDAYS)
    assert deadline.counted_from == date(2026, 3, 20)
    assert deadline.unadjusted == date(2026, 4, 20)


def test_christmas_and_august_rules_apply_to_sen_appeals_only():
    # HESC rule 12(3) is for special educational needs cases, not disability discrimination claims.
    claim = appeal_deadline(date(2026, 6, 5), sen_appeal=False, bank_holidays=FIXED_HOLIDAYS)
    assert claim.due == date(2026, 8, 5)
    assert claim.moved == ()
    christmas = appeal_deadline(date(2026, 10, 25), sen_appeal=False, bank_holidays=FIXED_HOLIDAYS)
    assert christmas.due == date(2026, 12, 29)
    assert christmas.moved == (Moved.BANK_HOLIDAY,)


def test_first_working_day_after_31_august_skips_a_weekend():
    # 2027: the time ends in August; 1 September 2027 is a Wednesday.
    assert appeal_deadline(date(2027, 6, 15)).due == date(2027, 9, 1)
    # 2029: 1 September is a Saturday, so the first working day after 31 August is Monday 3rd.
    assert appeal_deadline(date(2029, 6, 15)).due == date(2029, 9, 3)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param(date(2026, 4, 6), False, id="Easter Monday (England only)"),
        pytest.param(date(2026, 8, 31), False, id="summer bank holiday (England)"),
        pytest.param(date(2026, 8, 3), True, id="Scotland's August holiday is a working day here"),
        pytest.param(date(2026, 12, 28), False, id="Boxing Day substitute"),
        pytest.param(date(2027, 1, 2), False, id="Saturday"),
        pytest.param(date(2026, 11, 30), True, id="St Andrew's Day is not an English holiday"),
        pytest.param(date(2026, 11, 27), True, id="an ordinary Friday"),
    ],
)
def test_working_days_use_england_and_wales_bank_holidays(day, working):
    assert is_working_day(day) is working


def test_next_working_day_after_christmas_2026():
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 29)


def test_mediation_adviser_must_be_contacted_within_two_months_unmoved():
    deadline = mediation_adviser_deadline(date(2025, 12, 31))
    assert deadline.due == date(2026, 2, 28)
    assert deadline.moved == ()


@pytest.mark.parametrize(
    ("decision", "due", "act_by"),
    [
        pytest.param(
            date(2026, 10, 25),
            date(2026, 12, 25),
            date(2026, 12, 24),
            id="reg 33: ends Christmas Day, act by Thursday 24 December",
        ),
        pytest.param(
            date(2026, 6, 30),
            date(2026, 8, 30),
            date(2026, 8, 28),
            id="reg 33: ends Sunday 30 August, act by Friday 28th",
        ),
        pytest.param(
            date(2026, 6, 1),
            date(2026, 8, 1),
            date(2026, 7, 31),
            id="reg 33: ends Saturday 1 August, no August rule, act by Friday 31 July",
        ),
        pytest.param(
            date(2026, 2, 6),
            date(2026, 4, 6),
            date(2026, 4, 2),
            id="reg 33: ends Easter Monday, act by Thursday before Good Friday",
        ),
        pytest.param(date(2026, 10, 2), date(2026, 12, 2), None, id="reg 33: a working day"),
    ],
)
def test_mediation_adviser_last_day_not_a_working_day_says_the_working_day_before(
    decision, due, act_by
):
    # SEND Regulations 2014, regulation 33 has no next-working-day rule: the date stays, and the
    # working day before it is when to act (audit finding 12).
    deadline = mediation_adviser_deadline(decision, FIXED_HOLIDAYS)
    assert (deadline.due, deadline.act_by, deadline.moved) == (due, act_by, ())


def test_previous_working_day_before_christmas_and_new_year_2026():
    assert previous_working_day(date(2026, 12, 28), FIXED_HOLIDAYS) == date(2026, 12, 24)
    assert previous_working_day(date(2027, 1, 1), FIXED_HOLIDAYS) == date(2026, 12, 31)
    assert previous_working_day(date(2026, 12, 2), FIXED_HOLIDAYS) == date(2026, 12, 2)


@pytest.mark.parametrize(
    ("decision", "certificate", "basis", "counted_from"),
    [
        pytest.param(
            date(2026, 3, 10),
            date(2026, 3, 10),
            Basis.DECISION_LETTER,
            date(2026, 3, 10),
            id="r.20(1)(c): same date on both letters, 2 months is later: the decision letter",
        ),
        pytest.param(
            date(2026, 1, 10),
            date(2026, 2, 10),
            Basis.DECISION_LETTER,
            date(2026, 1, 10),
            id="r.20(1)(c)(ii): both end 10 March, the certificate is not later",
        ),
        pytest.param(
            date(2026, 1, 10),
            date(2026, 2, 11),
            Basis.MEDIATION_CERTIFICATE,
            date(2026, 2, 11),
            id="r.20(1)(c)(ii): 1 month from the certificate ends a day later",
        ),
        pytest.param(
            date(2026, 1, 10), None, Basis.DECISION_LETTER, date(2026, 1, 10), id="no certificate"
        ),
    ],
)
def test_the_appeal_deadline_knows_which_document_it_counts_from(
    decision, certificate, basis, counted_from
):
    # Audit finding 13: decided by the rule that produced the date, not by comparing dates.
    deadline = appeal_deadline(decision, certificate, bank_holidays=FIXED_HOLIDAYS)
    assert (deadline.basis, deadline.counted_from) == (basis, counted_from)


@pytest.mark.parametrize(
    ("start", "last_day"),
    [
        pytest.param(date(2026, 3, 1), date(2026, 8, 31), id="1 March: 31 August"),
        pytest.param(date(2026, 9, 14), date(2027, 3, 13), id="14 September: 13 March"),
        pytest.param(date(2026, 8, 31), date(2027, 2, 28), id="31 August: end of February"),
        pytest.param(date(2027, 8, 31), date(2028, 2, 29), id="31 August: 29 February, leap"),
        pytest.param(date(2026, 8, 30), date(2027, 2, 28), id="30 August: end of February"),
        pytest.param(date(2026, 8, 29), date(2027, 2, 28), id="29 August: end of February"),
        pytest.param(date(2027, 8, 29), date(2028, 2, 28), id="29 August: 28 Feb in a leap year"),
        pytest.param(date(2026, 8, 28), date(2027, 2, 27), id="28 August: 27 February"),
        pytest.param(date(2026, 12, 31), date(2027, 6, 30), id="31 December: 30 June"),
        pytest.param(date(2027, 5, 31), date(2027, 11, 30), id="31 May: 30 November"),
    ],
)
def test_six_months_starting_with_a_day_ends_the_day_before_its_anniversary(start, last_day):
    # Equality Act 2010, Schedule 17, paragraph 4(1): "6 months starting with the date".
    assert six_months_starting_with(start) == last_day


@pytest.mark.parametrize(
    ("incident", "due", "act_by"),
    [
        pytest.param(
            date(2026, 6, 25),
            date(2026, 12, 24),
            None,
            id="Sch 17 para 4: ends Thursday 24 December, a working day",
        ),
        pytest.param(
            date(2026, 6, 26),
            date(2026, 12, 25),
            date(2026, 12, 24),
            id="Sch 17 para 4: ends Christmas Day, no r.12(3) move: act by 24 December",
        ),
        pytest.param(
            date(2026, 6, 29),
            date(2026, 12, 28),
            date(2026, 12, 24),
            id="Sch 17 para 4: ends on the Boxing Day substitute: act by 24 December",
        ),
        pytest.param(
            date(2026, 2, 15),
            date(2026, 8, 14),
            None,
            id="Sch 17 para 4: ends Friday 14 August, no move to September",
        ),
        pytest.param(
            date(2027, 2, 1),
            date(2027, 7, 31),
            date(2027, 7, 30),
            id="Sch 17 para 4: ends Saturday 31 July: act by Friday 30th",
        ),
        pytest.param(
            date(2026, 8, 31),
            date(2027, 2, 28),
            date(2027, 2, 26),
            id="Sch 17 para 4: 31 August to Sunday 28 February: act by Friday 26th",
        ),
    ],
)
def test_discrimination_claim_is_never_moved_and_says_when_to_act(incident, due, act_by):
    claim = discrimination_claim_deadline(incident, bank_holidays=FIXED_HOLIDAYS)
    assert (claim.due, claim.unadjusted, claim.moved, claim.act_by) == (due, due, (), act_by)
    assert claim.basis is Basis.INCIDENT and claim.counted_from == incident
    assert not claim.estimate


@pytest.mark.parametrize(
    ("letter", "due"),
    [
        pytest.param(
            date(2026, 11, 13), date(2026, 12, 4), id="Sch 1 para 2: Friday letter, 3 full weeks"
        ),
        pytest.param(
            date(2026, 11, 14), date(2026, 12, 4), id="Sch 1 para 2: letter dated a Saturday"
        ),
        pytest.param(
            date(2026, 3, 23),
            date(2026, 4, 15),
            id="Sch 1 para 2: Good Friday and Easter Monday are not school days",
        ),
        pytest.param(
            date(2026, 12, 14),
            date(2027, 1, 7),
            id="Sch 1 para 2: 25 and 28 December and 1 January are not school days",
        ),
        pytest.param(
            date(2026, 8, 14), date(2026, 9, 7), id="Sch 1 para 2: 31 August bank holiday skipped"
        ),
    ],
)
def test_review_panel_application_by_the_earliest_end_of_15_school_days(letter, due):
    # School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012, Sch 1 para
    # 2(1): 15 school days after the day of the governors' letter; weekdays that are not bank
    # holidays are the most there can be, so this is the earliest the limit can end.
    panel = review_panel_deadline(letter, FIXED_HOLIDAYS)
    assert (panel.due, panel.counted_from, panel.basis) == (due, letter, Basis.GOVERNORS_LETTER)
    assert is_working_day(panel.due, FIXED_HOLIDAYS) and panel.act_by is None


def test_certificate_within_three_working_days_skips_weekend_and_holidays():
    # Told the adviser on Thursday 2 April 2026: Good Friday and Easter Monday do not count.
    assert certificate_expected(date(2026, 4, 2), FIXED_HOLIDAYS).due == date(2026, 4, 9)
    assert add_working_days(date(2026, 11, 27), 3, FIXED_HOLIDAYS) == date(2026, 12, 2)


def test_mediation_meeting_within_30_days_and_its_certificate_3_working_days_after():
    assert mediation_meeting_by(date(2026, 11, 28)).due == date(2026, 12, 28)
    assert certificate_after_meeting(date(2026, 12, 23), FIXED_HOLIDAYS).due == date(2026, 12, 30)


def test_days_left_and_passed():
    deadline = appeal_deadline(date(2026, 2, 10), bank_holidays=FIXED_HOLIDAYS)
    assert deadline.days_left(date(2026, 4, 8)) == 2
    assert deadline.days_left(date(2026, 4, 10)) == 0
    assert not deadline.has_passed(date(2026, 4, 10))
    assert deadline.has_passed(date(2026, 4, 11))
