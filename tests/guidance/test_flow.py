"""The questionnaire's rules: which question comes next, and what the plan says."""

import itertools
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from guidance import deadlines, flow
from guidance.deadlines import Moved
from tests.clock import TODAY


@pytest.mark.parametrize(
    ("answers", "expected_next"),
    [
        pytest.param({}, "who", id="start with who is asking"),
        pytest.param({"who": "parent"}, "concern", id="then the concern"),
        pytest.param(
            {"who": "parent", "concern": "school-support"}, "plan", id="school help: plan?"
        ),
        pytest.param(
            {"who": "parent", "concern": "school-support", "plan": "no"},
            "talked",
            id="school help: talked to school?",
        ),
        pytest.param(
            {"who": "parent", "concern": "school-support", "plan": "assessing"},
            "talked",
            id="school help, being assessed: talked to school?",
        ),
        pytest.param(
            {"who": "parent", "concern": "school-support", "plan": "yes"},
            "council_decision",
            id="school help with a plan: a council decision they could appeal? (walkthrough P4)",
        ),
        pytest.param(
            {"who": "parent", "concern": "school-support", "plan": "yes", "council_decision": "no"},
            "talked",
            id="school help with a plan, no council decision: talked to school?",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "school-support",
                "plan": "yes",
                "council_decision": "yes",
            },
            "decision",
            id="school help with a plan, a council decision: what it decided (Code 11.45)",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "school-support",
                "plan": "yes",
                "council_decision": "yes",
                "decision": "plan-contents",
            },
            "decision_date",
            id="school help with a plan, an appealable decision: the letter's date",
        ),
        pytest.param({"who": "parent", "concern": "handling"}, "talked", id="handling: talked?"),
        pytest.param(
            {"who": "parent", "concern": "exclusion"}, "exclusion_type", id="exclusion: which kind"
        ),
        pytest.param(
            {"who": "parent", "concern": "exclusion", "exclusion_type": "suspension"},
            "exclusion_date",
            id="exclusion: its date",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "suspension",
                "exclusion_date": date(2026, 11, 2),
            },
            flow.CHECK,
            id="suspension: no review panel (2012 Regulations, regs 7, 16, 25), so no more",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "permanent",
                "exclusion_date": date(2026, 11, 2),
            },
            "governors_decision",
            id="permanent exclusion: have the governors decided?",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "permanent",
                "exclusion_date": date(2026, 11, 2),
                "governors_decision": "not-yet",
            },
            flow.CHECK,
            id="governors not decided yet: done",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "permanent",
                "exclusion_date": date(2026, 11, 2),
                "governors_decision": "yes",
            },
            "governors_decision_date",
            id="governors decided: the date of their letter (Sch 1 para 2(1) counts from it)",
        ),
        pytest.param(
            {"who": "parent", "concern": "discrimination"},
            "incident_date",
            id="discrimination: when it happened (Sch 17 para 4 counts from it)",
        ),
        pytest.param(
            {"who": "parent", "concern": "discrimination", "incident_date": date(2026, 9, 14)},
            flow.CHECK,
            id="discrimination: done",
        ),
        pytest.param(
            {"who": "parent", "concern": "plan-not-delivered"},
            flow.CHECK,
            id="help in the plan not given: no questions, the duty is the council's",
        ),
        pytest.param(
            {"who": "parent", "concern": "health-care"},
            "also_education",
            id="health: is education part of it?",
        ),
        pytest.param(
            {"who": "parent", "concern": "health-care", "also_education": "no"},
            flow.CHECK,
            id="health only: no appeal, so no decision asked",
        ),
        pytest.param(
            {"who": "parent", "concern": "la-decision"}, "decision", id="council decision"
        ),
        pytest.param(
            {"who": "parent", "concern": "health-care", "also_education": "yes"},
            "decision",
            id="health with education: the council's decision",
        ),
        pytest.param(
            {"who": "parent", "concern": "la-decision", "decision": "other"},
            flow.CHECK,
            id="not appealable: no dates",
        ),
        pytest.param(
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            "decision_date",
            id="appealable: decision date",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": date(2026, 10, 1),
            },
            "mediation",
            id="appealable: mediation certificate?",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "placement-only",
                "decision_date": date(2026, 10, 1),
            },
            flow.CHECK,
            id="placement-only appeal needs no mediation certificate",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": date(2026, 10, 1),
                "mediation": "yes",
            },
            "certificate_date",
            id="certificate held: its date",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": date(2026, 10, 1),
                "mediation": "no",
            },
            flow.CHECK,
            id="no certificate yet: done",
        ),
    ],
)
def test_next_question(answers, expected_next):
    assert flow.next_question(answers) == expected_next


# Routing reads no date's value, so one date for each date question walks every path.
DATES = {
    "decision_date": date(2026, 10, 1),
    "certificate_date": date(2026, 11, 2),
    "exclusion_date": date(2026, 11, 2),
    "governors_decision_date": date(2026, 11, 16),
    "incident_date": date(2026, 9, 14),
}
ALL_ANSWERS = list(flow.every_path(DATES))


