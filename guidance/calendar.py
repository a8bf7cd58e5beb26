"""Deadlines as an iCalendar file, so a parent can add them to a phone's calendar."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .deadlines import Deadline


def deadlines_calendar(deadlines: Iterable[Deadline], plan_url: str) -> bytes:
    """An .ics file with one all-day event a deadline, each with a reminder a week before. A last
    day that is not a working day goes in on the working day to act by, as the plan advises."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ealing SEND guidance//What can I do next//EN")
    calendar.add("version", "2.0")
    for deadline in deadlines:
        event = Event()
        day = deadline.act_by or deadline.due
        event.add("uid", f"{deadline.key}-{deadline.due.isoformat()}@ealing-send-guidance")
        event.add("summary", deadline.title)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", datetime.now(UTC))
        note = ""
        if deadline.act_by:
            note = f"The last day, {deadline.due:%A %-d %B %Y}, is not a working day. "
        event.add("description", f"{note}From your action plan: {plan_url}")
        event.add("url", plan_url)
        if not deadline.estimate:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", deadline.title)
            alarm.add("trigger", timedelta(days=-7))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
