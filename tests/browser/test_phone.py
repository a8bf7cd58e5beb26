"""On a 375px phone: the menu folds behind a Menu button (and stays short without JavaScript), and a
plan offers Print and Copy link buttons where the browser can do them, and nothing where it cannot."""

import pytest

from .pages import RESULT
from .test_keyboard import assert_focus_visible, tab_to

PHONE = {"width": 375, "height": 812}
MENU_LINKS = ["What can I do next?", "Your options", "Who can help", "Deadline calculator"]


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        viewport=PHONE, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.problems = problems
    yield page
    context.close()


@pytest.fixture
def phone_without_javascript(chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def menu_link(page, label):
    return page.locator(".govuk-service-navigation__link", has_text=label)


def test_the_menu_folds_behind_a_button_and_opens_from_the_keyboard(site, phone):
    phone.goto(site + "/routes/")
    toggle = phone.locator(".govuk-service-navigation__toggle")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not any(menu_link(phone, label).is_visible() for label in MENU_LINKS)
    tab_to(phone, ".govuk-service-navigation__toggle")
    assert_focus_visible(phone)
    phone.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert all(menu_link(phone, label).is_visible() for label in MENU_LINKS)
    assert phone.problems == []


def test_without_javascript_the_menu_is_every_link_on_two_short_lines(
    site, phone_without_javascript
):
    page = phone_without_javascript
    page.goto(site + "/routes/")
    assert not page.locator(".govuk-service-navigation__toggle").is_visible()
    assert all(menu_link(page, label).is_visible() for label in MENU_LINKS)
    height = page.locator(".govuk-service-navigation").bounding_box()["height"]
    assert height < 120, f"the menu takes {height}px"


def test_a_plan_can_be_printed_and_its_link_copied(site, phone):
    phone.goto(site + RESULT)
    print_button = phone.get_by_role("button", name="Print this plan")
    copy_button = phone.get_by_role("button", name="Copy link to this plan")
    assert print_button.is_visible() and copy_button.is_visible()
    copy_button.click()
    phone.get_by_text("Link copied").wait_for()
    assert phone.evaluate("navigator.clipboard.readText()") == site + RESULT
    assert phone.problems == []


def test_the_plan_buttons_are_not_shown_without_javascript(site, phone_without_javascript):
    page = phone_without_javascript
    page.goto(site + RESULT)
    assert not page.get_by_role("button", name="Print this plan").is_visible()
    assert not page.get_by_role("button", name="Copy link to this plan").is_visible()
    assert "bookmark this page or print it" in page.content()


def test_date_boxes_ask_a_phone_for_numbers(site, phone):
    phone.goto(
        site + "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan"
    )
    modes = phone.eval_on_selector_all(
        ".govuk-date-input__input", "boxes => boxes.map(b => b.inputMode)"
    )
    assert modes == ["numeric", "numeric", "numeric"]
