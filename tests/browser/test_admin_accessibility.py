"""The staff side meets the public side's bar: axe-core finds no WCAG 2.2 A or AA problem on any admin
page a content editor or content manager uses, in any state, with no rule left out; and no page
breaks the CSP. Each check first proves the page is a signed-in staff page and that axe ran."""

import pytest

from tests.routes.admin_form import form_data
from tests.servers import Browser

from .axe import axe_run, described
from .staff import (
    PASSWORD,
    assert_signed_in_as,
    csp_problems,
    new_staff_page,
    staff_page_like,
    staff_site,  # noqa: F401 - the fixture
)

# Pages both roles use, as they are opened from a link: {names} are filled in from the site.
STAFF_PAGES = {
    "admin index with the review list": "/admin/",
    "app index": "/admin/routes/",
    "route list": "/admin/routes/route/",
    "route list, filtered": "/admin/routes/route/?is_published__exact=1&review=due",
    "route list, searched": "/admin/routes/route/?q=mediation",
    "route list, nothing found": "/admin/routes/route/?q=no-such-words",
    "route change page with steps and organisations": "/admin/routes/route/{route}/change/",
    "route add page": "/admin/routes/route/add/",
    "route history": "/admin/routes/route/{route}/history/",
    "an earlier route version, ready to restore": "/admin/routes/route/{route}/history/"
    "{route_version}/",
    "organisation list": "/admin/routes/organisation/",
    "organisation list, filtered": "/admin/routes/organisation/?scope__exact=local&review=ok",
    "organisation change page with routes": "/admin/routes/organisation/{organisation}/change/",
    "organisation add page": "/admin/routes/organisation/add/",
    "organisation add pop-up": "/admin/routes/organisation/add/?_to_field=id&_popup=1",
    "organisation history": "/admin/routes/organisation/{organisation}/history/",
    "an earlier organisation version": "/admin/routes/organisation/{organisation}/history/"
    "{organisation_version}/",
    "Code of Practice paragraph list": "/admin/routes/codeparagraph/",
    "Code of Practice paragraph list, due for review": "/admin/routes/codeparagraph/?review=due",
    "Code of Practice paragraph change page": "/admin/routes/codeparagraph/{paragraph}/change/",
    "Code of Practice paragraph add page": "/admin/routes/codeparagraph/add/",
    "advice list": "/admin/guidance/advice/",
    "advice list, filtered by kind and review": "/admin/guidance/advice/?kind__exact=reason&review=due",
    "advice list, searched": "/admin/guidance/advice/?q=mediation",
    "advice change page with its preview": "/admin/guidance/advice/{advice}/change/",
    "advice history": "/admin/guidance/advice/{advice}/history/",
    "reference list, filtered by deadline": "/admin/guidance/reference/?deadline=appeal",
    "reference change page": "/admin/guidance/reference/{reference}/change/",
    "reference add page": "/admin/guidance/reference/add/",
    "glossary list": "/admin/glossary/term/",
    "glossary list, due for review": "/admin/glossary/term/?review=due",
    "glossary term change page": "/admin/glossary/term/1/change/",
    "glossary term add page": "/admin/glossary/term/add/",
    "glossary term history": "/admin/glossary/term/1/history/",
    "page feedback list": "/admin/feedback/pagefeedback/",
    "page feedback report by page and week": "/admin/feedback/pagefeedback/report/",
    "password change": "/admin/password_change/",
    "letter list": "/admin/letters/letter/",
    "letter change page": "/admin/letters/letter/{letter}/change/",
    "letter add page": "/admin/letters/letter/add/",
    "letter history": "/admin/letters/letter/{letter}/history/",
    "before going live": "/admin/routes/organisation/before-going-live/",
    "translations report, Polish": "/admin/translations/translationstatus/?language=pl",
    "translations report, Urdu drafts": "/admin/translations/translationstatus/?language=ur"
    "&state=draft",
}
MANAGER_PAGES = {
    "deleted organisations": "/admin/routes/organisation/recover/",
    "bring back a deleted organisation": "{deleted_restore}",
    "organisation delete confirmation": "/admin/routes/organisation/{organisation}/delete/",
}
EDITOR_PAGES = {}
ROLE_PAGES = [("editor", name, url) for name, url in {**STAFF_PAGES, **EDITOR_PAGES}.items()] + [
    ("manager", name, url) for name, url in {**STAFF_PAGES, **MANAGER_PAGES}.items()
]


