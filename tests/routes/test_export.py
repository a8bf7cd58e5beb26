"""export_content writes a fixture that loaddata reads back into an empty database identically."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from routes.models import CodeParagraph, Organisation, Route, RouteOrganisation, Step

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
    }
    file = tmp_path / "content.json"
    file.write_text(first, encoding="utf-8")

    for model in (RouteOrganisation, Step, Route, Organisation, CodeParagraph):
        model.objects.all().delete()
    assert not Route.objects.exists()

    call_command("loaddata", str(file), verbosity=0)
    assert export() == first
    assert Route.objects.get(slug="appeal").summary == "Edited by staff — with “quotes” and é"
    assert Route.objects.get(slug="appeal").citations.count() == 2
