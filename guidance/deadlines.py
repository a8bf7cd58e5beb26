"""The deadlines that apply to a SEND appeal, an exclusion and a disability discrimination claim, as
real dates. Plain Python: no Django here.

The rules (legislation.gov.uk):
- Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008
  (SI 2008/2699), rule 20(1)(c): the appeal must be sent so that it is received within 2 months of
  the decision being sent, or 1 month of the mediation certificate, whichever is later; rule 12(2): a
  time limit ending on a non-working day ends on the next working day; rule 12(3): in special
  educational needs cases, a limit ending from 25 December to 1 January, or in August, ends on the
  first working day after 1 January or 31 August. Rule 12(1): an act due on a day must be done by
  5pm. That wording of rule 12(1) is confirmed here only in the Upper Tribunal's rules (SI 2008/2698,
  the same rule number, made by the same committee); the HESC text could not be retrieved, so the
  5pm words are due for review against legislation.gov.uk/uksi/2008/2699/rule/12.
- SEND Regulations 2014 (SI 2014/1530), Part 2 "Mediation" (regs 32 to 42): regulation 33, contact
  the mediation adviser within 2 months of the decision being sent; regulation 34, if you do not want
  mediation the adviser must issue a certificate within 3 working days. The council must arrange
  mediation within 30 days of being told you want it, and a certificate follows a meeting within
  3 working days: those two are in Part 2, but their regulation numbers could not be confirmed here.
- Equality Act 2010, Schedule 17, paragraph 4(1): a disability discrimination claim about a school
  must be brought within "the period of 6 months starting with the date when the conduct complained
  of occurred". Since the Tribunal Procedure (Amendment) Rules 2020 rule 12(3) no longer covers
  these claims; whether rule 12(2) could lengthen a limit set by an Act is not settled, so this
  tool takes the safe reading and never moves the date.
- School Discipline (Pupil Exclusions and Reviews) (England) Regulations 2012 (SI 2012/1033),
  Schedule 1, paragraph 2(1): an application for an independent review panel, and any request for
  a SEN expert, must be made "within 15 school days after the day on which the relevant person is
  given notice in writing" of the governors' decision not to reinstate.

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


def _(words: str) -> str:
    """Marks words for translation (`manage.py makemessages` finds `_`): no Django here, so the
    templates and the calendar file translate a deadline's title where they show it."""
    return words


# The title of each deadline, on the plan, in the calculator and in the calendar file.
TITLES = {
    # HESC rule 20(1): the appeal must be *received* in time; rule 12(1): by 5pm.
    "appeal": _("Last day to appeal: your appeal must reach the Tribunal by 5pm"),
    "mediation-adviser": _("Last day to contact the mediation adviser"),
    # Regulation 34: the adviser must *issue* it within 3 working days; a posted one arrives later.
    "certificate": _(
        "If you tell the adviser today that you do not want mediation, your certificate "
        "should be issued by"
    ),
    "mediation-meeting": _(
        "If you tell the council today that you want mediation, it should be arranged by"
    ),
    "certificate-after-mediation": _("Mediation certificate due after the meeting"),
    "discrimination-claim": _(
        "Last day to make a disability discrimination claim: it must reach the Tribunal by 5pm"
    ),
    "review-panel": _("Apply for an independent review panel and an SEN expert by"),
}


class Basis(Enum):
    """Which document or event a deadline is counted from: the rule that produced the date says so,
    never a comparison of dates (two letters can carry the same date)."""

    DECISION_LETTER = "decision-letter"
    MEDIATION_CERTIFICATE = "mediation-certificate"
    TOLD_TODAY = "told-today"
    MEETING = "meeting"
    INCIDENT = "incident"
    EXCLUSION = "exclusion"
    GOVERNORS_LETTER = "governors-letter"


@dataclass(frozen=True)
class Deadline:
    """A date by which something must happen, and why it is that date."""

    key: str
    due: date
    counted_from: date
    unadjusted: date
    basis: Basis
    moved: tuple[Moved, ...] = field(default=())
    estimate: bool = False
    # A last day that no rule moves, when it is not a working day: the working day before it, when
    # offices are open. Acting by then is always in time.
    act_by: date | None = None

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


def previous_working_day(day: date, bank_holidays: Container[date] | None = None) -> date:
    """`day` itself if it is a working day, otherwise the last working day before it."""
    while not is_working_day(day, bank_holidays):
        day -= timedelta(days=1)
    return day


# Last days no rule moves off a weekend or bank holiday (SEND Regulations 2014 reg 33; Equality Act
# 2010 Sch 17 para 4): when one is not a working day, the plan gives the working day before to act by.
NEVER_MOVED = frozenset({"mediation-adviser", "discrimination-claim"})


