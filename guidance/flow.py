"""The "What can I do next?" questionnaire as rules. Plain Python: no Django here.

Answers travel in the query string, keyed by question; each request rebuilds the state by replaying
them from the first question, so Back, bookmarks and Change links just work.

Each question is declared once, below: its key, its allowed answers, the checks an answer must pass,
the nodes it may lead to, and (the function it decorates) which of those it leads to for these
answers. Leading anywhere undeclared raises. The words of each question are in question_words.py,
which fails at import when one is missing; the words of each outcome, reason and first step are
content staff edit (guidance.models.Advice), named by the code this module gives it (advice.py).

The rules come from Ealing ISAID's leaflet "What if I do not agree with decisions about SEN provision?",
the SEND Code of Practice 2015, chapter 11, and the Acts and regulations named beside each rule below
(deadlines.py names those behind each date).
"""

import re
from collections import ChainMap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

from . import deadlines

FIRST = "who"
CHECK = "check"  # the "Check your answers" page, after the last question that applies
EARLIEST_DECISION = date(2014, 9, 1)  # Children and Families Act 2014, Part 3, came into force

Answers = Mapping[str, object]


class InvalidAnswer(ValueError):
    """An answer that cannot be used. `code` names the problem; the form turns it into words."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class UndeclaredNode(LookupError):
    """A question led somewhere it does not declare: a mistake in this module, never the visitor's."""


@dataclass(frozen=True)
class Check:
    """One rule a date answer must meet; `problem` names what is wrong when it does not."""

    problem: str
    holds: Callable[[date, Answers, date], bool]  # (the answer, earlier answers, today)


NOT_IN_THE_FUTURE = Check("future", lambda day, earlier, today: day <= today)
SINCE_THE_2014_ACT = Check("too-early", lambda day, earlier, today: day >= EARLIEST_DECISION)


def not_before(key: str, problem: str) -> Check:
    """The answer is on or after the date answered to question `key` (when there is one)."""

    def holds(day: date, earlier: Answers, today: date) -> bool:
        other = earlier.get(key)
        return not isinstance(other, date) or day >= other

    return Check(problem, holds)


@dataclass(frozen=True)
class Question:
    """One question: its key in the URL, its allowed answers (none for a date), the checks a date
    must pass, the nodes it may lead to, and the rule that picks one of them."""

    key: str
    choices: tuple[str, ...]
    next_nodes: tuple[str, ...]
    next_node: Callable[[Answers], str]
    checks: tuple[Check, ...] = ()
    # Which of the choices earlier answers leave open (all of them when None).
    offered: Callable[[Answers], tuple[str, ...]] | None = None

    @property
    def is_date(self) -> bool:
        return not self.choices

    def choices_for(self, earlier: Answers) -> tuple[str, ...]:
        """The answers this question offers after the earlier answers, in declared order."""
        if self.offered is None:
            return self.choices
        open_ = set(self.offered(earlier))
        return tuple(choice for choice in self.choices if choice in open_)

    @property
    def problems(self) -> tuple[str, ...]:
        """Every problem code this question's answer can have: each needs its words."""
        if not self.is_date:
            return ("choose",)
        return ("invalid", *(check.problem for check in self.checks))

    def check(self, value: object, earlier: Answers, today: date) -> object:
        """The answer, if it passes this question's checks; InvalidAnswer otherwise."""
        if not self.is_date:
            if value not in self.choices_for(earlier):
                raise InvalidAnswer("choose")
            return value
        if not isinstance(value, date):
            raise InvalidAnswer("invalid")
        for rule in self.checks:
            if not rule.holds(value, earlier, today):
                raise InvalidAnswer(rule.problem)
        return value

    def next(self, answers: Answers) -> str:
        """The node after this question, given that it is answered; it must be a declared one."""
        node = self.next_node(answers)
        if node not in self.next_nodes:
            raise UndeclaredNode(f"{self.key} led to {node!r}, not one of {self.next_nodes}")
        return node


