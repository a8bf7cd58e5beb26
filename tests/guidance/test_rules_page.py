"""/what-can-i-do/rules/, "How this tool decides": made from the rules, so it shows every path of
questions and the plan each leads to, and changes when the rules change."""

import re
from dataclasses import replace

import pytest
from django.utils.html import escape

from ealing_send.pagecache import recent_pages
from guidance import advice, flow
from guidance.views import _answer_words
from tests.clock import TODAY

pytestmark = pytest.mark.django_db

URL = "/what-can-i-do/rules/"


def page(client) -> str:
    recent_pages.clear()
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def shown_paths(html: str) -> list[list[tuple[str, str]]]:
    """Each path on the page, as (question, answer) pairs."""
    paths = re.findall(r'<dl class="[^"]*app-rules-path">(.*?)</dl>', html, re.S)
    row = re.compile(r"<dt[^>]*>\s*(.*?)\s*</dt>\s*<dd[^>]*>\s*(.*?)\s*</dd>", re.S)
    return [row.findall(path) for path in paths]


def expected_paths() -> list[list[tuple[str, str]]]:
    """Every path the rules walk, in the words the page should use, grouped by plan as shown."""
    expected = []
    for group in advice.plans_and_paths(TODAY, TODAY):
        for answers in group.paths:
            rows = []
            young_person = answers["who"] == "young-person"
            for key, value in answers.items():
                legend, labels = _answer_words(key, young_person, TODAY)
                rows.append((legend, labels.get(value, "the date on it")))
            expected.append(rows)
    return expected


def escaped(rows):
    return [[(escape(q), escape(a)) for q, a in path] for path in rows]


def test_the_page_shows_every_path_of_questions_grouped_by_its_plan(client, content):
    html = page(client)
    assert shown_paths(html) == escaped(expected_paths())
    plans = advice.plans_and_paths(TODAY, TODAY)
    assert f"There are {len(plans)} different plans." in html
    assert len(shown_paths(html)) == len(list(flow.every_path(advice.example_dates(TODAY))))


def test_each_plan_shows_its_words_routes_deadlines_and_the_law_behind_them(client, content):
    html = page(client)
    assert "The governors must now decide whether your child can go back" in html  # an outcome
    assert "the governors must meet to decide whether to reinstate" in html  # a first step
    assert "Last day to appeal: your appeal must reach the Tribunal by 5pm" in html
    assert "HESC Tribunal Rules 2008, rule 20</a>" in html
    assert "What the SEND Code of Practice says" in html


def test_each_plan_shows_the_notes_the_plan_itself_shows(client, content):
    # Legal audit 2026-12, finding 8: a caseworker checking the advice sees every note.
    html = page(client)
    notes = {note for group in advice.plans_and_paths(TODAY, TODAY) for note in group.plan.notes}
    assert {"plan-stays-while-you-appeal", "who-makes-the-claim", "young-person-rights"} <= notes
    assert html.count('<div class="govuk-inset-text">') == sum(
        len(group.plan.notes) for group in advice.plans_and_paths(TODAY, TODAY)
    )
    assert "does not stop straight away" in html
    assert "Once the pupil is over compulsory school age" in html
    # The dates no rule moves say that the plan gives a working day to act by.
    assert "Never moved: when the last day is not a working day" in html


def test_a_new_branch_in_the_rules_shows_on_the_page(client, content, monkeypatch):
    before = shown_paths(page(client))
    concern = flow.QUESTIONS["concern"]

    def plan_not_delivered_asks_talked(answers):
        if answers["concern"] == "plan-not-delivered":
            return "talked"
        return concern.next_node(answers)

    monkeypatch.setitem(
        flow.QUESTIONS,
        "concern",
        replace(concern, next_node=plan_not_delivered_asks_talked),
    )
    after = shown_paths(page(client))
    assert after == escaped(expected_paths())
    assert len(after) == len(before) + 2  # then talked yes or no, for each who
    words = {young: _answer_words("concern", young, TODAY) for young in (False, True)}
    chosen = {
        (escape(legend), escape(labels["plan-not-delivered"])) for legend, labels in words.values()
    }
    talked = {escape(_answer_words("talked", young, TODAY)[0]) for young in (False, True)}
    not_delivered = [path for path in after if chosen & set(path)]
    assert len(not_delivered) == 4
    assert all(any(question in talked for question, _ in path) for path in not_delivered)


def test_it_is_a_content_page_linked_from_the_start_page_and_the_footer(client, content):
    recent_pages.clear()
    response = client.get(URL)
    assert response["Cache-Control"].startswith("public")
    start = client.get("/what-can-i-do/").content.decode()
    assert start.count(f'href="{URL}"') == 2  # in the text and in the footer


def test_each_path_is_in_the_words_of_the_person_on_it(client, content):
    paths = shown_paths(page(client))
    young = [p for p in paths if p[0][1] == escape("I am a young person asking for myself")]
    assert young and all("your child" not in answer for path in young for _, answer in path)
