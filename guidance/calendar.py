"""Deadlines as an iCalendar file, so a parent can add them to a phone's calendar."""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .deadlines import Deadline


def deadlines_calendar(deadlines: Iterable[Deadline], plan_url: str) -> bytes:
    """An .ics file with one all-day event a deadline, each with a reminder a week before."""
    calendar = Calendar()
    calendar.add("prodid", "-//Ealing SEND guidance//What can I do next//EN")
    calendar.add("version", "2.0")
    for deadline in deadlines:
        event = Event()
        event.add("uid", f"{deadline.key}-{deadline.due.isoformat()}@ealing-send-guidance")
        event.add("summary", deadline.title)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("dtstamp", datetime.now(UTC))
        event.add("description", f"From your action plan: {plan_url}")
        event.add("url", plan_url)
        if not deadline.estimate:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", deadline.title)
            alarm.add("trigger", timedelta(days=-7))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