QUESTIONS: dict[str, Question] = {}  # in the order they are asked


def question(
    key: str,
    *,
    choices: tuple[str, ...] = (),
    checks: tuple[Check, ...] = (),
    next_nodes: tuple[str, ...],
    offered: Callable[[Answers], tuple[str, ...]] | None = None,
) -> Callable[[Callable[[Answers], str]], Question]:
    """Declare a question; the function it decorates is its next_node rule."""

    def declare(next_node: Callable[[Answers], str]) -> Question:
        QUESTIONS[key] = Question(key, choices, next_nodes, next_node, checks, offered)
        return QUESTIONS[key]

    return declare


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


@question("who", choices=("parent", "young-person"), next_nodes=("concern",))
def _after_who(a: Answers) -> str:
    return "concern"


@question(
    "concern",
    choices=(
        "school-support",
        "plan-not-delivered",
        "la-decision",
        "health-care",
        "handling",
        "exclusion",
        "discrimination",
    ),
    next_nodes=(
        "plan",
        "talked",
        "decision",
        "also_education",
        "exclusion_type",
        "incident_date",
        CHECK,
    ),
)
def _after_concern(a: Answers) -> str:
    return {
        "school-support": "plan",
        "handling": "talked",
        "la-decision": "decision",
        "health-care": "also_education",
        "exclusion": "exclusion_type",
        "discrimination": "incident_date",
    }.get(a["concern"], CHECK)  # plan-not-delivered: the plan depends on nothing else


@question("also_education", choices=("yes", "no"), next_nodes=("decision", CHECK))
def _after_also_education(a: Answers) -> str:
    # Only the education parts of an EHC plan can be appealed (Children and Families Act 2014,
    # s.51(2)); a disagreement about health or social care alone has no appeal.
    return "decision" if a["also_education"] == "yes" else CHECK


@question("exclusion_type", choices=("permanent", "suspension"), next_nodes=("exclusion_date",))
def _after_exclusion_type(a: Answers) -> str:
    return "exclusion_date"


@question(
    "exclusion_date",
    checks=(NOT_IN_THE_FUTURE, SINCE_THE_2014_ACT),
    next_nodes=("governors_decision", CHECK),
)
def _after_exclusion_date(a: Answers) -> str:
    # Only a permanent exclusion can go to an independent review panel (School Discipline (Pupil
    # Exclusions and Reviews) (England) Regulations 2012, regs 7, 16 and 25).
    return "governors_decision" if a["exclusion_type"] == "permanent" else CHECK


@question(
    "governors_decision",
    choices=("yes", "not-yet"),
    next_nodes=("governors_decision_date", CHECK),
)
def _after_governors_decision(a: Answers) -> str:
    return "governors_decision_date" if a["governors_decision"] == "yes" else CHECK


@question(
    "governors_decision_date",
    checks=(
        NOT_IN_THE_FUTURE,
        SINCE_THE_2014_ACT,
        not_before("exclusion_date", "before-exclusion"),
    ),
    next_nodes=(CHECK,),
)
def _after_governors_decision_date(a: Answers) -> str:
    return CHECK


@question(
    "incident_date",
    checks=(NOT_IN_THE_FUTURE, SINCE_THE_2014_ACT),
    next_nodes=(CHECK,),
)
def _after_incident_date(a: Answers) -> str:
    return CHECK


@question("plan", choices=("yes", "no", "assessing"), next_nodes=("council_decision", "talked"))
def _after_plan(a: Answers) -> str:
    # A family with a plan who chose "help at school" may have a council decision behind it that
    # they could appeal, with a time limit (walkthrough part A, persona 4): ask before the school.
    return "council_decision" if a["plan"] == "yes" else "talked"


@question("council_decision", choices=("yes", "no"), next_nodes=("decision", "talked"))
def _after_council_decision(a: Answers) -> str:
    # SEND Code of Practice 11.45: decisions about a plan that can be appealed, in time (the
    # decision and its date are asked as for a council decision, so the deadlines are worked out).
    return "decision" if a["council_decision"] == "yes" else "talked"


