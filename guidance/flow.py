"""The "What can I do next?" questionnaire as rules. Plain Python: no Django here.

Answers travel in the query string, keyed by question; each request rebuilds the state by replaying
them from the first question, so Back, bookmarks and Change links just work. The words of each question
and outcome live in templates; this module decides only which question comes next and what the plan is.

The rules come from Ealing ISAID's leaflet "What if I do not agree with decisions about SEN provision?"
and the SEND Code of Practice 2015, chapter 11.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from . import deadlines

CHECK = "check"  # the "Check your answers" page, after the last question that applies
EARLIEST_DECISION = date(2014, 9, 1)  # Children and Families Act 2014, Part 3, came into force


@dataclass(frozen=True)
class Question:
    """One question: its key in the URL, its allowed answers, and where it can lead."""

    key: str
    choices: tuple[str, ...] = ()  # empty for a date question
    next_nodes: tuple[str, ...] = ()

    @property
    def is_date(self) -> bool:
        return not self.choices


# SEND Code of Practice 11.45: the decisions a parent or young person can appeal to the Tribunal.
APPEALABLE = (
    "refuse-assessment",
    "refuse-reassessment",
    "refuse-plan",
    "plan-contents",
    "placement-only",
    "refuse-amend",
    "cease-plan",
)

QUESTIONS: dict[str, Question] = {
    q.key: q
    for q in (
        Question("who", ("parent", "young-person"), ("concern",)),
        Question(
            "concern",
            ("school-support", "la-decision", "health-care", "handling", "exclusion"),
            ("plan", "talked", "decision", CHECK),
        ),
        Question("plan", ("yes", "no", "assessing"), ("talked",)),
        Question("talked", ("yes", "no"), (CHECK,)),
        Question("decision", (*APPEALABLE, "other"), ("decision_date", CHECK)),
        Question("decision_date", (), ("mediation", CHECK)),
        Question("mediation", ("yes", "no"), ("certificate_date", CHECK)),
        Question("certificate_date", (), (CHECK,)),
    )
}

Answers = Mapping[str, object]


class InvalidAnswer(ValueError):
    """An answer that cannot be used. `code` names the problem; the form turns it into words."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def path(answers: Answers) -> list[str]:
    """The questions that apply to these answers, in order, as far as the answers go.

    The path stops at the first question not yet answered, so its last item is the question to ask
    next, or CHECK when every question that applies has an answer.
    """
    asked: list[str] = []
    node = "who"
    while node != CHECK:
        asked.append(node)
        if node not in answers:
            return asked
        node = _next_after(node, answers)
    return [*asked, CHECK]


def _next_after(key: str, a: Answers) -> str:
    """The node after question `key`, given that `key` is answered."""
    concern = a.get("concern")
    if key == "who":
        return "concern"
    if key == "concern":
        if concern == "school-support":
            return "plan"
        if concern == "handling":
            return "talked"
        if concern in ("la-decision", "health-care"):
            return "decision"
        return CHECK  # exclusion: the plan does not depend on anything else
    if key == "plan":
        return "talked"
    if key == "decision":
        return CHECK if a["decision"] == "other" else "decision_date"
    if key == "decision_date":
        # Leaflet: an appeal only about the school or college named needs no mediation certificate.
        return CHECK if a["decision"] == "placement-only" else "mediation"
    if key == "mediation":
        return "certificate_date" if a["mediation"] == "yes" else CHECK
    return CHECK


def next_question(answers: Answers) -> str:
    """The first question that applies and has no answer yet, or CHECK."""
    return path(answers)[-1]


def previous_question(key: str, answers: Answers) -> str | None:
    """The question before `key` on this path (for the Back link), or None for the first."""
    asked = path(answers)
    if key not in asked:
        return None
    index = asked.index(key)
    return asked[index - 1] if index > 0 else None


def relevant(answers: Answers) -> dict[str, object]:
    """Only the answers to questions that apply, in question order: keys that do not apply are
    dropped."""
    return {key: answers[key] for key in path(answers) if key in answers}