def test_the_walk_gives_every_answer_of_every_question_and_only_complete_answer_sets():
    for answers in ALL_ANSWERS:
        assert flow.next_question(answers) == flow.CHECK, answers
        assert list(answers) == flow.path(answers)[:-1], "in the order asked"
    for key, question in flow.QUESTIONS.items():
        given = {answers[key] for answers in ALL_ANSWERS if key in answers}
        assert given == set(question.choices or (DATES[key],)), key
    distinct = {tuple(answers.items()) for answers in ALL_ANSWERS}
    assert len(distinct) == len(ALL_ANSWERS)


def test_every_step_of_every_path_lands_on_a_declared_node():
    for answers in ALL_ANSWERS:
        steps = flow.path(answers)
        assert steps[0] == flow.FIRST
        for here, there in itertools.pairwise(steps):
            assert there in flow.QUESTIONS[here].next_nodes, (here, there)
    for question in flow.QUESTIONS.values():
        assert question.next_nodes, question.key


def test_every_question_and_declared_next_node_is_reachable():
    reached_nodes = {node for answers in ALL_ANSWERS for node in flow.path(answers)}
    assert reached_nodes == {*flow.QUESTIONS, flow.CHECK}
    edges = {pair for answers in ALL_ANSWERS for pair in itertools.pairwise(flow.path(answers))}
    declared = {(q.key, n) for q in flow.QUESTIONS.values() for n in q.next_nodes}
    assert edges == declared


def test_a_question_that_leads_somewhere_undeclared_raises(monkeypatch):
    concern = flow.QUESTIONS["concern"]
    astray = replace(concern, next_node=lambda answers: "certificate_date")
    monkeypatch.setitem(flow.QUESTIONS, "concern", astray)
    with pytest.raises(flow.UndeclaredNode, match="concern led to 'certificate_date'"):
        flow.next_question({"who": "parent", "concern": "exclusion"})


def test_a_declared_next_node_that_is_no_question_fails_the_declarations(monkeypatch):
    nowhere = replace(flow.QUESTIONS["talked"], next_nodes=("nowhere", flow.CHECK))
    monkeypatch.setitem(flow.QUESTIONS, "talked", nowhere)
    with pytest.raises(flow.UndeclaredNode, match="nowhere"):
        flow.check_declarations()


def test_a_plan_with_an_undeclared_outcome_raises():
    with pytest.raises(flow.UndeclaredNode, match="hope"):
        flow.ActionPlan("hope", (), (), (), False)


def test_every_outcome_is_reachable_and_no_other():
    outcomes = {flow.action_plan(answers, TODAY).outcome for answers in ALL_ANSWERS}
    assert outcomes == set(flow.OUTCOMES)


def test_the_declared_graph_is_the_questionnaire_as_it_runs():
    nodes = flow.graph()
    keys = [node.key for node in nodes]
    assert keys == [*flow.QUESTIONS, flow.CHECK, *flow.OUTCOMES]
    kinds = {node.key: node.kind for node in nodes}
    assert kinds["who"] == "choice" and kinds["decision_date"] == "date"
    assert kinds[flow.CHECK] == "check" and kinds["appeal"] == "outcome"
    for node in nodes:
        if node.key in flow.QUESTIONS:
            assert node.answers == flow.QUESTIONS[node.key].choices, node.key
    # Drawn: every declared edge, and the check page to each outcome. Walked: every step taken.
    drawn = {(node.key, there) for node in nodes for there in node.next_nodes}
    walked = {pair for answers in ALL_ANSWERS for pair in itertools.pairwise(flow.path(answers))}
    walked |= {(flow.CHECK, flow.action_plan(answers, TODAY).outcome) for answers in ALL_ANSWERS}
    assert drawn == walked


def test_the_readme_lists_every_question_s_key_and_answers_the_public_url_contract():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    table = readme.split("## The questionnaire's URL")[1].split("\n## ")[0]
    listed = {}
    for keys, values in re.findall(r"^\| (`.+?) \| (.+?) \|$", table, re.MULTILINE):
        for key in re.findall(r"`([^`]+)`", keys):
            listed[key] = tuple(re.findall(r"`([^`]+)`", values))
    assert listed == {q.key: q.choices or ("YYYY-MM-DD",) for q in flow.QUESTIONS.values()}


def test_every_concern_and_decision_gives_a_plan_with_routes_and_isaid():
    seen = set()
    for answers in ALL_ANSWERS:
        plan = flow.action_plan(answers, TODAY)
        seen.add((answers["concern"], answers.get("decision")))
        assert plan.routes, answers
        assert plan.first_steps, answers
        assert flow.ISAID in plan.extra_organisations, answers
        assert set(plan.route_slugs) <= {
            "talk-to-school",
            "complaint",
            "disagreement-resolution",
            "mediation",
            "appeal",
        }
    concerns = flow.QUESTIONS["concern"].choices
    decisions = flow.QUESTIONS["decision"].choices
    assert {c for c, _ in seen} == set(concerns)
    assert {d for c, d in seen if c == "la-decision"} == set(decisions)


