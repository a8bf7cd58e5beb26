"""The council's dates as an iCalendar file, so a family can put them in a phone's calendar."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .council_deadlines import CouncilDeadline


def council_calendar(
    deadlines: Iterable[CouncilDeadline],
    titles: dict[str, str],
    rules: dict[str, str],
    page_url: str,
    today: date,
    worked_out_at: str,
    language: str,
) -> bytes:
    """One all-day event a date, with a reminder a week before each date still to come. Each says
    its rule and, in the words `worked_out_at`, the page it came from. Titles, rules and
    `worked_out_at` come in the page's language (by deadline key, from the view), and the words
    are marked as that language (iCalendar's LANGUAGE), so a calendar reads them right.

    Each event's UID is made from what the date is and the day it falls on, so adding the file
    again updates the same events rather than doubling them.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Ealing SEND guidance//Is the council on time//EN")
    calendar.add("version", "2.0")
    for deadline in deadlines:
        event = Event()
        event.add("uid", f"council-{deadline.key}-{deadline.due.isoformat()}@ealing-send-guidance")
        words = {"LANGUAGE": language}
        event.add("summary", titles[deadline.key], parameters=words)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("dtstamp", datetime.now(UTC))
        event.add(
            "description",
            f"{rules[deadline.key]} {worked_out_at}: {page_url}",
            parameters=words,
        )
        event.add("url", page_url)
        # A reminder for a date already gone would go off at once, or never: none.
        if not deadline.has_passed(today):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", titles[deadline.key], parameters=words)
            alarm.add("trigger", timedelta(days=-7))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
