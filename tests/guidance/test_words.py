"""Every question, answer, problem and deadline title the rules can produce has its words, and a
missing piece fails here, never on a page. (The advice's words are content: test_advice.py.)"""

from dataclasses import replace
from datetime import date

import pytest
from django.template.loader import render_to_string

from guidance import deadlines, flow, question_words
from guidance.forms import QuestionForm
from guidance.published import published_advice
from guidance.question_words import DATE_PROBLEMS, QUESTION_WORDS, wording
from guidance.views import deadline_items
from tests.clock import TODAY
from tests.guidance.test_flow import ALL_ANSWERS

WORDINGS = pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])


# Questions: the words module checks itself against flow.py when imported.


def test_every_question_has_its_words():
    assert question_words.missing_words() == []


@pytest.mark.parametrize(
    ("key", "words", "missing"),
    [
        pytest.param(
            "mediation",
            replace(QUESTION_WORDS["mediation"], answers={"yes": question_words.YES}),
            "mediation: answers ['yes'], not ('yes', 'no')",
            id="an answer's label",
        ),
        pytest.param(
            "talked",
            replace(QUESTION_WORDS["talked"], choose=" "),
            "talked: an empty legend, label or message",
            id="the error message",
        ),
        pytest.param(
            "plan",
            replace(QUESTION_WORDS["plan"], legend="{does} {kid} have an EHC plan?"),
            "plan: no young-person wording for 'kid'",
            id="a wording that does not exist",
        ),
        pytest.param(
            "decision_date",
            QUESTION_WORDS["mediation"],
            "decision_date: date words for a choice question",
            id="choice words for a date",
        ),
    ],
)
def test_a_missing_piece_of_a_question_s_words_is_found(monkeypatch, key, words, missing):
    monkeypatch.setitem(QUESTION_WORDS, key, words)
    assert any(problem.startswith(missing) for problem in question_words.missing_words())


def test_a_question_without_words_and_a_problem_without_a_message_are_found(monkeypatch):
    monkeypatch.delitem(QUESTION_WORDS, "who")
    monkeypatch.delitem(DATE_PROBLEMS, "before-decision")
    assert question_words.missing_words() == [
        "question who",
        "certificate_date: problem before-decision",
    ]


@WORDINGS
@pytest.mark.parametrize("key", list(flow.QUESTIONS))
def test_every_question_offers_exactly_the_answers_the_rules_allow(key, young_person):
    form = QuestionForm(key, {}, TODAY, young_person)
    field = form.fields[key]
    assert str(field.label).strip()
    if flow.QUESTIONS[key].is_date:
        return
    assert [value for value, _ in field.choices] == list(flow.QUESTIONS[key].choices)
    if young_person:
        assert "your child" not in f"{field.label} {field.choices}"


def test_every_date_problem_message_is_one_a_question_can_have():
    problems = {code for q in flow.QUESTIONS.values() for code in q.problems}
    assert set(DATE_PROBLEMS) <= problems


CHOICE_PROBLEMS = [
    ("who", "Select who you are asking for"),
    ("concern", "Select what you are unhappy about"),
    ("plan", "Select whether your child has an EHC plan"),
    ("council_decision", "Select yes if the council has made a decision you disagree with"),
    ("talked", "Select yes if you have talked to the school about this"),
    ("decision", "Select what the council decided"),
    ("mediation", "Select yes if you have a mediation certificate"),
    ("also_education", "Select yes if the disagreement is also about education"),
    ("exclusion_type", "Select what kind of exclusion it is"),
    ("governors_decision", "Select yes if the governors have told you their decision in writing"),
]
DATE_MESSAGES = [
    ("exclusion_date", "invalid", "The date of the exclusion must be a real date"),
    ("exclusion_date", "future", "The date of the exclusion must be today or in the past"),
    ("exclusion_date", "too-early", "The date of the exclusion must be after 1 September 2014"),
    (
        "governors_decision_date",
        "invalid",
        "The date of the governors’ decision letter must be a real date",
    ),
    (
        "governors_decision_date",
        "future",
        "The date of the governors’ decision letter must be today or in the past",
    ),
    (
        "governors_decision_date",
        "too-early",
        "The date of the governors’ decision letter must be after 1 September 2014",
    ),
    (
        "governors_decision_date",
        "before-exclusion",
        "The date of the governors’ decision letter must be the same as or after the date of the "
        "exclusion",
    ),
    ("incident_date", "invalid", "The date it happened must be a real date"),
    ("incident_date", "future", "The date it happened must be today or in the past"),
    ("incident_date", "too-early", "The date it happened must be after 1 September 2014"),
    ("decision_date", "invalid", "The date of the decision letter must be a real date"),
    ("decision_date", "future", "The date of the decision letter must be today or in the past"),
    (
        "decision_date",
        "too-early",
        "The date of the decision letter must be after 1 September 2014",
    ),
    ("certificate_date", "invalid", "The date on the mediation certificate must be a real date"),
    (
        "certificate_date",
        "future",
        "The date on the mediation certificate must be today or in the past",
    ),
    (
        "certificate_date",
        "too-early",
        "The date on the mediation certificate must be after 1 September 2014",
    ),
    (
        "certificate_date",
        "before-decision",
        "The date on the mediation certificate must be the same as or after the date of the "
        "decision letter",
    ),
]