def _act_by(day: date, bank_holidays: Container[date] | None) -> date | None:
    """The working day to act by when a fixed last day is not a working day, else None."""
    return None if is_working_day(day, bank_holidays) else previous_working_day(day, bank_holidays)


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
    basis: Basis,
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
    return Deadline(key, due, counted_from, unadjusted, basis, tuple(moved))


def appeal_deadline(
    decision_date: date,
    certificate_date: date | None = None,
    sen_appeal: bool = True,
    bank_holidays: Container[date] | None = None,
) -> Deadline:
    """Last day to appeal to the Tribunal: 2 months from the decision or 1 month from the mediation
    certificate, whichever is later, then moved by rule 12."""
    by_decision = add_months(decision_date, 2)
    counted_from, unadjusted, basis = decision_date, by_decision, Basis.DECISION_LETTER
    if certificate_date is not None:
        by_certificate = add_months(certificate_date, 1)
        # Only a strictly later date counts from the certificate: rule 20(1)(c)(ii) applies "if
        # that date would be a later date".
        if by_certificate > by_decision:
            counted_from, unadjusted = certificate_date, by_certificate
            basis = Basis.MEDIATION_CERTIFICATE
    return tribunal_deadline("appeal", counted_from, unadjusted, basis, sen_appeal, bank_holidays)


def mediation_adviser_deadline(
    decision_date: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """Last day to contact the mediation adviser: 2 months from the decision (SEND Regulations 2014,
    regulation 33). Regulation 33 has no next-working-day rule, so the date is not moved; when it is
    not a working day, act_by is the working day before it."""
    due = add_months(decision_date, 2)
    return Deadline(
        "mediation-adviser",
        due,
        decision_date,
        due,
        Basis.DECISION_LETTER,
        act_by=_act_by(due, bank_holidays),
    )


def certificate_expected(
    told_adviser: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """When the adviser must issue the certificate: 3 working days after you say you do not want
    mediation (SEND Regulations 2014, regulation 34)."""
    due = add_working_days(told_adviser, 3, bank_holidays)
    return Deadline("certificate", due, told_adviser, due, Basis.TOLD_TODAY, estimate=True)


def mediation_meeting_by(told_council: date) -> Deadline:
    """When mediation should be arranged by: within 30 days of telling the council you want it
    (SEND Regulations 2014, Part 2)."""
    due = told_council + timedelta(days=30)
    return Deadline("mediation-meeting", due, told_council, due, Basis.TOLD_TODAY, estimate=True)


def certificate_after_meeting(
    meeting: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """When the mediator's certificate should be issued: 3 working days after the meeting."""
    due = add_working_days(meeting, 3, bank_holidays)
    return Deadline("certificate-after-mediation", due, meeting, due, Basis.MEETING, estimate=True)


def six_months_starting_with(day: date) -> date:
    """The last day of a period of 6 months starting with `day`: the day before the corresponding
    date 6 months on, or, where that month has no corresponding date, its last day (1 March → 31
    August; 31 August → 28 or 29 February)."""
    corresponding = add_months(day, 6)
    if corresponding.day != day.day:  # no such date in that month: add_months gave its last day
        return corresponding
    return corresponding - timedelta(days=1)


def discrimination_claim_deadline(
    counted_from: date,
    basis: Basis = Basis.INCIDENT,
    bank_holidays: Container[date] | None = None,
) -> Deadline:
    """Last day to make a disability discrimination claim about a school to the Tribunal: 6 months
    starting with the date of what happened (Equality Act 2010, Schedule 17, paragraph 4(1)).

    No Christmas or August extension (HESC rule 12(3) has not covered these claims since 2020) and
    no mediation certificate. The date is never moved; when it is not a working day, act_by is the
    working day before it."""
    due = six_months_starting_with(counted_from)
    return Deadline(
        "discrimination-claim",
        due,
        counted_from,
        due,
        basis,
        act_by=_act_by(due, bank_holidays),
    )


def school_days_at_the_earliest(
    start: date, count: int, bank_holidays: Container[date] | None = None
) -> date:
    """The earliest day `count` school days after `start` can end: school days are never weekends or
    bank holidays, but school holidays and training days also do not count, so the real day is this
    one or later."""
    return add_working_days(start, count, bank_holidays)


def review_panel_deadline(
    governors_letter: date, bank_holidays: Container[date] | None = None
) -> Deadline:
    """Apply for an independent review panel, and ask for a SEN expert, within 15 school days after
    being given the governors' decision in writing (School Discipline (Pupil Exclusions and Reviews)
    (England) Regulations 2012, Schedule 1, paragraph 2(1)). Shown as the earliest those 15 school
    days can end, counted from the letter's date: applying by then is always in time."""
    due = school_days_at_the_earliest(governors_letter, 15, bank_holidays)
    return Deadline("review-panel", due, governors_letter, due, Basis.GOVERNORS_LETTER)
