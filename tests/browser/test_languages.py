"""The site in Polish and Urdu as a family uses it (issue 15): the questionnaire walked to a plan
without JavaScript, the plan printed, a question answered and the language switched with the
keyboard alone, and Urdu (right to left) on a 320px phone with every word on the screen.

Words are looked up in each language's catalogue (locale/<code>/LC_MESSAGES/django.po), so these
tests follow the translations as they change; that no English is left on the pages is
tests/translations/test_no_english_left.py's work.
"""

import unicodedata
from datetime import date

import pytest
from django.utils import translation

from ealing_send.dates import day_words
from guidance.deadlines import appeal_deadline

from .pages import TRANSLATED_PAGES
from .test_keyboard import assert_focus_visible, continue_, tab_to
from .test_print import assert_a4, print_pdf

LANGUAGES = [("pl", "ltr"), ("ur", "rtl")]
# Every word of the banner's English half (it is on every page until ISAID checks the language).
ENGLISH_BANNER = "Ealing ISAID has not yet checked this translation."
# The other languages' names, in the switcher: on screen only.
OTHER_LANGUAGE = {"pl": "اردو", "ur": "Polski"}


def words(code: str, english: str) -> str:
    """`english` in the language `code`, as the page shows it."""
    with translation.override(code):
        return translation.gettext(english)


def letters(text: str) -> int:
    """How many characters of `text` are not spaces, as a PDF's text or the page's DOM gives them
    (a PDF gives Arabic script as presentation forms: NFKC makes them letters again)."""
    return len("".join(unicodedata.normalize("NFKC", text).split()))


def assert_in_language(page, code: str, direction: str) -> None:
    """The page says it is in `code` and its direction, and shows the banner in both languages."""
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        code,
        direction,
    ]
    assert f"/{code}/" in page.url
    banner = page.locator(".app-translation-banner")
    assert banner.is_visible()
    text = banner.inner_text()
    assert words(code, "Ealing ISAID has not yet checked this translation.") in text
    assert ENGLISH_BANNER in text
    assert banner.locator("p[lang=en]").inner_text().startswith(ENGLISH_BANNER)


