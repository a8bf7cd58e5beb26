"""No English is left on a Polish or Urdu page but what is kept on purpose (issue 15).

Every kind of public page is rendered in each language through the test client. What a reader
sees or hears (the text, and the alt, title and aria-label a screen reader reads) outside any
element marked as another language (lang="en": the English half of the banner, a made letter,
the Code's own words) must be in the page's language, apart from what the translation spec keeps
in English: names of organisations, citations of Acts and regulations, the English legal terms
kept beside a translation ("plan EHC (EHC plan)"), web and email addresses. A sentence left
with English words in it is named, with the pages it is on, so it can be translated.
"""

import re
from collections import defaultdict
from datetime import date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import time_machine

from glossary.models import Term
from guidance import advice, flow
from guidance.models import Reference
from letters.models import Letter
from letters.placeholders import asked_in
from routes.models import Organisation, Route
from tests.clock import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_pages")]

LONDON = ZoneInfo("Europe/London")

# English words that are never Polish. Polish shares a few short words with English ("to", "on",
# "by", "no", "do", "we", "my", "was", "a", "i", "plan"): those are left out, or every Polish page
# would fail.
# fmt: off
ENGLISH_WORDS = frozenset({
    "the", "and", "your", "you", "with", "what", "this", "that", "will", "must", "can", "about",
    "from", "have", "has", "when", "which", "there", "their", "they", "them", "not", "for", "are",
    "is", "of", "in", "if", "or", "be", "it", "its", "an", "at", "as", "should", "would", "could",
    "may", "our", "these", "those", "than", "then", "into", "been", "were", "also", "only", "any",
    "each", "who", "how", "why", "where", "here", "after", "before", "until", "within", "because",
    "please", "but", "so", "all", "more", "other", "over", "under", "out", "up", "school", "child",
    "decision", "letter", "days", "help", "ask", "page", "question", "answer",
})
# fmt: on
# English kept on purpose that the site's tables do not name (organisations and the glossary give
# the rest): official terms kept in brackets beside their translation (translation-spec.md), and
# names of bodies, laws and schools the pages mention.
KEPT_ENGLISH = (
    # Legal and official terms, as the letters a family gets and the law write them.
    "First-tier Tribunal (SEND)",
    "First-tier Tribunal",
    "SEND Code of Practice",
    "Code of Practice",
    "special educational needs and disability",
    "special educational needs",
    "education, health and care (EHC) needs assessment",
    "education, health and care (EHC) plan",
    "compulsory school age",
    "further education or sixth-form college",
    "post-16 institution",
    "school sixth form",
    "16 to 19 academy",
    "letter before claim",
    "Pre-Action Protocol for Judicial Review",
    "early years setting",
    "final amended plan",
    "mainstream school",
    "NHS complaints procedure",
    "clinical commissioning groups",
    "school exclusions",
    "exclusions",
    "speech and language therapy",
    "application for an independent review of a permanent exclusion",
    "council’s decision letter",
    "cease to maintain",
    "legal time limit",
    "mental capacity",
    "unfavourable treatment",
    "health or social care",
    "decision letter",
    "council",
    "register your appeal",
    "schools white paper",
    "King’s Speech",
    "Education for All Bill",
    "Tribunal’s rules",
    "Tribunal rules",
    "Web Content Accessibility Guidelines",
    "SEN",
    "SEND",
    # Bodies and services named on the pages.
    "London Borough of Ealing",
    "Department for Education",
    "Equality and Human Rights Commission",
    "Equality Advisory and Support Service",
    "NHS North West London Integrated Care Board",
    "NHS North West London",
    "NHS North Central London",
    "Coram Child Law Advice",
    "Child Law Advice",
    "School Exclusion Clinic",
    "Ealing Service for Children with Additional Needs",
    "Independent Provider of Special Education Advice",
    # Court judgments, cited by their names.
    "R (L, M and P) v Devon County Council",
    # The example in the hint for a school's name.
    "Ealing Park Primary School",
)
# A citation of the law: "Children and Families Act 2014", "SEND Regulations 2014, regulation 5",
# "HESC Tribunal Rules 2008, rule 20", "Equality Act 2010, sections 15, 20 and 85", "Public Sector
# Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018".
CITATION = re.compile(
    r"(?:[A-Z][\w’'-]*|\((?:[A-Z][\w’'.-]*|\d+|and|of|,| )+\)|and|of|for|the)"
    r"(?:[ ,]+(?:[A-Z][\w’'-]*|\((?:[A-Z][\w’'.-]*|\d+|and|of|,| )+\)|and|of|for|the))*"
    r" (?:Act|Regulations|Rules|Order) \d{4}"
    r"(?:,? (?:regulations?|rules?|sections?|paragraphs?|articles?|[Ss]chedule|[Pp]art|reg\.|r\.|s\.)"
    r" [\dA-Z]+(?:\(\w+\))*(?:(?:, | to | and )[\dA-Z]+(?:\(\w+\))*)*(?: \(\w+\))?)*"
)
ADDRESSES = re.compile(
    r"\S+@\S+\.\w+|https?://\S+|www\.\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|org|com|net)\b/?\S*"
)
# Where a sentence ends (Urdu's full stop is ۔), but not after "No." as in "(No. 2) Regulations"
# or Polish "m.in." ("among others").
SENTENCE_END = re.compile(r"(?<=[.!?۔؟])(?<!No\.)(?<!m\.in\.)\s+")
# Abbreviations whose letters are not words: Polish "m.in.".
ABBREVIATIONS = re.compile(r"(?<![^\W\d_])m\.in\.")
# A whole word in any alphabet ("upływa" is one Polish word, not "up" and "ywa").
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'-])*")
# Three or more Latin-letter words in a row: English on an Urdu page, which has no Latin words.
LATIN_WORD = r"(?<![^\W\d_])[A-Za-z][A-Za-z’'-]*(?![^\W\d_])"
LATIN_RUN = re.compile(rf"{LATIN_WORD}(?:[\s,:;،؛]+{LATIN_WORD}){{2,}}")
# The title of a publication cited as a source, in quotation marks inside brackets: "(Child Law
# Advice, ‘Complaints to maintained schools’)".
CITED_TITLE = re.compile(r"(?<=[(,] )‘[^’]*’(?=\))|(?<=\()‘[^’]*’(?=\))")
# Elements whose text is laid out on lines of its own; the rest run on inside a sentence.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "mark", "q", "s", "small"}
INLINE |= {"span", "strong", "sub", "sup", "time", "u", "var", "label"}
NOT_SHOWN = {"script", "style", "template"}
READ_ALOUD = ("alt", "title", "aria-label", "placeholder")

