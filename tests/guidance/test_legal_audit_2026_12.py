"""The December 2026 legal review's facts, held to their words in English, Polish and Urdu, so no
fix can quietly come undone (../shared/reviews/legal-audit-2026-12.md, findings 1 to 3, 5 and 13).
Letters' facts (findings 4, 9 and 10) are held in tests/letters/."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from icalendar import Calendar

from ealing_send.pagecache import recent_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

ROOT = Path(__file__).parents[2]
PREFIX = {"en": "", "pl": "/pl", "ur": "/ur"}
LANGUAGES = tuple(PREFIX)


def text(client, address: str) -> str:
    """A page's words, tags dropped and spaces closed up, rendered afresh."""
    recent_pages.clear()
    response = client.get(address)
    assert response.status_code == 200, address
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# Finding 1: the final amended plan at most 12 weeks after the review meeting (regs 20 and 22(3),
# R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)).
REVIEW = "/council-deadlines/?review_meeting_date=2026-10-01"
TWELVE_WEEKS = {
    "en": ("Thursday 24 December 2026", "at the latest 12 weeks after the meeting"),
    "pl": ("24 grudnia 2026", "najpóźniej 12 tygodni po spotkaniu"),
    "ur": ("24 دسمبر 2026", "میٹنگ کے زیادہ سے زیادہ 12 ہفتے بعد"),
}
NO_DATE_ANY_MORE = {
    "en": "set no date",
    "pl": "nie określają terminu",
    "ur": "کوئی تاریخ مقرر نہیں",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_final_amended_plan_is_due_12_weeks_after_the_review_meeting(client, language):
    words = text(client, PREFIX[language] + REVIEW)
    day, rule = TWELVE_WEEKS[language]
    assert day in words
    assert rule in words
    assert "R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)" in words
    assert NO_DATE_ANY_MORE[language] not in words


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_file_holds_the_12_week_date(client, language):
    address = f"{PREFIX[language]}/council-deadlines/calendar.ics?review_meeting_date=2026-10-01"
    response = client.get(address)
    assert response.status_code == 200, address
    days = {
        event.decoded("dtstart").isoformat()
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert "2026-12-24" in days


# Finding 2: claims about exclusions go to the Tribunal; the review panel is not "instead".
GLOSSARY_CLAIM = {
    "en": ("This includes suspensions and permanent exclusions", "instead"),
    "pl": ("Dotyczy to także zawieszenia (suspension) i trwałego wykluczenia", "zamiast tego"),
    "ur": (
        "اس میں معطلی (suspension) اور مستقل اخراج (permanent exclusion) بھی شامل ہیں",
        "اس کے بجائے",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_sends_exclusion_discrimination_claims_to_the_tribunal(client, language):
    words = text(client, PREFIX[language] + "/glossary/")
    said, never = GLOSSARY_CLAIM[language]
    assert said in words
    entry = words[words.index(said) - 600 : words.index(said) + 400]
    assert never not in entry


# Finding 3: no conciliation by the Equality and Human Rights Commission (Equality Act 2006 s.27
# repealed in 2013); nothing pauses the 6 months. Finding 13: the month-end rule.
DISCRIMINATION = [
    "/what-can-i-do/result/?who=parent&concern=discrimination&incident_date=2026-05-31",
    "/what-can-i-do/result/?who=parent&concern=exclusion&exclusion_type=suspension"
    "&exclusion_date=2026-10-05",
]
NOTHING_PAUSES = {
    "en": "Nothing pauses the 6 months",
    "pl": "Nic nie wstrzymuje biegu 6 miesięcy",
    "ur": "کوئی چیز 6 مہینوں کو نہیں روکتی",
}
MONTH_END = {
    "en": "or the last day of that month if it has no such date",
    "pl": "a jeśli w tym miesiącu nie ma takiej daty, ostatni dzień tego miesiąca",
    "ur": "یا اگر اس مہینے میں ایسی کوئی تاریخ نہ ہو تو اس مہینے کا آخری دن",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("address", DISCRIMINATION)
def test_discrimination_plans_offer_no_conciliation_months(client, language, address):
    words = text(client, PREFIX[language] + address)
    assert "Equality and Human Rights Commission" not in words
    assert NOTHING_PAUSES[language] in words
    assert MONTH_END[language] in words


def test_the_31_may_case_gives_30_november(client):
    words = text(client, DISCRIMINATION[0])
    assert "Monday 30 November 2026" in words


# Old words that must not come back anywhere a page can show: the content, its translations and
# the interface words.
NEVER_AGAIN = (
    "3 months more",
    "3 miesiące więcej",
    "3 مہینے مزید",
    "goes to the independent review panel instead",
    "trafia zamiast tego do panelu",
    "اس کے بجائے آزاد جائزہ پینل",
    "regulations set no date for sending you the proposed changes",
)


def test_no_shipped_words_say_what_the_review_found_wrong():
    files = [*ROOT.glob("fixtures/*.json"), *ROOT.glob("fixtures/translations/*/*.json")]
    files += ROOT.glob("locale/*/LC_MESSAGES/django.po")
    for path in files:
        if path.suffix == ".json":
            # Only what is shown: a translation's "was" keeps the old words on purpose.
            rows = json.loads(path.read_text(encoding="utf-8"))
            words = json.dumps([row["fields"] for row in rows], ensure_ascii=False)
        else:
            words = path.read_text(encoding="utf-8")
        for phrase in NEVER_AGAIN:
            assert phrase not in words, (path.name, phrase)


# Finding 5: help in the plan not given offers the section 42 letter, in every language.
@pytest.mark.parametrize("language", LANGUAGES)
def test_help_not_given_offers_the_section_42_letter_in_every_language(client, language):
    recent_pages.clear()
    address = f"{PREFIX[language]}/what-can-i-do/result/?who=parent&concern=plan-not-delivered"
    html = client.get(address).content.decode()
    assert f"{PREFIX[language]}/letters/help-in-plan-not-given/" in html