def _plan(**answers):
    base = {"who": "parent"}
    return flow.action_plan({**base, **answers}, TODAY)


@pytest.mark.parametrize("decision", sorted(flow.APPEALABLE))
def test_appealable_decisions_under_code_11_45_lead_to_an_appeal(decision):
    plan = _plan(
        concern="la-decision", decision=decision, decision_date=date(2026, 10, 1), mediation="no"
    )
    assert plan.appealable
    assert "appeal" in plan.route_slugs
    assert [d.key for d in plan.deadlines if d.key == "appeal"] == ["appeal"]


def test_other_decisions_are_not_appealable_complaint_and_disagreement_resolution_instead():
    plan = _plan(concern="la-decision", decision="other")
    assert not plan.appealable
    assert plan.route_slugs == ["disagreement-resolution", "complaint"]
    assert plan.deadlines == ()


def test_appeal_needs_mediation_advice_first_and_its_two_month_deadline():
    plan = _plan(
        concern="la-decision",
        decision="refuse-assessment",
        decision_date=date(2026, 10, 2),
        mediation="no",
    )
    assert plan.route_slugs.index("mediation") < plan.route_slugs.index("appeal")
    keys = {d.key: d.due for d in plan.deadlines}
    assert keys["mediation-adviser"] == date(2026, 12, 2)
    assert keys["appeal"] == date(2026, 12, 2)
    assert keys["certificate"] == date(2026, 12, 2)  # 3 working days from Saturday 28 November
    assert keys["mediation-meeting"] == date(2026, 12, 28)
    assert plan.first_steps[0] == "contact-mediation-adviser"


def test_placement_only_appeal_goes_straight_to_the_tribunal_mediation_optional():
    plan = _plan(concern="la-decision", decision="placement-only", decision_date=date(2026, 10, 2))
    assert plan.route_slugs[0] == "appeal"
    assert plan.routes[1].reason == "mediation-optional"
    assert [d.key for d in plan.deadlines] == ["appeal"]


def test_with_a_certificate_the_appeal_deadline_is_the_later_of_the_two():
    plan = _plan(
        concern="la-decision",
        decision="cease-plan",
        decision_date=date(2026, 9, 1),
        mediation="yes",
        certificate_date=date(2026, 10, 20),
    )
    (appeal,) = plan.deadlines
    assert appeal.due == date(2026, 11, 20)
    assert appeal.counted_from == date(2026, 10, 20)
    assert plan.route_slugs[0] == "appeal"


def test_a_passed_mediation_deadline_gives_no_if_you_act_today_estimates():
    plan = _plan(
        concern="la-decision",
        decision="refuse-plan",
        decision_date=date(2026, 6, 1),
        mediation="no",
    )
    assert [d.key for d in plan.deadlines] == ["mediation-adviser", "appeal"]
    appeal = plan.deadlines[1]
    assert appeal.has_passed(TODAY)
    assert appeal.moved == (Moved.AUGUST,)  # 1 August 2026 is in August: 1 September 2026


@pytest.mark.parametrize(
    ("plan_answer", "talked", "first_route_reason", "assessment_step"),
    [
        pytest.param("no", "no", "talk-first", "ask-about-assessment", id="no plan, not talked"),
        pytest.param(
            "no",
            "yes",
            "talk-again",
            "ask-for-assessment",
            id="no plan, talked: ask the council for an EHC needs assessment",
        ),
        pytest.param("yes", "yes", "talk-again", "ask-for-review", id="plan: ask for a review"),
        pytest.param("assessing", "no", "talk-first", None, id="being assessed"),
    ],
)
def test_help_at_school_starts_by_talking_to_the_school(
    plan_answer, talked, first_route_reason, assessment_step
):
    # With a plan, only when the council has made no decision they disagree with (below).
    decided = {"council_decision": "no"} if plan_answer == "yes" else {}
    plan = _plan(concern="school-support", plan=plan_answer, talked=talked, **decided)
    assert plan.routes[0].route == "talk-to-school"
    assert plan.routes[0].reason == first_route_reason
    assert "complaint" in plan.route_slugs
    assert "disagreement-resolution" in plan.route_slugs
    if assessment_step:
        assert assessment_step in plan.first_steps
    if talked == "no":
        assert {"keep-notes", "take-someone"} <= set(plan.first_steps)


def test_handling_makes_complaint_the_main_route():
    talked = _plan(concern="handling", talked="yes")
    assert talked.route_slugs[0] == "complaint"
    assert "write-complaint" in talked.first_steps
    not_talked = _plan(concern="handling", talked="no")
    assert not_talked.route_slugs[:2] == ["talk-to-school", "complaint"]


