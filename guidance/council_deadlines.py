"""The council's own time limits, as real dates: an EHC needs assessment, a draft plan, an annual
review, a proposal to amend a plan and a move to a new school or college. Plain Python: no Django.

The rules (the Special Educational Needs and Disability Regulations 2014, SI 2014/1530, text read on
legislation.gov.uk):
- reg 5(1): the decision whether to assess, "as soon as practicable and in any event within 6 weeks
  of ... receiving a request"; reg 5(4): exceptions (a school closed for 4 weeks or more, ...).
- reg 10(1): after an assessment, notice that no plan will be issued "within 16 weeks of the local
  authority receiving a request"; reg 10(4): exceptions.
- reg 13(1)(a): the draft plan: "at least 15 days, beginning with the day on which the draft plan was
  served", to comment and ask for a school; reg 13(2): the final plan "within 20 weeks" of the
  request; reg 13(3): the exceptions in reg 10(4)(a) to (d).
- reg 18(1): a move between phases: the plan reviewed and amended "before 31 March" (secondary school
  to a post-16 institution) or "before 15 February" (any other move) "in the calendar year of" the
  move; reg 18(3): "before 31 May 2015" for a move to post-16 on 1 September 2015.
- reg 20: after an annual review meeting, the report within 2 weeks and the council's decision to
  keep, amend or cease the plan within 4 weeks. The paragraph numbers were not readable here (the
  2 and 4 weeks are confirmed by council and IPSEA summaries): due for review.
  R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin) (8 March 2022) read reg 20 with
  reg 22: a council that decides to amend must send the proposed amendments with that decision, and
  the final amended plan follows within 8 weeks, so at most 12 weeks after the review meeting.
- reg 22(2)(c): a proposal to amend: "at least 15 days, beginning with the day on which the draft
  plan was served"; reg 22(3): the final amended plan "within 8 weeks of the local authority sending
  a copy of the EHC plan" with the proposed amendments.

Counting, from those words: "within N weeks of" a day ends on the same day of the week N weeks later;
"N days, beginning with" a day counts that day as the first, so they end N - 1 days later; "before 15
February" means 14 February at the latest. Unlike the Tribunal's rule 12, these regulations do not
move a date off a weekend or bank holiday. The date a parent enters for a draft or a notice is the day
it was sent; if it arrived later, the 15 days may start later (it says "served").
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

# The regulations came into force on 1 September 2014 (reg 1): nothing earlier is counted by them.
EARLIEST = date(2014, 9, 1)
# Reg 18(3): the one-off date for a move to post-16 on 1 September 2015; reg 18(1) from 2016.
FIRST_TRANSFER_YEAR = 2015
# How far ahead a move can be entered: reg 18 applies within 12 months of the move.
TRANSFER_YEARS_AHEAD = 2


class Who(Enum):
    """Who must act by the date."""

    COUNCIL = "council"
    SCHOOL = "school"  # the person who arranged the review meeting, usually the school
    FAMILY = "family"


class Phase(Enum):
    """The kind of move between phases of education (reg 2, "transfer between phases")."""

    SCHOOL = "school"  # early years to school, infant to junior, primary to secondary, ...
    POST_16 = "post-16"  # secondary school to a post-16 institution


# What to do, in order, once a council date has passed: the words are advice staff edit (kind
# "council"), which a test holds to advice_codes().
COUNCIL_LATE = ("chase-letter", "complaint", "ombudsman", "legal-advice")
SCHOOL_LATE = ("chase-review-report", "chase-letter", "complaint", "ombudsman")


@dataclass(frozen=True)
class CouncilDeadline:
    """A date by which the council, the school or the family must act, and the rule behind it."""

    key: str
    due: date
    regulation: str
    who: Who
    counted_from: date | None = None  # None for the fixed dates of a move between phases
    late_steps: tuple[str, ...] = field(default=())
    exceptions: tuple[str, ...] = field(default=())

    def days_left(self, today: date) -> int:
        """Days from today to the date: 0 on the day, negative once it has passed."""
        return (self.due - today).days

    def has_passed(self, today: date) -> bool:
        """True once the day itself is over."""
        return self.due < today

    def days_late(self, today: date) -> int:
        """Whole days since the date passed; 0 until then."""
        return max(0, (today - self.due).days)


@dataclass(frozen=True)
class Case:
    """The dates a family knows, each optional."""

    request_date: date | None = None
    draft_plan_date: date | None = None
    review_meeting_date: date | None = None
    amendment_notice_date: date | None = None
    transfer_year: int | None = None
    transfer: Phase | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing was given to count from."""
        return not (
            self.request_date
            or self.draft_plan_date
            or self.review_meeting_date
            or self.amendment_notice_date
            or (self.transfer_year and self.transfer)
        )