@question("talked", choices=("yes", "no"), next_nodes=(CHECK,))
def _after_talked(a: Answers) -> str:
    return CHECK


# Decisions that can only be made before a child has a plan: the refusal to assess (s.36) and the
# refusal to issue a plan after an assessment (s.37). A family who said their child has a plan is
# not offered them (a refusal to re-assess, s.44 and s.51(2)(d), is its own answer).
BEFORE_A_PLAN = ("refuse-assessment", "refuse-plan")


def _decisions_open(a: Answers) -> tuple[str, ...]:
    decisions = (*APPEALABLE, "other")
    # Only the help-at-school path asks about a plan: an old "plan" left in the address from that
    # path does not count on another.
    if a.get("concern") == "school-support" and a.get("plan") == "yes":
        return tuple(d for d in decisions if d not in BEFORE_A_PLAN)
    return decisions


@question(
    "decision",
    choices=(*APPEALABLE, "other"),
    next_nodes=("decision_date", CHECK),
    offered=_decisions_open,
)
def _after_decision(a: Answers) -> str:
    return CHECK if a["decision"] == "other" else "decision_date"


@question(
    "decision_date",
    checks=(NOT_IN_THE_FUTURE, SINCE_THE_2014_ACT),
    next_nodes=("mediation", CHECK),
)
def _after_decision_date(a: Answers) -> str:
    # Leaflet: an appeal only about the school or college named needs no mediation certificate.
    return CHECK if a["decision"] == "placement-only" else "mediation"


@question("mediation", choices=("yes", "no"), next_nodes=("certificate_date", CHECK))
def _after_mediation(a: Answers) -> str:
    return "certificate_date" if a["mediation"] == "yes" else CHECK


@question(
    "certificate_date",
    checks=(
        NOT_IN_THE_FUTURE,
        SINCE_THE_2014_ACT,
        not_before("decision_date", "before-decision"),
    ),
    next_nodes=(CHECK,),
)
def _after_certificate_date(a: Answers) -> str:
    return CHECK


def path(answers: Answers) -> list[str]:
    """The questions that apply to these answers, in order, as far as the answers go.

    The path stops at the first question not yet answered, so its last item is the question to ask
    next, or CHECK when every question that applies has an answer.
    """
    asked: list[str] = []
    node = FIRST
    while node != CHECK:
        asked.append(node)
        if node not in answers:
            return asked
        node = QUESTIONS[node].next(answers)
    return [*asked, CHECK]


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


def later_questions(key: str) -> set[str]:
    """Every question that may come after question `key`, by the declared next nodes."""
    found: set[str] = set()
    waiting = [key]
    while waiting:
        for node in QUESTIONS[waiting.pop()].next_nodes:
            if node != CHECK and node not in found:
                found.add(node)
                waiting.append(node)
    return found


def relevant(answers: Answers) -> dict[str, object]:
    """The answers to questions that apply, in the order asked, and, when a question is still to be
    answered, the answers to questions that may come after it: a Change that opens a new question
    keeps the later answers the path may lead back to. Answers from any other branch are dropped."""
    asked = path(answers)
    kept = {key: answers[key] for key in asked if key in answers}
    if asked[-1] != CHECK:
        later = later_questions(asked[-1])
        kept.update((key, answers[key]) for key in QUESTIONS if key in later and key in answers)
    return kept


def validate_answer(key: str, value: object, answers: Answers, today: date) -> object:
    """Check one answer against its question and the answers before it; return it, or raise
    InvalidAnswer."""
    return QUESTIONS[key].check(value, answers, today)


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


@dataclass(frozen=True)
class Answered:
    """Where a question's answer leads: the answers that now apply (or may yet apply), the later
    answers that apply but no longer pass their checks ({key: problem}), the node to go to, and
    that node's answer as written when it is one of those, so the question shows it with its
    message."""

    answers: dict[str, object]
    problems: dict[str, str]
    next: str
    retry: dict[str, str]