def test_health_care_with_education_can_be_appealed_and_health_alone_cannot():
    # Children and Families Act 2014, s.51(2): only education matters are appealable.
    alone = _plan(concern="health-care", also_education="no")
    assert alone.outcome == "health-care-only"
    assert not alone.appealable and alone.deadlines == ()
    assert "appeal" not in alone.route_slugs
    assert alone.routes[0] == flow.RouteAdvice("mediation", "mediation-health-only")
    assert flow.NHS_BODY in alone.extra_organisations
    other = _plan(concern="health-care", also_education="yes", decision="other")
    assert other.outcome == "health-care"
    assert other.route_slugs == ["disagreement-resolution", "complaint"]
    assert other.routes[1].reason == "complaint-health"
    plan_decision = _plan(
        concern="health-care",
        also_education="yes",
        decision="plan-contents",
        decision_date=date(2026, 10, 1),
        mediation="no",
    )
    assert plan_decision.outcome == "health-care-appeal"
    assert plan_decision.routes[0].reason == "mediation-health"


@pytest.mark.parametrize(
    ("decision", "note"),
    [
        pytest.param(
            "refuse-assessment",
            "no-recommendations-refusal",
            id="Recommendations Power Regs 2017: none on a refusal to assess (s.51(2)(a))",
        ),
        *(
            pytest.param(
                decision,
                "health-recommendations",
                id=f"Recommendations Power Regs 2017: non-binding, {decision} (s.51(2)(b)-(f))",
            )
            for decision in flow.APPEALABLE
            if decision != "refuse-assessment"
        ),
    ],
)
def test_tribunal_recommendations_on_health_and_social_care(decision, note):
    answers = {"concern": "health-care", "also_education": "yes", "decision": decision}
    plan = _plan(**answers, decision_date=date(2026, 10, 1), mediation="no")
    assert note in plan.notes
    # Never on a council-decision plan without a health or social care disagreement.
    la = _plan(
        concern="la-decision", decision=decision, decision_date=date(2026, 10, 1), mediation="no"
    )
    assert not {"health-recommendations", "no-recommendations-refusal"} & set(la.notes)


EXCLUSION_PLANS = [
    pytest.param(
        {"exclusion_type": "suspension", "exclusion_date": date(2026, 11, 2)},
        "suspension",
        "suspension-governors",
        ["discrimination-claim"],
        id="suspension: governors' duty (2012 Regs reg 6/24) and the Sch 17 claim",
    ),
    pytest.param(
        {
            "exclusion_type": "permanent",
            "exclusion_date": date(2026, 11, 2),
            "governors_decision": "not-yet",
        },
        "permanent-exclusion",
        "governors-meeting",
        ["discrimination-claim"],
        id="permanent, governors not met: they must consider reinstatement (reg 6/24)",
    ),
    pytest.param(
        {
            "exclusion_type": "permanent",
            "exclusion_date": date(2026, 11, 2),
            "governors_decision": "yes",
            "governors_decision_date": date(2026, 11, 16),
        },
        "review-panel",
        "apply-review-panel",
        ["review-panel", "discrimination-claim"],
        id="permanent, governors upheld: review panel and SEN expert (Sch 1 para 2(1))",
    ),
]


@pytest.mark.parametrize(("answers", "outcome", "first_step", "deadline_keys"), EXCLUSION_PLANS)
def test_exclusion_plans(answers, outcome, first_step, deadline_keys):
    plan = _plan(concern="exclusion", **answers)
    assert plan.outcome == outcome
    assert plan.first_steps[0] == first_step
    assert [d.key for d in plan.deadlines] == deadline_keys
    assert {flow.CORAM, flow.ISAID, flow.TRIBUNAL} <= set(plan.extra_organisations)
    assert plan.routes[1] == flow.RouteAdvice("appeal", "discrimination-claim-exclusion")
    assert "get-advice-exclusion" in plan.first_steps
    claim = next(d for d in plan.deadlines if d.key == "discrimination-claim")
    # Equality Act 2010, Sch 17 para 4(1): 6 months starting with 2 November 2026.
    assert claim.due == date(2027, 5, 1)
    assert claim.basis is deadlines.Basis.EXCLUSION


def test_review_panel_date_is_15_weekdays_not_bank_holidays_after_the_governors_letter():
    plan = _plan(
        concern="exclusion",
        exclusion_type="permanent",
        exclusion_date=date(2026, 11, 2),
        governors_decision="yes",
        governors_decision_date=date(2026, 12, 14),
    )
    panel = plan.deadlines[0]
    # Monday 14 December 2026: 15 weekdays after, skipping 25 and 28 December and 1 January 2027.
    assert (panel.key, panel.due) == ("review-panel", date(2027, 1, 7))
    assert panel.counted_from == date(2026, 12, 14)


