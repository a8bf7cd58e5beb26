"""axe-core finds no WCAG 2.2 A or AA problem on any page, and no page scrolls sideways at 320px."""

from pathlib import Path

import pytest

from tests.second_factor import next_recovery_code

from .pages import ERROR_PAGES, PUBLIC_PAGES, QUESTION_PAGES, RESULT, TRANSLATED_PAGES

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_run(page) -> dict:
    """axe-core's whole result for the page, WCAG 2.2 A and AA rules only, nothing excluded."""
    # Evaluated through the DevTools protocol, so the page's strict CSP still applies to the page.
    page.evaluate(AXE.read_text())
    return page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_A_AA
    )


def described(violations) -> list[str]:
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations
    ]


def axe_violations(page):
    return described(axe_run(page)["violations"])


@pytest.mark.parametrize(
    "url", PUBLIC_PAGES + QUESTION_PAGES + ERROR_PAGES + TRANSLATED_PAGES + ["/admin/login/"]
)
def test_no_wcag_violations(site, page, url):
    page.goto(site + url)
    assert axe_violations(page) == []


def test_no_violations_on_the_admin_for_staff(site, page):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-test-password-1")
    page.click("input[type=submit]")
    # The second step: one of the account's recovery codes (tests/servers.py create_superuser).
    page.wait_for_url(site + "/admin/sign-in/second-step/**")
    page.fill("#id_code", next_recovery_code())
    page.click("input[type=submit]")
    page.wait_for_url(site + "/admin/")
    assert "Needs review" in page.content()
    assert page.locator("#logout-form button").count() == 1, "not signed in"
    result = axe_run(page)
    assert result["passes"], "axe did not run"
    assert described(result["violations"]) == []
    # Every other staff page, as a content editor and as a content manager, in every state:
    # tests/browser/test_admin_accessibility.py.


@pytest.mark.parametrize("url", PUBLIC_PAGES + QUESTION_PAGES + ERROR_PAGES + TRANSLATED_PAGES)
def test_no_sideways_scrolling_at_320px(site, chromium, url):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + url)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320, f"{url} is {width}px wide"


@pytest.mark.parametrize("url", PUBLIC_PAGES + TRANSLATED_PAGES)
def test_pages_run_without_csp_or_console_errors(site, page, url):
    page.goto(site + url)
    page.wait_for_load_state("load")
    assert [p for p in page.problems if "404" not in p or url != "/no-such-page/"] == []


def test_axe_really_runs_here(site, page):
    """The checks above would pass vacuously if axe did not run: prove it finds a real problem."""
    page.goto(site + "/privacy/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    assert any(v.startswith("image-alt") for v in axe_violations(page))


def test_no_violations_with_the_feedback_form_open_and_once_it_is_sent(site, page):
    # Closed, the comment box is hidden from axe as from everyone: open it, then send it.
    page.goto(site + "/glossary/")
    page.click(".app-feedback summary")
    assert page.is_visible("#feedback-comment")
    assert axe_violations(page) == []
    page.fill("#feedback-comment", "Clear, thank you")
    page.click("button[value=yes]")
    page.wait_for_url("**/glossary/#feedback-thanks")
    assert page.is_visible("text=Thank you for your feedback")
    assert axe_violations(page) == []


def test_no_violations_on_a_phone_with_the_plan_buttons_shown_and_a_link_copied(site, chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 812}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    page.goto(site + RESULT)
    assert page.get_by_role("button", name="Print this plan").is_visible()
    page.get_by_role("button", name="Copy link to this plan").click()
    page.get_by_text("Link copied").wait_for()
    assert axe_violations(page) == []
    context.close()