@pytest.fixture(scope="module")
def staff_pages(chromium, staff_site):  # noqa: F811 - the fixture imported above
    pages = {name: new_staff_page(chromium, staff_site, name) for name in ("editor", "manager")}
    yield pages
    for page in pages.values():
        page.context.close()


def submit(page, selector):
    """Press a button that sends a form, and wait for the answer."""
    with page.expect_navigation():
        page.click(selector)


def assert_accessible(page, username):
    """The page is a signed-in staff page, runs within its CSP, and axe passes it with no exclusions."""
    assert_signed_in_as(page, username)
    # Read before axe runs: axe itself adds style elements that the CSP (rightly) blocks.
    assert csp_problems(page) == []
    result = axe_run(page)
    assert len(result["passes"]) >= 10, "axe did not run"
    assert described(result["violations"]) == []


@pytest.mark.parametrize(("username", "name", "url"), ROLE_PAGES, ids=lambda v: str(v))
def test_no_wcag_violations_on_staff_pages(staff_site, staff_pages, username, name, url):  # noqa: F811
    page = staff_pages[username]
    page.problems.clear()
    page.goto(staff_site.url(url))
    page.wait_for_load_state("load")
    if url == "/admin/":
        # The state under test: at least a route, an organisation and a paragraph are due.
        assert page.locator("#needs-review li").count() >= 3
    assert_accessible(page, username)


@pytest.fixture
def editor_page(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "editor")
    yield page
    page.context.close()


@pytest.fixture
def manager_page(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "manager")
    yield page
    page.context.close()


