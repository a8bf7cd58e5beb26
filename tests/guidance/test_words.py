"""Every question, answer, problem and deadline title the rules can produce has its words, and a
missing piece fails here, never on a page. (The advice's words are content: test_advice.py.)"""

from dataclasses import replace
from datetime import date

import pytest

from guidance import deadlines, flow, question_words
from guidance.forms import QuestionForm
from guidance.question_words import DATE_PROBLEMS, QUESTION_WORDS
from tests.clock import TODAY

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
    ("talked", "Select yes if you have talked to the school about this"),
    ("decision", "Select what the council decided"),
    ("mediation", "Select yes if you have a mediation certificate"),
]
DATE_MESSAGES = [
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
]


def test_every_deadline_has_one_title():
    assert {d.key for d in EVERY_DEADLINE} == set(deadlines.TITLES)
    assert all(d.title.strip() for d in EVERY_DEADLINE)


def test_a_deadline_without_a_title_cannot_be_made():
    with pytest.raises(KeyError, match="no title for the deadline 'hearing'"):
        deadlines.Deadline("hearing", TODAY, TODAY, TODAY)
