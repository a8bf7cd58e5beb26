"""The calendar file: a firm deadline is one event that a new download replaces, reminders never
fall on a day already gone, and no two events contradict each other."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from guidance import deadlines
from guidance.calendar import deadlines_calendar

TODAY = date(2026, 11, 28)
PLAN = "https://example.org/what-can-i-do/result/?who=parent&decision_date=2026-10-20"
WITH_CERTIFICATE = PLAN + "&certificate_date=2026-11-27"


def events(calendar_bytes: bytes) -> list:
    return Calendar.from_ical(calendar_bytes).walk("VEVENT")


def plan_deadlines(decision: date, today: date, certificate: date | None = None):
    """What flow.action_plan lists for an appeal: the firm dates and today's estimates."""
    found = [deadlines.appeal_deadline(decision, certificate)]
    if certificate is None:
        found += [
            deadlines.mediation_adviser_deadline(decision),
            deadlines.certificate_expected(today),
            deadlines.mediation_meeting_by(today),
        ]
    return found


def test_a_download_on_another_day_replaces_each_event_rather_than_adding_one():
    first = events(deadlines_calendar(plan_deadlines(date(2026, 10, 20), TODAY), PLAN, TODAY))
    later_day = TODAY + timedelta(days=5)
    later = events(
        deadlines_calendar(plan_deadlines(date(2026, 10, 20), later_day), PLAN, later_day)
    )
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in later]


def test_adding_the_certificate_moves_the_appeal_event_rather_than_adding_a_second():
    before = events(deadlines_calendar(plan_deadlines(date(2026, 10, 20), TODAY), PLAN, TODAY))
    after = events(
        deadlines_calendar(
            plan_deadlines(date(2026, 10, 20), TODAY, date(2026, 11, 27)), WITH_CERTIFICATE, TODAY
        )
    )
    appeal_before = next(e for e in before if "appeal" in str(e["SUMMARY"]))
    (appeal_after,) = after
    assert str(appeal_after["UID"]) == str(appeal_before["UID"])
    assert appeal_after["DTSTART"].dt > appeal_before["DTSTART"].dt


def test_each_deadline_kind_has_its_own_uid():
    found = events(deadlines_calendar(plan_deadlines(date(2026, 10, 20), TODAY), PLAN, TODAY))
    uids = [str(e["UID"]) for e in found]
    assert len(uids) == len(set(uids)) == 2


def test_if_you_act_today_estimates_that_cannot_both_happen_are_not_events():
    found = events(deadlines_calendar(plan_deadlines(date(2026, 10, 20), TODAY), PLAN, TODAY))
    titles = {str(e["SUMMARY"]) for e in found}
    assert titles == {
        "Last day to appeal: your appeal must reach the Tribunal by 5pm",
        "Last day to contact the mediation adviser",
    }


@pytest.mark.parametrize(
    ("due", "reminder"),
    [
        (date(2026, 12, 24), timedelta(days=-7)),  # a week before is still ahead
        (date(2026, 12, 6), timedelta(days=-7)),  # a week before is tomorrow
        (date(2026, 12, 5), timedelta(days=-1)),  # a week before is today: gone at midnight
        (date(2026, 11, 30), timedelta(days=-1)),
        (date(2026, 11, 29), None),  # the day before is today
        (date(2026, 11, 28), None),  # today
        (date(2026, 11, 2), None),  # passed
    ],
)
def test_no_reminder_falls_on_a_day_already_gone(due, reminder):
    deadline = deadlines.Deadline("appeal", due, due, due, deadlines.Basis.DECISION_LETTER)
    (event,) = events(deadlines_calendar([deadline], PLAN, TODAY))
    alarms = event.walk("VALARM")
    if reminder is None:
        assert alarms == []
    else:
        assert [alarm["TRIGGER"].dt for alarm in alarms] == [reminder]
        assert due + reminder > TODAY


def test_a_last_day_that_is_not_a_working_day_is_filed_on_the_day_to_act_by():
    # Decision of 25 October 2026: the adviser's last day is Friday 25 December (SEND Regulations
    # 2014, reg 33, not moved); the plan says to act by Thursday 24 December, and so does the file.
    adviser = deadlines.mediation_adviser_deadline(date(2026, 10, 25))
    (event,) = events(deadlines_calendar([adviser], PLAN, TODAY))
    assert event.decoded("dtstart") == date(2026, 12, 24)
    assert "Friday 25 December 2026, is not a working day" in str(event["DESCRIPTION"])
    assert [alarm["TRIGGER"].dt for alarm in event.walk("VALARM")] == [timedelta(days=-7)]
