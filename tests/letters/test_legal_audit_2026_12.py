"""The letters' fixes from the legal audit of 7 December 2026 (/work/shared/reviews/
legal-audit-2026-12.md, findings 1, 4, 5, 7, 9 and 10): each fact held to its words in the English
letter a family sends and in the Polish and Urdu copy they read. The clock is frozen at
tests.clock.TODAY (28 November 2026) by tests/letters/conftest.py, unless a test moves it."""

import re
from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from docx import Document
from reversion.models import Version

from letters.models import Letter
from letters.placeholders import PLACEHOLDERS, TIME_LIMITS, asked_in, words_for
from letters.word import WORD_TYPE
from routes.models import ShippedContent
from tests.clock import TODAY
from tests.letters.test_languages import ENGLISH_LETTER, make, translated_letter
from tests.letters.test_letters import ESSENTIALS
from translations.status import translated_fields

LONDON = ZoneInfo("Europe/London")
SECTION_42 = "help-in-plan-not-given"


def english(response) -> str:
    return ENGLISH_LETTER.search(response.content.decode())[1]


def errors(response) -> str:
    """The page's error summary, as text."""
    page = response.content.decode()
    summary = page.split('class="govuk-error-summary', 1)[1].split("</ul>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", summary).split())


def dated(prefix: str, day: int, month: int, year: int) -> dict:
    return {f"{prefix}_0": str(day), f"{prefix}_1": str(month), f"{prefix}_2": str(year)}


# Finding 4: "I want mediation" must tell the council, with the mediation issues (SEND Regulations
# 2014 reg 32(e) and (f)).
ISSUES = "The speech and language therapy in section F."
HEALTH = "A continence nurse visit each term."
WANTS_MEDIATION = ESSENTIALS | {
    "mediation_choice": "yes",
    "mediation_issues": ISSUES,
    "health_provision": HEALTH,
}
COPY_TO_COUNCIL = {
    "en": (
        "I am sending a copy of this letter to the council’s contact named in its decision letter, "
        "to tell the council that I want mediation and what it is about (Special Educational "
        "Needs and Disability Regulations 2014, regulation 32)."
    ),
    "pl": "Przesyłam kopię tego pisma osobie kontaktowej samorządu (council)",
    "ur": "اس خط کی ایک کاپی کونسل کے فیصلے کے خط (decision letter) میں درج کونسل کے رابطہ شخص",
}
ISSUES_LINE = {
    "pl": "Czego ma dotyczyć mediacja (mediation issues): ",
    "ur": "جن امور پر ثالثی (mediation) درکار ہے (mediation issues): ",
}


def test_wanting_mediation_names_the_issues_and_the_health_care_and_copies_the_council(
    client, content
):
    letter = english(make(client, "en", "tell-mediation-adviser", WANTS_MEDIATION))
    assert "I would like to try mediation." in letter
    assert f"What I want mediation about: {ISSUES}" in letter
    assert f"The health care I want the EHC plan to include: {HEALTH}" in letter
    assert COPY_TO_COUNCIL["en"] in letter


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_familys_copy_says_the_issues_and_the_copy_to_the_council_in_their_language(
    client, content, language
):
    html = make(client, language, "tell-mediation-adviser", WANTS_MEDIATION).content.decode()
    assert COPY_TO_COUNCIL["en"] in ENGLISH_LETTER.search(html)[1]
    translated = translated_letter(html, language)
    assert ISSUES_LINE[language] + ISSUES in translated
    assert COPY_TO_COUNCIL[language] in translated
    assert "regulation 32" in translated and COPY_TO_COUNCIL["en"] not in translated


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter what you want mediation about"),
        ("pl", "Wpisz: czego ma dotyczyć mediacja (mediation issues)"),
        (
            "ur",
            "آپ ثالثی (mediation) میں کن امور پر بات کرنا چاہتے ہیں (mediation issues) درج کریں",
        ),
    ],
)
def test_wanting_mediation_without_the_issues_is_a_gov_uk_error(client, content, language, message):
    response = make(
        client, language, "tell-mediation-adviser", ESSENTIALS | {"mediation_choice": "yes"}
    )
    assert 'href="#id_mediation_issues"' in response.content.decode()
    assert message in errors(response)


