"""axe-core finds no WCAG 2.2 A or AA problem on any page, no page scrolls sideways at 320px, and no
public page has a CSP or console error.

Each page is visited once for all three (`checked`): the console read as it loads, axe at 1280 px,
then the width at 320 px. The three stay separate tests, named by the page, and a page's three run
on one worker (its xdist group), so the second and third read what the first visit found.
"""

from dataclasses import dataclass

import pytest

from tests.second_factor import next_recovery_code

from .axe import axe_run, axe_violations, described
from .pages import ERROR_PAGES, PUBLIC_PAGES, QUESTION_PAGES, RESULT, TRANSLATED_PAGES


@dataclass(frozen=True)
class PageCheck:
    """What one visit to a page found."""

    console_problems: list[str]
    violations: list[str]
    width_at_320px: int


_checked: dict[tuple[str, str], PageCheck] = {}


def checked(site: str, chromium, url: str) -> PageCheck:
    """Visit `url` once (per server) and keep what it found."""
    if (site, url) not in _checked:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(site + url)
        page.wait_for_load_state("load")
        # Read before axe runs: axe itself adds style elements that the CSP (rightly) blocks.
        console_problems = list(problems)
        violations = axe_violations(page)
        # WCAG 1.4.10 Reflow: the same page, narrowed to 320 CSS pixels.
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        context.close()
        _checked[site, url] = PageCheck(console_problems, violations, width)
    return _checked[site, url]


def pages(*lists) -> list:
    """Each page once, in the xdist group that keeps its checks on one worker."""
    urls = dict.fromkeys(url for urls in lists for url in urls)
    return [pytest.param(url, marks=pytest.mark.xdist_group(f"page {url}")) for url in urls]


EVERY_PAGE = (PUBLIC_PAGES, QUESTION_PAGES, ERROR_PAGES, TRANSLATED_PAGES)


@pytest.mark.parametrize("url", [*pages(*EVERY_PAGE), "/admin/login/"])
def test_no_wcag_violations(site, chromium, url):
    assert checked(site, chromium, url).violations == []


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


@pytest.mark.parametrize("url", pages(*EVERY_PAGE))
def test_no_sideways_scrolling_at_320px(site, chromium, url):
    width = checked(site, chromium, url).width_at_320px
    assert width <= 320, f"{url} is {width}px wide"


@pytest.mark.parametrize("url", pages(PUBLIC_PAGES, TRANSLATED_PAGES))
def test_pages_run_without_csp_or_console_errors(site, chromium, url):
    problems = checked(site, chromium, url).console_problems
    assert [p for p in problems if "404" not in p or url != "/no-such-page/"] == []


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