# A plan's answers in the address: dates as the rules' examples give them.
DECISION = date(2026, 10, 1)


def _address(path: str, answers=None, **fields) -> str:
    query = urlencode({**flow.to_query(answers or {}), **fields})
    return f"{path}?{query}" if query else path


def _question_pages() -> list[str]:
    """Each question on the first path that asks it, first empty and then answered wrongly."""
    paths = list(flow.every_path(advice.example_dates(DECISION)))
    pages = []
    for key, question in flow.QUESTIONS.items():
        answers = next(a for a in paths if key in a)
        asked = flow.path(answers)
        before = {earlier: answers[earlier] for earlier in asked[: asked.index(key)]}
        pages.append(_address(f"/what-can-i-do/{key}/", before))
        wrong = {f"{key}_0": "31", f"{key}_1": "2", f"{key}_2": "2026"} if question.is_date else {}
        pages.append(_address(f"/what-can-i-do/{key}/answer/", before, **wrong))
    return pages


def _plans() -> list[tuple[str, date]]:
    """A plan of every kind the rules give, and enough plans on other days to show every word of
    advice the rules can produce (advice.every_plan's worked examples): (address, today)."""
    plans = [
        (_address("/what-can-i-do/result/", found.paths[0]), TODAY)
        for found in advice.plans_and_paths(DECISION, TODAY)
    ]
    shown: set[tuple[str, str]] = set()
    for answers, plan, today in advice.every_plan():
        codes = {
            (kind, code)
            for kind, found in advice.plan_codes(plan, answers, today).items()
            for code in found
        }
        if codes - shown:
            shown |= codes
            plans.append((_address("/what-can-i-do/result/", answers), today))
    return plans