def test_discrimination_claim_6_months_starting_with_what_happened_no_certificate():
    plan = _plan(concern="discrimination", incident_date=date(2026, 9, 14))
    assert plan.outcome == "discrimination"
    (claim,) = plan.deadlines
    # Equality Act 2010, Sch 17 para 4(1): 14 September 2026 to 13 March 2027 (a Saturday, not
    # moved; act by Friday 12 March).
    assert claim.due == date(2027, 3, 13)
    assert claim.moved == ()
    assert claim.act_by == date(2027, 3, 12)
    assert "mediation" not in plan.route_slugs
    assert plan.routes[1] == flow.RouteAdvice("appeal", "discrimination-claim")
    assert not plan.appealable  # not an appeal under s.51: a claim


def test_help_in_the_plan_not_given_is_the_council_s_duty_with_complaint_ombudsman_and_jr():
    # Children and Families Act 2014, s.42: audit finding 9.
    plan = _plan(concern="plan-not-delivered")
    assert plan.outcome == "plan-not-delivered"
    assert plan.first_steps == ("write-to-sen-team", "keep-notes", "legal-advice-judicial-review")
    assert plan.routes[0] == flow.RouteAdvice("complaint", "complaint-plan-not-delivered")
    assert flow.LGSCO in plan.extra_organisations
    assert flow.SEN_TEAM in plan.extra_organisations  # the first step writes to them
    assert plan.deadlines == ()


@pytest.mark.parametrize("decision", flow.QUESTIONS["decision"].choices)
def test_a_family_with_a_plan_and_a_council_decision_gets_the_council_decision_plan(decision):
    # Walkthrough P4: a parent with a plan who chose "help at school" never heard of appeals.
    dates = {"decision_date": date(2026, 10, 2), "mediation": "no"}
    dates = dates if decision in flow.APPEALABLE else {}
    via_school = _plan(
        concern="school-support", plan="yes", council_decision="yes", decision=decision, **dates
    )
    via_council = _plan(concern="la-decision", decision=decision, **dates)
    assert via_school == via_council
    assert via_school.appealable is (decision in flow.APPEALABLE)


def test_a_family_with_a_plan_and_no_council_decision_stays_with_the_school():
    plan = _plan(concern="school-support", plan="yes", council_decision="no", talked="yes")
    assert plan.outcome == "school-support"
    assert plan.routes[0] == flow.RouteAdvice("talk-to-school", "talk-again")
    assert "ask-for-review" in plan.first_steps
    assert not plan.appealable and plan.deadlines == ()


def test_an_appealable_decision_behind_help_at_school_gives_the_appeal_deadlines():
    plan = _plan(
        concern="school-support",
        plan="yes",
        council_decision="yes",
        decision="cease-plan",
        decision_date=date(2026, 10, 2),
        mediation="no",
    )
    assert plan.outcome == "appeal"
    due = {d.key: d.due for d in plan.deadlines}
    # HESC Rules 2008, rule 20(1)(c)(i): 2 months from 2 October 2026; the adviser likewise.
    assert due["appeal"] == date(2026, 12, 2)
    assert due["mediation-adviser"] == date(2026, 12, 2)
    assert "plan-stays-while-you-appeal" in plan.notes


@pytest.mark.parametrize(
    ("plan_answer", "sen_team"), [("no", False), ("yes", True), ("assessing", True)]
)
def test_a_family_with_a_plan_or_an_assessment_is_shown_the_council_s_sen_team(
    plan_answer, sen_team
):
    # The SEN team acts on a plan and its reviews, not the Family Information Service: finding 8.
    decided = {"council_decision": "no"} if plan_answer == "yes" else {}
    plan = _plan(concern="school-support", plan=plan_answer, talked="yes", **decided)
    assert (flow.SEN_TEAM in plan.extra_organisations) is sen_team


@pytest.mark.parametrize(
    ("query", "answers", "errors"),
    [
        pytest.param(
            {"who": "parent", "colour": "blue"}, {"who": "parent"}, {}, id="unknown key ignored"
        ),
        pytest.param({"who": "hacker"}, {}, {"who": "choose"}, id="unknown value"),
        pytest.param(
            {"who": "parent", "concern": "exclusion", "decision": "refuse-plan"},
            {"who": "parent", "concern": "exclusion"},
            {},
            id="key that does not apply ignored",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "2026-02-31",
            },
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date": "invalid"},
            id="31 February",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "2027-01-01",
            },
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date": "future"},
            id="date in the future",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "20261001",
            },
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date": "invalid"},
            id="not YYYY-MM-DD",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "2026-10-01",
                "mediation": "yes",
                "certificate_date": "2026-09-30",
            },
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": date(2026, 10, 1),
                "mediation": "yes",
            },
            {"certificate_date": "before-decision"},
            id="certificate before the decision",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": "2010-10-01",
            },
            {"who": "parent", "concern": "la-decision", "decision": "refuse-plan"},
            {"decision_date": "too-early"},
            id="before the 2014 law",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "permanent",
                "exclusion_date": "2026-11-02",
                "governors_decision": "yes",
                "governors_decision_date": "2026-11-01",
            },
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "permanent",
                "exclusion_date": date(2026, 11, 2),
                "governors_decision": "yes",
            },
            {"governors_decision_date": "before-exclusion"},
            id="governors' decision before the exclusion",
        ),
        pytest.param(
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "suspension",
                "exclusion_date": "2026-11-02",
                "governors_decision": "yes",
                "governors_decision_date": "2026-11-20",
            },
            {
                "who": "parent",
                "concern": "exclusion",
                "exclusion_type": "suspension",
                "exclusion_date": date(2026, 11, 2),
            },
            {},
            id="a suspension has no governors' decision to ask about: ignored",
        ),
        pytest.param(
            {"who": "parent", "concern": "health-care", "also_education": "no", "decision": "x"},
            {"who": "parent", "concern": "health-care", "also_education": "no"},
            {},
            id="health only: a decision does not apply, even a bad one",
        ),
    ],
)
def test_parse_answers(query, answers, errors):
    assert flow.parse_answers(query, TODAY) == (answers, errors)


