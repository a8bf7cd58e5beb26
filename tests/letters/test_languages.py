"""Letters on a Polish or Urdu page: the letter to send stays in English (the council, schools and
mediation advisers read English), and the family also reads what it says in their language, with
the site's words and dates in that language."""

import re
from datetime import date
from io import BytesIO

import pytest
from docx import Document

from letters.models import Letter
from letters.placeholders import DECISIONS, TIME_LIMITS, words_for
from tests.letters.test_letters import CHILD, ESSENTIALS, OPTIONAL, OUR_ORIGIN, PARENT, SLUGS

# Each language's way of marking its text, and words of its translation of the chasing letter.
DIRECTION = {"pl": "ltr", "ur": "rtl"}
ENGLISH_LETTER = re.compile(r'<div class="app-letter" lang="en" dir="ltr">(.*?)</div>', re.S)


def translated_letter(html: str, language: str) -> str:
    """The family's copy of the letter in the page, marked with its language and direction."""
    found = re.search(
        rf'<div class="app-letter-translation[^"]*" lang="{language}" '
        rf'dir="{DIRECTION[language]}">(.*?)</div>',
        html,
        re.S,
    )
    assert found, f"no letter marked lang={language}"
    return found[1]


def make(client, language: str, slug: str, data: dict, word: bool = False):
    letter = Letter.objects.get(slug=slug)
    asked = set(re.findall(r"\{(\w+)\}", letter.body_en + letter.body_pl + letter.body_ur))
    if "duty" in asked:
        asked.add("regulation")
    body = {k: v for k, v in data.items() if k.rsplit("_", 1)[0] in asked or k in asked}
    if word:
        body["format"] = "word"
    return client.post(f"/{language}/letters/{slug}/letter/", body, **OUR_ORIGIN)


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_is_in_english_first_then_in_the_familys_language(
    client, content, language, slug
):
    html = make(client, language, slug, ESSENTIALS | OPTIONAL).content.decode()
    letter = Letter.objects.get(slug=slug)
    english = ENGLISH_LETTER.search(html)
    translated = translated_letter(html, language)
    assert english and html.index(english[0]) < html.index(translated)
    # Both are filled with the family's answers; neither has a placeholder left.
    for words in (english[1], translated):
        assert PARENT in words and CHILD in words
        assert "{" not in words
    # The English is the English letter, the other the staff's translation of it.
    last_english_line = letter.body_en.strip().splitlines()[-3]
    last_translated_line = getattr(letter, f"body_{language}").strip().splitlines()[-3]
    assert last_english_line in english[1] and last_english_line not in translated
    assert last_translated_line in translated and last_translated_line not in english[1]


@pytest.mark.parametrize(
    ("language", "decision", "regulation", "due", "mediation"),
    [
        (
            "pl",
            "odmowa wydania planu EHC (EHC plan) po ocenie potrzeb EHC",
            "przepisem (regulation) 13(2) rozporządzenia",
            "20 listopada 2026",
            "Nie chcę mediacji (mediation).",
        ),
        (
            "ur",
            "جاری نہ کرنے کا فیصلہ",
            "کے ریگولیشن (regulation) 13(2)",
            "20 نومبر 2026",
            "مجھے ثالثی (mediation) نہیں چاہیے۔",
        ),
    ],
)
def test_the_words_the_site_puts_in_are_english_in_the_letter_and_translated_in_the_copy(
    client, content, language, decision, regulation, due, mediation
):
    limit = TIME_LIMITS["reg-13-2"]
    chasing = make(client, language, "chase-late-decision", ESSENTIALS | OPTIONAL)
    html = chasing.content.decode()
    english, translated = ENGLISH_LETTER.search(html)[1], translated_letter(html, language)
    assert limit.regulation in english and limit.duty in english
    assert "20 November 2026" in english
    assert regulation in translated and due in translated
    assert limit.regulation not in translated and limit.duty not in translated
    assert "November" not in translated

    html = make(client, language, "tell-mediation-adviser", ESSENTIALS | OPTIONAL).content.decode()
    english, translated = ENGLISH_LETTER.search(html)[1], translated_letter(html, language)
    refuse_plan = {code: words for code, _label, words in DECISIONS}["refuse-plan"]
    assert refuse_plan in english and decision in translated
    assert refuse_plan not in translated
    assert "I do not want mediation." in english and mediation in translated


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_word_document_from_a_translated_page_is_the_english_letter(client, content, language):
    response = make(client, language, "tell-mediation-adviser", ESSENTIALS | OPTIONAL, word=True)
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    letter = Letter.objects.get(slug="tell-mediation-adviser")
    assert document.core_properties.title == letter.title_en
    assert "I do not want mediation." in text and "13 October 2026" in text
    assert getattr(letter, f"body_{language}").strip().splitlines()[-3] not in text


@pytest.mark.parametrize(
    ("language", "explained"),
    [
        ("pl", "Piszemy list po angielsku"),
        ("ur", "ہم خط انگریزی میں لکھتے ہیں"),
    ],
)
def test_the_form_says_in_the_familys_language_that_the_letter_is_in_english(
    client, content, language, explained
):
    html = client.get(f"/{language}/letters/complaint-to-school/").content.decode()
    assert explained in html
    assert f'<html lang="{language}" dir="{DIRECTION[language]}"' in html
    assert (
        "Piszemy list po angielsku"
        not in client.get("/letters/complaint-to-school/").content.decode()
    )


def test_an_english_page_shows_the_letter_alone(client, content):
    html = make(client, "en", "complaint-to-school", ESSENTIALS).content.decode()
    assert ENGLISH_LETTER.search(html)
    assert "app-letter-translation" not in html


def test_a_letter_not_yet_translated_is_sent_in_english_with_no_copy(client, content):
    letter = Letter.objects.get(slug="complaint-to-school")
    letter.body_pl = ""
    letter.save()
    form = client.get("/pl/letters/complaint-to-school/").content.decode()
    assert "Piszemy list po angielsku" in form
    assert "Pod nim pokazujemy" not in form
    html = make(client, "pl", "complaint-to-school", ESSENTIALS).content.decode()
    assert PARENT in ENGLISH_LETTER.search(html)[1]
    assert "app-letter-translation" not in html


def test_words_for_translates_only_the_sites_words():
    answers = {"decision": "cease-plan", "regulation": "reg-5-1", "child_name": "Ada"}
    words = words_for(answers, date(2026, 11, 28), str.upper, lambda day: f"day {day:%d}")
    assert words["decision"] == "DECISION TO STOP THE EHC PLAN"
    assert words["duty"] == TIME_LIMITS["reg-5-1"].duty.upper()
    assert words["regulation"] == TIME_LIMITS["reg-5-1"].regulation.upper()
    assert words["today"] == "day 28"
    # What the family typed is theirs, in any language.
    assert words["child_name"] == "Ada"
