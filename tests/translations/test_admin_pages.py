"""Staff edit each language's words on the item's own page, and a colleague's save that leaves
the translations empty is not a change to them."""

import pytest
from django.test import Client
from django.urls import reverse

from routes.models import Route
from tests.routes.admin_form import as_post, form_data

pytestmark = pytest.mark.django_db


def test_each_translated_field_shows_once_per_language(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    html = client.get(reverse("admin:routes_route_change", args=[route.pk])).content.decode()
    for column in ("title_en", "title_pl", "title_ur", "steps-0-body_pl"):
        assert f'name="{column}"' in html, column
    assert "slug_pl" not in html  # an address, not words: never translated


def test_a_colleagues_save_that_leaves_translations_empty_names_only_what_they_changed(
    content, editor, manager
):
    route = Route.objects.get(slug="appeal")
    url = reverse("admin:routes_route_change", args=[route.pk])
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(manager)
    first_form = form_data(first.get(url).content.decode(), "route_form")
    second_form = form_data(second.get(url).content.decode(), "route_form")
    first_form["summary_en"] = ["Summary from the first person."]
    assert first.post(url, as_post(first_form)).status_code == 302
    second_form["time_limits_en"] = ["Time limits from the second person."]
    html = second.post(url, as_post(second_form)).content.decode()
    warning = html.split("They changed: ")[1].split(". ")[0]
    assert warning == "One-line summary [en]"