def answer(query: Mapping[str, str], key: str, value: object, today: date) -> Answered:
    """Question `key` answered `value` (a first answer or a Change), with the other answers in
    `query`: every answer is read again in order, so later ones are checked against the new one.

    The next node is the first question on the new path without a usable answer, or CHECK when
    every later answer still applies (GOV.UK smart answers: a Change returns to Check your answers
    unless it opens a new question).
    """
    # The new answer over the old one, read through, never copied: a query may hold a key twice.
    given = ChainMap(to_query({key: value}), query)
    answers, problems = parse_answers(given, today)
    node = next_question(answers)
    return Answered(answers, problems, node, {node: given[node]} if node in problems else {})


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
    """A route in the plan, and the reason it fits (the reason's words are content staff edit)."""

    route: str  # Route slug
    reason: str  # names its words: the Advice of kind 'reason' with this code


@dataclass(frozen=True)
class ActionPlan:
    """What the parent or young person can do, in order, and by when."""

    outcome: str  # one of OUTCOMES; names its words, the Advice of kind 'outcome'
    routes: tuple[RouteAdvice, ...]
    first_steps: tuple[str, ...]
    deadlines: tuple[deadlines.Deadline, ...]
    appealable: bool
    extra_organisations: tuple[str, ...] = ()  # Organisation slugs beyond those of the routes
    # Things to know for these answers (whose rights these are, what the Tribunal can recommend):
    # each names its words, guidance/notes/<note>.html.
    notes: tuple[str, ...] = ()

    def __post_init__(self):
        if self.outcome not in OUTCOMES:
            raise UndeclaredNode(f"the plan's outcome {self.outcome!r} is not one of OUTCOMES")

    @property
    def route_slugs(self) -> list[str]:
        return [advice.route for advice in self.routes]


ISAID = "ealing-isaid"
CORAM = "coram-childrens-legal-centre"
IPSEA = "ipsea"
TRIBUNAL = "first-tier-tribunal-send"
LGSCO = "local-government-and-social-care-ombudsman"
NHS_BODY = "nhs-north-west-london-icb"
# The council's SEN team acts on a plan: reviews, and the help in it (CFA 2014 s.42).
SEN_TEAM = "ealing-council-sen-team"
# Every organisation a plan names by slug: staff cannot change these slugs (routes/admin.py).
NAMED_ORGANISATIONS = frozenset({ISAID, CORAM, IPSEA, TRIBUNAL, LGSCO, NHS_BODY, SEN_TEAM})


def action_plan(answers: Answers, today: date) -> ActionPlan:
    """The action plan for a complete set of answers (every question on the path answered).

    `today` dates the estimates that count from "if you act today".
    """
    plan = _PLANS[answers["concern"]](answers, today)
    return replace(plan, notes=(*plan.notes, *_rights_notes(answers)))


# The letter (letters app, by its fixed slug) that does each first step a plan gives, so the plan
# can link to it filled in with what the answers already say.
LETTER_FOR_STEP = {
    "talk-first": "ask-school-for-meeting",
    "ask-about-assessment": "ask-for-ehc-needs-assessment",
    "ask-for-assessment": "ask-for-ehc-needs-assessment",  # CFA 2014 s.36(1): a parent may ask
    "write-to-sen-team": "help-in-plan-not-given",  # CFA 2014 s.42(2): the council must secure it
    "check-council-deadlines": "chase-late-decision",
    "ask-for-reasons": "ask-council-to-explain-decision",
    "contact-mediation-adviser": "tell-mediation-adviser",  # CFA 2014 s.55; SEND Regs reg 33
    "apply-review-panel": "exclusion-independent-review",  # 2012 Regulations, Sch 1 para 2
}
# A complaint goes to whoever the plan is about: the council for its own handling of a case,
# the school otherwise.
COMPLAINT_LETTER = {"handling": "complaint-to-council"}


