"""Which pieces of advice a plan names, and the values their words may use. Plain Python: no Django.

The rules (flow.py, deadlines.py) name each piece of advice by a code; its words are content that
ISAID staff edit (guidance.models.Advice), one row per kind and code. This module says, for each
kind, which codes the rules can produce (so a test can check each has words), which named
placeholders its words may use (so a save with any other is refused), and which words go with a
deadline (its explanation, why it moved, and any note).
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from . import council_deadlines, deadlines, flow

OUTCOME = "outcome"
REASON = "reason"
FIRST_STEP = "first-step"
WHY_THIS_DATE = "why-this-date"
MOVED = "moved"
DEADLINE_NOTE = "deadline-note"
PLAN_NOTE = "plan-note"
COUNCIL = "council"  # "Is the council on time?": what was due, what to do if late, exceptions

KINDS = (OUTCOME, REASON, FIRST_STEP, WHY_THIS_DATE, MOVED, DEADLINE_NOTE, PLAN_NOTE, COUNCIL)

# The words that change when a young person asks for themselves (question_words.wording): the same
# placeholders for every kind, since any advice may speak of the child.
PERSON = frozenset({"child", "Child", "child_s", "gets", "has", "does", "needs"})

# Dates as a deadline's words show them: "{counted_from}" is "1 October 2026",
# "{counted_from_day}" is "Thursday 1 October 2026".
# "{act_by_day}" is the working day before a last day that is not one (deadlines.Deadline.act_by).
DEADLINE_DATES = frozenset(
    {
        "counted_from",
        "counted_from_day",
        "time_limit_ends",
        "time_limit_ends_day",
        "due",
        "due_day",
        "act_by",
        "act_by_day",
    }
)

PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    OUTCOME: PERSON,
    REASON: PERSON,
    FIRST_STEP: PERSON,
    WHY_THIS_DATE: PERSON | DEADLINE_DATES,
    MOVED: PERSON | DEADLINE_DATES,
    DEADLINE_NOTE: PERSON | DEADLINE_DATES,
    PLAN_NOTE: PERSON,
    COUNCIL: PERSON,
}


@dataclass(frozen=True)
class DeadlineWords:
    """The codes of a deadline's words: why it is this date, why it moved, and notes."""

    why: str
    moved: tuple[str, ...]
    notes: tuple[str, ...]


def why_this_date(deadline: deadlines.Deadline) -> str:
    """The code of the words that say what a deadline is counted from.

    An appeal is counted from the decision letter (2 months) or from the mediation certificate
    (1 month), whichever ends later (HESC Rules 2008, rule 20(1)(c)); the rule that gave the date
    names its document (Deadline.basis), which holds even when both letters carry the same date.
    A discrimination claim is counted from what happened, or from an exclusion.
    """
    if deadline.key == "appeal":
        from_certificate = deadline.basis is deadlines.Basis.MEDIATION_CERTIFICATE
        return "appeal-from-certificate" if from_certificate else "appeal-from-decision"
    if deadline.key == "discrimination-claim" and deadline.basis is deadlines.Basis.EXCLUSION:
        return "discrimination-claim-from-exclusion"
    return deadline.key


# Deadlines whose passing still leaves something to do, said in a note of kind deadline-note.
PASSED_NOTES = ("appeal", "mediation-adviser", "discrimination-claim", "review-panel")


def deadline_words(
    deadline: deadlines.Deadline, answers: flow.Answers, today: date
) -> DeadlineWords:
    """The codes of the words shown with one deadline of the plan for these answers."""
    notes: list[str] = []
    if (
        deadline.key == "appeal"
        and answers.get("certificate_date") is None
        and answers.get("decision") != "placement-only"
    ):
        # The certificate, when it comes, may give a later date (rule 20(1)(c)(ii)).
        notes.append("appeal-certificate-may-extend")
    if deadline.act_by is not None:
        # A last day no rule moves that is not a working day: act by the working day before.
        notes.append("not-a-working-day")
    if deadline.has_passed(today) and deadline.key in PASSED_NOTES:
        notes.append(f"{deadline.key}-passed")
    return DeadlineWords(
        why=why_this_date(deadline),
        moved=tuple(reason.value for reason in deadline.moved),
        notes=tuple(notes),
    )


# The deadline a first step must be done by, where the rules give the step one.
STEP_DEADLINE = {
    "contact-mediation-adviser": "mediation-adviser",  # SEND Regulations 2014, regulation 33
    "register-appeal": "appeal",  # HESC Rules 2008, rule 20(1)(c)
    "apply-review-panel": "review-panel",  # 2012 Regulations, Schedule 1, paragraph 2(1)
}
# The step each "if you act today" estimate follows from: it is shown with that step.
ESTIMATE_STEP = {
    "certificate": "contact-mediation-adviser",  # SEND Regulations 2014, regulation 34
    "mediation-meeting": "contact-mediation-adviser",
    "certificate-after-mediation": "contact-mediation-adviser",
}


@dataclass(frozen=True)
class FirstThing:
    """What a plan opens with: what can still be done about each passed deadline, then the first
    step (unless its own last day has passed), the date to do it by, the "if you act today"
    estimates that follow from it, and, when the step has no date of its own, the plan's first
    real deadline still ahead."""

    still_possible: tuple[deadlines.Deadline, ...]
    step: str | None
    by: deadlines.Deadline | None
    estimates: tuple[deadlines.Deadline, ...]
    next_deadline: deadlines.Deadline | None

    @property
    def passed_notes(self) -> tuple[str, ...]:
        """The codes of the deadline notes that say what can still be done (kind deadline-note)."""
        return tuple(f"{deadline.key}-passed" for deadline in self.still_possible)


