"""export_content writes a fixture that loaddata reads back into an empty database identically."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from glossary.models import Term
from guidance.models import Advice, Reference
from letters.models import Letter
from routes.models import (
    CodeParagraph,
    Organisation,
    Route,
    RouteOrganisation,
    Step,
    content_models,
)
from tests.servers import manage, production_env

pytestmark = pytest.mark.django_db(transaction=True)


def export() -> str:
    out = StringIO()
    call_command("export_content", stdout=out)
    return out.getvalue()


def test_export_and_import_round_trip(content, tmp_path):
    route = Route.objects.get(slug="appeal")
    route.summary = "Edited by staff — with “quotes” and é"
    route.save()
    first = export()
    data = json.loads(first)
    assert {item["model"] for item in data} == {
        "routes.codeparagraph",
        "routes.organisation",
        "routes.route",
        "routes.step",
        "routes.routeorganisation",
        "guidance.advice",
        "guidance.reference",
        "letters.letter",
        "glossary.term",
    }
    assert {m._meta.label_lower for m in content_models()} == {item["model"] for item in data}
    file = tmp_path / "content.json"
    file.write_text(first, encoding="utf-8")

    for model in (
        RouteOrganisation,
        Step,
        Route,
        Organisation,
        CodeParagraph,
        Advice,
        Reference,
        Letter,
        Term,
    ):
        model.objects.all().delete()
    assert not Route.objects.exists()

    call_command("loaddata", str(file), verbosity=0)
    assert export() == first
    assert Route.objects.get(slug="appeal").summary == "Edited by staff — with “quotes” and é"
    assert Route.objects.get(slug="appeal").citations.count() == 2


def test_a_backup_loads_into_a_database_that_has_only_been_migrated(content, tmp_path):
    """No cache table, no initial content: what a restore onto a new server starts from."""
    backup = tmp_path / "backup.json"
    backup.write_text(export(), encoding="utf-8")
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}", REDIS_URL="")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loaddata", str(backup), "-v0")
    restored = tmp_path / "restored.json"
    restored.write_text(manage(env, "export_content"), encoding="utf-8")
    assert json.loads(restored.read_text()) == json.loads(backup.read_text())
