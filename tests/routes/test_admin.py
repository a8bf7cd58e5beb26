"""The staff side: every admin page loads, edits are recorded and can be undone, nobody overwrites
anyone, roles hold, and review dates are visible."""

import html as html_text
import json
import re
from datetime import date, datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import reversion
import time_machine
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from routes.models import CodeParagraph, Organisation, Route, Step

from .admin_form import as_post, field_name, form_data

pytestmark = pytest.mark.django_db

MODELS = [Route, Organisation, CodeParagraph]
# The day these tests live on: the content's review dates (28 May 2027) are six months ahead.
TODAY = date(2026, 11, 28)


@pytest.fixture(autouse=True)
def frozen_today():
    """Today is TODAY whatever the machine's clock says. The clock ticks from noon in London, so
    saves still get later times than the ones before them (the conflict check compares them)."""
    noon = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(noon, tick=True):
        yield


def change_url(obj):
    return reverse(f"admin:routes_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, obj, **changes):
    """Open the change page, change some fields, save: what a member of staff does."""
    url = change_url(obj)
    data = form_data(client.get(url).content.decode(), f"{obj._meta.model_name}_form")
    data.update({field_name(type(obj), k): [v] for k, v in changes.items()})
    return client.post(url, as_post(data))


def test_every_admin_page_loads_for_a_superuser(client, content, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
    for model in MODELS:
        name = model._meta.model_name
        assert client.get(reverse(f"admin:routes_{name}_changelist")).status_code == 200, name
        assert client.get(reverse(f"admin:routes_{name}_add")).status_code == 200, name
        for obj in model.objects.all():
            assert client.get(change_url(obj)).status_code == 200, obj
            history = reverse(f"admin:routes_{name}_history", args=[obj.pk])
            assert client.get(history).status_code == 200, obj
            first = Version.objects.get_for_object(obj).order_by("pk").first()
            version = reverse(f"admin:routes_{name}_revision", args=[obj.pk, first.pk])
            assert client.get(version).status_code == 200, obj
    for filters in ("?review=due", "?review=ok", "?is_published__exact=0", "?scope__exact=local"):
        assert (
            client.get(reverse("admin:routes_organisation_changelist") + filters).status_code == 200
        )
    assert client.get(reverse("admin:routes_organisation_recoverlist")).status_code == 200
    # Steps are edited on their route's page only.
    assert client.get("/admin/routes/step/").status_code == 404
    autocomplete = client.get(
        "/admin/autocomplete/",
        {"term": "11.4", "app_label": "routes", "model_name": "route", "field_name": "citations"},
    )
    assert "11.45" in autocomplete.content.decode()


def test_route_admin_has_steps_inline_slug_prepopulated_and_help_text(client, content, superuser):
    client.force_login(superuser)
    html = client.get(change_url(Route.objects.get(slug="appeal"))).content.decode()
    assert "Steps, in order" in html
    assert "Organisations that can help" in html
    assert "The paragraphs of the SEND Code of Practice that back this route up" in html
    assert "View on site" in html
    # A new route's slug fills itself in from the title (in English).
    html = client.get(reverse("admin:routes_route_add")).content.decode()
    prepopulated = re.search(r'data-prepopulated-fields="([^"]*)"', html)
    slug = json.loads(html_text.unescape(prepopulated[1]))
    assert [(f["id"], f["dependency_ids"]) for f in slug] == [("#id_slug", ["#id_title_en"])]


def test_a_change_is_recorded_with_who_and_what_and_can_be_restored(client, content, editor):
    client.force_login(editor)
    route = Route.objects.get(slug="complaint")
    original = route.summary
    response = post_change(client, route, summary="A new summary typed by an editor.")
    assert response.status_code == 302, response.content.decode()[:2000]
    route.refresh_from_db()
    assert route.summary == "A new summary typed by an editor."
    latest = Version.objects.get_for_object(route).first()
    assert latest.revision.user == editor

    history = client.get(reverse("admin:routes_route_history", args=[route.pk])).content.decode()
    assert "Changed one-line summary" in history  # the difference, in words
    assert "editor" in history  # who
    assert "press <strong>Restore this version</strong>" in history

    # Restore the first version in one action: open it and press the button.
    first = Version.objects.get_for_object(route).order_by("pk").first()
    url = reverse("admin:routes_route_revision", args=[route.pk, first.pk])
    version_page = client.get(url).content.decode()
    assert 'value="Restore this version"' in version_page
    data = form_data(version_page, "route_form")
    assert data["summary_en"] == [original]
    response = client.post(url, as_post(data))
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.summary == original


def test_a_deleted_organisation_can_be_brought_back_by_a_manager(client, content, manager):
    client.force_login(manager)
    ipsea = Organisation.objects.get(slug="ipsea")
    pk = ipsea.pk
    response = client.post(reverse("admin:routes_organisation_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=pk).exists()

    changelist = client.get(reverse("admin:routes_organisation_changelist")).content.decode()
    assert ">Deleted organisations<" in changelist
    listing = client.get(reverse("admin:routes_organisation_recoverlist")).content.decode()
    assert "IPSEA" in listing and "Bring back" in listing
    url = re.search(r'href="([^"]+)">Bring back', listing)[1]
    page = client.get(url).content.decode()
    assert 'value="Bring back"' in page
    data = form_data(page, "organisation_form")
    response = client.post(url, as_post(data))
    assert response.status_code == 302
    restored = Organisation.objects.get(pk=pk)
    assert restored.name == "IPSEA"
    assert restored.website == "https://www.ipsea.org.uk"
    # Its place in the route's "who can help" list comes back too.
    assert list(restored.routes.values_list("slug", flat=True)) == ["appeal"]
    assert "IPSEA" in client.get("/routes/appeal/").content.decode()


def two_staff_open(route, editor, manager):
    """Two members of staff open the same route's page: (url, first, second, their forms)."""
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(manager)
    url = change_url(route)
    first_form = form_data(first.get(url).content.decode(), "route_form")
    second_form = form_data(second.get(url).content.decode(), "route_form")
    return url, first, second, first_form, second_form


def test_the_second_save_does_not_overwrite_the_first(client, content, editor, manager):
    route = Route.objects.get(slug="mediation")
    url, first, second, first_form, second_form = two_staff_open(route, editor, manager)
    # The first saves.
    first_form["summary_en"] = ["Summary from the first person."]
    assert first.post(url, as_post(first_form)).status_code == 302
    # The second saves later, with their own change to another field.
    second_form["time_limits_en"] = ["Time limits rewritten by the second person."]
    second_form["summary_en"] = ["Summary from the second person."]
    response = second.post(url, as_post(second_form))
    assert response.status_code == 200
    html = response.content.decode()
    assert "after you opened it" in html
    assert "They changed: One-line summary" in html
    assert "Their version: Summary from the first person." in html
    # Nothing the second person typed is lost: it is still in the form.
    kept = form_data(html, "route_form")
    assert kept["time_limits_en"] == ["Time limits rewritten by the second person."]
    assert kept["summary_en"] == ["Summary from the second person."]
    route.refresh_from_db()
    assert route.summary == "Summary from the first person."
    # Having seen the changes, saving again keeps the second person's version on purpose.
    assert second.post(url, as_post(kept)).status_code == 302
    route.refresh_from_db()
    assert route.summary == "Summary from the second person."
    assert route.time_limits == "Time limits rewritten by the second person."


def test_changing_only_a_step_still_warns_a_colleague(client, content, editor, manager):
    route = Route.objects.get(slug="appeal")
    url, first, second, first_form, second_form = two_staff_open(route, editor, manager)
    first_form["steps-0-title_en"] = ["Check you can appeal (changed)"]
    assert first.post(url, as_post(first_form)).status_code == 302
    second_form["summary_en"] = ["Another summary."]
    response = second.post(url, as_post(second_form))
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()


def test_an_editor_cannot_delete_or_manage_users(client, content, editor):
    client.force_login(editor)
    organisation = Organisation.objects.get(slug="ipsea")
    assert (
        client.get(reverse("admin:routes_organisation_delete", args=[organisation.pk])).status_code
        == 403
    )
    assert (
        client.post(
            reverse("admin:routes_organisation_delete", args=[organisation.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:routes_organisation_recoverlist")).status_code == 403
    changelist = client.get(reverse("admin:routes_organisation_changelist")).content.decode()
    assert "delete_selected" not in changelist
    # An editor can still add and change.
    assert client.get(reverse("admin:routes_route_add")).status_code == 200


def test_only_a_manager_can_bring_back_a_deleted_item(client, content, editor):
    organisation = Organisation.objects.get(slug="ace-education-advice")
    pk = organisation.pk
    organisation.delete()
    version = Version.objects.get_deleted(Organisation).get(object_id=str(pk))
    client.force_login(editor)
    url = reverse("admin:routes_organisation_recover", args=[version.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "ACE"}).status_code == 403
    assert not Organisation.objects.filter(pk=pk).exists()


def test_mark_as_reviewed_today(client, content, editor):
    Organisation.objects.update(last_reviewed=date(2020, 1, 1), review_due=date(2020, 7, 1))
    client.force_login(editor)
    ipsea = Organisation.objects.get(slug="ipsea")
    response = client.post(
        reverse("admin:routes_organisation_changelist"),
        {"action": "mark_reviewed_today", "_selected_action": [ipsea.pk]},
    )
    assert response.status_code == 302
    ipsea.refresh_from_db()
    assert ipsea.last_reviewed == TODAY
    assert not ipsea.needs_review
    assert Version.objects.get_for_object(ipsea).first().revision.comment == (
        "Marked as reviewed today"
    )


def test_overdue_items_are_listed_on_the_admin_index_and_by_the_command(
    client, content, editor, capsys
):
    Organisation.objects.filter(slug="contact").update(
        last_reviewed=date(2020, 1, 1), review_due=date(2020, 7, 1)
    )
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Needs review" in html and "Contact" in html
    due = client.get(
        reverse("admin:routes_organisation_changelist") + "?review=due"
    ).content.decode()
    assert ">Contact<" in due and "IPSEA" not in due
    glossary_up_to_date()
    call_command("content_review")
    out = capsys.readouterr().out
    assert "1 item due for review" in out
    assert "organisation: Contact (due 1 July 2020)" in out


def glossary_up_to_date():
    """The initial glossary marks the terms not yet checked against primary text as due: these
    tests count only what they set due themselves."""
    from glossary.models import Term

    Term.objects.update(review_due=date(2027, 11, 28))


def test_content_review_says_when_nothing_is_due(content, capsys):
    glossary_up_to_date()
    call_command("content_review")
    assert "nothing is due for review" in capsys.readouterr().out


def test_default_review_interval_is_six_months(content):
    organisation = Organisation.objects.create(name="New", slug="new", helps_with="x")
    assert organisation.last_reviewed == TODAY
    assert organisation.review_due == date(2027, 5, 28)


def test_a_browser_save_records_only_the_fields_that_changed(client, content, editor):
    client.force_login(editor)
    route = Route.objects.get(slug="mediation")
    url = change_url(route)
    # What a browser sends: every line break in every textarea as \r\n.
    with reversion.create_revision():
        for step in Step.objects.filter(route=route):
            step.body = "Two lines:\nthe second."
            step.save()
        reversion.add_to_revision(route)
    before = Version.objects.get_for_object(route).count()
    steps_changed_at = sorted(Step.objects.filter(route=route).values_list("pk", "body"))
    data = form_data(client.get(url).content.decode(), "route_form")
    data = {k: [v.replace("\n", "\r\n") for v in values] for k, values in data.items()}
    data["summary_en"] = ["A new summary."]
    assert client.post(url, as_post(data)).status_code == 302
    assert Version.objects.get_for_object(route).count() == before + 1  # one save
    assert sorted(Step.objects.filter(route=route).values_list("pk", "body")) == steps_changed_at
    history = client.get(reverse("admin:routes_route_history", args=[route.pk])).content.decode()
    newest = history.split("<tbody>")[1].split("</tr>")[0]
    assert re.findall(r"<li>([^<]*)</li>", newest) == ["Changed one-line summary"]
    route.refresh_from_db()
    assert "\r" not in route.when_to_use


@pytest.mark.parametrize(
    "address",
    [
        "admin:routes_route_revision/{pk}/abc",
        "admin:routes_route_revision/{pk}/1.5",
        "admin:routes_route_revision/abc/1",
        "admin:routes_route_revision/{pk}/99999",
    ],
)
def test_a_history_address_that_names_no_version_is_not_found(client, content, editor, address):
    client.force_login(editor)
    name, object_id, version_id = address.split("/")
    pk = Route.objects.get(slug="appeal").pk
    # reverse() would refuse these values; build the address from a real one.
    real = reverse(name, args=[pk, Version.objects.get_for_model(Route).first().pk])
    url = re.sub(r"/\d+/history/\d+/$", f"/{object_id.format(pk=pk)}/history/{version_id}/", real)
    assert url != real
    # No version page and no server error: not found, or the admin's "no such item" redirect.
    response = client.get(url)
    assert response.status_code in (302, 404)
    assert "Restore this version" not in client.get(url, follow=True).content.decode()


def test_addresses_with_a_nul_byte_are_refused(client, content, editor):
    """PostgreSQL cannot compare text with a NUL byte: these were 500s there."""
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    history = reverse("admin:routes_route_history", args=[route.pk])
    autocomplete = {"app_label": "routes", "model_name": "route", "field_name": "citations"}
    requests = [
        (f"{history}%00/", {}),
        (reverse("admin:routes_organisation_changelist"), {"scope__exact": "\x00"}),
        (reverse("admin:routes_organisation_changelist"), {"q": "ipsea\x00"}),
        (reverse("admin:autocomplete"), {"term": "\x00", **autocomplete}),
    ]
    for path, query in requests:
        assert client.get(path, query).status_code == 400, (path, query)
    # The same requests without the NUL byte are answered.
    assert (
        client.get(reverse("admin:autocomplete"), {"term": "11", **autocomplete}).status_code == 200
    )


@pytest.mark.parametrize(
    "next_address", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_signing_in_with_an_off_site_next_address_goes_to_the_admin_index(
    client, editor, next_address
):
    response = client.post(
        f"{reverse('admin:login')}?{urlencode({'next': next_address})}",
        {"username": "editor", "password": "a-long-test-password-1", "next": next_address},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_restore_that_fails_half_way_changes_nothing(client, content, manager, monkeypatch):
    organisation = Organisation.objects.get(slug="ipsea")
    pk = organisation.pk
    organisation.delete()
    version = Version.objects.get_deleted(Organisation).get(object_id=str(pk))
    client.force_login(manager)
    url = reverse("admin:routes_organisation_recover", args=[version.pk])
    data = form_data(client.get(url).content.decode(), "organisation_form")

    from routes.models import RouteOrganisation

    revert = Version.revert

    def links_fail(version):
        if version._model is RouteOrganisation:
            raise RuntimeError("the route links could not be brought back")
        revert(version)

    monkeypatch.setattr(Version, "revert", links_fail)
    with pytest.raises(RuntimeError):
        client.post(url, as_post(data))
    assert not Organisation.objects.filter(pk=pk).exists()
