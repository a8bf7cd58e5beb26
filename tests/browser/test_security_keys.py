"""Security keys and passkeys (WebAuthn), with Chromium's virtual authenticator: a signed-in person
adds one from Your sign-in methods, and the next time signs in with it instead of a code. The site
must be reached at the address its keys are registered to (DJANGO_WEBAUTHN_ORIGIN): localhost."""

import subprocess

import pytest

from tests.second_factor import next_recovery_code
from tests.servers import (
    GUNICORN,
    ROOT,
    create_superuser,
    free_port,
    prepared_database,
    production_env,
    wait_until_up,
)

from .axe import axe_violations
from .staff import csp_problems

# The module's server is started once: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("security-keys-site")

PASSWORD = "a-long-test-password-1"


@pytest.fixture(scope="module")
def localhost_site(tmp_path_factory):
    port = free_port()
    origin = f"http://localhost:{port}"
    with prepared_database(tmp_path_factory.mktemp("keys")) as database_url:
        env = production_env(DATABASE_URL=database_url, REDIS_URL="", DJANGO_WEBAUTHN_ORIGIN=origin)
        create_superuser(env)
        process = subprocess.Popen(
            [GUNICORN, "ealing_send.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_until_up(f"http://127.0.0.1:{port}", process)
            yield origin
        finally:
            process.terminate()
            process.wait(timeout=15)


@pytest.fixture
def page_with_authenticator(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    devtools = context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    yield page
    context.close()


def password_step(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/sign-in/second-step/**")


def test_add_a_security_key_then_sign_in_with_it(localhost_site, page_with_authenticator):
    page, base = page_with_authenticator, localhost_site
    password_step(page, base)
    # No key yet: the page offers codes only.
    assert page.locator("#passkey-verification-button").count() == 0
    page.fill("#id_code", next_recovery_code())
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")

    page.goto(base + "/admin/sign-in/")
    page.click("#passkey-register-button")
    page.wait_for_selector("#passkey-register-status-message:has-text('successful')")
    page.reload()
    assert "You have no security keys" not in page.text_content("#content-main")
    assert axe_violations(page) == []

    page.click("#logout-form button[type=submit]")
    password_step(page, base)
    assert axe_violations(page) == []
    page.click("#passkey-verification-button")
    page.wait_for_url(base + "/admin/")
    assert page.locator("#logout-form").count() == 1
    assert csp_problems(page) == []
    assert not [p for p in page.problems if "WebAuthn" in p or "passkey" in p.lower()]