class Problem(Enum):
    """Why a date cannot be counted from."""

    FUTURE = "future"
    TOO_EARLY = "too-early"
    DRAFT_BEFORE_REQUEST = "draft-before-request"
    NOTICE_BEFORE_MEETING = "notice-before-meeting"
    YEAR_OUT_OF_RANGE = "year-out-of-range"


DATE_KEYS = ("request_date", "draft_plan_date", "review_meeting_date", "amendment_notice_date")
# Dates that cannot come before another: (later, earlier, problem).
ORDER = (
    # A draft plan follows the assessment the request started (reg 13).
    ("draft_plan_date", "request_date", Problem.DRAFT_BEFORE_REQUEST),
    # A proposal to amend follows the review (reg 22: "following a review").
    ("amendment_notice_date", "review_meeting_date", Problem.NOTICE_BEFORE_MEETING),
)


def problems(case: Case, today: date) -> dict[str, Problem]:
    """Each key whose value cannot be used, with the first problem found with it."""
    found: dict[str, Problem] = {}
    for key in DATE_KEYS:
        day = getattr(case, key)
        if day is None:
            continue
        if day > today:
            found[key] = Problem.FUTURE
        elif day < EARLIEST:
            found[key] = Problem.TOO_EARLY
    for later, earlier, problem in ORDER:
        if later in found or earlier in found:
            continue
        later_day, earlier_day = getattr(case, later), getattr(case, earlier)
        if later_day and earlier_day and later_day < earlier_day:
            found[later] = problem
    if case.transfer_year is not None and not (
        FIRST_TRANSFER_YEAR <= case.transfer_year <= today.year + TRANSFER_YEARS_AHEAD
    ):
        found["transfer_year"] = Problem.YEAR_OUT_OF_RANGE
    return found


def weeks_after(day: date, weeks: int) -> date:
    """'Within N weeks of' a day: the same day of the week, N weeks later."""
    return day + timedelta(weeks=weeks)


def days_beginning_with(day: date, days: int) -> date:
    """The last of `days` days 'beginning with' a day: that day is the first of them."""
    return day + timedelta(days=days - 1)


def assessment_deadlines(request: date, draft_sent: bool) -> list[CouncilDeadline]:
    """From the day the council got the request: the decision whether to assess (reg 5(1)), the
    notice that no plan will be issued (reg 10(1); left out once a draft plan has come, since the
    council has then decided to issue one) and the final plan (reg 13(2))."""
    found = [
        CouncilDeadline(
            "assessment-decision",
            weeks_after(request, 6),
            "SEND Regulations 2014, regulation 5(1)",
            Who.COUNCIL,
            request,
            COUNCIL_LATE,
            ("exceptions-assessment-decision",),  # reg 5(4)
        )
    ]
    if not draft_sent:
        found.append(
            CouncilDeadline(
                "no-plan-notice",
                weeks_after(request, 16),
                "SEND Regulations 2014, regulation 10(1)",
                Who.COUNCIL,
                request,
                COUNCIL_LATE,
                ("exceptions-plan",),  # reg 10(4)
            )
        )
    found.append(
        CouncilDeadline(
            "final-plan",
            weeks_after(request, 20),
            "SEND Regulations 2014, regulation 13(2)",
            Who.COUNCIL,
            request,
            COUNCIL_LATE,
            ("exceptions-plan",),  # reg 13(3): reg 10(4)(a) to (d)
        )
    )
    return found


