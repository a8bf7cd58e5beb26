"""The questionnaire and the plan in Polish and Urdu (issue 15): every question, its messages, the
plan's own words, its dates and the calendar file read in the page's language, with that language's
words for the person the plan is about. (The English pages are tested as they always were.)"""

import re
from html import unescape

import pytest
from django.conf import settings
from django.utils import translation
from icalendar import Calendar

from guidance import advice, flow
from guidance.forms import QuestionForm
from guidance.question_words import wording
from tests.clock import TODAY

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
WORDINGS = pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])
# The appeal plan of a decision letter of 25 October 2026: its adviser's last day, Friday 25
# December, is not a working day, so the plan opens with the working day before it.
PLAN = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-25&mediation=no"
)
# The plan's own words in English (not the advice, which is content staff translate): none may be
# left on a Polish or Urdu plan.
ENGLISH_WORDS = [
    "Your plan",
    "Do this first",
    "More under Deadlines below",
    "(not a working day)",
    "Deadlines",
    "days from today",
    "Where this date comes from",
    "Add these dates to your calendar",
    "Your options, in order",
    "Who can help",
    "See everyone who can help",
    "What the SEND Code of Practice says:",
    "SEND Code of Practice, paragraph",
    "Your answers",
    "Change",
    "your answer to",
    "bookmark this page",
    "Start again",
    "Worked out on",
    "Link copied",
    "could not be copied",
    "free, impartial advice",
    "Last day to",
    "your certificate should be issued by",
]


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    # A page leaves its language active in this thread; the next test starts in English.
    translation.deactivate()


def test_each_language_has_every_person_word():
    for code, _name in settings.LANGUAGES:
        for young_person in (False, True):
            assert set(wording(young_person, code)) == advice.PERSON, code


def test_a_language_without_person_words_of_its_own_reads_the_english_ones():
    assert wording(True, "ro") == wording(True, "en-gb") == wording(True, None) == wording(True)


def _question_pieces(key: str, young_person: bool) -> list[str]:
    """Everything a question page says from question_words: legend, hints, answers, messages."""
    form = QuestionForm(key, {}, TODAY, young_person)
    field = form.fields[key]
    pieces = [field.label, field.help_text, *form.problems.values()]
    if not flow.QUESTIONS[key].is_date:
        pieces += [p for c in field.choices for p in (c.label, c.hint, c.divider)]
    return [str(p) for p in pieces if p]


@WORDINGS
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_is_asked_in_the_language_with_its_person_words(language, young_person):
    english = {key: _question_pieces(key, young_person) for key in flow.QUESTIONS}
    with translation.override(language):
        for key in flow.QUESTIONS:
            pieces = _question_pieces(key, young_person)
            # Some translations leave out a person word or use another (question_words.py):
            # whichever they use, every one is filled in.
            assert not [p for p in pieces if "{" in p or "}" in p], key
            assert [p for p in pieces if p in english[key]] == [], key


@pytest.mark.parametrize(
    ("language", "parent", "young_person"),
    [
        (
            "pl",
            "Czy twoje dziecko ma plan edukacji, zdrowia i opieki (EHC plan)?",
            "Czy ty masz plan edukacji, zdrowia i opieki (EHC plan)?",
        ),
        (
            "ur",
            "کیا آپ کے بچے کا تعلیم، صحت اور نگہداشت کا پلان (EHC plan) ہے؟",
            "کیا آپ کا تعلیم، صحت اور نگہداشت کا پلان (EHC plan) ہے؟",
        ),
    ],
)
def test_a_young_person_is_asked_about_themselves_in_each_language(language, parent, young_person):
    with translation.override(language):
        assert QuestionForm("plan", {}, TODAY, False).legend == parent
        assert QuestionForm("plan", {}, TODAY, True).legend == young_person


@pytest.mark.django_db
def test_a_date_in_the_future_is_refused_in_polish(client):
    response = client.get(
        "/pl/what-can-i-do/decision_date/answer/",
        {
            "who": "parent",
            "concern": "la-decision",
            "decision": "refuse-plan",
            "decision_date_0": "1",
            "decision_date_1": "1",
            "decision_date_2": "2030",
        },
    )
    html = unescape(response.content.decode())
    assert "Wystąpił problem" in html
    assert "Data pisma z decyzją (decision letter) nie może być datą z przyszłości" in html
    assert "Dalej" in html and "Continue" not in html


def _page_text(html: str) -> str:
    """The words of a page in its own language: without the parts marked as English (the banner's
    English copy, the switcher's link to English), tags, or the addresses printed on paper."""
    html = re.sub(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return " ".join(re.sub(r"https?://\S+", " ", text).split())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "pl",
            [
                "Twój plan",
                "Zrób to najpierw. Termin: czwartek, 24 grudnia 2026",
                "piątek, 25 grudnia 2026 (to nie jest dzień roboczy)",
                "Terminy",
                "27 dni od dziś.",
                "Kto może pomóc",
                "Kodeks postępowania SEND (SEND Code of Practice), punkt",
                "Twoje odpowiedzi",
                "Obliczono 28 listopada 2026.",
            ],
        ),
        (
            "ur",
            [
                "آپ کا پلان",
                "یہ پہلے کریں، جمعرات، 24 دسمبر 2026 تک",
                "آخری تاریخیں",
                "آج سے 27 دن۔",
                "کون مدد کر سکتا ہے",
                "SEND ضابطۂ عمل (SEND Code of Practice)، پیراگراف",
                "آپ کے جوابات",
                "28 نومبر 2026 کو تیار کیا گیا۔",
            ],
        ),
    ],
)
def test_the_plan_speaks_the_pages_language_with_its_dates(client, content, language, expected):
    html = client.get(f"/{language}{PLAN}").content.decode()
    text = _page_text(html)
    for words in expected:
        assert words in text
    assert [words for words in ENGLISH_WORDS if words in text] == []


@pytest.mark.django_db
def test_the_calendar_file_is_in_the_plans_language(client, content):
    response = client.get(f"/pl{PLAN.replace('/result/', '/result/calendar.ics')}")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    titles = [str(event["SUMMARY"]) for event in events]
    assert titles == [
        "Ostatni dzień na kontakt z doradcą ds. mediacji (mediation adviser)",
        "Ostatni dzień na odwołanie: odwołanie musi dotrzeć do Trybunału (Tribunal) do godz. 17:00",
    ]
    assert str(events[0]["DESCRIPTION"]).startswith(
        "Ostatni dzień, piątek, 25 grudnia 2026, nie jest dniem roboczym. "
        "Z twojego planu działania: http://testserver/pl/what-can-i-do/result/?"
    )
