"""A content editor's whole journey with the keyboard alone, seeing where the focus is at every step:
sign in, open a route, change a step, save, meet a colleague's save, resolve it and save again."""

import pytest

from tests.routes.admin_form import form_data
from tests.servers import Browser

from .staff import (
    PASSWORD,
    new_staff_page,
    staff_site,  # noqa: F401 - the fixture
)

# The module's server is started once: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("staff-site-keyboard")

MAX_TABS = 200
NEW_STEP_TEXT = "Ring the mediation adviser within two months of the date on the decision letter."
THEIR_SUMMARY = "A meeting with an independent mediator to try to settle things with the council."


def focus_style(page) -> dict:
    return page.evaluate(
        """() => {
            const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
            return {tag: e.tagName, id: e.id, text: (e.textContent || e.value || '').slice(0, 40),
                    outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                    shadow: s.boxShadow, width: r.width, height: r.height};
        }"""
    )


def assert_focus_visible(page) -> None:
    """The focused element is on the page and wears a focus ring: an outline or a box shadow."""
    style = focus_style(page)
    if style["tag"] == "BODY":
        return
    ring = (style["outline"] != "none" and style["outlineWidth"] >= 2) or style["shadow"] != "none"
    assert ring, f"focus is not visible on {style}"
    assert style["width"] > 0 and style["height"] > 0, f"focus is on something unseen: {style}"


