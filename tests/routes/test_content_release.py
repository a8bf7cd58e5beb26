"""A release's corrected content reaches a site that has content, and never over a staff edit."""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from routes.content_release import release_plan
from routes.management.commands import load_initial_content
from routes.models import ContentVersion, Organisation, Route, RouteOrganisation, ShippedContent

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "routes" / "migrations" / "shipped" / "content-2026-11-28.json"
RELEASE = ROOT / "fixtures" / "content.json"

A = ("routes.route", 1)
B = ("routes.route", 2)


@pytest.mark.parametrize(
    ("shipped", "release", "live", "create", "update", "delete", "kept"),
    [
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "new"}},
            {A: {"body": "old"}},
            [],
            {A: {"body": "new"}},
            [],
            {},
            id="words staff left alone take the release's correction",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "new"}},
            {A: {"body": "staff"}},
            [],
            {},
            [],
            {A: ["body"]},
            id="words staff changed are kept and reported",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "old"}},
            {A: {"body": "staff"}},
            [],
            {},
            [],
            {},
            id="a staff edit where the release changed nothing is simply kept",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "new"}},
            {A: {"body": "new"}},
            [],
            {},
            [],
            {},
            id="staff who already made the correction see nothing",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "old"}, B: {"body": "b"}},
            {A: {"body": "old"}},
            [B],
            {},
            [],
            {},
            id="an item the release adds is created",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "new"}},
            {},
            [],
            {},
            [],
            {},
            id="an item staff deleted stays deleted",
        ),
        pytest.param(
            {A: {"body": "old"}, B: {"body": "b"}},
            {A: {"body": "old"}},
            {A: {"body": "old"}, B: {"body": "b"}},
            [],
            {},
            [B],
            {},
            id="an item the release drops is deleted when staff never changed it",
        ),
        pytest.param(
            {A: {"body": "old"}, B: {"body": "b"}},
            {A: {"body": "old"}},
            {A: {"body": "old"}, B: {"body": "staff"}},
            [],
            {},
            [],
            {B: ["(the release removes this item)"]},
            id="an item the release drops is kept when staff changed it",
        ),
        pytest.param(
            {A: {"body": "old"}},
            {A: {"body": "old", "notes": "new field"}},
            {A: {"body": "old", "notes": ""}},
            [],
            {A: {"notes": "new field"}},
            [],
            {},
            id="a field new in this release is filled where nobody wrote in it",
        ),
        pytest.param(
            {A: {"body": "old", "updated_at": "1"}},
            {A: {"body": "old", "updated_at": "2"}},
            {A: {"body": "old", "updated_at": "3"}},
            [],
            {},
            [],
            {},
            id="fields a save sets by itself are not compared",
        ),
        pytest.param(
            {A: {"last_reviewed": "2026-11-28"}},
            {A: {"last_reviewed": "2026-11-29"}},
            {A: {"last_reviewed": "2027-01-05"}},
            [],
            {},
            [],
            {},
            id="a later staff review date is kept without a note",
        ),
    ],
)
def test_release_plan(shipped, release, live, create, update, delete, kept):
    plan = release_plan(shipped, list(release.items()), live)
    assert (plan.create, plan.update, plan.delete, plan.kept_edits) == (
        create,
        update,
        delete,
        kept,
    )


@pytest.fixture
def fixtures_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(load_initial_content, "FIXTURES", tmp_path)
    return tmp_path


@pytest.mark.django_db
def test_a_site_loaded_from_the_last_release_gets_the_corrections_and_keeps_its_edits(
    fixtures_dir,
):
    shutil.copy(BASELINE, fixtures_dir / "content.json")
    call_command("load_initial_content", verbosity=0)
    appeal = Route.objects.get(slug="appeal")
    appeal.body = "Our own words about appeals."
    appeal.save()
    staff_org = Organisation.objects.create(
        name="A local parents' group", slug="parents-group", helps_with="Meets on Fridays."
    )
    shipped_complaint_body = Route.objects.get(slug="complaint").body
    version = ContentVersion.current()

    shutil.copy(RELEASE, fixtures_dir / "content.json")
    call_command("load_initial_content", verbosity=0)

    release = {(r["model"], r["pk"]): r["fields"] for r in json.loads(RELEASE.read_text())}
    complaint = Route.objects.get(slug="complaint")
    assert complaint.body == release["routes.route", complaint.pk]["body"] != shipped_complaint_body
    appeal.refresh_from_db()
    assert appeal.body == "Our own words about appeals."
    assert "Your words were kept" in appeal.review_notes
    # The council's SEN team is new in this release; the staff's own organisation is untouched.
    assert Organisation.objects.filter(slug="ealing-council-sen-team").exists()
    staff_org.refresh_from_db()
    assert staff_org.name == "A local parents' group"
    # The link to an advice service that closed is gone; each link the release ships joins the
    # route and organisation it names, including the organisation the release adds.
    assert not RouteOrganisation.objects.filter(organisation__slug="ace-education-advice").exists()
    slugs = {pk: f["slug"] for (model, pk), f in release.items() if model == "routes.organisation"}
    for (model, _), fields in release.items():
        if model == "routes.routeorganisation":
            assert RouteOrganisation.objects.filter(
                route__pk=fields["route"], organisation__slug=slugs[fields["organisation"]]
            ).exists()
    assert ContentVersion.current() != version
    assert ShippedContent.objects.get(fixture="content.json").rows == json.loads(
        RELEASE.read_text()
    )


@pytest.mark.django_db
def test_running_the_release_again_changes_nothing(fixtures_dir):
    shutil.copy(RELEASE, fixtures_dir / "content.json")
    call_command("load_initial_content", verbosity=0)
    version = ContentVersion.current()
    call_command("load_initial_content", verbosity=0)
    assert ContentVersion.current() == version
