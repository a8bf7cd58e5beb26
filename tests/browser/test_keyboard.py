"""The questionnaire with the keyboard alone, with focus visible, and with JavaScript off."""

import pytest

from .pages import RESULT

MAX_TABS = 40


def tab_to(page, selector):
    """Press Tab until the element matching `selector` has focus: as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Tab")


def assert_focus_visible(page):
    style = page.evaluate(
        """() => {
            const s = getComputedStyle(document.activeElement);
            return {outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow,
                    background: s.backgroundColor};
        }"""
    )
    visible = (
        style["outline"] not in ("none 0px", "none 3px")
        or style["shadow"] != "none"
        or style["background"] == "rgb(255, 221, 0)"
    )
    assert visible, style


def choose_radio(page, label):
    tab_to(page, "input[type=radio]")
    assert_focus_visible(page)
    # Arrow keys move through a radio group; stop at the wanted label.
    for _ in range(10):
        focused = page.evaluate("document.activeElement.labels[0].textContent.trim()")
        if focused.startswith(label):
            page.keyboard.press("Space")
            assert page.evaluate("document.activeElement.checked")
            break
        page.keyboard.press("ArrowDown")
    else:
        raise AssertionError(f"no radio labelled {label}")
    continue_(page)


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def continue_(page):
    tab_to(page, "button.govuk-button")
    assert_focus_visible(page)
    press_enter_and_wait(page)


@pytest.fixture
def narrow_page(chromium):
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_complete_the_questionnaire_with_the_keyboard_alone(site, narrow_page):
    page = narrow_page
    page.goto(site + "/")
    tab_to(page, "a.govuk-button--start")
    assert_focus_visible(page)
    press_enter_and_wait(page)
    assert page.url.endswith("/what-can-i-do/")
    tab_to(page, "a.govuk-button--start")
    press_enter_and_wait(page)
    assert "/what-can-i-do/who/" in page.url

    # An empty answer: the error summary takes focus.
    continue_(page)
    # autofocus applies on the next rendering frame, which may come just after the load event.
    page.wait_for_function(
        "document.activeElement.classList.contains('govuk-error-summary')", timeout=3000
    )
    assert "Select who you are asking for" in page.inner_text(".govuk-error-summary")

    choose_radio(page, "I am a parent")
    choose_radio(page, "A decision by Ealing Council")
    choose_radio(page, "Not to issue an EHC plan")

    tab_to(page, "#id_decision_date_0")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("10")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    continue_(page)

    choose_radio(page, "No")
    assert "Check your answers" in page.inner_text("h1")
    tab_to(page, "a.govuk-button")
    press_enter_and_wait(page)
    assert "/what-can-i-do/result/" in page.url
    assert page.inner_text("h1") == "Your plan"
    assert "your appeal must reach the Tribunal by 5pm" in page.content()
    assert "decision_date=2026-10-02" in page.url


def type_date(page, key, day, month, year):
    """Tab to each of the date's boxes in turn, replace what it holds, then continue."""
    for index, part in enumerate((day, month, year)):
        tab_to(page, f"#id_{key}_{index}")
        assert_focus_visible(page)
        page.keyboard.press("Control+A")
        page.keyboard.type(part)
    continue_(page)


def test_an_exclusion_to_its_review_panel_date_with_the_keyboard_alone(site, narrow_page):
    page = narrow_page
    page.goto(site + "/what-can-i-do/who/")
    choose_radio(page, "I am a parent")
    choose_radio(page, "Your child has been excluded")
    choose_radio(page, "Permanent exclusion")
    type_date(page, "exclusion_date", "2", "11", "2026")
    choose_radio(page, "Yes, they decided")
    # A governors' letter dated before the exclusion: the error summary takes focus.
    type_date(page, "governors_decision_date", "1", "11", "2026")
    page.wait_for_function(
        "document.activeElement.classList.contains('govuk-error-summary')", timeout=3000
    )
    summary = page.inner_text(".govuk-error-summary")
    assert "must be the same as or after the date of the exclusion" in summary
    type_date(page, "governors_decision_date", "16", "11", "2026")
    assert "Check your answers" in page.inner_text("h1")
    tab_to(page, "a.govuk-button")
    press_enter_and_wait(page)
    assert page.inner_text("h1") == "Your plan"
    html = page.content()
    assert "Apply for an independent review panel and an SEN expert by" in html
    assert "Monday 7 December 2026" in html


