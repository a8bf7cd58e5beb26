"""The release command prepares the database once per release and never touches staff edits."""

import pytest
from django.core.management import call_command

from routes.models import Organisation, Route

pytestmark = pytest.mark.django_db


def test_a_release_loads_the_content_into_an_empty_database_only():
    assert not Route.objects.exists()
    call_command("release", verbosity=0)
    assert Route.objects.filter(slug="appeal").exists()
    organisations = Organisation.objects.count()
    Route.objects.filter(slug="appeal").update(summary="Edited by staff.")

    call_command("release", verbosity=0)
    assert Route.objects.get(slug="appeal").summary == "Edited by staff."
    assert Organisation.objects.count() == organisations