def draft_plan_comments(draft_sent: date) -> CouncilDeadline:
    """The family's last day to comment on a draft plan and ask for a school: 15 days beginning
    with the day it was served (reg 13(1)(a))."""
    return CouncilDeadline(
        "draft-plan-comments",
        days_beginning_with(draft_sent, 15),
        "SEND Regulations 2014, regulation 13(1)(a)",
        Who.FAMILY,
        draft_sent,
    )


# The 4 weeks for the decision after a review, and the 8 weeks from proposed changes to the final
# amended plan: together, the 12 weeks from the meeting (regs 20 and 22(3); Devon, 2022).
REVIEW_DECISION_WEEKS = 4
AMENDED_PLAN_WEEKS = 8


def review_deadlines(meeting: date) -> list[CouncilDeadline]:
    """After an annual review meeting: the report within 2 weeks; the council's decision to keep,
    amend or cease the plan within 4 weeks, with any proposed changes (reg 20); and, if it decided
    to change the plan, the final amended plan within 12 weeks of the meeting (reg 22(3) read with
    reg 20: R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin))."""
    return [
        CouncilDeadline(
            "review-report",
            weeks_after(meeting, 2),
            "SEND Regulations 2014, regulation 20",
            Who.SCHOOL,
            meeting,
            SCHOOL_LATE,
        ),
        CouncilDeadline(
            "review-decision",
            weeks_after(meeting, REVIEW_DECISION_WEEKS),
            "SEND Regulations 2014, regulation 20",
            Who.COUNCIL,
            meeting,
            COUNCIL_LATE,
        ),
        CouncilDeadline(
            "review-amended-plan",
            weeks_after(meeting, REVIEW_DECISION_WEEKS + AMENDED_PLAN_WEEKS),
            # Read together in R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin),
            # which the advice names.
            "SEND Regulations 2014, regulations 20 and 22(3)",
            Who.COUNCIL,
            meeting,
            COUNCIL_LATE,
        ),
    ]


def amendment_deadlines(notice_sent: date) -> list[CouncilDeadline]:
    """After a proposal to amend a plan: the family's 15 days to comment, beginning with the day it
    was served (reg 22(2)(c)), and the final amended plan within 8 weeks (reg 22(3))."""
    return [
        CouncilDeadline(
            "amendment-comments",
            days_beginning_with(notice_sent, 15),
            "SEND Regulations 2014, regulation 22(2)(c)",
            Who.FAMILY,
            notice_sent,
        ),
        CouncilDeadline(
            "amended-plan",
            weeks_after(notice_sent, AMENDED_PLAN_WEEKS),
            "SEND Regulations 2014, regulation 22(3)",
            Who.COUNCIL,
            notice_sent,
            COUNCIL_LATE,
        ),
    ]


def transfer_deadline(year: int, phase: Phase) -> CouncilDeadline:
    """The last day for the plan to be reviewed and amended to name the next school or college, for
    a move in `year`: before 15 February, or before 31 March for a move from secondary school to
    post-16 (reg 18(1)); before 31 May 2015 for a move to post-16 in September 2015 (reg 18(3))."""
    if phase is Phase.POST_16 and year == 2015:
        return CouncilDeadline(
            "transfer-post-16",
            date(2015, 5, 30),
            "SEND Regulations 2014, regulation 18(3)",
            Who.COUNCIL,
            late_steps=COUNCIL_LATE,
        )
    if phase is Phase.POST_16:
        return CouncilDeadline(
            "transfer-post-16",
            date(year, 3, 30),
            "SEND Regulations 2014, regulation 18(1)(a)",
            Who.COUNCIL,
            late_steps=COUNCIL_LATE,
        )
    return CouncilDeadline(
        "transfer-school",
        date(year, 2, 14),
        "SEND Regulations 2014, regulation 18(1)(b)",
        Who.COUNCIL,
        late_steps=COUNCIL_LATE,
    )


