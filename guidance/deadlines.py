"""The deadlines that apply to a SEND appeal, as real dates. Plain Python: no Django here.

The rules:
- Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008,
  rule 20(1)(c): appeal within 2 months of the decision, or 1 month of the mediation certificate,
  whichever is later; rule 12(2): a deadline on a non-working day moves to the next working day;
  rule 12(3): in special educational needs cases, a deadline from 25 December to 1 January, or in
  August, moves to the first working day after 1 January or 31 August.
- SEND Regulations 2014, regulation 33: contact the mediation adviser within 2 months; regulation 34:
  if you do not want mediation, the adviser issues a certificate within 3 working days. A mediation
  meeting is held within 30 days and its certificate follows within 3 working days: Part 2,
  "Mediation" (regulations 32 to 42); the exact regulation numbers could not be confirmed here
  (legal audit 2026-11, finding 14: not regulation 42, the council's steps after an agreement).

A month is a calendar month to the corresponding date; where the later month is shorter, the last day of
that month (31 December + 2 months = 28 or 29 February). The day of the decision is not counted.
"""

from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta


class Moved(Enum):
    """Why a deadline is later than the plain count of months."""

    WEEKEND = "weekend"
    BANK_HOLIDAY = "bank-holiday"
    CHRISTMAS = "christmas"
    AUGUST = "august"


# The title of each deadline, on the plan, in the calculator and in the calendar file.
TITLES = {
    "appeal": "Last day to appeal to the Tribunal",
    "mediation-adviser": "Last day to contact the mediation adviser",
    "certificate": "If you tell the adviser today that you do not want mediation, your certificate "
    "should arrive by",
    "mediation-meeting": "If you ask for mediation today, the meeting should happen by",
    "certificate-after-mediation": "Mediation certificate due after the meeting",
}


@dataclass(frozen=True)
class Deadline:
    """A date by which something must happen, and why it is that date."""

    key: str
    due: date
    counted_from: date
    unadjusted: date
    moved: tuple[Moved, ...] = field(default=())
    estimate: bool = False

    def __post_init__(self):
        if self.key not in TITLES:
            raise KeyError(f"no title for the deadline {self.key!r}")

    @property
    def title(self) -> str:
        return TITLES[self.key]

    def days_left(self, today: date) -> int:
        """Days from today to the deadline: 0 on the day, negative once it has passed."""
        return (self.due - today).days

    def has_passed(self, today: date) -> bool:
        """True once the deadline day itself is over."""
        return self.due < today


@lru_cache(maxsize=1)
def _england_bank_holidays() -> holidays.HolidayBase:
    # subdiv="ENG": without it Easter Monday and the summer bank holiday are missing.
    return holidays.country_holidays("GB", subdiv="ENG")


def england_bank_holidays() -> Container[date]:
    """England and Wales bank holidays, for any year (looked up lazily by the holidays package)."""
    return _england_bank_holidays()


def add_months(start: date, months: int) -> date:
    """The corresponding date `months` calendar months on, or that month's last day if it has none."""
    return start + relativedelta(months=months)


def is_working_day(day: date, bank_holidays: Container[date] | None = None) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    bank_holidays = england_bank_holidays() if bank_holidays is None else bank_holidays
    return day.weekday() < 5 and day not in bank_holidays


def next_working_day(day: date, bank_holidays: Container[date] | None = None) -> date:
    """`day` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day, bank_holidays):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int, bank_holidays: Container[date] | None = None) -> date:
    """The date `count` working days after `start` (the start day is not counted)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, bank_holidays):
            count -= 1
    return day


def tribunal_deadline(
    key: str,
    counted_from: date,
    unadjusted: date,
    sen_appeal: bool = True,
    bank_holidays: Container[date] | None = None,
) -> Deadline:
    """Apply HESC rule 12 to a time limit that ends on `unadjusted`."""
    moved: list[Moved] = []
    due = unadjusted
    # Rule 12(3): special educational needs cases only, not disability discrimination claims.
    if sen_appeal and ((due.month == 12 and due.day >= 25) or (due.month == 1 and due.day == 1)):
        moved.append(Moved.CHRISTMAS)
        due = date(due.year + (1 if due.month == 12 else 0), 1, 2)
    elif sen_appeal and due.month == 8:
        moved.append(Moved.AUGUST)
        due = date(due.year, 9, 1)
    # Rule 12(2): the next working day.
    if not is_working_day(due, bank_holidays):
        if not moved:
            moved.append(Moved.WEEKEND if due.weekday() >= 5 else Moved.BANK_HOLIDAY)
        due = next_working_day(due, bank_holidays)
    return Deadline(key, due, counted_from, unadjusted, tuple(moved))


def appeal_deadline(
    decision_date: date,
    certificate_date: date | None = None,
    sen_appeal: bool = True,
    bank_holidays: Container[date] | None = None,
) -> Deadline:
    """Last day to appeal to the Tribunal: 2 months from the decision or 1 month from the mediation
    certificate, whichever is later, then moved by rule 12."""
    by_decision = add_months(decision_date, 2)
    counted_from, unadjusted = decision_date, by_decision
    if certificate_date is not None:
        by_certificate = add_months(certificate_date, 1)
        if by_certificate > by_decision:
            counted_from, unadjusted = certificate_date, by_certificate
    return tribunal_deadline("appeal", counted_from, unadjusted, sen_appeal, bank_holidays)


def mediation_adviser_deadline(decision_date: date) -> Deadline:
    """Last day to contact the mediation adviser: 2 months from the decision (SEND Regs 2014)."""
    due = add_months(decision_date, 2)
    return Deadline("mediation-adviser", due, decision_date, due)


def certificate_expected(
    told_adviser: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """When the adviser's certificate should arrive: 3 working days after you say no to mediation."""
    due = add_working_days(told_adviser, 3, bank_holidays)
    return Deadline("certificate", due, told_adviser, due, estimate=True)


def mediation_meeting_by(told_adviser: date) -> Deadline:
    """When a mediation meeting should happen: within 30 days of asking for it."""
    due = told_adviser + timedelta(days=30)
    return Deadline("mediation-meeting", due, told_adviser, due, estimate=True)


def certificate_after_meeting(
    meeting: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """When the mediator's certificate should arrive: 3 working days after the meeting."""
    due = add_working_days(meeting, 3, bank_holidays)
    return Deadline("certificate-after-mediation", due, meeting, due, estimate=True)