def letters_for(plan: ActionPlan) -> tuple[str, ...]:
    """The letters that do this plan's first steps, in the plan's order, each once."""
    found = [
        COMPLAINT_LETTER.get(plan.outcome, "complaint-to-school")
        if step == "write-complaint"
        else LETTER_FOR_STEP.get(step)
        for step in plan.first_steps
    ]
    return tuple(dict.fromkeys(letter for letter in found if letter))


def _rights_notes(a: Answers) -> tuple[str, ...]:
    """Whose rights these are. From the end of compulsory school age (the last Friday in June of
    the school year in which the child turns 16: Education Act 1996, s.8) the rights to ask for an
    assessment, to mediation and to appeal are the young person's own (Children and Families Act
    2014, ss.51 and 83(2)); a parent acts for a young person who lacks the mental capacity to
    decide (Children and Families Act 2014, s.80; Mental Capacity Act 2005; SEND Regulations 2014,
    Part 6). An exclusion's "relevant person" is the parent, or the pupil once 18 (School Discipline
    (Pupil Exclusions and Reviews) (England) Regulations 2012, reg 2)."""
    if a["concern"] == "exclusion":
        return ("exclusion-over-18",)
    if a["concern"] == "discrimination":
        # Sch 17 para 3 as enacted: the claim is the parent's. Whether a pupil over compulsory
        # school age may now claim in their own name is not confirmed here: the note says ask.
        return ("who-makes-the-claim",)
    return ("young-person-rights",) if a["who"] == "young-person" else ("parent-of-young-person",)


def _school_support(a: Answers, today: date) -> ActionPlan:
    if a.get("council_decision") == "yes":
        # The council's decision, with its appeal and deadlines, comes before the school.
        return _decision(a, today)
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
    # SEND Regulations 2014, regs 5 and 13: the decision whether to assess, the draft plan's
    # 15 days (the parent's one chance to ask for a school before the plan is final) and 20 weeks.
    notes = ("assessment-timescales",) if plan == "assessing" else ()
    helpers = (ISAID,) if plan == "no" else (ISAID, SEN_TEAM)
    return ActionPlan("school-support", tuple(routes), tuple(steps), (), False, helpers, notes)


def _plan_not_delivered(a: Answers, today: date) -> ActionPlan:
    # The council must secure the special educational provision in an EHC plan, even at school
    # (Children and Families Act 2014, s.42(2)): a duty it cannot hand to the school. Not a
    # decision the Tribunal hears (s.51(2)); the Ombudsman can look at it (Local Government Act
    # 1974, s.26), and a court can order it on judicial review.
    return ActionPlan(
        outcome="plan-not-delivered",
        routes=(
            RouteAdvice("complaint", "complaint-plan-not-delivered"),
            RouteAdvice("disagreement-resolution", "disagreement-yes"),
        ),
        first_steps=("write-to-sen-team", "keep-notes", "legal-advice-judicial-review"),
        deadlines=(),
        appealable=False,
        extra_organisations=(ISAID, SEN_TEAM, IPSEA, LGSCO),
    )


def _handling(a: Answers, today: date) -> ActionPlan:
    routes = []
    steps = []
    if a["talked"] == "no":
        routes.append(RouteAdvice("talk-to-school", "talk-before-complaint"))
        steps.append("talk-first")
    routes.append(RouteAdvice("complaint", "complaint-handling"))
    routes.append(RouteAdvice("disagreement-resolution", "disagreement-alongside"))
    steps += ["write-complaint", "keep-notes"]
    return ActionPlan("handling", tuple(routes), tuple(steps), (), False, (ISAID,))