@pytest.mark.parametrize(
    "key",
    [
        "decision_date",
        "certificate_date",
        "exclusion_date",
        "governors_decision_date",
        "incident_date",
    ],
)
@pytest.mark.parametrize(
    ("day", "problem"),
    [
        pytest.param(TODAY, None, id="today is in time"),
        pytest.param(TODAY + timedelta(days=1), "future", id="tomorrow is in the future"),
        pytest.param(flow.EARLIEST_DECISION, None, id="1 September 2014: the Act in force"),
        pytest.param(flow.EARLIEST_DECISION - timedelta(days=1), "too-early", id="the day before"),
    ],
)
def test_a_letter_may_be_dated_from_the_2014_act_to_today(key, day, problem):
    earlier = {"decision_date": flow.EARLIEST_DECISION, "exclusion_date": flow.EARLIEST_DECISION}
    if problem is None:
        assert flow.validate_answer(key, day, earlier, TODAY) == day
    else:
        with pytest.raises(flow.InvalidAnswer) as raised:
            flow.validate_answer(key, day, earlier, TODAY)
        assert raised.value.code == problem


@pytest.mark.parametrize("key", ["decision_date", "certificate_date"])
@pytest.mark.parametrize(
    ("raw", "read_as"),
    [
        pytest.param("2026-10-02", date(2026, 10, 2), id="YYYY-MM-DD"),
        pytest.param("2026-W40-1", None, id="ISO week date"),
        pytest.param("2026-W401", None, id="ISO week date, basic"),
        pytest.param("20261002", None, id="basic form"),
        pytest.param("2026-275", None, id="ordinal date"),
        pytest.param("2026-10-2", None, id="one-number day"),
        pytest.param("2026-1-02", None, id="one-number month"),
        pytest.param("26-10-02", None, id="two-number year"),
        pytest.param("2026/10/02", None, id="slashes"),
        pytest.param(" 2026-10-02", None, id="leading space"),
        pytest.param("2026-10-02\n", None, id="trailing newline"),
        pytest.param("2026-10-02T00:00", None, id="with a time"),
        pytest.param("\u0662\u0660\u0662\u0666-\u0661\u0660-\u0660\u0662", None, id="Arabic-Indic"),
        pytest.param("\uff12\uff10\uff12\uff16-\uff11\uff10-\uff10\uff12", None, id="fullwidth"),
        pytest.param("2026-02-31", None, id="31 February"),
        pytest.param("2026-00-10", None, id="month 0"),
    ],
)
def test_a_date_in_the_url_is_read_only_as_yyyy_mm_dd(key, raw, read_as):
    query = {
        "who": "parent",
        "concern": "la-decision",
        "decision": "refuse-plan",
        "decision_date": "2026-10-01",
        "mediation": "yes",
        key: raw,
    }
    answers, errors = flow.parse_answers(query, TODAY)
    if read_as is None:
        assert errors == {key: "invalid"}
        assert key not in answers
    else:
        assert (answers[key], errors) == (read_as, {})


def test_relevant_drops_answers_from_another_branch_after_a_change():
    answers = {
        "who": "parent",
        "concern": "handling",
        "decision": "refuse-plan",
        "talked": "yes",
        "plan": "yes",
    }
    assert flow.relevant(answers) == {"who": "parent", "concern": "handling", "talked": "yes"}


def test_the_questions_that_may_follow_a_question_by_its_declared_next_nodes():
    assert flow.later_questions("plan") == {
        "council_decision",
        "talked",
        "decision",
        "decision_date",
        "mediation",
        "certificate_date",
    }
    assert flow.later_questions("also_education") == {
        "decision",
        "decision_date",
        "mediation",
        "certificate_date",
    }
    assert flow.later_questions("certificate_date") == set()