def _check_pages() -> list[str]:
    return [
        _address("/what-can-i-do/check/", found.paths[0])
        for found in advice.plans_and_paths(DECISION, TODAY)
    ]


COUNCIL_ALL_DATES = (
    "/council-deadlines/?request_date=2026-05-04&draft_plan_date=2026-09-01"
    "&review_meeting_date=2026-11-05&amendment_notice_date=2026-11-20&transfer_year=2027"
    "&transfer=school"
)
LETTER_DETAILS = {
    "parent_name": "Anna Nowak",
    "child_name": "Zofia Nowak",
    "school_name": "Brackenbury Vale Primary School",
    "decision": "refuse-plan",
    "appeal_decision": "refuse-plan",
    "regulation": "reg-13-2",
    "provision": "Terapia mowy raz w tygodniu.",
    "mediation_choice": "no",
    "concerns": "Zajęcia z czytania skończyły się we wrześniu.",
    "what_you_want": "Codzienne zajęcia z asystentem.",
    **{
        f"{key}_{part}": value
        for key in (
            "date_due",
            "decision_date",
            "request_date",
            "exclusion_date",
            "governors_decision_date",
            "child_date_of_birth",
            "provision_missing_since",
        )
        for part, value in enumerate(("20", "11", "2026"))
    },
    # A date to come, for the help to start by (the page is seen on 28 November 2026).
    **{f"start_by_{part}": value for part, value in enumerate(("14", "12", "2026"))},
}


def public_pages() -> list[tuple[str, date]]:
    """Every kind of public page, (address without the language, the day it is seen on)."""
    today = [
        "/",
        "/what-can-i-do/",
        *_question_pages(),
        *_check_pages(),
        "/what-can-i-do/rules/",
        "/deadlines/",
        "/deadlines/?decision_date_0=14&decision_date_1=1&decision_date_2=2026",
        "/deadlines/?decision_date_0=&decision_date_1=13&decision_date_2=2026",
        "/council-deadlines/",
        COUNCIL_ALL_DATES,
        "/council-deadlines/?request_date=2026-05-04&draft_plan_date=2026-05-01&transfer_year=2027",
        "/routes/",
        "/routes/print/",
        *(f"/routes/{route.slug}/" for route in Route.objects.all()),
        "/organisations/",
        "/organisations/?route=mediation",
        "/organisations/?route=nonsense",
        *(f"/organisations/{org.slug}/" for org in Organisation.objects.all()),
        "/glossary/",
        "/letters/",
        *(f"/letters/{letter.slug}/" for letter in Letter.objects.all()),
        "/letters/chase-late-decision/?regulation=reg-13-2&date_due=2026-11-20",
        "/accessibility/",
        "/privacy/",
        "/no-such-page/",
    ]
    return [(url, TODAY) for url in today] + _plans()


def rendered(client, code: str, url: str, today: date) -> str:
    with time_machine.travel(datetime(today.year, today.month, today.day, 12, tzinfo=LONDON)):
        response = client.get(f"/{code}{url}")
    assert response.status_code in (200, 404), f"/{code}{url}: {response.status_code}"
    return response.content.decode()