def _exclusion(a: Answers, today: date) -> ActionPlan:
    # A claim that an exclusion (permanent or not) discriminates because of disability goes to
    # the First-tier Tribunal in England (Equality Act 2010, Sch 17 para 3; para 14, which sent
    # exclusion claims to appeal panels, applies only in Wales since 1 September 2012), within 6
    # months starting with the exclusion. Counting from the exclusion's date is the safe reading.
    claim = deadlines.discrimination_claim_deadline(a["exclusion_date"], deadlines.Basis.EXCLUSION)
    routes = (
        RouteAdvice("talk-to-school", "exclusion-talk"),
        RouteAdvice("appeal", "discrimination-claim-exclusion"),
        RouteAdvice("complaint", "exclusion-complaint"),
    )
    organisations = (CORAM, ISAID, IPSEA, TRIBUNAL)
    # The governors (an academy's proprietor) must consider reinstatement of a permanently
    # excluded pupil, or one suspended for over 15 school days in a term or missing a public exam,
    # and of one suspended for over 5 days if the parent makes representations (2012 Regulations,
    # regs 6 and 24(1)); the 15 school days they have for it is confirmed here only by council
    # guidance (Southampton), not the regulation's text. Education from the sixth school day (the
    # school for a suspension, the council for a permanent exclusion) is from the audit's
    # secondary source: due for review against the Education and Inspections Act 2006 s.100 and
    # the Education Act 1996 s.19.
    if a["exclusion_type"] == "suspension":
        return ActionPlan(
            "suspension",
            routes,
            ("suspension-governors", "education-from-day-6", "get-advice-exclusion", "keep-notes"),
            (claim,),
            False,
            organisations,
        )
    if a["governors_decision"] == "not-yet":
        return ActionPlan(
            "permanent-exclusion",
            routes,
            ("governors-meeting", "education-from-day-6", "get-advice-exclusion", "keep-notes"),
            (claim,),
            False,
            organisations,
        )
    panel = deadlines.review_panel_deadline(a["governors_decision_date"])
    return ActionPlan(
        "review-panel",
        routes,
        ("apply-review-panel", "get-advice-exclusion", "keep-notes"),
        tuple(sorted((panel, claim), key=lambda d: d.due)),
        False,
        organisations,
    )


def _discrimination(a: Answers, today: date) -> ActionPlan:
    # Equality Act 2010, s.85 and Sch 17 paras 3 and 4: a claim to the First-tier Tribunal about a
    # school, within 6 months starting with what happened; no mediation certificate is needed (the
    # certificate rule, Children and Families Act 2014 s.55, is for appeals under s.51 only).
    return ActionPlan(
        outcome="discrimination",
        routes=(
            RouteAdvice("talk-to-school", "discrimination-talk"),
            RouteAdvice("appeal", "discrimination-claim"),
            RouteAdvice("complaint", "discrimination-complaint"),
        ),
        first_steps=(
            "write-down-discrimination",
            "ask-school-to-put-right",
            "get-advice-discrimination",
        ),
        deadlines=(deadlines.discrimination_claim_deadline(a["incident_date"]),),
        appealable=False,
        extra_organisations=(ISAID, IPSEA, TRIBUNAL),
    )


def _health_care(a: Answers, today: date) -> ActionPlan:
    if a["also_education"] == "yes":
        return _decision(a, today)
    # Health or social care alone: no appeal (Children and Families Act 2014, s.51(2) lists only
    # education matters, and the Tribunal's recommendations need an education appeal: SEND
    # (First-tier Tribunal Recommendations Power) Regulations 2017). Mediation about health and
    # social care issues is open (s.52), and the NHS and council complaints procedures.
    return ActionPlan(
        outcome="health-care-only",
        routes=(
            RouteAdvice("mediation", "mediation-health-only"),
            RouteAdvice("complaint", "complaint-health"),
            RouteAdvice("disagreement-resolution", "disagreement-health"),
        ),
        first_steps=("ask-health-or-care-for-reasons", "keep-notes"),
        deadlines=(),
        appealable=False,
        extra_organisations=(ISAID, NHS_BODY),
    )


