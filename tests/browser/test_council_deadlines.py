"""'Is the council on time?' in a real browser, with every date filled: axe, the keyboard alone,
no JavaScript, 320px wide and printed on A4. (axe, reflow and the HTML checker also visit it through
tests/browser/pages.py.)"""

from .axe import axe_run, described
from .pages import COUNCIL_ALL_DATES
from .test_keyboard import assert_focus_visible, press_enter_and_wait, tab_to
from .test_print import assert_a4, assert_no_furniture, print_pdf

# The tests' day is 28 November 2026 (tests/clock.py): a request on 4 May 2026 had its decision
# due on 15 June, 166 days ago.
LATE = "If you still have not had it, the council is 166 days late."


def test_the_page_with_every_date_has_no_wcag_problem(site, page, artifacts):
    page.goto(site + COUNCIL_ALL_DATES)
    page.screenshot(path=artifacts / "council-deadlines.png", full_page=True)
    result = axe_run(page)
    assert result["passes"], "axe did not run"
    assert described(result["violations"]) == []
    # The 4 dates given, today, and 8 deadlines (a draft plan leaves out the reg 10 letter).
    assert page.locator(".moj-timeline__item").count() == 13


def type_date(page, key, day, month, year):
    tab_to(page, f"#id_{key}_0")
    assert_focus_visible(page)
    for value in (day, month, year):
        page.keyboard.type(value)
        page.keyboard.press("Tab")


def test_fill_every_date_and_see_the_timeline_with_the_keyboard_alone(site, chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(site + "/council-deadlines/")
    type_date(page, "request_date", "4", "5", "2026")
    type_date(page, "draft_plan_date", "1", "9", "2026")
    type_date(page, "review_meeting_date", "5", "11", "2026")
    type_date(page, "amendment_notice_date", "20", "11", "2026")
    tab_to(page, "#id_transfer_year")
    page.keyboard.type("2027")
    tab_to(page, "input[name=transfer]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.value") == "school"
    tab_to(page, "button.govuk-button")
    assert_focus_visible(page)
    press_enter_and_wait(page)
    assert "transfer=school" in page.url and "request_date_2=2026" in page.url
    assert LATE in " ".join(page.inner_text("main").split())
    # The calendar file and the timeline's details are reachable too.
    tab_to(page, "summary.govuk-details__summary")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.locator("details[open]").count() == 1
    tab_to(page, "a[download]")
    assert_focus_visible(page)
    context.close()


def test_the_page_works_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/council-deadlines/")
    page.click("button.govuk-button")
    assert "Enter at least one date" in page.inner_text(".govuk-error-summary")
    page.fill("#id_request_date_0", "4")
    page.fill("#id_request_date_1", "5")
    page.fill("#id_request_date_2", "2026")
    page.fill("#id_transfer_year", "2027")
    page.check("#id_transfer_1")
    page.click("button.govuk-button")
    text = " ".join(page.inner_text("main").split())
    assert LATE in text
    assert "The plan amended to name the next school" in text
    # The details open without JavaScript (a native <details> element).
    page.click("text=When the council can take longer")
    assert page.locator("details[open]").count() == 1
    context.close()


def test_no_sideways_scrolling_at_320px_with_every_date(site, chromium):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + COUNCIL_ALL_DATES)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320, f"{width}px wide"


def test_the_timeline_prints_on_a4_without_the_form_or_navigation(site, page, artifacts):
    pages, reader = print_pdf(page, site + COUNCIL_ALL_DATES, artifacts, "council-deadlines")
    assert_a4(reader)
    assert len(pages) <= 4, f"prints on {len(pages)} pages"
    text = " ".join("\n".join(pages).split())
    assert_no_furniture("\n".join(pages))
    assert LATE in text
    assert "The plan amended to name the next school" in text
    assert "Sunday 14 February 2027" in text
    assert "Work out the dates" not in text  # the form is left off paper
    assert "Printed from http" in text
