"""The move from django-simple-history to whole-page versions (routes migration 0007) loses no
version: every recorded save of a route, of one of its steps or of one of its links is a version of
the route's page, with who and when, and restoring one brings back its steps."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("routes", "0006_shipped_content")]
AFTER = [("routes", "0007_history_into_whole_page_versions")]
T0 = datetime(2026, 11, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def record(model, kind, when, user, **fields):
    """A simple-history row: the row's fields as they were after the save at `when`."""
    return model.objects.create(
        history_type=kind, history_date=when, history_user_id=user, **fields
    )


@pytest.fixture
def old_history(transactional_db, empty_content):
    """A route whose history was kept by simple-history: loaded, a step edited on the old Steps
    page, the route edited, a step deleted, and an organisation deleted with its link."""
    editor = User.objects.create_user("editor", first_name="Priya", last_name="Editor").pk
    manager = User.objects.create_user("manager").pk
    apps = migrate_to(BEFORE)
    route = {
        "id": 1,
        "title": "Appeal",
        "slug": "appeal",
        "summary": "Old summary",
        "when_to_use": "When.",
        "body": "",
        "time_limits": "",
        "order": 5,
        "is_published": True,
        "last_reviewed": T0.date(),
        "review_interval_months": 6,
        "review_due": T0.date(),
    }
    step = {"route_id": 1, "body": ""}
    organisation = {
        "id": 7,
        "name": "IPSEA",
        "slug": "ipsea",
        "helps_with": "Advice.",
        "phone": "",
        "email": "",
        "website": "",
        "opening_hours": "",
        "scope": "national",
        "is_published": True,
        "last_reviewed": T0.date(),
        "review_interval_months": 6,
        "review_due": T0.date(),
    }
    HRoute = apps.get_model("routes", "HistoricalRoute")
    HStep = apps.get_model("routes", "HistoricalStep")
    HLink = apps.get_model("routes", "HistoricalRouteOrganisation")
    HOrg = apps.get_model("routes", "HistoricalOrganisation")
    ms = timedelta(milliseconds=10)
    # Loaded, then populate_history: a few milliseconds apart, nobody.
    record(HRoute, "+", T0, None, updated_at=T0, **route)
    record(HOrg, "+", T0 + ms, None, updated_at=T0, **organisation)
    record(HStep, "+", T0 + 2 * ms, None, id=11, order=10, title="Check", **step)
    record(HStep, "+", T0 + 2 * ms, None, id=12, order=20, title="Appeal", **step)
    record(HLink, "+", T0 + 3 * ms, None, id=21, route_id=1, organisation_id=7, order=10)
    # A step edited on the old Steps page, an hour later.
    record(
        HStep, "~", T0 + timedelta(hours=1), editor, id=11, order=10, title="Check first", **step
    )
    # The route edited the next day.
    record(
        HRoute,
        "~",
        T0 + timedelta(days=1),
        editor,
        updated_at=T0,
        **{**route, "summary": "New summary"},
    )
    # A step deleted, then the organisation with its link.
    record(HStep, "-", T0 + timedelta(days=2), manager, id=12, order=20, title="Appeal", **step)
    later = T0 + timedelta(days=3)
    record(HLink, "-", later, manager, id=21, route_id=1, organisation_id=7, order=10)
    record(HOrg, "-", later + ms, manager, updated_at=T0, **organisation)
    # The tables as they are now.
    apps.get_model("routes", "Route").objects.create(
        updated_at=T0, **{**route, "summary": "New summary"}
    )
    apps.get_model("routes", "Step").objects.create(
        id=11, order=10, title="Check first", route_id=1
    )
    yield editor, manager
    migrate_to(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_every_old_version_becomes_a_whole_page_version(old_history):
    editor, manager = old_history
    migrate_to(AFTER)
    call_command("migrate", verbosity=0)
    from reversion.models import Version

    from routes.models import Organisation, Route, Step
    from routes.versions import page_history

    route = Route.objects.get(pk=1)
    history = page_history(route)[::-1]  # oldest first
    assert [(v.saved_at, v.version.revision.user_id) for v in history] == [
        (T0 + timedelta(milliseconds=30), None),
        (T0 + timedelta(hours=1), editor),
        (T0 + timedelta(days=1), editor),
        (T0 + timedelta(days=2), manager),
        (T0 + timedelta(days=3), manager),
    ]
    assert [v.changes for v in history] == [
        ["First version"],
        ["Changed step 1 ‘Check first’: title"],
        ["Changed one-line summary"],
        ["Removed step 2 ‘Appeal’"],
        ["Removed organisation (since deleted)"],
    ]
    # The deleted organisation can be brought back from its last version.
    deleted = Version.objects.get_deleted(Organisation).get(object_id="7")
    assert deleted.field_dict["name"] == "IPSEA"
    # Bring the organisation back; then restoring the first version brings back the deleted
    # step, with its old words, and the link.
    deleted.revision.revert(delete=True)
    history[0].version.revision.revert(delete=True)
    assert route.routeorganisation_set.get().organisation.name == "IPSEA"
    assert list(
        Step.objects.filter(route=route).order_by("order").values_list("title", flat=True)
    ) == [
        "Check",
        "Appeal",
    ]
    route.refresh_from_db()
    assert route.summary == "Old summary"