def tab_to(page, selector: str) -> None:
    """Press Tab until `selector` has focus, checking the focus can be seen at every stop."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Tab")


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def replace_text(page, text: str) -> None:
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def colleague_changes_the_summary(site, route_pk: int) -> None:
    """A content manager, signed in elsewhere, saves the same route."""
    colleague = Browser(site.base)
    colleague.sign_in("manager", PASSWORD)
    path = f"/admin/routes/route/{route_pk}/change/"
    _, html, _ = colleague.request(path)
    data = form_data(html, "route_form")
    data["summary_en"] = [THEIR_SUMMARY]
    data["_continue"] = ["Save and continue editing"]
    status, _, _ = colleague.request(path, data)
    assert status == 302, "the colleague's save failed"


def test_edit_a_route_and_resolve_a_conflict_with_the_keyboard_alone(chromium, staff_site):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    route = staff_site.ids["route"]

    # Sign in.
    page.goto(staff_site.base + "/admin/login/")
    tab_to(page, "#id_username")
    page.keyboard.type("editor")
    tab_to(page, "#id_password")
    page.keyboard.type(PASSWORD)
    press_enter_and_wait(page)
    if "/second-step/" in page.url:
        # Signing in's second step (an authenticator app's code, or a recovery code), by keyboard too.
        from tests.second_factor import next_recovery_code

        tab_to(page, "#id_code")
        page.keyboard.type(next_recovery_code())
        press_enter_and_wait(page)
    assert page.url == staff_site.base + "/admin/"

    # Open the routes, then the mediation route.
    tab_to(page, 'a[href="/admin/routes/route/"]')
    press_enter_and_wait(page)
    tab_to(page, f'#result_list a[href="/admin/routes/route/{route}/change/"]')
    press_enter_and_wait(page)
    assert page.locator("#id_steps-1-body_en").count() == 1

    # Change the second step, while a colleague saves the same route.
    tab_to(page, "#id_steps-1-body_en")
    replace_text(page, NEW_STEP_TEXT)
    colleague_changes_the_summary(staff_site, route)
    tab_to(page, "input[name=_save]")
    press_enter_and_wait(page)

    # The save is stopped and names the colleague's change; the editor's text is kept, and the
    # colleague's summary (which the editor did not touch) is now in the form.
    warning = page.inner_text(".errorlist.nonfield")
    assert "after you opened it" in warning and "One-line summary" in warning
    assert page.input_value("#id_steps-1-body_en") == NEW_STEP_TEXT
    assert page.input_value("#id_summary_en") == THEIR_SUMMARY

    # Having read it, save again: both changes are kept.
    tab_to(page, "input[name=_save]")
    press_enter_and_wait(page)
    assert page.url.endswith("/admin/routes/route/")
    assert "was changed successfully" in page.inner_text(".messagelist")

    # Both changes are on the public page.
    page.goto(staff_site.base + "/routes/mediation/")
    text = page.inner_text("main")
    assert NEW_STEP_TEXT in text
    assert THEIR_SUMMARY in text
    context.close()


def test_every_focus_stop_on_a_route_page_is_visible(chromium, staff_site):  # noqa: F811
    """Tab through the whole route page, inlines, autocompletes and date shortcuts included."""
    page = new_staff_page(chromium, staff_site, "manager")
    page.goto(staff_site.url("/admin/routes/route/{route}/change/"))
    stops, reached_save = 0, False
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        # Mark each stop, to know when Tab has gone round the whole page once.
        if page.evaluate(
            """() => { const e = document.activeElement; if (e === document.body) return false;
                       if (e.dataset.tabbed) return true; e.dataset.tabbed = 'yes'; return false; }"""
        ):
            break
        stops += 1
        reached_save = reached_save or page.evaluate(
            "document.activeElement.matches('input[name=_save]')"
        )
    assert stops > 30
    assert reached_save, "Tab never reached the Save button"
    page.context.close()


def test_a_manager_brings_back_a_deleted_organisation_with_the_keyboard(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "manager")
    page.goto(staff_site.base + "/admin/routes/organisation/")
    tab_to(page, 'a[href="/admin/routes/organisation/recover/"]')
    press_enter_and_wait(page)
    tab_to(page, f'a[href="{staff_site.ids["deleted_restore"]}"]')
    press_enter_and_wait(page)
    assert page.inner_text("h1").startswith("Bring back")
    tab_to(page, "input[value='Bring back']")
    press_enter_and_wait(page)
    assert page.locator(".messagelist .success").count() == 1
    page.goto(staff_site.base + "/admin/routes/organisation/recover/")
    assert "No organisations have been deleted." in page.inner_text("#content")
    page.context.close()


def test_add_another_step_answers_enter_and_the_space_bar(chromium, staff_site):  # noqa: F811
    """Inline "Add another" links say they are buttons, so they must work like one."""
    page = new_staff_page(chromium, staff_site, "editor")
    page.goto(staff_site.url("/admin/routes/route/{route}/change/"))
    steps = page.locator("#steps-group .inline-related:not(.empty-form)").count()
    tab_to(page, "#steps-group .add-row a[role=button]")
    page.keyboard.press("Space")
    assert page.locator("#steps-group .inline-related:not(.empty-form)").count() == steps + 1
    page.keyboard.press("Enter")
    assert page.locator("#steps-group .inline-related:not(.empty-form)").count() == steps + 2
    page.context.close()


def test_edit_a_letters_words_with_the_keyboard_alone(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "editor")
    try:
        page.goto(staff_site.url("/admin/letters/letter/"))
        tab_to(page, "#result_list a[href$='/{letter}/change/']".format(**staff_site.ids))
        press_enter_and_wait(page)
        tab_to(page, "#id_when_to_use_en")
        replace_text(page, "When the council is late with a decision or a final EHC plan.")
        tab_to(page, "input[name=_continue]")
        press_enter_and_wait(page)
        assert page.locator(".errornote").count() == 0
        assert page.input_value("#id_when_to_use_en") == (
            "When the council is late with a decision or a final EHC plan."
        )
    finally:
        page.context.close()


def test_an_editor_corrects_a_piece_of_advice_with_the_keyboard_alone(chromium, staff_site):  # noqa: F811
    """From the list filtered by kind to the words, saved, with the focus seen at every stop."""
    page = new_staff_page(chromium, staff_site, "editor")
    page.goto(staff_site.base + "/admin/guidance/advice/?kind__exact=reason")
    tab_to(
        page,
        f'a[href="/admin/guidance/advice/{staff_site.ids["advice"]}/change/?_changelist_filters=kind__exact%3Dreason"]',
    )
    press_enter_and_wait(page)
    tab_to(page, "#id_words_en")
    replace_text(
        page, "A free, independent service can help you and the school talk about {child_s} plan."
    )
    tab_to(page, "input[name=_continue]")
    press_enter_and_wait(page)
    assert page.locator(".messagelist .success").count() == 1
    assert "talk about your child’s plan" in page.inner_text(".app-advice-preview").replace(
        "'", "’"
    )
    page.context.close()


def test_an_editor_changes_a_glossary_meaning_with_the_keyboard(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "editor")
    page.goto(staff_site.base + "/admin/glossary/term/")
    tab_to(page, '#result_list a[href="/admin/glossary/term/2/change/"]')
    press_enter_and_wait(page)
    tab_to(page, "#id_meaning_en")
    replace_text(page, "The council's close look at your child's needs, typed with the keyboard.")
    tab_to(page, "input[name=_save]")
    press_enter_and_wait(page)
    assert "was changed successfully" in page.inner_text(".messagelist")
    page.goto(staff_site.base + "/glossary/")
    assert "typed with the keyboard" in page.inner_text("main")
    page.context.close()


def test_staff_reach_the_feedback_report_with_the_keyboard(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "editor")
    page.goto(staff_site.base + "/admin/feedback/pagefeedback/")
    tab_to(page, 'a[href="/admin/feedback/pagefeedback/report/"]')
    press_enter_and_wait(page)
    assert "by page and week" in page.inner_text("h1")
    page.context.close()
