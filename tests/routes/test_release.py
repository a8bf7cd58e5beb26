"""The release command prepares the database once per release and never touches staff edits."""

import pytest
from django.core.management import call_command
from reversion.models import Version

from guidance.models import Advice
from routes.models import Organisation, Route, ShippedContent

pytestmark = pytest.mark.django_db


def test_a_release_loads_the_content_into_an_empty_database_only(empty_content):
    assert not Route.objects.exists()
    call_command("release", verbosity=0)
    assert Route.objects.filter(slug="appeal").exists()
    organisations = Organisation.objects.count()
    Route.objects.filter(slug="appeal").update(summary="Edited by staff.")

    call_command("release", verbosity=0)
    assert Route.objects.get(slug="appeal").summary == "Edited by staff."
    assert Organisation.objects.count() == organisations


def test_a_release_adds_advice_the_rules_newly_name_and_keeps_edited_advice():
    call_command("release", verbosity=0)
    count = Advice.objects.count()
    Advice.objects.filter(code="keep-notes").update(words="Edited by staff.")
    # As if the last release had not named it: not on the site, nor in what that release shipped.
    Advice.objects.get(kind="reason", code="talk-first").delete()
    shipped = ShippedContent.objects.get(fixture="advice.json")
    shipped.rows = [
        row
        for row in shipped.rows
        if (row["fields"]["kind"], row["fields"]["code"]) != ("reason", "talk-first")
    ]
    shipped.save()

    call_command("release", verbosity=0)
    assert Advice.objects.count() == count
    assert Advice.objects.get(code="keep-notes").words == "Edited by staff."
    added = Advice.objects.get(kind="reason", code="talk-first")
    assert added.words.startswith("Talking to the teacher")
    # The release made its first version when it added it; the shipped translations then filled
    # its empty Polish and Urdu words, each with a version.
    assert [v.revision.comment for v in Version.objects.get_for_object(added)[:3]] == [
        "Translation loaded from ur/advice.json",
        "Translation loaded from pl/advice.json",
        "Corrected by a release",
    ]