def first_thing(plan: flow.ActionPlan, today: date) -> FirstThing:
    """What this plan says first, on `today`. Real deadlines only give its date: an estimate is
    never "the date to act by"."""
    real = [d for d in plan.deadlines if not d.estimate]
    passed = tuple(d for d in real if d.has_passed(today) and d.key in PASSED_NOTES)
    step = plan.first_steps[0] if plan.first_steps else None
    own = next((d for d in real if d.key == STEP_DEADLINE.get(step or "")), None)
    if own is not None and own.has_passed(today):
        # Its last day is over: what can still be done (said above) replaces the step.
        step, own = None, None
    estimates = tuple(
        d for d in plan.deadlines if d.estimate and step and ESTIMATE_STEP.get(d.key) == step
    )
    ahead = [d for d in real if not d.has_passed(today) and d is not own]
    return FirstThing(
        still_possible=passed,
        step=step,
        by=own,
        estimates=estimates,
        next_deadline=min(ahead, key=lambda d: d.due) if own is None and ahead else None,
    )


def plan_codes(plan: flow.ActionPlan, answers: flow.Answers, today: date) -> dict[str, set[str]]:
    """Every code of advice this plan shows, by kind."""
    codes: dict[str, set[str]] = {kind: set() for kind in KINDS}
    codes[OUTCOME].add(plan.outcome)
    codes[REASON].update(advice.reason for advice in plan.routes)
    codes[FIRST_STEP].update(plan.first_steps)
    codes[PLAN_NOTE].update(plan.notes)
    for deadline in plan.deadlines:
        words = deadline_words(deadline, answers, today)
        codes[WHY_THIS_DATE].add(words.why)
        codes[MOVED].update(words.moved)
        codes[DEADLINE_NOTE].update(words.notes)
    return codes


# Dates that, between them, give every deadline the rules know and every way one can move:
# (decision letter, mediation certificate or None, today). Each is a worked example. Every other
# date question takes the letter's date too (example_dates); a new deadline that only shows, or
# only moves, on other dates needs its own example here, or its words are never checked.
EXAMPLE_DATES = (
    (date(2026, 10, 1), None, date(2026, 11, 28)),  # in time: adviser, estimates, appeal
    (date(2026, 6, 1), None, date(2026, 11, 28)),  # adviser and appeal passed
    (date(2026, 10, 1), date(2026, 11, 20), date(2026, 11, 28)),  # counted from the certificate
    (date(2026, 10, 1), date(2026, 10, 1), date(2026, 11, 28)),  # same date: from the decision
    (date(2026, 10, 25), None, date(2026, 11, 28)),  # ends 25 December: Christmas
    (date(2026, 6, 10), None, date(2026, 6, 12)),  # ends 10 August: August
    (date(2026, 9, 7), None, date(2026, 9, 8)),  # ends Saturday 7 November: weekend
    (date(2027, 3, 3), None, date(2027, 3, 4)),  # ends 3 May 2027, early May bank holiday
    # An exclusion or incident of 2 March 2026: the review panel's date and the claim's have passed.
    (date(2026, 3, 2), None, date(2026, 11, 28)),
)


def example_dates(letter: date, certificate: date | None = None) -> dict[str, date]:
    """A date for every date question: `letter` for each (a decision, an exclusion, an incident…)
    but the mediation certificate, which is `certificate` (or `letter` when there is none)."""
    dates = {key: letter for key, question in flow.QUESTIONS.items() if question.is_date}
    return {**dates, "certificate_date": certificate or letter}


def every_plan() -> Iterator[tuple[dict[str, object], flow.ActionPlan, date]]:
    """Every path of questions with each set of example dates: (answers, plan, today)."""
    for decision, certificate, today in EXAMPLE_DATES:
        for answers in flow.every_path(example_dates(decision, certificate)):
            if "certificate_date" in answers and certificate is None:
                continue
            yield answers, flow.action_plan(answers, today), today


def every_code() -> dict[str, set[str]]:
    """Every code of advice the rules can produce, by kind: each needs published words."""
    codes: dict[str, set[str]] = {kind: set() for kind in KINDS}
    codes[OUTCOME].update(flow.OUTCOMES)
    codes[MOVED].update(reason.value for reason in deadlines.Moved)
    codes[COUNCIL].update(council_deadlines.advice_codes())
    for answers, plan, today in every_plan():
        for kind, found in plan_codes(plan, answers, today).items():
            codes[kind].update(found)
    return codes


@dataclass(frozen=True)
class PlanAndPaths:
    """One plan the rules can give, and every path of answers that leads to it."""

    plan: flow.ActionPlan
    paths: tuple[dict[str, object], ...]


def plans_and_paths(decision: date, today: date) -> list[PlanAndPaths]:
    """Every path of questions, grouped by the plan it leads to, in the order the paths are walked.

    Date questions take `decision` (and the certificate the same date), so the plans show every
    deadline that applies while nothing has yet passed: routing never depends on a date's value.
    """
    grouped: dict[flow.ActionPlan, list[dict[str, object]]] = {}
    for answers in flow.every_path(example_dates(decision)):
        grouped.setdefault(flow.action_plan(answers, today), []).append(answers)
    return [PlanAndPaths(plan, tuple(paths)) for plan, paths in grouped.items()]
