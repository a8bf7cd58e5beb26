"""A real server (gunicorn, production settings) and a real browser (Chromium) for these tests."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.clock import NOON_TODAY, SERVER_CLOCK
from tests.servers import (
    create_superuser,
    gunicorn,
    prepared_database,
    production_env,
)

# Debian's Chromium: its headless shell (what Playwright runs headless), or the whole browser.
DEBIAN_CHROMIUM = next(
    (
        path
        for path in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")
        if os.path.exists(path)
    ),
    None,
)
# Without the background-networking flags Chromium tries hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def frozen_gunicorn(env: dict, workers: int):
    """tests.servers.gunicorn, serving the site through tests/frozen_wsgi.py: its clock starts at
    noon on tests.clock.TODAY, so plans show the same days left whatever the date."""
    return gunicorn(
        {**env, SERVER_CLOCK: NOON_TODAY.isoformat()}, workers=workers, app="tests.frozen_wsgi"
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site under gunicorn on tests.clock.TODAY, with its initial content and a staff account;
    yields its URL."""
    with prepared_database(tmp_path_factory.mktemp("site")) as database_url:
        env = production_env(DATABASE_URL=database_url, REDIS_URL="")
        create_superuser(env)
        with frozen_gunicorn(env, workers=2) as base:
            yield base


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        options = {"args": CHROMIUM_ARGS}
        if DEBIAN_CHROMIUM:
            options["executable_path"] = DEBIAN_CHROMIUM
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.problems = problems
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