def made_letters(client, code: str) -> dict[str, str]:
    """Each letter made from its form, as the page that shows it (the letter itself is English)."""
    pages = {}
    for letter in Letter.objects.all():
        asked = asked_in(letter.body)
        posted = {
            key: value
            for key, value in LETTER_DETAILS.items()
            if key in asked or key.rsplit("_", 1)[0] in asked
        }
        url = f"/{code}/letters/{letter.slug}/letter/"
        with time_machine.travel(datetime(2026, 11, 28, 12, tzinfo=LONDON)):
            response = client.post(url, posted, HTTP_ORIGIN="http://testserver")
        assert response.status_code == 200, url
        pages[f"{url} (made)"] = response.content.decode()
    return pages


def _flat(text: str | None) -> str:
    """Text as a browser lays it out: any run of spaces and line ends is one space."""
    return re.sub(r"\s+", " ", text or "")


def _lines(element, language: str, out: list[str]) -> None:
    """The text a reader meets in `element`, a line per block, leaving out what is marked as
    another language."""
    if not isinstance(element.tag, str) or element.tag in NOT_SHOWN:
        out.append(_flat(element.tail))
        return
    marked = element.get("lang")
    if marked is not None and marked.split("-")[0] != language:
        out.append("\n" + _flat(element.tail))
        return
    block = element.tag not in INLINE
    if block:
        out.append("\n")
    for name in READ_ALOUD:
        if element.get(name):
            out.append(f"\n{_flat(element.get(name))}\n")
    if element.tag == "input" and element.get("type") in ("submit", "button"):
        out.append(f"\n{_flat(element.get('value'))}\n")
    out.append(_flat(element.text))
    for child in element:
        _lines(child, language, out)
    if block:
        out.append("\n")
    out.append(_flat(element.tail))


def sentences(html: str, language: str) -> list[str]:
    """Every sentence a reader meets on the page in `language`, outside elements marked as
    another language and outside scripts and styles."""
    root = lxml.html.document_fromstring(html)
    out: list[str] = []
    _lines(root, language, out)
    found = []
    for line in "".join(out).splitlines():
        line = " ".join(line.split())
        found.extend(s for s in SENTENCE_END.split(line) if s)
    return found


def kept_english() -> re.Pattern:
    """What may stay English on any page: organisations' names, the glossary's English terms and
    what they are also called, the law behind each deadline as cited, what a family typed into a
    letter, and KEPT_ENGLISH; longest first, so a long name is taken out before a part of it."""
    kept = set(KEPT_ENGLISH)
    # What the family typed into a letter's form comes back on the page as they wrote it.
    kept.update(value for value in LETTER_DETAILS.values() if not value.isdigit())
    kept.update(Organisation.objects.values_list("name", flat=True))
    kept.update(Reference.objects.values_list("title", flat=True))
    for term in Term.objects.all():
        kept.add(term.term_en)
        kept.update(name.strip() for name in term.also_called_en.split(";") if name.strip())
    longest_first = sorted(kept, key=len, reverse=True)
    # A term may be in the plural ("EHC plans").
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, longest_first)) + r")s?(?![\w-])", re.I
    )


def without_kept_english(sentence: str, kept: re.Pattern) -> str:
    """The sentence without addresses, citations of the law and the English kept on purpose."""
    for allowed in (ADDRESSES, CITATION, CITED_TITLE, ABBREVIATIONS, kept):
        sentence = allowed.sub(" ", sentence)
    return sentence


def english_in(sentence: str, language: str, kept: re.Pattern) -> list[str]:
    """The English left in a sentence once what is kept on purpose is taken out: English words
    that are never Polish, and (on a page in a language not written in Latin letters) any run of
    three Latin-letter words."""
    left = without_kept_english(sentence, kept)
    found = [word for word in WORD.findall(left) if word.lower() in ENGLISH_WORDS]
    if language == "ur":
        found += LATIN_RUN.findall(left)
    return found