def test_not_wanting_mediation_needs_no_issues_and_says_nothing_of_them(client, content):
    typed_anyway = ESSENTIALS | {"mediation_issues": ISSUES, "health_provision": HEALTH}
    letter = english(make(client, "en", "tell-mediation-adviser", typed_anyway))
    assert "I do not want mediation." in letter
    assert ISSUES not in letter and HEALTH not in letter
    assert "regulation 32" not in letter


def test_the_health_care_line_is_optional(client, content):
    wanted = WANTS_MEDIATION | {"health_provision": ""}
    letter = english(make(client, "en", "tell-mediation-adviser", wanted))
    assert ISSUES in letter and "The health care I want" not in letter


@pytest.mark.parametrize(
    ("language", "send_to_both"),
    [
        ("en", "send the letter to both the mediation adviser and the council’s contact"),
        ("pl", "wyślij pismo zarówno do doradcy ds. mediacji (mediation adviser), jak i do"),
        ("ur", "دونوں کو بھیجیں"),
    ],
)
def test_the_form_says_to_send_it_to_both(client, content, language, send_to_both):
    prefix = "" if language == "en" else f"/{language}"
    page = client.get(f"{prefix}/letters/tell-mediation-adviser/").content.decode()
    assert send_to_both in page
    assert 'name="mediation_issues"' in page and 'name="health_provision"' in page


# Finding 10: "as section 55 requires" is untrue for an appeal only about the school named.


def test_the_mediation_letter_does_not_offer_a_placement_only_appeal(client, content):
    page = client.get("/letters/tell-mediation-adviser/?decision=placement-only").content.decode()
    assert 'value="placement-only"' not in page
    assert 'value="plan-contents"' in page
    assert "you do not need a mediation certificate" in page
    refused = make(
        client,
        "en",
        "tell-mediation-adviser",
        ESSENTIALS | {"appeal_decision": "placement-only"},
    )
    assert 'href="#id_appeal_decision_1"' in refused.content.decode()
    assert "as section 55 of the Children and Families Act 2014 requires" not in (
        refused.content.decode()
    )


# Finding 10: the s.36(5) sentence only for a decision not to assess.
REASONS = {
    "en": "section 36(5) of the Children and Families Act 2014 requires the council to tell me",
    "pl": "section 36(5) Children and Families Act 2014 zobowiązuje samorząd (council)",
    "ur": "کے section 36(5) کے تحت کونسل پر لازم ہے",
}


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
@pytest.mark.parametrize(
    "decision",
    ["refuse-assessment", "cease-plan", "refuse-plan", "plan-contents", "other"],
)
def test_the_section_36_5_sentence_is_only_for_a_refusal_to_assess(
    client, content, language, decision
):
    html = make(
        client, language, "ask-council-to-explain-decision", ESSENTIALS | {"decision": decision}
    ).content.decode()
    said = ENGLISH_LETTER.search(html)[1] if language == "en" else translated_letter(html, language)
    assert (REASONS[language] in said) is (decision == "refuse-assessment")
    assert (REASONS["en"] in ENGLISH_LETTER.search(html)[1]) is (decision == "refuse-assessment")


# Finding 9: a time limit still to come is not late.


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Date it was due must be today or in the past"),
        ("pl", "Data, do której należało to zrobić nie może być datą z przyszłości"),
        ("ur", "آج کی یا گزری ہوئی تاریخ ہونی چاہیے"),
    ],
)
def test_the_chasing_letter_refuses_a_due_date_after_today(client, content, language, message):
    tomorrow = ESSENTIALS | dated("date_due", 29, 11, 2026)
    response = make(client, language, "chase-late-decision", tomorrow)
    assert 'href="#id_date_due_0"' in response.content.decode()
    assert message in errors(response)
    assert "That time limit ended on 29 November 2026" not in response.content.decode()


