"""An editor works on a route as one page, in a real browser: edits a step, finds the edit in the
History in words, restores the version from before it (the step's text comes back), saves a draft
change, previews it as the public would see it, and publishes it. axe checks each new page."""

import pytest

from .axe import axe_run, described
from .staff import (
    assert_signed_in_as,
    csp_problems,
    new_staff_page,
    staff_site,  # noqa: F401 - the fixture
)

# The module's server is started once: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("staff-site-journey")

EDITED_STEP = "Ring the mediation adviser this week"
DRAFT_SUMMARY = "Meet an independent mediator to settle things with the council (a draft)."


def submit(page, selector):
    with page.expect_navigation():
        page.click(selector)


def assert_accessible(page):
    assert csp_problems(page) == [], page.url
    result = axe_run(page)
    assert len(result["passes"]) >= 10, "axe did not run"
    assert described(result["violations"]) == []
    # axe adds style elements of its own, which the CSP (rightly) blocks: not the page's problems.
    page.problems.clear()


def public_text(chromium, staff_site, path):  # noqa: F811
    """The page as a member of the public sees it (a browser nobody signed in to)."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(staff_site.base + path)
        return page.inner_text("main")
    finally:
        context.close()


def test_edit_a_step_restore_it_then_draft_preview_and_publish(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "editor")
    change = staff_site.url("/admin/routes/route/{route}/change/")
    page.goto(change)
    original_step = page.input_value("#id_steps-0-title_en")

    # Edit a step and save.
    page.fill("#id_steps-0-title_en", EDITED_STEP)
    submit(page, "input[name=_continue]")
    assert page.locator(".messagelist .success").count() == 1
    assert EDITED_STEP in public_text(chromium, staff_site, "/routes/mediation/")

    # The History says what changed, in words, with who.
    page.goto(staff_site.url("/admin/routes/route/{route}/history/"))
    newest = page.inner_text("#change-history tbody tr:first-child")
    assert f"Changed step 1 ‘{EDITED_STEP}’: title" in newest
    assert "Erin" in newest
    assert_signed_in_as(page, "editor")
    assert_accessible(page)

    # Open the version from before the edit: it shows the old step; restore it.
    submit(page, "#change-history tbody tr:nth-child(2) th a")
    assert page.input_value("#id_steps-0-title_en") == original_step
    assert_accessible(page)
    submit(page, "input[value='Restore this version']")
    assert page.locator(".messagelist .success").count() == 1
    page.goto(change)
    assert page.input_value("#id_steps-0-title_en") == original_step
    assert original_step in public_text(chromium, staff_site, "/routes/mediation/")

    # Save a change as a draft: the preview shows it, the public does not see it yet.
    page.fill("#id_summary_en", DRAFT_SUMMARY)
    submit(page, "input[name=_draft]")
    assert "/draft/" in page.url
    assert "Preview of a draft" in page.inner_text("main")
    assert_accessible(page)
    assert DRAFT_SUMMARY not in public_text(chromium, staff_site, "/routes/")
    # Publish it: the public sees it.
    submit(page, "button:has-text('Publish this draft')")
    assert page.locator(".messagelist .success").count() == 1
    assert DRAFT_SUMMARY in public_text(chromium, staff_site, "/routes/")
    page.context.close()
