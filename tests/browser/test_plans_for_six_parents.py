"""The six parents of the UX walkthrough (shared/reviews/ux-walkthrough-2026-11.md, part A), each on
a 375px phone on the server's frozen day (28 November 2026): the plan opens, in the first screen,
with what to do first; the first date on the page is a real deadline, never an "if you act today"
estimate; Ealing ISAID is in that box (a tel: link once staff enter its phone; until then its
website, as shipped); and every organisation the plan's words name is listed under Who can help."""

import json
import re
from pathlib import Path

import pytest

from guidance.directory import organisations_named
from routes.models import Organisation

from .test_phone import PHONE

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "content.json"
PARENTS = {
    "no plan, school not helping, not talked yet": (
        "who=parent&concern=school-support&plan=no&talked=no",
        None,
    ),
    "assessment refused 5 weeks ago, no certificate": (
        "who=parent&concern=la-decision&decision=refuse-assessment&decision_date=2026-10-24"
        "&mediation=no",
        "Thursday 24 December 2026",
    ),
    "young person, plan being stopped": (
        "who=young-person&concern=la-decision&decision=cease-plan&decision_date=2026-11-14"
        "&mediation=no",
        "Thursday 14 January 2027",
    ),
    "only the school named in the plan": (
        "who=parent&concern=la-decision&decision=placement-only&decision_date=2026-11-06",
        "Wednesday 6 January 2027",
    ),
    "health provision in the plan": (
        "who=parent&concern=health-care&also_education=yes&decision=plan-contents"
        "&decision_date=2026-11-02&mediation=no",
        # The adviser's last day is Saturday 2 January 2027: act by the working day before.
        "Thursday 31 December 2026",
    ),
    "permanent exclusion upheld by the governors": (
        "who=parent&concern=exclusion&exclusion_type=permanent&exclusion_date=2026-11-02"
        "&governors_decision=yes&governors_decision_date=2026-11-16",
        "Monday 7 December 2026",
    ),
}
A_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}"
)


def shipped_organisations() -> list[Organisation]:
    """The published organisations as the site ships them (the server has its own database)."""
    rows = json.loads(FIXTURE.read_text())
    kept = ("name", "slug", "phone", "website", "email")
    return [
        Organisation(**{key: row["fields"][key] for key in kept})
        for row in rows
        if row["model"] == "routes.organisation" and row["fields"]["is_published"]
    ]


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("query", "first_date"), PARENTS.values(), ids=PARENTS.keys())
def test_the_plan_opens_with_the_real_first_thing_and_who_to_call(
    site, phone_page, query, first_date
):
    page = phone_page
    page.goto(f"{site}/what-can-i-do/result/?{query}")
    opening = page.locator("#do-this-first")
    title = opening.locator("h2").inner_text()
    # The box starts within the first screen of a phone, right after the outcome's words.
    assert opening.bounding_box()["y"] < PHONE["height"]
    # After the heading come the outcome's words (one or two paragraphs), then the box.
    follows = page.locator("h1 ~ *").evaluate_all("nodes => nodes.map(n => n.id || n.tagName)")
    assert "do-this-first" in follows[:3], follows

    main = page.locator("main").inner_text()
    dates = A_DATE.findall(main)
    real = " ".join(page.locator(".app-deadline:not(.app-deadline--estimate)").all_inner_texts())
    if first_date is None:
        assert title == "Do this first"
        assert dates == []
    else:
        assert title == f"Do this first, by {first_date}"
        # The first date on the page is this one, and it is a real deadline's (its day, or the
        # working day to act by), shown in full under Deadlines.
        assert dates[0] == first_date
        assert first_date in real

    isaid = next(o for o in shipped_organisations() if o.slug == "ealing-isaid")
    if isaid.phone:
        assert opening.locator(f'a[href="{isaid.phone_href}"]').count() == 1
    else:
        # No contact for ISAID is confirmed yet: the box says so, and gives IPSEA's website,
        # where free advice is booked (contacts-checked-2026-12.md, both official).
        ipsea = next(o for o in shipped_organisations() if o.slug == "ipsea")
        assert "We are still confirming its phone number and email" in opening.inner_text()
        assert opening.locator(f'a[href="{ipsea.website}"]').count() == 1

    listed = page.locator("#who-can-help .app-contact h3").all_inner_texts()
    said = main.replace(page.locator("#who-can-help").inner_text(), "")
    named = [o.name for o in organisations_named(said, shipped_organisations())]
    assert "Ealing ISAID" in named
    assert set(named) <= set(listed), (named, listed)