def test_change_page_with_errors(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/route/{route}/change/"))
    page.fill("#id_title_en", "")
    page.fill("#id_steps-0-title_en", "")
    submit(page, "input[name=_continue]")
    assert page.locator(".errornote").count() == 1
    assert page.locator(".errorlist").count() >= 2
    assert_accessible(page, "editor")


def test_a_letter_with_an_unknown_placeholder_refused(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/letters/letter/{letter}/change/"))
    page.fill("#id_body_en", page.input_value("#id_body_en") + "\n\n{child name}")
    submit(page, "input[name=_continue]")
    assert "These placeholders do not exist: {child name}" in page.inner_text(".errorlist")
    assert_accessible(page, "editor")


def test_advice_with_an_unknown_placeholder(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/guidance/advice/{advice}/change/"))
    page.fill("#id_words_en", "Talk to the school before {deadline}.")
    submit(page, "input[name=_continue]")
    assert "These words use {deadline}" in page.locator(".errorlist").first.inner_text()
    assert_accessible(page, "editor")


def test_add_page_with_errors(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/organisation/add/"))
    submit(page, "input[name=_save]")
    assert page.locator(".errornote").count() == 1
    assert_accessible(page, "editor")


def test_the_conflict_warning(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/organisation/{organisation}/change/"))
    # A colleague saves the same organisation while the editor has it open.
    colleague = Browser(staff_site.base)
    colleague.sign_in("manager", PASSWORD)
    path = staff_site.url("/admin/routes/organisation/{organisation}/change/")[
        len(staff_site.base) :
    ]
    _, html, _ = colleague.request(path)
    data = form_data(html, "organisation_form")
    data["opening_hours_en"] = ["Monday to Friday, 9am to 5pm (a colleague's edit)"]
    data["_continue"] = ["Save and continue editing"]
    status, _, _ = colleague.request(path, data)
    assert status == 302
    page.fill("#id_opening_hours_en", "Weekdays 10am to 4pm")
    submit(page, "input[name=_continue]")
    assert "after you opened it" in page.inner_text(".errorlist.nonfield")
    assert_accessible(page, "editor")


@pytest.mark.parametrize(
    ("box", "typed"),
    [
        ("#id_citations + .select2 .select2-search__field", "11"),  # choose many
        ("#id_routeorganisation_set-0-organisation + .select2 .select2-selection", "E"),  # one
    ],
)
def test_an_autocomplete_list_open(staff_site, editor_page, box, typed):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/route/{route}/change/"))
    page.click(box)
    page.keyboard.type(typed)
    page.wait_for_selector(".select2-results__option:not(.loading-results)")
    assert_accessible(page, "editor")


def test_refused_page_says_who_can(staff_site, editor_page):  # noqa: F811
    """An editor who finds the deleted organisations page is told who can help, on a styled page."""
    page = editor_page
    page.problems.clear()
    response = page.goto(staff_site.url("/admin/routes/organisation/recover/"))
    assert response.status == 403
    assert "content manager" in page.inner_text("main")
    assert csp_problems(page) == []
    result = axe_run(page)
    assert len(result["passes"]) >= 10, "axe did not run"
    assert described(result["violations"]) == []


def test_after_restoring_a_version(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/route/{route}/history/"))
    submit(page, "#change-history tbody tr:last-child a")
    submit(page, "input[value='Restore this version']")
    assert page.locator(".messagelist .success").count() == 1
    assert_accessible(page, "editor")


def test_after_marking_reviewed(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/routes/codeparagraph/?review=due"))
    page.check("#result_list tbody input.action-select")
    page.select_option("select[name=action]", "mark_reviewed_today")
    submit(page, "button[name=index]")
    assert "marked as reviewed today" in page.inner_text(".messagelist")
    assert_accessible(page, "editor")


def test_delete_selected_confirmation(staff_site, manager_page):  # noqa: F811
    page = manager_page
    page.goto(staff_site.url("/admin/routes/organisation/"))
    page.check("#result_list tbody input.action-select")
    page.select_option("select[name=action]", "delete_selected")
    submit(page, "button[name=index]")
    assert page.locator("form input[name=post]").count() == 1
    assert_accessible(page, "manager")


# WCAG 1.4.10 Reflow: 320 CSS pixels wide, and a 1280 px screen at 200% zoom (640 CSS pixels).
NARROW = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "200% zoom": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}
REFLOW_PAGES = [
    ("editor", "/admin/"),
    ("editor", "/admin/routes/route/?review=due"),
    ("editor", "/admin/routes/route/{route}/change/"),
    ("editor", "/admin/routes/route/add/"),
    ("editor", "/admin/routes/route/{route}/history/"),
    ("editor", "/admin/routes/route/{route}/history/{route_version}/"),
    ("editor", "/admin/routes/organisation/"),
    ("manager", "/admin/routes/organisation/{organisation}/change/"),
    ("editor", "/admin/routes/codeparagraph/{paragraph}/change/"),
    ("editor", "/admin/guidance/advice/"),
    ("editor", "/admin/guidance/advice/{advice}/change/"),
    ("manager", "/admin/routes/organisation/recover/"),
    ("manager", "/admin/routes/organisation/{organisation}/delete/"),
]
# Every control a person can see and use: what must not be lost when the page narrows.
CONTROLS = """() => [...document.querySelectorAll(
        'input:not([type=hidden]), select, textarea, button, a[href], [tabindex="0"]')]
    .filter(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                   return r.width > 2 && r.height > 2 && s.visibility !== 'hidden'; })
    .map(e => [e.tagName, e.id || e.name || '', (e.textContent || e.value || '').trim().slice(0, 30),
               e.getAttribute('href') || ''].join(' '))"""
# Focused and scrolled into view, is the control inside the screen and not covered by anything?
SHOWN = """(i) => {
    const sel = 'input:not([type=hidden]), select, textarea, button, a[href], [tabindex="0"]';
    const e = [...document.querySelectorAll(sel)].filter(e => {
        const r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return r.width > 2 && r.height > 2 && s.visibility !== 'hidden'; })[i];
    e.focus({preventScroll: true});  // a skip link shows only when it has focus
    e.scrollIntoView({block: 'center', inline: 'center'});
    const r = e.getBoundingClientRect(), first = e.getClientRects()[0];  // a link may wrap
    const x = Math.min(Math.max(first.left + Math.min(first.width, 20) / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(first.top + Math.min(first.height, 20) / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const label = hit && hit.closest('label');
    const ok = r.left >= -0.5 && r.right <= innerWidth + 0.5 && hit !== null &&
        (e.contains(hit) || (label !== null && label.control === e));
    return ok ? '' : `${e.outerHTML.slice(0, 120)} at ${Math.round(r.left)}..${Math.round(r.right)}`
        + ` shows ${hit && hit.outerHTML.slice(0, 80)}`;
}"""


@pytest.mark.parametrize("narrow", NARROW)
@pytest.mark.parametrize(("username", "url"), REFLOW_PAGES)
def test_nothing_is_lost_at_320px_or_200_percent_zoom(
    chromium,
    staff_site,  # noqa: F811
    staff_pages,
    narrow,
    username,
    url,
):
    wide = staff_pages[username]
    wide.goto(staff_site.url(url))
    wide_controls = sorted(wide.evaluate(CONTROLS))
    page = staff_page_like(chromium, wide, **NARROW[narrow])
    try:
        page.goto(staff_site.url(url))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"], f"the page scrolls sideways: {width}px"
        controls = sorted(page.evaluate(CONTROLS))
        assert controls == wide_controls, "a control is missing or extra at this width"
        # Each control in turn, as one call would check it, in one round trip to the browser.
        hidden = page.evaluate(f"n => [...Array(n).keys()].map({SHOWN})", len(controls))
        assert [h for h in hidden if h] == []
    finally:
        page.context.close()


# Staff may pick the dark theme (the moon button), or get it from their device settings.
DARK_PAGES = [
    "/admin/",
    "/admin/routes/route/?review=due",
    "/admin/routes/route/{route}/change/",
    "/admin/routes/organisation/{organisation}/change/",
    "/admin/routes/route/{route}/history/",
    "/admin/routes/organisation/recover/",
]


@pytest.fixture(scope="module")
def dark_manager_page(chromium, staff_site):  # noqa: F811
    page = new_staff_page(chromium, staff_site, "manager", color_scheme="dark")
    yield page
    page.context.close()


@pytest.mark.parametrize("url", DARK_PAGES)
def test_no_wcag_violations_in_the_dark_theme(staff_site, dark_manager_page, url):  # noqa: F811
    page = dark_manager_page
    page.problems.clear()
    page.goto(staff_site.url(url))
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert_accessible(page, "manager")


def test_the_logged_out_page(staff_site, editor_page):  # noqa: F811
    page = editor_page
    page.goto(staff_site.url("/admin/"))
    submit(page, "#logout-form button")
    assert page.locator("#user-tools").count() == 0, "still signed in"
    result = axe_run(page)
    assert len(result["passes"]) >= 10, "axe did not run"
    assert described(result["violations"]) == []


def test_the_sign_in_steps(chromium, staff_site):  # noqa: F811
    """The password page, and the second step when signing in has one, pass axe too."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(staff_site.base + "/admin/login/")
    result = axe_run(page)
    assert len(result["passes"]) >= 10, "axe did not run"
    assert described(result["violations"]) == []
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    submit(page, "input[type=submit]")
    if "/second-step/" in page.url:
        assert page.locator("#id_code").count() == 1
        result = axe_run(page)
        assert len(result["passes"]) >= 10, "axe did not run"
        assert described(result["violations"]) == []
    context.close()


def test_new_inline_rows(staff_site, editor_page):  # noqa: F811
    """Rows added on the page (Add another …) are labelled like the rows that came with it."""
    page = editor_page
    page.goto(staff_site.url("/admin/routes/organisation/{organisation}/change/"))
    rows = page.locator("#routeorganisation_set-group tr.form-row:not(.empty-form)").count()
    page.click("#routeorganisation_set-group .add-row a")
    assert page.locator("#routeorganisation_set-group tr.form-row:not(.empty-form)").count() == (
        rows + 1
    )
    assert page.locator(f"label[for='id_routeorganisation_set-{rows}-order']").count() == 1
    assert_accessible(page, "editor")
    page.problems.clear()
    page.goto(staff_site.url("/admin/routes/route/{route}/change/"))
    page.click("#steps-group .add-row a")
    assert_accessible(page, "editor")