def click_and_wait(page, selector: str) -> None:
    """Click a link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.click(selector)


def choose(page, name: str, value: str) -> None:
    page.check(f"input[name={name}][value={value}]")
    click_and_wait(page, "button.govuk-button")


def type_date(page, key: str, day: str, month: str, year: str) -> None:
    for index, part in enumerate((day, month, year)):
        page.fill(f"#id_{key}_{index}", part)
    click_and_wait(page, "button.govuk-button")


@pytest.mark.parametrize(("code", "direction"), LANGUAGES)
def test_the_questionnaire_walks_to_a_plan_without_javascript_and_prints(
    site, chromium, artifacts, code, direction
):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{code}/what-can-i-do/")
    assert_in_language(page, code, direction)
    click_and_wait(page, "a.govuk-button--start")
    assert page.url == f"{site}/{code}/what-can-i-do/who/"
    # Nothing chosen: the error is in the page's language.
    click_and_wait(page, "button.govuk-button")
    summary = page.inner_text(".govuk-error-summary")
    assert words(code, "There is a problem") in summary
    assert_in_language(page, code, direction)
    choose(page, "who", "parent")
    choose(page, "concern", "la-decision")
    choose(page, "decision", "refuse-plan")
    type_date(page, "decision_date", "2", "10", "2026")
    assert_in_language(page, code, direction)
    choose(page, "mediation", "no")
    assert page.inner_text("h1") == words(code, "Check your answers")
    assert_in_language(page, code, direction)
    click_and_wait(page, "a.govuk-button")
    assert page.url == (
        f"{site}/{code}/what-can-i-do/result/?who=parent&concern=la-decision"
        "&decision=refuse-plan&decision_date=2026-10-02&mediation=no"
    )
    assert page.inner_text("h1") == words(code, "Your plan")
    assert words(code, "Your plan") != "Your plan"
    assert_in_language(page, code, direction)
    # The appeal's last day, written the way the language writes a day.
    with translation.override(code):
        last_day = day_words(appeal_deadline(date(2026, 10, 2)).due, weekday=True)
    assert last_day in page.inner_text("main")

    pages, reader = print_pdf(page, page.url, artifacts, f"walked-plan-{code}")
    assert_a4(reader)
    assert len(pages) <= 3, f"the plan prints on {len(pages)} pages"
    printed = " ".join("\n".join(pages).split())
    assert ENGLISH_BANNER in printed
    assert OTHER_LANGUAGE[code] not in printed, "the language switcher was printed"
    assert words(code, "Is this page useful?") not in printed
    # No sheet holds only what is not content: the "Printed from" line at the top of the first
    # and the small print under the plan at the end of the last. Counted in letters, as the
    # printed words of a right-to-left page come out of the PDF in another order.
    printed_from = letters(page.text_content(".app-print-only"))
    small_print = letters(page.text_content(".app-keep-with-previous"))
    for number, text in enumerate(pages, start=1):
        furniture = printed_from * (number == 1) + small_print * (number == len(pages))
        assert letters(text) - furniture >= 20, (
            f"page {number} of {len(pages)} is nearly empty: {text!r}"
        )
    # Nothing runs off the paper: laid out for print at the width inside the page's margins,
    # every word is within it.
    page.set_viewport_size({"width": page.evaluate(PRINTED_WIDTH), "height": 900})
    assert words_off_the_page(page) == []
    context.close()


# The width inside the printed page's margins, in CSS pixels: A4's 210mm less the left and right
# margins of the print style sheet's @page rule (static_src/scss/_print.scss).
PRINTED_WIDTH = """() => {
    for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
            const inner = rule instanceof CSSMediaRule ? [...rule.cssRules] : [rule];
            const page = inner.find(r => r instanceof CSSPageRule);
            if (!page) continue;
            const probe = document.createElement('div');
            probe.style.width = `calc(210mm - ${page.style.marginLeft} - ${page.style.marginRight})`;
            document.body.append(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return Math.floor(width);
        }
    }
    throw new Error('no @page rule');
}"""


# Each piece of text on the page that is shown (not hidden, not visually hidden for screen readers)
# and lies partly beyond the left or right edge of the window, with its position.
WORDS_OFF_THE_PAGE = """() => {
    const width = document.documentElement.clientWidth;
    const off = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!node.textContent.trim() || !parent.checkVisibility({visibilityProperty: true})) continue;
        if (parent.closest('.govuk-visually-hidden, .govuk-skip-link')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) {
            if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
                off.push(`${node.textContent.trim().slice(0, 60)} at ${Math.round(box.left)}`
                         + `..${Math.round(box.right)}`);
                break;
            }
        }
    }
    return off;
}"""


def words_off_the_page(page) -> list[str]:
    return page.evaluate(WORDS_OFF_THE_PAGE)


@pytest.mark.parametrize(("code", "direction"), LANGUAGES)
def test_a_question_answered_and_the_language_switched_with_the_keyboard_alone(
    site, chromium, code, direction
):
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{site}/{code}/what-can-i-do/who/")
    # The switcher comes before the question: reached with Tab, with focus seen.
    tab_to(page, ".app-language-switcher a[lang=en]")
    assert_focus_visible(page)
    tab_to(page, "input[name=who]")
    assert_focus_visible(page)
    # Arrow keys move through a radio group, right to left as well as left to right.
    for _ in range(5):
        if page.evaluate("document.activeElement.value") == "young-person":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    continue_(page)
    assert page.url == f"{site}/{code}/what-can-i-do/concern/?who=young-person"
    assert_in_language(page, code, direction)
    question = words(code, "What are you unhappy about?")
    assert page.inner_text("legend") == question != "What are you unhappy about?"
    # The switcher takes the answer so far to the same question in English.
    tab_to(page, ".app-language-switcher a[lang=en]")
    assert_focus_visible(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{site}/what-can-i-do/concern/?who=young-person"
    assert page.evaluate("document.documentElement.lang") == "en"
    context.close()


URDU_PAGES = [url for url in TRANSLATED_PAGES if url.startswith("/ur/")]


@pytest.mark.parametrize("url", URDU_PAGES)
def test_urdu_at_320px_keeps_every_word_on_the_screen(site, chromium, url):
    """Right to left, what runs off the right-hand edge cannot be scrolled to (and is not in the
    page's scroll width), so each word's place on the screen is checked, as well as the width."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + url)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    width = page.evaluate("document.documentElement.scrollWidth")
    off = words_off_the_page(page)
    context.close()
    assert width <= 320, f"{url} is {width}px wide"
    assert off == []


def test_the_check_for_words_off_the_screen_finds_them(site, chromium):
    """The test above would pass if it could not see a word off the screen: prove it can, on the
    side a right-to-left page cannot scroll to."""
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + URDU_PAGES[0])
    assert words_off_the_page(page) == []
    # Made with the DOM, since the page's content security policy refuses style attributes.
    page.evaluate(
        """() => {
            const words = document.createElement('p');
            words.textContent = 'نیا لفظ';
            words.style.marginRight = '-200px';
            document.querySelector('main').append(words);
        }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert [word.split(" at ")[0] for word in words_off_the_page(page)] == ["نیا لفظ"]
    context.close()