def test_the_chasing_letter_takes_a_time_limit_that_ended_today(client, content):
    letter = english(
        make(client, "en", "chase-late-decision", ESSENTIALS | dated("date_due", 28, 11, 2026))
    )
    assert "That time limit ended on 28 November 2026" in letter


def test_what_is_after_today_moves_with_the_clock(client, content):
    # 30 March 2027, the audit's example: refused on 28 November 2026, a real late date by June.
    due = ESSENTIALS | dated("date_due", 30, 3, 2027) | {"regulation": "reg-5-1"}
    assert "There is a problem" in make(client, "en", "chase-late-decision", due).content.decode()
    with time_machine.travel(datetime(2027, 6, 1, 12, tzinfo=LONDON), tick=False):
        letter = english(make(client, "en", "chase-late-decision", due))
    assert "That time limit ended on 30 March 2027" in letter
    assert "1 June 2027" in letter


EXCEPTIONS = {
    "reg-5-1": "regulation 5(4)",
    "reg-10-1": "regulation 10(4)",
    "reg-13-2": "regulation 13(3)",
}


@pytest.mark.parametrize("code", list(TIME_LIMITS))
def test_the_exceptions_question_is_asked_only_where_the_regulation_has_exceptions(
    client, content, code
):
    letter = english(make(client, "en", "chase-late-decision", ESSENTIALS | {"regulation": code}))
    if code in EXCEPTIONS:
        assert (
            f"If you think one of the exceptions in {EXCEPTIONS[code]} applies, please tell me "
            "which one and why."
        ) in letter
    else:
        assert "exceptions" not in letter


@pytest.mark.parametrize(
    ("language", "asked"),
    [
        ("pl", "przewidzianych w przepisie (regulation) 5(4), proszę o informację"),
        ("ur", "ریگولیشن (regulation) 5(4) میں دی گئی مستثنیات (exceptions)"),
    ],
)
def test_the_exceptions_question_in_the_familys_language(client, content, language, asked):
    for code, says in (("reg-5-1", True), ("reg-20", False)):
        html = make(
            client, language, "chase-late-decision", ESSENTIALS | {"regulation": code}
        ).content.decode()
        assert (asked in translated_letter(html, language)) is says


# Finding 1: after an annual review (R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)).
DEVON = "R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin)"


def test_the_annual_review_decision_includes_sending_the_proposed_changes(client, content):
    letter = english(
        make(client, "en", "chase-late-decision", ESSENTIALS | {"regulation": "reg-20"})
    )
    assert (
        "the council had to tell me within 4 weeks of the annual review meeting whether it "
        "proposed to keep, change or stop maintaining the EHC plan, and, if it proposed changes, "
        "to send them to me with that decision."
    ) in letter


def test_the_final_amended_plan_can_be_chased_12_weeks_after_the_review_meeting(client, content):
    limit = TIME_LIMITS["reg-22-annual-review"]
    assert "12 weeks" in limit.label and "12 weeks" in limit.duty
    form = client.get("/letters/chase-late-decision/?regulation=reg-22-annual-review")
    assert re.search(r'value="reg-22-annual-review"\s+checked', form.content.decode())
    letter = english(
        make(
            client,
            "en",
            "chase-late-decision",
            ESSENTIALS | {"regulation": "reg-22-annual-review"} | dated("date_due", 24, 11, 2026),
        )
    )
    assert (
        "Under regulations 20 and 22(3) of the Special Educational Needs and Disability "
        f"Regulations 2014, read together as the High Court read them in {DEVON}, the council had "
        "to send me the final amended EHC plan within 12 weeks of the annual review meeting"
    ) in letter
    assert "That time limit ended on 24 November 2026" in letter