def proposal_on_time(meeting: date, proposal_sent: date | None) -> bool:
    """True when changes to the plan were proposed within the 4 weeks after the review meeting.
    Proposed later, the council is already late, and the 12 weeks from the meeting still come
    before the 8 weeks from the proposal: both dates are shown."""
    return proposal_sent is not None and proposal_sent <= weeks_after(
        meeting, REVIEW_DECISION_WEEKS
    )


def council_deadlines(case: Case) -> list[CouncilDeadline]:
    """Every date that follows from the case, earliest first."""
    found: list[CouncilDeadline] = []
    if case.request_date:
        found += assessment_deadlines(case.request_date, draft_sent=bool(case.draft_plan_date))
    if case.draft_plan_date:
        found.append(draft_plan_comments(case.draft_plan_date))
    if case.review_meeting_date:
        review = review_deadlines(case.review_meeting_date)
        if proposal_on_time(case.review_meeting_date, case.amendment_notice_date):
            # Changes proposed within the 4 weeks: their own 8 weeks end no later than the 12
            # weeks, so that is the date to show, once.
            review = [d for d in review if d.key != "review-amended-plan"]
        found += review
    if case.amendment_notice_date:
        found += amendment_deadlines(case.amendment_notice_date)
    if case.transfer_year and case.transfer:
        found.append(transfer_deadline(case.transfer_year, case.transfer))
    return sorted(found, key=lambda d: d.due)


def every_deadline() -> list[CouncilDeadline]:
    """One of each deadline this page can show (a draft plan drops the no-plan notice, so it is
    taken on its own; changes proposed late keep the 12 weeks from the meeting), for checks that
    every one has its words."""
    every_date = Case(
        request_date=date(2026, 1, 5),
        review_meeting_date=date(2026, 3, 2),
        amendment_notice_date=date(2026, 4, 6),
    )
    return [
        *council_deadlines(every_date),
        *council_deadlines(Case(draft_plan_date=date(2026, 4, 1))),
        *(transfer_deadline(2027, phase) for phase in Phase),
    ]


def advice_codes() -> set[str]:
    """Every piece of advice the council deadlines can name (what should have happened, what to do
    when it is late, when the council can take longer): each needs published words."""
    return {code for d in every_deadline() for code in (d.key, *d.late_steps, *d.exceptions)}


@dataclass(frozen=True)
class TimelineEntry:
    """One point on the family's timeline: a date they gave, today, or a deadline."""

    kind: str  # "event", "today" or "deadline"
    day: date
    key: str
    deadline: CouncilDeadline | None = None


EVENTS = {
    "request_date": "request-received",
    "draft_plan_date": "draft-plan-sent",
    "review_meeting_date": "review-meeting",
    "amendment_notice_date": "amendment-notice-sent",
}
# On one day: what happened, then today, then what is due (a date due today has not passed).
_ORDER_ON_A_DAY = {"event": 0, "today": 1, "deadline": 2}


def timeline(case: Case, today: date) -> list[TimelineEntry]:
    """The dates given, today and the deadlines, in date order, so the family sees where they are."""
    entries = [
        TimelineEntry("event", getattr(case, key), event)
        for key, event in EVENTS.items()
        if getattr(case, key)
    ]
    entries.append(TimelineEntry("today", today, "today"))
    entries += [TimelineEntry("deadline", d.due, d.key, d) for d in council_deadlines(case)]
    return sorted(entries, key=lambda e: (e.day, _ORDER_ON_A_DAY[e.kind]))
