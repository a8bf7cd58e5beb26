"""The rules that name the plan's advice (guidance/advice.py): which words go with each deadline,
and every code the rules can produce. Plain Python: no database."""

from datetime import date
from pathlib import Path

import pytest

from guidance import advice, deadlines, flow
from tests.clock import TODAY


@pytest.mark.parametrize(
    ("decision", "certificate", "expected"),
    [
        pytest.param(date(2026, 10, 1), None, "appeal-from-decision", id="no certificate"),
        pytest.param(
            date(2026, 9, 1),
            date(2026, 10, 20),
            "appeal-from-certificate",
            id="rule 20(1)(c)(ii): 1 month from the certificate ends later",
        ),
        pytest.param(
            date(2026, 3, 10),
            date(2026, 3, 10),
            "appeal-from-decision",
            id="finding 13: both letters dated the same day, 2 months from the decision is later",
        ),
        pytest.param(
            date(2026, 10, 1),
            date(2026, 10, 25),
            "appeal-from-decision",
            id="rule 20(1)(c)(i): 2 months from the decision ends later",
        ),
        pytest.param(
            date(2025, 12, 31),
            None,
            "appeal-from-decision",
            id="month end: 31 December + 2 months is 28 February",
        ),
        pytest.param(
            date(2025, 12, 31),
            date(2026, 1, 31),
            "appeal-from-decision",
            id="month ends: both counts end on 28 February, so the decision's is the one used",
        ),
    ],
)
def test_the_appeal_is_explained_by_the_letter_its_date_is_counted_from(
    decision, certificate, expected
):
    deadline = deadlines.appeal_deadline(decision, certificate)
    assert advice.why_this_date(deadline) == expected


def test_other_deadlines_are_explained_by_their_own_code():
    for deadline in (
        deadlines.mediation_adviser_deadline(date(2026, 10, 1)),
        deadlines.certificate_expected(TODAY),
        deadlines.mediation_meeting_by(TODAY),
        deadlines.certificate_after_meeting(TODAY),
    ):
        assert advice.why_this_date(deadline) == deadline.key


APPEAL = deadlines.appeal_deadline(date(2026, 10, 1))  # due 1 December 2026


@pytest.mark.parametrize(
    ("answers", "today", "notes"),
    [
        pytest.param(
            {"decision": "refuse-plan"},
            TODAY,
            ("appeal-certificate-may-extend",),
            id="rule 20(1)(c)(ii): a certificate to come may give a later date",
        ),
        pytest.param(
            {"decision": "refuse-plan", "certificate_date": date(2026, 11, 1)},
            TODAY,
            (),
            id="certificate already dated: nothing more to say",
        ),
        pytest.param(
            {"decision": "placement-only"},
            TODAY,
            (),
            id="placement only: no certificate needed (CFA 2014 s.55)",
        ),
        pytest.param(
            {"decision": "refuse-plan", "certificate_date": date(2026, 10, 1)},
            date(2026, 12, 2),
            ("appeal-passed",),
            id="passed: a late appeal can still be asked for",
        ),
        pytest.param(
            {"decision_date": date(2026, 10, 1), "certificate_date": None},
            date(2026, 12, 1),
            ("appeal-certificate-may-extend",),
            id="the calculator's answers: no certificate; the last day itself has not passed",
        ),
    ],
)
def test_the_notes_under_the_appeal_deadline(answers, today, notes):
    assert advice.deadline_words(APPEAL, answers, today).notes == notes


def test_a_passed_adviser_deadline_says_what_can_still_be_done():
    # Decision of 2 June 2026: the adviser's last day was Sunday 2 August, not a working day.
    adviser = deadlines.mediation_adviser_deadline(date(2026, 6, 2))
    words = advice.deadline_words(adviser, {"decision": "refuse-plan"}, TODAY)
    assert words == advice.DeadlineWords(
        "mediation-adviser", (), ("not-a-working-day", "mediation-adviser-passed")
    )
    weekday = deadlines.mediation_adviser_deadline(date(2026, 6, 3))  # Monday 3 August
    assert advice.deadline_words(weekday, {}, TODAY).notes == ("mediation-adviser-passed",)


def test_a_moved_deadline_names_each_reason_it_moved():
    christmas = deadlines.appeal_deadline(date(2026, 10, 25))
    assert advice.deadline_words(christmas, {}, TODAY).moved == ("christmas",)


def test_every_code_covers_every_outcome_moved_reason_and_deadline_shown():
    codes = advice.every_code()
    assert set(codes) == set(advice.KINDS)
    assert codes[advice.OUTCOME] == set(flow.OUTCOMES)
    assert codes[advice.MOVED] == {moved.value for moved in deadlines.Moved}
    shown = {
        d.key for _, plan, _ in advice.every_plan() for d in plan.deadlines if d.key != "appeal"
    }
    assert shown <= codes[advice.WHY_THIS_DATE]
    assert {"appeal-from-decision", "appeal-from-certificate"} <= codes[advice.WHY_THIS_DATE]
    assert codes[advice.DEADLINE_NOTE] == {
        "appeal-certificate-may-extend",
        "appeal-passed",
        "mediation-adviser-passed",
        "discrimination-claim-passed",
        "review-panel-passed",
        "not-a-working-day",
    }
    assert codes[advice.PLAN_NOTE] == {
        note for _, plan, _ in advice.every_plan() for note in plan.notes
    }


def test_every_code_follows_the_rules_when_they_change(monkeypatch):
    """A first step the rules start to give is a code that needs words."""
    real = flow.action_plan

    def with_a_new_step(answers, today):
        plan = real(answers, today)
        return type(plan)(**{**plan.__dict__, "first_steps": (*plan.first_steps, "new-step")})

    monkeypatch.setattr(flow, "action_plan", with_a_new_step)
    assert "new-step" in advice.every_code()[advice.FIRST_STEP]


def test_every_path_is_in_one_plan_and_paths_with_the_same_plan_share_it():
    grouped = advice.plans_and_paths(TODAY, TODAY)
    dates = advice.example_dates(TODAY)
    every = list(flow.every_path(dates))
    assert sorted(map(repr, every)) == sorted(repr(p) for g in grouped for p in g.paths)
    for group in grouped:
        assert all(flow.action_plan(p, TODAY) == group.plan for p in group.paths)
    assert len({group.plan for group in grouped}) == len(grouped)


def test_the_rules_name_codes_only_no_advice_words_in_python_or_templates():
    guidance = Path(advice.__file__).parent
    for folder in (
        "outcomes",
        "reasons",
        "first_steps",
        "why_this_date",
        "moved",
        "notes",
        "act_by",
    ):
        assert not (guidance / "templates" / "guidance" / folder).exists(), folder
    rules = (guidance / "flow.py").read_text() + (guidance / "advice.py").read_text()
    for words in ("mediation adviser named", "Counted from", "Tribunal rules, rule 12"):
        assert words not in rules
