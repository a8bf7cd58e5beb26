"""A site of its own for the staff-side browser tests: a content editor and a content manager, items
due for review, a deleted organisation; and Chromium signed in as each of them."""

import json
import re
from dataclasses import dataclass

import pytest

from tests.second_factor import next_recovery_code, recovery_codes_script
from tests.servers import gunicorn, manage, prepared_database, production_env

PASSWORD = "a-long-test-password-1"
# username: (group, first name shown as "Welcome, …" in the admin header)
STAFF = {
    "editor": ("Content editor", "Erin"),
    "manager": ("Content manager", "Max"),
}

# Run in the server's database by `manage.py shell`; prints what the tests need to find pages.
SET_UP = f"""
import json
from datetime import date
from django.contrib.auth.models import Group, User
from django.urls import reverse
from guidance.models import Advice, Reference
from letters.models import Letter
from routes.models import CodeParagraph, Organisation, Route, Step
from reversion.models import Version

for username, (group, first_name) in {STAFF!r}.items():
    user = User.objects.create_user(
        username, username + "@example.org", {PASSWORD!r},
        first_name=first_name, last_name="Tester", is_staff=True,
    )
    user.groups.add(Group.objects.get(name=group))

# Something of each kind is due for review, so the admin index lists it.
for model in (Route, Organisation, CodeParagraph):
    model.objects.filter(pk=model.objects.order_by("pk").first().pk).update(review_due=date(2025, 1, 1))

route = Route.objects.get(slug="mediation")
organisations = list(Organisation.objects.order_by("pk"))
gone = organisations[-1].pk
organisations[-1].delete()
print(json.dumps({{
    "route": route.pk,
    "route_version": Version.objects.get_for_object(route).order_by("pk").first().pk,
    "organisation": organisations[0].pk,
    "organisation_version": Version.objects.get_for_object(organisations[0]).order_by("pk").first().pk,
    "paragraph": CodeParagraph.objects.order_by("pk").first().pk,
    "step": Step.objects.filter(route=route).order_by("order").first().pk,
    "advice": Advice.objects.get(kind="reason", code="disagreement-yes").pk,
    "reference": Reference.objects.order_by("pk").first().pk,
    "letter": Letter.objects.get(slug="chase-late-decision").pk,
    "deleted_restore": reverse(
        "admin:routes_organisation_recover",
        args=[Version.objects.get_deleted(Organisation).get(object_id=str(gone)).pk],
    ),
}}))
"""


# The second step: each account has recovery codes the tests know (tests/second_factor.py).
SET_UP += "".join(recovery_codes_script(repr(username)) for username in STAFF)


@dataclass
class StaffSite:
    base: str
    env: dict
    ids: dict

    def url(self, path: str) -> str:
        return self.base + path.format(**self.ids)


@pytest.fixture(scope="module")
def staff_site(tmp_path_factory):
    with prepared_database(tmp_path_factory.mktemp("staff")) as database_url:
        # Two workers, as in production. A save shows in the other worker at once here, so a
        # public page read just after a save is never the copy from before it (the worker's
        # one-second window is tested by tests/test_save_shows_everywhere.py); with the default,
        # a full run's load once served the page from before a draft was published.
        env = production_env(
            DATABASE_URL=database_url, REDIS_URL="", CONTENT_VERSION_CHECK_SECONDS="0"
        )
        ids = json.loads(manage(env, "shell", "-c", SET_UP).strip().splitlines()[-1])
        with gunicorn(env, workers=2) as base:
            yield StaffSite(base, env, ids)


def sign_in(page, site: StaffSite, username: str) -> None:
    """Both steps: the password, then one of the account's recovery codes."""
    page.goto(site.base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(site.base + "/admin/sign-in/second-step/**")
    page.fill("#id_code", next_recovery_code())
    page.click("input[type=submit]")
    page.wait_for_url(site.base + "/admin/")


def new_staff_page(chromium, site: StaffSite, username: str, **context_options):
    """A page in a fresh browser, signed in; `page.problems` collects console errors."""
    page = _new_page(chromium, context_options)
    sign_in(page, site, username)
    return page


def staff_page_like(chromium, signed_in, **context_options):
    """A page in a fresh browser signed in as `signed_in` is (its session cookie), without
    signing in again: for checking a page at another size or zoom."""
    return _new_page(
        chromium, {"storage_state": signed_in.context.storage_state(), **context_options}
    )


def _new_page(chromium, context_options: dict):
    context = chromium.new_context(
        **{"viewport": {"width": 1280, "height": 900}, **context_options}
    )
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    return page


def assert_signed_in_as(page, username: str) -> None:
    """The header greets the person by name and offers to log out: the page is a staff page.
    A pop-up has no header: there, the page is the form asked for, not the login page."""
    if page.locator("body.popup").count():
        assert "/login/" not in page.url
        assert page.locator("#content form input[name=csrfmiddlewaretoken]").count() == 1
        return
    tools = page.text_content("#user-tools")
    assert re.search(rf"\b{STAFF[username][1]}\b", tools), tools
    assert page.locator("#logout-form button[type=submit]").count() == 1


def csp_problems(page) -> list[str]:
    return [p for p in page.problems if "Content Security Policy" in p]