@pytest.mark.parametrize(
    ("language", "regulation", "twelve_weeks"),
    [
        ("pl", "przepisami (regulations) 20 i 22(3)", "w ciągu 12 tygodni od spotkania"),
        ("ur", "ریگولیشنز (regulations) 20 اور 22(3)", "کی میٹنگ کے 12 ہفتوں کے اندر"),
    ],
)
def test_the_12_weeks_in_the_familys_language(client, content, language, regulation, twelve_weeks):
    html = make(
        client,
        language,
        "chase-late-decision",
        ESSENTIALS | {"regulation": "reg-22-annual-review"},
    ).content.decode()
    translated = translated_letter(html, language)
    assert regulation in translated and twelve_weeks in translated and DEVON in translated
    assert TIME_LIMITS["reg-22-annual-review"].duty not in translated


# Finding 7: reg 18(1)(a) is a move to a post-16 institution, which is not a school.


def test_a_post_16_move_names_an_institution_that_is_not_a_school():
    limit = TIME_LIMITS["reg-18-1-a"]
    for words in (limit.label, limit.duty):
        assert "further education or sixth-form college" in words
        assert "post-16 institution that is not a school" in words
        assert "post-16 place" not in words


# Finding 5: a section 42 letter to the SEN team.
SECTION_42_DETAILS = ESSENTIALS | {
    "provision": "1 hour of speech and language therapy each week, from a therapist.",
    **dated("provision_missing_since", 1, 9, 2026),
    **dated("start_by", 14, 12, 2026),
    "concerns": "The therapist left in July.",
}


def test_the_section_42_letter_asks_the_sen_team_for_the_help_by_a_date(client, content):
    found = Letter.objects.get(slug=SECTION_42)
    assert found.is_published and "section F" in found.when_to_use
    assert asked_in(found.body) == [
        "parent_name",
        "parent_address",
        "parent_contact",
        "child_name",
        "child_date_of_birth",
        "school_name",
        "provision",
        "provision_missing_since",
        "start_by",
        "concerns",
    ]
    letter = english(make(client, "en", SECTION_42, SECTION_42_DETAILS))
    assert "To the special educational needs (SEN) team\nLondon Borough of Ealing" in (
        letter.replace("<br>", "\n")
    )
    assert (
        "The help in section F that is not being given: 1 hour of speech and language therapy "
        "each week, from a therapist."
    ) in letter
    assert "It has not been given since: 1 September 2026" in letter
    assert (
        "Under section 42(2) of the Children and Families Act 2014, the council must secure the "
        "special educational provision specified in my child’s EHC plan."
    ) in letter
    assert "Please make sure that this help starts by 14 December 2026." in letter
    assert "reply to me in writing within 10 working days" in letter
    assert "I will make a formal complaint to the council" in letter
    assert "take legal advice about judicial review" in letter
    assert "s.42(2)" in found.review_notes and "Sources:" in found.review_notes


@pytest.mark.parametrize(
    ("language", "section_42", "start_by", "judicial_review"),
    [
        (
            "pl",
            "Zgodnie z section 42(2) Children and Families Act 2014 samorząd (council) musi",
            "najpóźniej 14 grudnia 2026",
            "kontroli sądowej (judicial review)",
        ),
        (
            "ur",
            "Children and Families Act 2014 کے section 42(2) کے تحت، کونسل پر لازم ہے",
            "14 دسمبر 2026",
            "عدالتی نظرِ ثانی (judicial review)",
        ),
    ],
)
def test_the_section_42_letter_in_the_familys_language(
    client, content, language, section_42, start_by, judicial_review
):
    html = make(client, language, SECTION_42, SECTION_42_DETAILS).content.decode()
    assert "Under section 42(2)" in ENGLISH_LETTER.search(html)[1]
    translated = translated_letter(html, language)
    assert section_42 in translated and start_by in translated
    assert judicial_review in translated
    assert "1 hour of speech and language therapy" in translated  # the family's own words
    title = getattr(Letter.objects.get(slug=SECTION_42), f"title_{language}")
    assert title and title in html


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            dated("provision_missing_since", 29, 11, 2026),
            "provision_missing_since",
            "Date the help stopped, or should have started must be today or in the past",
        ),
        (
            dated("start_by", 27, 11, 2026),
            "start_by",
            "Date you want the help to start by must be today or in the future",
        ),
        (
            dated("provision_missing_since", 31, 2, 2026),
            "provision_missing_since",
            "must be a real date",
        ),
        ({"provision": ""}, "provision", "Enter the help in section F of the EHC plan"),
        (
            {"start_by_0": "", "start_by_1": "", "start_by_2": ""},
            "start_by",
            "Enter date you want the help to start by",
        ),
    ],
    ids=["stopped tomorrow", "start yesterday", "31 February", "no help named", "no start date"],
)
def test_the_section_42_letter_refuses_dates_that_cannot_be_right(
    client, content, change, field, message
):
    response = make(client, "en", SECTION_42, SECTION_42_DETAILS | change)
    page = response.content.decode()
    assert "There is a problem" in page
    assert f'href="#id_{field}' in page
    assert message in errors(response)


