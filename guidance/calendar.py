"""Deadlines as an iCalendar file, so a parent can add them to a phone's calendar."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Alarm, Calendar, Event

from ealing_send.dates import day_words

from .deadlines import Deadline

REMINDERS = (timedelta(days=7), timedelta(days=1))


def deadlines_calendar(
    deadlines: Iterable[Deadline], plan_url: str, today: date | None = None
) -> bytes:
    """An .ics file with one all-day event a firm deadline, each with a reminder a week before
    (or the day before, when a week before has passed; none once both have).

    "If you act today" estimates are left out: each is a different date the next day, and the two
    the plan shows (a certificate if you say no to mediation, a meeting if you say yes) cannot
    both happen. Each event's UID is its kind and the decision letter's date (or, for a plan with
    no decision letter, the date it counts from), the same on every download of the plan, whatever
    day it is or dates added later, so a calendar replaces the event rather than adding a copy. A
    last day that is not a working day goes in on the working day to act by, as the plan advises.
    The words are in the active language, as the plan that links to the file.
    """
    today = today or timezone.localdate()
    letter = parse_qs(urlsplit(plan_url).query).get("decision_date", [""])[0]
    calendar = Calendar()
    calendar.add("prodid", "-//Ealing SEND guidance//What can I do next//EN")
    calendar.add("version", "2.0")
    for deadline in deadlines:
        if deadline.estimate:
            continue
        event = Event()
        day = deadline.act_by or deadline.due
        counted_from = letter or deadline.counted_from.isoformat()
        event.add("uid", f"{deadline.key}-letter-{counted_from}@ealing-send-guidance")
        title = gettext(deadline.title)
        event.add("summary", title)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", datetime.now(UTC))
        description = []
        if deadline.act_by:
            last_day = day_words(deadline.due, weekday=True)
            description.append(
                gettext("The last day, {day}, is not a working day.").format(day=last_day)
            )
        description.append(gettext("From your action plan: {url}").format(url=plan_url))
        event.add("description", " ".join(description))
        event.add("url", plan_url)
        # An alarm goes off at midnight starting its day, so one on today has already gone.
        ahead = next((before for before in REMINDERS if day - before > today), None)
        if ahead is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title)
            alarm.add("trigger", -ahead)
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