def test_relevant_keeps_later_answers_a_question_still_to_be_answered_may_lead_back_to():
    answers = {
        "who": "parent",
        "concern": "health-care",
        "decision": "refuse-plan",
        "mediation": "no",
        "talked": "yes",
    }
    # also_education is unanswered: "yes" leads to the decision and mediation, never to talked.
    assert flow.relevant(answers) == {
        "who": "parent",
        "concern": "health-care",
        "decision": "refuse-plan",
        "mediation": "no",
    }
    assert flow.next_question(answers) == "also_education"


APPEAL_ANSWERS = {
    "who": "parent",
    "concern": "la-decision",
    "decision": "refuse-plan",
    "decision_date": "2026-10-02",
    "mediation": "no",
}
SCHOOL_ANSWERS = {"who": "parent", "concern": "school-support", "plan": "no", "talked": "yes"}
CERTIFICATE_ANSWERS = {**APPEAL_ANSWERS, "mediation": "yes", "certificate_date": "2026-10-20"}


@pytest.mark.parametrize(
    ("before", "key", "value", "expected_next", "after"),
    [
        pytest.param(
            APPEAL_ANSWERS,
            "who",
            "young-person",
            flow.CHECK,
            {**APPEAL_ANSWERS, "who": "young-person"},
            id="who changed: every later answer still applies, back to check",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "decision_date",
            date(2026, 10, 5),
            flow.CHECK,
            {**APPEAL_ANSWERS, "decision_date": "2026-10-05"},
            id="a date changed: the mediation answer after it is kept (walkthrough P2)",
        ),
        pytest.param(
            CERTIFICATE_ANSWERS,
            "decision_date",
            date(2026, 11, 1),
            "certificate_date",
            {**APPEAL_ANSWERS, "decision_date": "2026-11-01", "mediation": "yes"},
            id="the letter now after the certificate: the certificate's date asked again",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "decision",
            "placement-only",
            flow.CHECK,
            {**APPEAL_ANSWERS, "decision": "placement-only", "mediation": None},
            id="placement only: no certificate needed, the mediation answer dropped",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "decision",
            "other",
            flow.CHECK,
            {"who": "parent", "concern": "la-decision", "decision": "other"},
            id="not appealable: the dates no longer apply and are dropped",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "mediation",
            "yes",
            "certificate_date",
            {**APPEAL_ANSWERS, "mediation": "yes"},
            id="a certificate now: its date is a new question",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "concern",
            "health-care",
            "also_education",
            {**APPEAL_ANSWERS, "concern": "health-care"},
            id="health care: a new question, the decision's answers kept for after it",
        ),
        pytest.param(
            APPEAL_ANSWERS,
            "concern",
            "handling",
            "talked",
            {"who": "parent", "concern": "handling"},
            id="another branch: its question asked, the decision's answers dropped",
        ),
        pytest.param(
            SCHOOL_ANSWERS,
            "concern",
            "handling",
            flow.CHECK,
            {"who": "parent", "concern": "handling", "talked": "yes"},
            id="another branch already answered: back to check, the plan answer dropped",
        ),
        pytest.param(
            SCHOOL_ANSWERS,
            "plan",
            "yes",
            "council_decision",
            {**SCHOOL_ANSWERS, "plan": "yes"},
            id="a plan now: the council question is new, talked kept in case of no",
        ),
        pytest.param(
            {**SCHOOL_ANSWERS, "plan": "yes"},
            "council_decision",
            "no",
            flow.CHECK,
            {**SCHOOL_ANSWERS, "plan": "yes", "council_decision": "no"},
            id="no council decision: talked still applies, back to check",
        ),
        pytest.param(
            {**SCHOOL_ANSWERS, "plan": "yes"},
            "council_decision",
            "yes",
            "decision",
            {**SCHOOL_ANSWERS, "plan": "yes", "council_decision": "yes", "talked": None},
            id="a council decision: the appeal questions, talked dropped",
        ),
    ],
)
def test_where_an_answer_leads_and_which_later_answers_it_keeps(
    before, key, value, expected_next, after
):
    answered = flow.answer(before, key, value, TODAY)
    assert answered.next == expected_next
    assert flow.to_query(answered.answers) == {k: v for k, v in after.items() if v is not None}
    assert list(answered.answers) == [k for k in flow.QUESTIONS if k in answered.answers]


def test_a_later_answer_that_fails_its_check_after_a_change_is_asked_again_as_written():
    answered = flow.answer(CERTIFICATE_ANSWERS, "decision_date", date(2026, 11, 1), TODAY)
    assert answered.problems == {"certificate_date": "before-decision"}
    assert answered.retry == {"certificate_date": "2026-10-20"}
    in_time = flow.answer(CERTIFICATE_ANSWERS, "decision_date", date(2026, 10, 5), TODAY)
    assert (in_time.next, in_time.problems, in_time.retry) == (flow.CHECK, {}, {})


def test_previous_question_for_the_back_link():
    answers = {"who": "parent", "concern": "school-support", "plan": "no"}
    assert flow.previous_question("talked", answers) == "plan"
    assert flow.previous_question("who", answers) is None


