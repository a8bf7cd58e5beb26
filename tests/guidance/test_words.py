"""Every reason, first step and outcome the rules can produce has words in its template."""

from datetime import date

import pytest
from django.template.loader import render_to_string

from guidance import flow
from guidance.forms import wording
from tests.guidance.test_flow import ALL_ANSWERS

PLANS = [flow.action_plan(answers, date(2026, 11, 28)) for answers in ALL_ANSWERS]
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
    from guidance.forms import QuestionForm

    form = QuestionForm(key, {}, date(2026, 11, 28), young_person)
    offered = [value for value, _ in form.fields[key].choices]
    assert sorted(offered) == sorted(flow.QUESTIONS[key].choices)