def test_skip_link_is_first_and_moves_focus_to_the_content(site, page):
    page.goto(site + "/routes/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "govuk-skip-link"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    # The address changes as the browser follows the link: wait for it (fails if it never does).
    page.wait_for_url(site + "/routes/#main-content")
    assert page.url.endswith("#main-content")


def test_the_questionnaire_works_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/what-can-i-do/who/")
    page.click("button.govuk-button")
    assert "There is a problem" in page.content()
    page.check("text=I am a parent")
    page.click("button.govuk-button")
    page.check("text=How the school, college or council has dealt with things")
    page.click("button.govuk-button")
    page.check("text=No, not yet")
    page.click("button.govuk-button")
    assert "Check your answers" in page.inner_text("h1")
    page.click("text=Change your answer to: Have you talked")
    page.check("text=Yes")
    page.click("button.govuk-button")
    assert "Check your answers" in page.inner_text("h1")
    page.click("text=See your plan")
    assert page.inner_text("h1") == "Your plan"
    assert "Make a complaint" in page.content()
    assert "talked=yes" in page.url
    context.close()


def test_a_discrimination_claim_date_works_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/what-can-i-do/who/")
    page.check("text=I am a parent")
    page.click("button.govuk-button")
    page.check("text=A school or college treated your child unfairly because of disability")
    page.click("button.govuk-button")
    page.fill("#id_incident_date_0", "30")
    page.fill("#id_incident_date_1", "2")
    page.fill("#id_incident_date_2", "2026")
    page.click("button.govuk-button")
    assert "The date it happened must be a real date" in page.inner_text(".govuk-error-summary")
    page.fill("#id_incident_date_0", "14")
    page.fill("#id_incident_date_1", "9")
    page.click("button.govuk-button")
    assert "Check your answers" in page.inner_text("h1")
    page.click("text=See your plan")
    assert page.inner_text("h1") == "Your plan"
    assert "Saturday 13 March 2027" in page.content()
    assert "incident_date=2026-09-14" in page.url
    context.close()


def test_every_link_on_how_this_tool_decides_is_reached_in_order_with_focus_seen(site, page):
    page.goto(site + "/what-can-i-do/rules/")
    links = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
    assert len(links) > 50  # a route link in every plan, and the law behind each deadline
    reached = []
    for _ in range(len(links) + 20):  # and the skip link and the header's links before them
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('footer') !== null"):
            break
        if page.evaluate("document.activeElement.closest('main') !== null"):
            assert_focus_visible(page)
            reached.append(page.evaluate("document.activeElement.href"))
    assert reached == links


def test_how_this_tool_decides_works_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/what-can-i-do/")
    page.click("text=how this tool decides")
    assert page.inner_text("h1") == "How this tool decides"
    page.click("main a[href='/routes/talk-to-school/'] >> nth=0")
    assert page.url.endswith("/routes/talk-to-school/")
    context.close()


def test_page_feedback_with_the_keyboard_alone(site, page):
    page.goto(site + "/glossary/")
    page.focus("#feedback-title")  # a heading: the next Tab reaches the comment's summary
    tab_to(page, ".app-feedback summary")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    tab_to(page, "#feedback-comment")
    page.keyboard.type("Clear, thank you")
    tab_to(page, "button[value=no]")
    assert_focus_visible(page)
    press_enter_and_wait(page)
    assert page.url.endswith("/glossary/#feedback-thanks")
    assert page.is_visible("text=Thank you for your feedback")
    assert not page.is_visible("#feedback-title")


@pytest.mark.parametrize("url", ["/routes/appeal/", RESULT])
def test_page_feedback_works_without_javascript_and_sets_no_cookie(site, chromium, url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + url)
    assert not page.is_visible("text=Thank you for your feedback")
    page.click(".app-feedback summary")
    page.fill("#feedback-comment", "Call me on 020 8825 5588")
    page.click("button[value=yes]")
    assert page.url == site + url + "#feedback-thanks"
    # Waits for the page after the redirect to be drawn (on a busy machine the check came first);
    # fails if the thanks never shows.
    page.wait_for_selector("text=Thank you for your feedback", state="visible")
    assert not page.is_visible("button[value=yes]")
    assert context.cookies() == []
    context.close()


def test_the_plan_buttons_with_the_keyboard_alone(site, chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 800}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(site + RESULT)
    page.focus("text=Start again")  # the link just before the buttons
    tab_to(page, "[data-plan-tool=print]")
    assert_focus_visible(page)
    tab_to(page, "[data-plan-tool=copy-link]")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.get_by_text("Link copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == site + RESULT
    context.close()


def test_a_word_explained_from_a_plan_with_the_keyboard_alone(site, page):
    page.goto(site + RESULT)
    page.click("h1")  # Tab goes on from where the reader clicked
    tab_to(page, ".app-glossary-link")
    assert_focus_visible(page)
    slug = page.evaluate("document.activeElement.hash")
    press_enter_and_wait(page)
    assert page.url.endswith("/glossary/" + slug)
    assert page.locator(slug).is_visible()


def test_the_glossary_and_its_links_work_without_javascript(site, chromium):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + RESULT)
    link = page.locator(".app-glossary-link").first
    slug = link.evaluate("a => a.hash")
    link.click()
    page.wait_for_url("**/glossary/" + slug)
    assert page.locator(slug).is_visible()
    assert page.locator("h1").inner_text() == "Words explained"
    context.close()