def test_the_statutory_timescales_are_given_while_the_council_is_assessing():
    # SEND Regulations 2014, regs 5 and 13 (audit finding 17).
    assert (
        "assessment-timescales"
        in _plan(concern="school-support", plan="assessing", talked="no").notes
    )
    assert (
        "assessment-timescales" not in _plan(concern="school-support", plan="no", talked="no").notes
    )


def test_a_plan_being_ceased_stays_in_place_while_you_can_appeal():
    answers = {"decision_date": date(2026, 10, 1), "mediation": "no"}
    ceased = _plan(concern="la-decision", decision="cease-plan", **answers)
    assert "plan-stays-while-you-appeal" in ceased.notes
    refused = _plan(concern="la-decision", decision="refuse-plan", **answers)
    assert "plan-stays-while-you-appeal" not in refused.notes


@pytest.mark.parametrize(
    ("answers", "letters"),
    [
        pytest.param(
            {"concern": "school-support", "plan": "no", "talked": "no"},
            ("ask-school-for-meeting", "ask-for-ehc-needs-assessment"),
            id="not yet talked to school: a meeting, then ask about an assessment",
        ),
        pytest.param(
            {"concern": "school-support", "plan": "no", "talked": "yes"},
            ("ask-for-ehc-needs-assessment", "complaint-to-school"),
            id="talked already: ask for an assessment, then complain to the school",
        ),
        pytest.param(
            {
                "concern": "la-decision",
                "decision": "refuse-plan",
                "decision_date": date(2026, 10, 2),
                "mediation": "no",
            },
            ("tell-mediation-adviser",),
            id="a decision to appeal: tell the mediation adviser",
        ),
        pytest.param(
            {"concern": "plan-not-delivered"},
            ("help-in-plan-not-given",),
            id="help in the plan not given: the section 42 letter to the SEN team",
        ),
        pytest.param(
            {"concern": "la-decision", "decision": "other"},
            ("chase-late-decision", "ask-council-to-explain-decision"),
            id="something else, such as a missed time limit: chase it, or ask for reasons",
        ),
        pytest.param(
            {"concern": "handling", "talked": "yes"},
            ("complaint-to-council",),
            id="the council's handling: a complaint to the council",
        ),
    ],
)
def test_a_plan_links_the_letters_that_do_its_first_steps(answers, letters):
    assert flow.letters_for(_plan(**answers)) == letters


@pytest.mark.parametrize(
    ("earlier", "offered"),
    [
        # A child with a plan: no first assessment or first plan to refuse (legal audit 2026-12,
        # finding 12); a refusal to re-assess stays.
        (
            {"concern": "school-support", "plan": "yes", "council_decision": "yes"},
            (
                "refuse-reassessment",
                "plan-contents",
                "placement-only",
                "refuse-amend",
                "cease-plan",
            ),
        ),
        # Not asked about a plan: every decision, with hints that tell the two refusals apart.
        ({"concern": "la-decision"}, flow.APPEALABLE),
        # A "plan" answer left in the address from the other path does not count here.
        ({"concern": "la-decision", "plan": "yes"}, flow.APPEALABLE),
        ({"concern": "health-care", "also_education": "yes"}, flow.APPEALABLE),
    ],
)
def test_the_decisions_offered_follow_whether_the_child_has_a_plan(earlier, offered):
    answers = {"who": "parent", **earlier}
    question = flow.QUESTIONS["decision"]
    assert question.choices_for(answers) == (*offered, "other")
    # A refused choice is an invalid answer, as from an old bookmark.
    for refused in set(flow.APPEALABLE) - set(offered):
        with pytest.raises(flow.InvalidAnswer):
            flow.validate_answer("decision", refused, answers, TODAY)
    if set(earlier) - set(flow.path({**answers, "decision": "other"})):
        return  # answers from another path, as an old address may hold: no path walks them
    # How this tool decides walks only the choices offered.
    walked = {
        p["decision"]
        for p in flow.every_path(DATES)
        if all(p.get(k) == v for k, v in answers.items()) and "decision" in p
    }
    assert walked == {*offered, "other"}


def test_every_letter_a_plan_can_name_is_in_the_initial_letters():
    shipped = json.loads((Path(__file__).parents[2] / "fixtures" / "letters.json").read_text())
    slugs = {row["fields"]["slug"] for row in shipped}
    named = {*flow.LETTER_FOR_STEP.values(), *flow.COMPLAINT_LETTER.values(), "complaint-to-school"}
    assert named <= slugs
    steps = {step for answers in ALL_ANSWERS for step in _plan(**answers).first_steps}
    assert set(flow.LETTER_FOR_STEP) <= steps  # no letter for a step the rules never give


def test_every_organisation_a_plan_names_has_a_slug_staff_cannot_change():
    named = {slug for answers in ALL_ANSWERS for slug in _plan(**answers).extra_organisations}
    assert named == flow.NAMED_ORGANISATIONS