def test_the_section_42_letter_takes_today_for_both_dates(client, content):
    today = dated("provision_missing_since", 28, 11, 2026) | dated("start_by", 28, 11, 2026)
    letter = english(make(client, "en", SECTION_42, SECTION_42_DETAILS | today))
    assert "since: 28 November 2026" in letter and "starts by 28 November 2026" in letter


ODD = {
    "parent_name": "Zoë Wiśniewska-O’Brien <b>&amp;</b>",
    "child_name": "عائشہ {parent_name} **Aisha**",
    # Pasted from the plan in Word: a vertical tab for a line break, a tab, a form feed, an escape.
    "provision": "Speech\x0band language therapy:\t1 hour\x0cweekly\x1b; 🙂 ‘quoted’",
    "concerns": "x" * 2000,
}


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
def test_the_section_42_letter_downloads_as_a_word_document_whatever_is_typed(
    client, content, language
):
    response = make(client, language, SECTION_42, SECTION_42_DETAILS | ODD, word=True)
    assert response.status_code == 200
    assert response["Content-Type"] == WORD_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="{SECTION_42}.docx"'
    assert response["Cache-Control"] == "private, no-store"
    document = Document(BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert document.core_properties.title == Letter.objects.get(slug=SECTION_42).title_en
    assert "Zoë Wiśniewska-O’Brien <b>&amp;</b>" in text
    assert "عائشہ {parent_name} **Aisha**" in text
    # The pasted line breaks are lines; the escape character is gone; the rest is as typed.
    assert "Speech\nand language therapy:\t1 hour\nweekly; 🙂 ‘quoted’" in text
    assert "x" * 2000 in text
    assert "Under section 42(2) of the Children and Families Act 2014" in text
    assert not any(run.bold for p in document.paragraphs for run in p.runs)


def test_what_is_typed_is_kept_to_plain_lines_on_the_page_too(client, content):
    page = make(client, "en", SECTION_42, SECTION_42_DETAILS | ODD).content.decode()
    letter = ENGLISH_LETTER.search(page)[1]
    assert "\x1b" not in letter and "\x0b" not in letter
    assert "Speech<br>and language therapy:\t1 hour<br>weekly; 🙂 ‘quoted’" in letter
    assert "Zoë Wiśniewska-O’Brien &lt;b&gt;&amp;amp;&lt;/b&gt;" in page


def test_words_for_drops_what_applies_only_to_another_choice():
    words = words_for({"mediation_choice": "no", "mediation_issues": "x"}, TODAY)
    assert words["mediation_issues"] == words["council_copy"] == ""
    words = words_for({"decision": "refuse-assessment", "regulation": "reg-22-3"}, TODAY)
    assert "section 36(5)" in words["reasons_law"] and words["exceptions"] == ""
    assert PLACEHOLDERS["reasons_law"].worked_out and PLACEHOLDERS["council_copy"].worked_out


def test_a_letter_that_says_the_copy_to_the_council_asks_whether_mediation_is_wanted():
    assert asked_in("{council_copy}") == ["mediation_choice"]
    assert asked_in("{reasons_law}") == ["decision"]
    assert asked_in("{exceptions}") == ["regulation"]


# A release brings the new letter to a site that already has content (README, "Editing content").


def test_a_release_adds_the_section_42_letter_to_a_site_with_content(content):
    # As if the site had the last release's letters: not the new one, nor in what it shipped.
    Letter.objects.filter(slug=SECTION_42).delete()
    # The id sequence as a site without the letter has it (PostgreSQL; nothing on SQLite).
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Letter]):
            cursor.execute(sql)
    shipped = ShippedContent.objects.get(fixture="letters.json")
    shipped.rows = [row for row in shipped.rows if row["fields"]["slug"] != SECTION_42]
    shipped.save()
    Letter.objects.filter(slug="complaint-to-school").update(title="Edited by staff")

    call_command("load_initial_content", verbosity=0)

    # Staff's next new letter gets an id of its own: the release moved the sequence past the one
    # it created with its fixture's id.
    staff_copy = Letter.objects.get(slug="complaint-to-school")
    staff_copy.pk, staff_copy.slug = None, "staff-own-letter"
    staff_copy.save()

    added = Letter.objects.get(slug=SECTION_42)
    assert "section 42(2)" in added.body_en and added.is_published
    assert "section 42(2)" in added.body_pl and "section 42(2)" in added.body_ur
    assert added.title_pl.startswith("Poinformuj samorząd")
    assert Letter.objects.get(slug="complaint-to-school").title == "Edited by staff"
    assert [v.revision.comment for v in Version.objects.get_for_object(added)[:3]] == [
        "Translation loaded from ur/letters.json",
        "Translation loaded from pl/letters.json",
        "Corrected by a release",
    ]