def _decision(a: Answers, today: date) -> ActionPlan:
    health = a["concern"] == "health-care"
    decision = a["decision"]
    if decision not in APPEALABLE:
        routes = [
            RouteAdvice("disagreement-resolution", "disagreement-not-appealable"),
            RouteAdvice("complaint", "complaint-health" if health else "complaint-not-appealable"),
        ]
        steps: tuple[str, ...] = ("ask-for-reasons", "keep-notes")
        if decision == "other":
            # "Something else, or no decision yet", for example a time limit the council missed
            # (SEND Regulations 2014 regs 5, 10, 13, 18, 20 and 22): its dates, and a letter to chase.
            steps = ("check-council-deadlines", *steps)
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
            # What to expect if they contact the adviser today (SEND Regulations 2014, reg 34,
            # and Part 2, 'Mediation', for the 30 days).
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
    notes: tuple[str, ...] = ()
    if decision == "cease-plan":
        # A decision to cease does not take effect while an appeal can be made or is being heard
        # (IPSEA, "Appeals against decisions to cease to maintain an EHC plan"; Essex SENDIASS);
        # the section of the Children and Families Act 2014 could not be confirmed here.
        notes += ("plan-stays-while-you-appeal",)
    if health:
        # SEND (First-tier Tribunal Recommendations Power) Regulations 2017: non-binding
        # recommendations on health and social care in appeals under s.51(2)(b) to (f), so never
        # on a refusal to assess (s.51(2)(a)).
        refused = decision == "refuse-assessment"
        notes += ("no-recommendations-refusal" if refused else "health-recommendations",)
    return ActionPlan(
        outcome="health-care-appeal" if health else "appeal",
        routes=tuple(routes),
        first_steps=tuple(steps),
        deadlines=tuple(sorted(found, key=lambda d: d.due)),
        appealable=True,
        extra_organisations=(ISAID,),
        notes=notes,
    )


_PLANS: dict[str, Callable[[Answers, date], ActionPlan]] = {
    "school-support": _school_support,
    "plan-not-delivered": _plan_not_delivered,
    "la-decision": _decision,
    "health-care": _health_care,
    "handling": _handling,
    "exclusion": _exclusion,
    "discrimination": _discrimination,
}

OUTCOMES = (
    "school-support",
    "plan-not-delivered",
    "handling",
    "permanent-exclusion",
    "review-panel",
    "suspension",
    "discrimination",
    "not-appealable",
    "health-care-only",
    "health-care",
    "appeal",
    "health-care-appeal",
)


@dataclass(frozen=True)
class Node:
    """One node of the declared questionnaire, for drawing it: a question, the check page, or an
    outcome. `answers` are a choice question's allowed answers; `next_nodes` where it may lead."""

    key: str
    kind: str  # "choice", "date", "check" or "outcome"
    answers: tuple[str, ...] = ()
    next_nodes: tuple[str, ...] = ()


def graph() -> tuple[Node, ...]:
    """The questionnaire as declared, from the first question to the outcomes: every question with
    its answers and the nodes it may lead to, then the check page, which leads to a plan with one
    of the outcomes."""
    questions = [
        Node(q.key, "date" if q.is_date else "choice", q.choices, q.next_nodes)
        for q in QUESTIONS.values()
    ]
    return (
        *questions,
        Node(CHECK, "check", next_nodes=OUTCOMES),
        *(Node(outcome, "outcome") for outcome in OUTCOMES),
    )


def every_path(dates: Mapping[str, date]) -> Iterator[dict[str, object]]:
    """Every complete set of answers, in question order: every answer of each choice question that
    applies, and dates[key] for each date question. Routing never depends on a date's value, so
    one date a question is every path."""

    def walk(answers: dict[str, object]) -> Iterator[dict[str, object]]:
        node = next_question(answers)
        if node == CHECK:
            yield answers
            return
        question = QUESTIONS[node]
        for value in question.choices_for(answers) or (dates[node],):
            yield from walk({**answers, node: value})

    return walk({})


def check_declarations() -> None:
    """Every declared next node is a question or the check page (at import, so never on a page)."""
    for q in QUESTIONS.values():
        unknown = [node for node in q.next_nodes if node != CHECK and node not in QUESTIONS]
        if unknown:
            raise UndeclaredNode(f"{q.key} may lead to {unknown}, which are not questions")


check_declarations()