def english_left(pages: dict[str, str], language: str, kept: re.Pattern) -> dict[str, list[str]]:
    """Each sentence with English left in it, and the pages it is on (a sentence that differs
    only by the page's own address, as "Printed from …" does, is listed once)."""
    where: dict[str, list[str]] = defaultdict(list)
    for url, html in pages.items():
        for sentence in dict.fromkeys(sentences(html, language)):
            if english_in(sentence, language, kept):
                where[ADDRESSES.sub("<address>", sentence)].append(url)
    return where


def report(where: dict[str, list[str]], language: str, kept: re.Pattern) -> str:
    lines = [f"{len(where)} sentences with English left on the {language} pages:"]
    for sentence, urls in sorted(where.items(), key=lambda item: item[1][0]):
        also = f" (and {len(urls) - 1} more pages)" if len(urls) > 1 else ""
        words = ", ".join(dict.fromkeys(english_in(sentence, language, kept)))
        lines.append(f"- {urls[0]}{also}: {sentence!r}  [{words}]")
    return "\n".join(lines)


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_no_english_is_left_on_any_page_but_what_is_kept_on_purpose(client, content, language):
    pages = {
        f"/{language}{url}": rendered(client, language, url, today) for url, today in public_pages()
    }
    pages.update(made_letters(client, language))
    kept = kept_english()
    where = english_left(pages, language, kept)
    assert not where, report(where, language, kept)


PAGE = """<!doctype html><html lang="pl"><head><title>Twój plan</title>
<style>.x {{ color: red }}</style><script>var and = "the";</script></head><body>
<p>{sentence}</p>
<p lang="en">Ealing ISAID has not yet checked this translation.</p>
<p>Odwołanie do Trybunału (First-tier Tribunal (SEND)) na podstawie Children and Families Act
2014, section 51; SEND Regulations 2014, regulation 33 i planu EHC (EHC plan). Napisz do
sen@ealing.gov.uk lub zobacz www.ealing.gov.uk/send albo https://www.ipsea.org.uk.</p>
<img src="x.png" alt="{alt}"></body></html>"""


@pytest.mark.parametrize(
    ("sentence", "alt", "found"),
    [
        ("Wszystko jest po polsku.", "Logo", []),
        (
            "Ask the school for a meeting.",
            "Logo",
            ["Ask the school for a meeting."],
        ),
        ("Wszystko jest po polsku.", "Print this plan", ["Print this plan"]),
        # Whole words: "upływa" and "odesłany" hide no "up" or "any".
        ("Termin upływa, gdy uczeń zostaje odesłany do domu.", "Logo", []),
        (
            "Możesz złożyć skargę (Child Law Advice, ‘Complaints to maintained schools’).",
            "Logo",
            [],
        ),
        (
            "Napisz, jak your child odczuwa skutki.",
            "Logo",
            ["Napisz, jak your child odczuwa skutki."],
        ),
        (
            "Zadzwoń do szkoły, then write to the council.",
            "Logo",
            ["Zadzwoń do szkoły, then write to the council."],
        ),
    ],
)
def test_the_check_finds_english_but_not_what_is_kept_on_purpose(content, sentence, alt, found):
    """The test above would pass on any page if it could not see English: prove it can, and that
    it passes the English kept on purpose, the English marked as English and scripts."""
    html = PAGE.format(sentence=sentence, alt=alt)
    where = english_left({"/pl/x/": html}, "pl", kept_english())
    assert list(where) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("آپ ٹریبونل (Tribunal) میں اپیل کر سکتے ہیں۔", False),
        ("آپ Children and Families Act 2014 کے تحت اپیل کر سکتے ہیں۔", False),
        ("آپ Ealing Council's complaints team سے رابطہ کریں۔", True),
        ("Tell the mediation adviser", True),
    ],
)
def test_the_check_finds_latin_words_on_an_urdu_page(content, sentence, found):
    kept = kept_english()
    assert bool(english_in(sentence, "ur", kept)) is found
