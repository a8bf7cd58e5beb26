"""Security: headers on every response, production settings, no leaks on errors."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.core.cache import cache

from tests.servers import ROOT, production_env

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/routes/appeal/",
    "/organisations/",
    "/what-can-i-do/who/",
    "/deadlines/",
    "/admin/login/",
    "/no-such-page/",
    "/healthz",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client, content, url):
    response = client.get(url, secure=True)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    # Pages made from answers send none (their address holds the answers); the rest, the
    # site's policy.
    private = url in ("/what-can-i-do/who/", "/deadlines/")
    expected = "no-referrer" if private else "strict-origin-when-cross-origin"
    assert response["Referrer-Policy"] == expected
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_https_is_required_and_only_the_trusted_proxy_can_say_a_request_was(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/routes/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/routes/"
    # The header from anyone is not enough: gunicorn makes it HTTPS for FORWARDED_ALLOW_IPS only.
    assert client.get("/routes/", headers={"X-Forwarded-Proto": "https"}).status_code == 301
    # What gunicorn passes on for the trusted proxy.
    assert client.get("/routes/", secure=True).status_code == 200


def test_check_deploy_prints_no_warning_with_production_settings(tmp_path):
    """The settings alone: on a new database, before the content is loaded. With the content,
    `check --deploy` also warns about what only ISAID can confirm before going live
    (routes.W001, tests/routes/test_contacts.py)."""
    env = production_env(
        DJANGO_SECRET_KEY="a" * 10
        + "-production-like-secret-key-with-enough-length-and-variety-9f3",
        DJANGO_ALLOWED_HOSTS="send.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}",
        # Behind the TLS proxy (staff_signin.W001 otherwise: tests/staff_signin/test_lockout.py).
        DJANGO_PROXY_COUNT="1",
    )
    env.pop("DJANGO_SECURE_SSL_REDIRECT")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_start_up_without_a_secret_key_fails_clearly_when_debug_is_off():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_DEBUG"] = "0"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_a_server_error_shows_a_friendly_page_and_no_stack_trace(client, content):
    cache.clear()
    client.raise_request_exception = False
    with mock.patch("routes.views.render", side_effect=RuntimeError("secret internal detail")):
        response = client.get("/privacy/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "secret internal detail" not in html
    assert "Traceback" not in html
    assert not response.cookies


def test_staff_cookies_are_secure_in_production(client, editor, settings):
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    response = client.get("/admin/login/", secure=True)
    assert response.cookies["csrftoken"]["secure"]


def test_admin_lives_at_a_configurable_path():
    env = production_env(DJANGO_ADMIN_URL="staff-only/")
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "/staff-only/"


def test_static_files_carry_the_security_headers_too(client):
    import re

    html = client.get("/accessibility/").content.decode()
    css = re.search(r'href="(/static/css/main\.[0-9a-f]+\.css)"', html)[1]
    response = client.get(css, secure=True)
    assert response.status_code == 200
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]
