"""The sign-in's second step and the first sign-in's set-up meet the rest of the site's bar: axe-core
finds no WCAG 2.2 A or AA problem, the Nu HTML Checker no error, the security headers are there, and
both work from the keyboard alone and with JavaScript off. The authenticator's code is worked out by
django-otp's own TOTP from the key the page shows, at the server's time (its Date header)."""

import base64
import json
import shutil
import subprocess
from email.utils import parsedate_to_datetime

import pytest
from django_otp.oath import TOTP

from tests.second_factor import next_recovery_code
from tests.servers import manage

from .axe import axe_violations
from .staff import (
    PASSWORD,
    StaffSite,
    assert_signed_in_as,
    csp_problems,
    staff_site,  # noqa: F401 - the fixture
)
from .test_html import VNU

# The module's server is started once: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("staff-site-signin")

NEWCOMERS = ["newcomer1", "newcomer2", "newcomer3", "newcomer4", "newcomer5"]


@pytest.fixture(scope="module")
def newcomers(staff_site):  # noqa: F811
    """Staff accounts that have never signed in: no second factor yet."""
    manage(
        staff_site.env,
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User\n"
        f"for name in {NEWCOMERS!r}:\n"
        f"    u = User.objects.create_user(name, name + '@example.org', {PASSWORD!r},"
        " first_name='Erin', is_staff=True)\n"
        "    u.groups.add(Group.objects.get(name='Content editor'))\n",
    )
    return iter(NEWCOMERS)


def server_time(page, site: StaffSite) -> float:
    return parsedate_to_datetime(
        page.request.get(site.base + "/healthz").headers["date"]
    ).timestamp()


def app_code_for(page, site: StaffSite) -> str:
    """The code an authenticator app set up from this page's key shows now, by the server's clock."""
    key = base64.b32decode(page.text_content("#setup-key").replace(" ", "").strip())
    totp = TOTP(key)
    totp.time = server_time(page, site)
    return f"{totp.token():06d}"


def password_step(page, site: StaffSite, username: str) -> None:
    page.goto(site.base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


def assert_valid_html(html: str, tmp_path) -> None:
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java"
    file = tmp_path / "page.html"
    file.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", str(file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], "\n".join(problems)


def assert_security_headers(headers: dict) -> None:
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "style-src 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert "no-store" in headers["cache-control"] or "private" in headers["cache-control"]


@pytest.fixture(params=[True, False], ids=["javascript on", "javascript off"])
def fresh_page(request, chromium):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=request.param
    )
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.javascript = request.param
    yield page
    context.close()


def test_a_newcomer_sets_up_an_authenticator_app_with_the_keyboard(
    staff_site,  # noqa: F811
    newcomers,
    fresh_page,
    tmp_path,
):
    page = fresh_page
    password_step(page, staff_site, next(newcomers))
    page.wait_for_url(staff_site.base + "/admin/sign-in/set-up/**")
    response = page.request.get(page.url)
    assert_security_headers(response.headers)
    assert_valid_html(response.text(), tmp_path)
    if page.javascript:
        assert axe_violations(page) == []
    assert page.locator("img[alt^='QR code']").is_visible()
    assert page.locator("img[alt^='QR code']").evaluate("img => img.naturalWidth") > 0

    # Keyboard only: Tab reaches the code box, Enter sends it.
    page.locator("#setup-key").click()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_code":
            break
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.keyboard.type("000000")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#id_code[aria-invalid=true]").count() == 1
    if page.javascript:
        assert axe_violations(page) == []
    # After a wrong code the device checks no code for a second (django-otp's throttling).
    page.wait_for_timeout(1500)
    page.focus("#id_code")
    page.keyboard.type(app_code_for(page, staff_site))
    page.keyboard.press("Enter")
    page.wait_for_url(staff_site.base + "/admin/sign-in/recovery-codes/**")
    assert page.locator(".sign-in-codes li").count() == 10
    assert_valid_html(page.request.get(page.url).text(), tmp_path)
    if page.javascript:
        assert axe_violations(page) == []
    page.focus("input[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(staff_site.base + "/admin/")
    assert csp_problems(page) == []


def test_the_second_step_with_the_keyboard(staff_site, fresh_page, tmp_path):  # noqa: F811
    page = fresh_page
    password_step(page, staff_site, "editor")
    page.wait_for_url(staff_site.base + "/admin/sign-in/second-step/**")
    response = page.request.get(page.url)
    assert_security_headers(response.headers)
    assert_valid_html(response.text(), tmp_path)
    if page.javascript:
        assert axe_violations(page) == []
    page.keyboard.press("Tab")
    for _ in range(15):
        if page.evaluate("document.activeElement.id") == "id_code":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_code"
    page.keyboard.type("wrongcod")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "That code did not work" in page.text_content(".errornote")
    if page.javascript:
        assert axe_violations(page) == []
    page.wait_for_timeout(1500)  # the device's one-second wait after a wrong code
    page.focus("#id_code")
    page.keyboard.type(next_recovery_code())
    page.keyboard.press("Enter")
    page.wait_for_url(staff_site.base + "/admin/")
    assert_signed_in_as(page, "editor")
    assert csp_problems(page) == []


def test_the_sign_in_methods_page_passes_axe(staff_site, chromium):  # noqa: F811
    from .staff import new_staff_page

    page = new_staff_page(chromium, staff_site, "manager")
    for url in ["/admin/sign-in/", "/admin/sign-in/colleagues/"]:
        page.goto(staff_site.base + url)
        assert axe_violations(page) == [], url
    assert csp_problems(page) == []
    page.context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_set_up_and_second_step(
    staff_site,  # noqa: F811
    newcomers,
    chromium,
    artifacts,
    width,
):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    password_step(page, staff_site, next(newcomers))
    page.wait_for_url(staff_site.base + "/admin/sign-in/set-up/**")
    page.screenshot(path=str(artifacts / f"staff-sign-in-set-up-{width}.png"), full_page=True)
    # Nothing is cut off or scrolls sideways at this width.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    password_step(page, staff_site, "manager")
    page.wait_for_url(staff_site.base + "/admin/sign-in/second-step/**")
    page.screenshot(path=str(artifacts / f"staff-sign-in-second-step-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_the_set_up_and_second_step_in_the_dark_theme(staff_site, newcomers, chromium):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    password_step(page, staff_site, next(newcomers))
    page.wait_for_url(staff_site.base + "/admin/sign-in/set-up/**")
    assert axe_violations(page) == []
    page.click(".sign-in-leave button")
    password_step(page, staff_site, "manager")
    page.wait_for_url(staff_site.base + "/admin/sign-in/second-step/**")
    assert axe_violations(page) == []
    context.close()
