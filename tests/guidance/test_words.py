"""Every reason, first step, outcome and problem the rules can produce has words."""

import inspect
import re

import pytest
from django.template.loader import render_to_string

from guidance import flow
from guidance.forms import DATE_ERRORS, QuestionForm, wording
from tests.clock import TODAY
from tests.guidance.test_flow import ALL_ANSWERS

PLANS = [flow.action_plan(answers, TODAY) for answers in ALL_ANSWERS]
REASONS = sorted({advice.reason for plan in PLANS for advice in plan.routes})
STEPS = sorted({step for plan in PLANS for step in plan.first_steps})


@pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])
@pytest.mark.parametrize("reason", REASONS)
def test_every_reason_has_words(reason, young_person):
    text = render_to_string(
        "guidance/includes/why.html", {"reason": reason, **wording(young_person)}
    ).strip()
    assert len(text) > 40, reason
    assert "{{" not in text


@pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])
@pytest.mark.parametrize("step", STEPS)
def test_every_first_step_has_words(step, young_person):
    text = render_to_string(
        "guidance/includes/first_step.html", {"step": step, **wording(young_person)}
    ).strip()
    assert len(text) > 30, step
    if young_person:
        assert "your child" not in text


@pytest.mark.parametrize("outcome", flow.OUTCOMES)
def test_every_outcome_has_an_opening(outcome):
    text = render_to_string("guidance/includes/outcome.html", {"outcome": outcome}).strip()
    assert text.startswith('<p class="govuk-body-l">'), outcome


@pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])
@pytest.mark.parametrize("key", [k for k, q in flow.QUESTIONS.items() if not q.is_date])
def test_every_question_offers_exactly_the_answers_the_rules_allow(key, young_person):
    form = QuestionForm(key, {}, TODAY, young_person)
    offered = [value for value, _ in form.fields[key].choices]
    assert sorted(offered) == sorted(flow.QUESTIONS[key].choices)


def test_the_forms_have_words_for_every_problem_the_rules_name():
    named = set(re.findall(r'InvalidAnswer\("([\w-]+)"\)', inspect.getsource(flow)))
    assert named == {"choose", *DATE_ERRORS}


CHOICE_PROBLEMS = [
    ("who", "Select who you are asking for"),
    ("concern", "Select what you are unhappy about"),
    ("plan", "Select whether your child has an EHC plan"),
    ("talked", "Select yes if you have talked to the school about this"),
    ("decision", "Select what the council decided"),
    ("mediation", "Select yes if you have a mediation certificate"),
]
DATE_PROBLEMS = [
    (key, code, words.format(Noun=noun))
    for key, noun in [
        ("decision_date", "The date of the decision letter"),
        ("certificate_date", "The date on the mediation certificate"),
    ]
    for code, words in DATE_ERRORS.items()
]


@pytest.mark.parametrize(
    ("key", "code", "message"),
    [(key, "choose", message) for key, message in CHOICE_PROBLEMS] + DATE_PROBLEMS,
)
def test_each_problem_the_rules_find_is_shown_in_its_question_s_words(
    monkeypatch, key, code, message
):
    # The form's own checks come first, so make the rules object to an answer the form accepts.
    def rules_object(*args):
        raise flow.InvalidAnswer(code)

    monkeypatch.setattr(flow, "validate_answer", rules_object)
    if flow.QUESTIONS[key].is_date:
        data = {f"{key}_0": "2", f"{key}_1": "10", f"{key}_2": "2026"}
    else:
        data = {key: flow.QUESTIONS[key].choices[0]}
    form = QuestionForm(key, {}, TODAY, False, data=data)
    assert not form.is_valid()
    assert form.errors[key] == [message]