def validate_answer(key: str, value: object, answers: Answers, today: date) -> object:
    """Check one answer against its question and the answers before it; return it, or raise
    InvalidAnswer."""
    question = QUESTIONS[key]
    if not question.is_date:
        if value not in question.choices:
            raise InvalidAnswer("choose")
        return value
    if not isinstance(value, date):
        raise InvalidAnswer("invalid")
    if value > today:
        raise InvalidAnswer("future")
    if value < EARLIEST_DECISION:
        raise InvalidAnswer("too-early")
    if key == "certificate_date":
        decision_date = answers.get("decision_date")
        if isinstance(decision_date, date) and value < decision_date:
            raise InvalidAnswer("before-decision")
    return value


def parse_answers(
    query: Mapping[str, str], today: date
) -> tuple[dict[str, object], dict[str, str]]:
    """Read answers from a query string, in question order.

    Returns the valid answers that apply, and the problems: {key: error code} for each answer that
    applies but cannot be used. Unknown keys, and keys of questions that do not apply, are ignored.
    """
    answers: dict[str, object] = {}
    errors: dict[str, str] = {}
    for key in QUESTIONS:
        raw = query.get(key)
        if raw is None or raw == "":
            continue
        value: object = raw
        try:
            if QUESTIONS[key].is_date:
                value = _parse_iso_date(raw)
            answers[key] = validate_answer(key, value, answers, today)
        except InvalidAnswer as problem:
            errors[key] = problem.code
    kept = relevant(answers)
    asked = path(kept)
    return kept, {key: code for key, code in errors.items() if key in asked}


# The one form the URL contract allows. fromisoformat alone would also take 20261002 and the week
# date 2026-W40-1; re.ASCII keeps \d from matching other scripts' digits.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


def _parse_iso_date(raw: str) -> date:
    """A YYYY-MM-DD answer as a date; InvalidAnswer("invalid") for anything else."""
    match = _ISO_DATE.fullmatch(raw)
    if match is None:
        raise InvalidAnswer("invalid")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InvalidAnswer("invalid") from None


def to_query(answers: Answers) -> dict[str, str]:
    """Answers as query-string values: dates as YYYY-MM-DD."""
    return {
        key: value.isoformat() if isinstance(value, date) else str(value)
        for key, value in answers.items()
    }


@dataclass(frozen=True)
class RouteAdvice:
    """A route in the plan, and the reason it fits (the reason's words are a template)."""

    route: str  # Route slug
    reason: str


@dataclass(frozen=True)
class ActionPlan:
    """What the parent or young person can do, in order, and by when."""

    outcome: str  # names the outcome's template
    routes: tuple[RouteAdvice, ...]
    first_steps: tuple[str, ...]
    deadlines: tuple[deadlines.Deadline, ...]
    appealable: bool
    extra_organisations: tuple[str, ...] = ()  # Organisation slugs beyond those of the routes

    @property
    def route_slugs(self) -> list[str]:
        return [advice.route for advice in self.routes]


ISAID = "ealing-isaid"
CORAM = "coram-childrens-legal-centre"


def action_plan(answers: Answers, today: date) -> ActionPlan:
    """The action plan for a complete set of answers (every question on the path answered).

    `today` dates the estimates that count from "if you act today".
    """
    concern = answers["concern"]
    if concern == "school-support":
        return _school_support(answers)
    if concern == "handling":
        return _handling(answers)
    if concern == "exclusion":
        return ActionPlan(
            outcome="exclusion",
            routes=(
                RouteAdvice("talk-to-school", "exclusion-talk"),
                RouteAdvice("complaint", "exclusion-complaint"),
            ),
            first_steps=("exclusion-letter", "keep-notes", "get-advice-exclusion"),
            deadlines=(),
            appealable=False,
            extra_organisations=(CORAM, ISAID),
        )
    return _decision(answers, today)