def test_the_messages_cover_every_problem_each_question_can_have():
    named = {(key, code) for key, code, _ in DATE_MESSAGES}
    named |= {(key, "choose") for key, _ in CHOICE_PROBLEMS}
    assert named == {(q.key, code) for q in flow.QUESTIONS.values() for code in q.problems}


@pytest.mark.parametrize(
    ("key", "code", "message"),
    [(key, "choose", message) for key, message in CHOICE_PROBLEMS] + DATE_MESSAGES,
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


# Deadlines: one title each, the same on the plan, in the calculator and in the calendar file.

EVERY_DEADLINE = [
    deadlines.appeal_deadline(date(2026, 10, 1)),
    deadlines.mediation_adviser_deadline(date(2026, 10, 1)),
    deadlines.certificate_expected(TODAY),
    deadlines.mediation_meeting_by(TODAY),
    deadlines.certificate_after_meeting(TODAY),
    deadlines.discrimination_claim_deadline(date(2026, 9, 14)),
    deadlines.review_panel_deadline(date(2026, 11, 16)),
]


def test_every_deadline_has_one_title():
    assert {d.key for d in EVERY_DEADLINE} == set(deadlines.TITLES)
    assert all(d.title.strip() for d in EVERY_DEADLINE)


def test_a_deadline_without_a_title_cannot_be_made():
    with pytest.raises(KeyError, match="no title for the deadline 'hearing'"):
        deadlines.Deadline("hearing", TODAY, TODAY, TODAY, deadlines.Basis.INCIDENT)


def deadline_html(deadline, answers) -> str:
    """One deadline as the plan shows it, with the published words the rules name for it."""
    [item] = deadline_items([deadline], answers, TODAY)
    return render_to_string("guidance/includes/deadline.html", {"item": item, "answers": answers})


def test_the_appeal_says_which_letter_it_is_counted_from(content):
    by_certificate = deadlines.appeal_deadline(date(2026, 9, 1), date(2026, 10, 20))
    html = deadline_html(by_certificate, {"certificate_date": date(2026, 10, 20)})
    assert "Counted from the mediation certificate dated 20 October 2026 (1 month)." in html
    by_decision = deadlines.appeal_deadline(date(2026, 10, 1))
    html = deadline_html(by_decision, {})
    assert "Counted from the decision letter dated 1 October 2026 (2 months)." in html


def test_the_appeal_names_the_decision_letter_when_both_letters_carry_the_same_date(content):
    # Audit finding 13: HESC rule 20(1)(c) counts 2 months from a decision and 1 month from a
    # certificate both dated 10 March 2026; the decision's limit is later, so it is the one used.
    same_day = deadlines.appeal_deadline(date(2026, 3, 10), date(2026, 3, 10))
    html = deadline_html(same_day, {"decision_date": date(2026, 3, 10)})
    assert "Counted from the decision letter dated 10 March 2026 (2 months)." in html
    assert "mediation certificate dated" not in html


def test_a_last_day_that_is_not_a_working_day_says_which_working_day_to_act_by(content):
    # Audit finding 12: a decision of 25 October 2026 gives Friday 25 December 2026 as the last day
    # to contact the adviser (SEND Regulations 2014, reg 33, not moved): act by Thursday 24th.
    html = deadline_html(deadlines.mediation_adviser_deadline(date(2026, 10, 25)), {})
    assert (
        "Friday 25 December 2026 is not a working day, so offices may be closed. "
        "To be safe, act by Thursday 24 December 2026."
    ) in html
    plain = deadline_html(deadlines.mediation_adviser_deadline(date(2026, 10, 2)), {})
    assert "not a working day" not in plain


def test_the_appeal_must_reach_the_tribunal_by_5pm(content):
    # Audit finding 11: HESC rule 20(1) (received in time) and rule 12(1) (by 5pm).
    html = deadline_html(deadlines.appeal_deadline(date(2026, 10, 2)), {})
    assert "your appeal must reach the Tribunal by 5pm" in html


@pytest.mark.parametrize(
    ("plan_answers", "note"),
    [
        pytest.param({"who": "young-person"}, "young-person-rights", id="young person: yours"),
        pytest.param({"who": "parent"}, "parent-of-young-person", id="parent: over 16, theirs"),
    ],
)
def test_whose_rights_these_are_is_said_on_every_send_plan(content, plan_answers, note):
    # Children and Families Act 2014, ss.51(1), 80 and 83(2): audit finding 6.
    for answers in ALL_ANSWERS:
        if answers["who"] != plan_answers["who"]:
            continue
        notes = flow.action_plan(answers, TODAY).notes
        if answers["concern"] == "exclusion":
            assert notes == ("exclusion-over-18",)
        elif answers["concern"] == "discrimination":
            assert notes == ("who-makes-the-claim",)
        else:
            assert note in notes, answers
    words = published_advice().html(
        "plan-note", note, wording(plan_answers["who"] == "young-person"), inline=False
    )
    assert "mental capacity" in words and "last Friday in June" in words