def test_a_release_puts_the_new_letter_s_translations_on_it_when_staff_used_its_id(content):
    # A site where staff had made a letter of their own under the id the release's letter has.
    new = Letter.objects.get(slug=SECTION_42)
    taken = new.pk
    new.delete()
    shipped = ShippedContent.objects.get(fixture="letters.json")
    shipped.rows = [row for row in shipped.rows if row["fields"]["slug"] != SECTION_42]
    shipped.save()
    staff = Letter.objects.get(slug="complaint-to-school")
    staff.pk, staff.slug = taken, "staff-own-letter"
    for name in translated_fields(Letter):
        for language in ("pl", "ur"):
            setattr(staff, f"{name}_{language}", "")
    staff.save()

    call_command("load_initial_content", verbosity=0)

    added = Letter.objects.get(slug=SECTION_42)
    assert added.pk != taken
    assert "section 42(2)" in added.body_pl and "section 42(2)" in added.body_ur
    staff.refresh_from_db()
    assert staff.body_pl == staff.body_ur == staff.title_pl == ""


def test_a_release_corrects_the_changed_letters_where_staff_left_them(content):
    # As if the site had the last release's words for two of the corrected letters.
    old = ("tell-mediation-adviser", "chase-late-decision")
    shipped = ShippedContent.objects.get(fixture="letters.json")
    for row in shipped.rows:
        if row["fields"]["slug"] in old:
            row["fields"]["body"] = row["fields"]["body"] + "\n\nOld words."
    shipped.save()
    for slug in old:
        letter = Letter.objects.get(slug=slug)
        Letter.objects.filter(pk=letter.pk).update(body=letter.body + "\n\nOld words.")
    Letter.objects.filter(slug="chase-late-decision").update(body="Staff’s own words {parent_name}")

    call_command("load_initial_content", verbosity=0)

    mediation = Letter.objects.get(slug="tell-mediation-adviser")
    assert "Old words." not in mediation.body and "{council_copy}" in mediation.body
    chasing = Letter.objects.get(slug="chase-late-decision")
    assert chasing.body == "Staff’s own words {parent_name}"
    assert "a release brought new words for body" in chasing.review_notes
