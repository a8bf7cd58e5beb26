"""A letter in a real browser: its form and the letter made from it pass axe, work with the keyboard
alone and without JavaScript, and the letter prints on one or two A4 pages with nothing else."""

import json
import re
import shutil
import subprocess
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from .axe import axe_run, described
from .test_html import VNU
from .test_keyboard import assert_focus_visible, tab_to
from .test_print import NAVIGATION_AND_FOOTER, assert_a4

FORM = "/letters/chase-late-decision/?regulation=reg-13-2&date_due=2026-11-20"
PARENT, CHILD = "Marguerite Okonkwo-Ferreira", "Tobias Lindqvist-Adeyemi"


def fill_and_write(page, site, address=FORM, **fields):
    page.goto(site + address)
    page.fill("#id_parent_name", PARENT)
    page.fill("#id_child_name", CHILD)
    for selector, value in fields.items():
        page.fill(f"#id_{selector}", value)
    with page.expect_navigation():
        page.click("button:has-text('Write my letter')")


def assert_no_axe_violations(page):
    result = axe_run(page)
    assert result["passes"], "axe did not run"
    assert described(result["violations"]) == []


def test_a_letter_form_and_its_error_state_pass_axe(site, page):
    page.goto(site + FORM)
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.click("button:has-text('Write my letter')")
    assert "There is a problem" in page.content()
    assert_no_axe_violations(page)


def test_a_letter_passes_axe(site, page):
    fill_and_write(
        page,
        site,
        "/letters/ask-school-for-meeting/",
        concerns="Reading support stopped.\nWe have heard nothing.",
    )
    assert "Your letter" in page.inner_text("h1")
    assert_no_axe_violations(page)


def test_write_a_letter_with_the_keyboard_alone(site, page):
    page.goto(site + FORM)
    tab_to(page, "#id_parent_name")
    assert_focus_visible(page)
    page.keyboard.type(PARENT)
    tab_to(page, "#id_child_name")
    page.keyboard.type(CHILD)
    tab_to(page, "button.govuk-button:not(.govuk-button--secondary)")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    letter = page.inner_text(".app-letter")
    assert PARENT in letter and CHILD in letter
    assert "That time limit ended on 20 November 2026" in letter
    # The Word button on the letter page is reached and works from the keyboard too.
    tab_to(page, "button[value=word]")
    assert_focus_visible(page)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    document = Document(BytesIO(download.value.path().read_bytes()))
    assert CHILD in "\n".join(p.text for p in document.paragraphs)


def test_a_letter_works_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        fill_and_write(page, site, school_name="Brackenbury Vale Primary School")
        letter = page.inner_text(".app-letter")
        assert CHILD in letter and "Brackenbury Vale Primary School" in letter
        # Nothing the family typed is in the address, and the site set no cookie (privacy page).
        assert CHILD.split()[0] not in page.url and "Brackenbury" not in page.url
        assert context.cookies() == []
        with page.expect_download() as download:
            page.click("button[value=word]")
        assert download.value.suggested_filename == "chase-late-decision.docx"
        with page.expect_navigation():
            page.click("button[value=change]")
        assert page.input_value("#id_child_name") == CHILD
    finally:
        context.close()


@pytest.mark.parametrize("details", ["essentials", "everything"])
def test_a_letter_prints_on_one_or_two_a4_pages_with_the_letter_alone(
    site, page, artifacts, details
):
    extra = (
        {
            "parent_address": "14 Quillfeather Lane\nHanwell\nLondon W7 9ZZ",
            "parent_contact": "marguerite@example.org",
            "school_name": "Brackenbury Vale Primary School",
            "concerns": "The final plan is late. " * 40,
            "what_you_want": "The final plan, with speech and language therapy in it. " * 20,
        }
        if details == "everything"
        else {}
    )
    address = "/letters/ask-school-for-meeting/"
    fill_and_write(page, site, address, **extra)
    # The letter is the answer to a POST: print the page as it stands (print_pdf opens an address).
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (artifacts / f"letter-{details}.pdf").write_bytes(pdf)
    reader = PdfReader(BytesIO(pdf))
    pages = [p.extract_text() for p in reader.pages]
    assert 1 <= len(pages) <= 2, f"the letter prints on {len(pages)} pages"
    assert_a4(reader)
    text = "\n".join(pages)
    assert PARENT in text and CHILD in text
    for furniture in [
        *NAVIGATION_AND_FOOTER,
        "Your letter",
        "Download it as a Word",
        "Printed from",
    ]:
        assert furniture not in text, furniture
    assert re.search(r"Yours sincerely,\s+" + PARENT, text)


# The letter is read from the page after its scripts ran: GOV.UK Frontend's service navigation
# script gives its menu button both `hidden` and `aria-hidden` on a wide screen. Its markup, not
# ours; the page as the server sends it is checked whole in test_html.py.
GOVUK_MENU_BUTTON = (
    "Attribute “aria-hidden” is unnecessary for elements that have attribute “hidden”."
)


def test_a_letter_and_its_refusal_are_valid_html(site, page, tmp_path):
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java"
    fill_and_write(page, site, "/letters/ask-school-for-meeting/", concerns="One.\nTwo.")
    letter = tmp_path / "letter.html"
    letter.write_text(page.content(), encoding="utf-8")
    # A POST from nowhere the site can tell: the refusal page.
    refused = tmp_path / "refused.html"
    refused.write_text(
        page.request.post(site + "/letters/ask-school-for-meeting/letter/", form={}).text(),
        encoding="utf-8",
    )
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", str(letter), str(refused)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"{m.get('url')}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if (m["type"] == "error" or m.get("subType") == "warning")
        and m["message"] != GOVUK_MENU_BUTTON
    ]
    assert "Sorry, we could not write your letter" in refused.read_text()
    assert problems == [], "\n".join(problems)