def _school_support(a: Answers) -> ActionPlan:
    talked = a["talked"] == "yes"
    plan = a["plan"]
    routes = []
    steps = []
    if not talked:
        steps += ["talk-first", "keep-notes", "take-someone"]
        routes.append(RouteAdvice("talk-to-school", "talk-first"))
    else:
        routes.append(RouteAdvice("talk-to-school", "talk-again"))
    if plan == "no":
        steps.append("ask-for-assessment" if talked else "ask-about-assessment")
    elif plan == "yes":
        steps.append("ask-for-review")
    if talked:
        steps += ["keep-notes", "write-complaint"]
    routes.append(RouteAdvice("disagreement-resolution", f"disagreement-{plan}"))
    routes.append(RouteAdvice("complaint", "complaint-if-still-unhappy"))
    return ActionPlan("school-support", tuple(routes), tuple(steps), (), False, (ISAID,))


def _handling(a: Answers) -> ActionPlan:
    routes = []
    steps = []
    if a["talked"] == "no":
        routes.append(RouteAdvice("talk-to-school", "talk-before-complaint"))
        steps.append("talk-first")
    routes.append(RouteAdvice("complaint", "complaint-handling"))
    routes.append(RouteAdvice("disagreement-resolution", "disagreement-alongside"))
    steps += ["write-complaint", "keep-notes"]
    return ActionPlan("handling", tuple(routes), tuple(steps), (), False, (ISAID,))


def _decision(a: Answers, today: date) -> ActionPlan:
    health = a["concern"] == "health-care"
    decision = a["decision"]
    if decision not in APPEALABLE:
        routes = [
            RouteAdvice("disagreement-resolution", "disagreement-not-appealable"),
            RouteAdvice("complaint", "complaint-health" if health else "complaint-not-appealable"),
        ]
        steps = ("ask-for-reasons", "keep-notes")
        return ActionPlan(
            "health-care" if health else "not-appealable", tuple(routes), steps, (), False, (ISAID,)
        )

    decision_date = a["decision_date"]
    certificate_date = a.get("certificate_date")
    appeal = deadlines.appeal_deadline(decision_date, certificate_date)
    found: list[deadlines.Deadline] = []
    routes: list[RouteAdvice] = []
    steps: list[str] = []
    if decision == "placement-only":
        routes.append(RouteAdvice("appeal", "appeal-placement-only"))
        routes.append(RouteAdvice("mediation", "mediation-optional"))
        steps += ["register-appeal", "get-advice-appeal"]
    elif certificate_date is None:
        adviser = deadlines.mediation_adviser_deadline(decision_date)
        found.append(adviser)
        if not adviser.has_passed(today):
            # What to expect if they contact the adviser today (SEND Regulations 2014, regs 33, 36).
            found.append(deadlines.certificate_expected(today))
            found.append(deadlines.mediation_meeting_by(today))
        routes.append(
            RouteAdvice("mediation", "mediation-health" if health else "mediation-advice")
        )
        routes.append(RouteAdvice("appeal", "appeal-after-certificate"))
        steps += ["contact-mediation-adviser", "get-advice-appeal"]
    else:
        routes.append(RouteAdvice("appeal", "appeal-with-certificate"))
        steps += ["register-appeal", "get-advice-appeal"]
    found.append(appeal)
    routes.append(RouteAdvice("disagreement-resolution", "disagreement-alongside-appeal"))
    routes.append(RouteAdvice("complaint", "complaint-health" if health else "complaint-alongside"))
    return ActionPlan(
        outcome="health-care-appeal" if health else "appeal",
        routes=tuple(routes),
        first_steps=tuple(steps),
        deadlines=tuple(sorted(found, key=lambda d: d.due)),
        appealable=True,
        extra_organisations=(ISAID,),
    )


OUTCOMES = (
    "school-support",
    "handling",
    "exclusion",
    "not-appealable",
    "health-care",
    "appeal",
    "health-care-appeal",
)
