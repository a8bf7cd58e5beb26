"""A route is edited as one page: its fields, steps and organisation links are checked together
for a colleague's change, versioned together, and restored together. The first two tests are the
reviewer's reproductions (../shared/reviews/repro/test_repro_admin.py), kept with their meaning."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import NoReverseMatch, reverse
from reversion.models import Version

from guidance.flow import NAMED_ORGANISATIONS
from routes.models import Organisation, Route, RouteOrganisation, Step

from .admin_form import as_post, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today():
    noon = datetime(2026, 11, 28, 12, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(noon, tick=True):
        yield


def change_url(obj):
    return reverse(f"admin:routes_{obj._meta.model_name}_change", args=[obj.pk])


def open_page(client, obj):
    return form_data(client.get(change_url(obj)).content.decode(), f"{obj._meta.model_name}_form")


def test_a_step_edited_on_another_open_page_is_not_silently_reverted(content, editor, manager):
    """Reproduction 1. There is no separate Steps page any more (a step is edited only on its
    route's page), so B edits the step on the route page A also has open."""
    route = Route.objects.get(slug="appeal")
    step = route.steps.order_by("order", "pk").first()
    with pytest.raises(NoReverseMatch):
        reverse("admin:routes_step_change", args=[step.pk])
    assert Client().get(f"/admin/routes/step/{step.pk}/change/").status_code in (302, 404)
    a, b = Client(), Client()
    a.force_login(editor)
    b.force_login(manager)
    a_form = open_page(a, route)
    b_form = open_page(b, route)
    b_form["steps-0-title_en"] = ["Edited by B on the step page"]
    assert b.post(change_url(route), as_post(b_form)).status_code == 302
    step.refresh_from_db()
    assert step.title == "Edited by B on the step page"
    # A changes only the summary and saves.
    a_form["summary_en"] = ["A's summary"]
    response = a.post(change_url(route), as_post(a_form))
    step.refresh_from_db()
    assert step.title == "Edited by B on the step page", (
        "B's step edit was reverted without warning"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "after you opened it" in html


def test_inline_step_edit_is_kept_when_colleague_resaves_after_the_warning(
    content, editor, manager
):
    """Reproduction 2."""
    route = Route.objects.get(slug="appeal")
    url = change_url(route)
    a, b = Client(), Client()
    a.force_login(editor)
    b.force_login(manager)
    a_form = open_page(a, route)
    b_form = open_page(b, route)
    a_form["steps-0-title_en"] = ["Step changed by A"]
    assert a.post(url, as_post(a_form)).status_code == 302
    b_form["summary_en"] = ["B's summary"]
    warned = b.post(url, as_post(b_form))
    html = warned.content.decode()
    assert "after you opened it" in html
    assert "They changed:" in html and "step ‘Step changed by A’ (title [en])" in html
    kept = form_data(html, "route_form")
    # A's step text is now in B's form, and B's summary is kept.
    assert kept["steps-0-title_en"] == ["Step changed by A"]
    assert kept["summary_en"] == ["B's summary"]
    assert b.post(url, as_post(kept)).status_code == 302
    step = route.steps.order_by("order", "pk").first()
    assert step.title == "Step changed by A", "A's step edit was lost"
    route.refresh_from_db()
    assert route.summary == "B's summary"


def test_both_changing_one_step_shows_their_text_beside_yours(content, editor, manager):
    route = Route.objects.get(slug="mediation")
    url = change_url(route)
    a, b = Client(), Client()
    a.force_login(editor)
    b.force_login(manager)
    a_form, b_form = open_page(a, route), open_page(b, route)
    a_form["steps-1-body_en"] = ["A's body for step 2."]
    assert a.post(url, as_post(a_form)).status_code == 302
    b_form["steps-1-body_en"] = ["B's body for step 2."]
    html = b.post(url, as_post(b_form)).content.decode()
    assert "Their version: A&#x27;s body for step 2." in html
    kept = form_data(html, "route_form")
    assert kept["steps-1-body_en"] == ["B's body for step 2."]
    # Having read theirs, B keeps their own on purpose.
    assert b.post(url, as_post(kept)).status_code == 302
    assert route.steps.order_by("order", "pk")[1].body == "B's body for step 2."


def test_a_link_added_by_a_colleague_is_named_and_kept(content, editor, manager):
    route = Route.objects.get(slug="complaint")
    url = change_url(route)
    a, b = Client(), Client()
    a.force_login(editor)
    b.force_login(manager)
    b_form = open_page(b, route)
    ipsea = Organisation.objects.get(slug="ipsea")
    RouteOrganisation.objects.create(route=route, organisation=ipsea)
    b_form["summary_en"] = ["B's summary"]
    html = b.post(url, as_post(b_form)).content.decode()
    assert "added organisation that can help ‘IPSEA helps with" in html
    kept = form_data(html, "route_form")
    assert b.post(url, as_post(kept)).status_code == 302
    assert route.routeorganisation_set.filter(organisation=ipsea).exists()


def history_of(client, obj):
    url = reverse(f"admin:routes_{obj._meta.model_name}_history", args=[obj.pk])
    return client.get(url).content.decode()


def test_history_says_in_words_who_changed_which_step(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    data = open_page(client, route)
    data["steps-0-title_en"] = ["Check you can appeal (changed)"]
    assert client.post(change_url(route), as_post(data)).status_code == 302
    html = history_of(client, route)
    assert "Changed step 1 ‘Check you can appeal (changed)’: title" in html
    assert ">editor<" in html
    assert "First version" in html
    for jargon in ("None", "Revert", "chars]", "Changed steps or links"):
        assert jargon not in html, jargon


def test_restoring_a_version_brings_back_its_steps_and_links(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    steps_before = list(route.steps.order_by("order", "pk").values_list("title", "body"))
    links_before = list(route.routeorganisation_set.values_list("organisation_id", "order"))
    first = Version.objects.get_for_object(route).order_by("pk").first()
    # An editor changes step 1, removes step 2 and the first link.
    data = open_page(client, route)
    data["steps-0-title_en"] = ["A new first step"]
    data["steps-1-DELETE"] = ["on"]
    data["routeorganisation_set-0-DELETE"] = ["on"]
    assert client.post(change_url(route), as_post(data)).status_code == 302
    assert route.steps.count() == len(steps_before) - 1
    html = history_of(client, route)
    assert "Removed step 2" in html and "Removed organisation" in html
    # The old version shows its steps as they were.
    url = reverse("admin:routes_route_revision", args=[route.pk, first.pk])
    page = client.get(url).content.decode()
    assert steps_before[0][0] in page and steps_before[1][0] in page
    assert 'value="Restore this version"' in page
    assert "Revert" not in page
    restored = form_data(page, "route_form")
    assert client.post(url, as_post(restored)).status_code == 302
    assert list(route.steps.order_by("order", "pk").values_list("title", "body")) == steps_before
    assert sorted(route.routeorganisation_set.values_list("organisation_id", "order")) == sorted(
        links_before
    )
    assert steps_before[0][0] in Client().get("/routes/appeal/").content.decode()
    assert "Restored the version saved on" in history_of(client, route)


def test_an_editor_can_remove_a_step_and_bring_it_back(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="mediation")
    page = client.get(change_url(route)).content.decode()
    assert 'name="steps-0-DELETE"' in page
    removed = route.steps.order_by("order", "pk").first()
    data = open_page(client, route)
    data["steps-0-DELETE"] = ["on"]
    assert client.post(change_url(route), as_post(data)).status_code == 302
    assert not Step.objects.filter(pk=removed.pk).exists()
    before = Version.objects.get_for_object(route).order_by("-pk")[1]
    url = reverse("admin:routes_route_revision", args=[route.pk, before.pk])
    data = form_data(client.get(url).content.decode(), "route_form")
    assert client.post(url, as_post(data)).status_code == 302
    assert Step.objects.get(pk=removed.pk).title == removed.title


def test_a_new_organisation_link_goes_to_the_end(content):
    route = Route.objects.get(slug="complaint")
    last = max(route.routeorganisation_set.values_list("order", flat=True))
    link = RouteOrganisation.objects.create(
        route=route, organisation=Organisation.objects.get(slug="ipsea")
    )
    assert link.order > last
    assert list(route.routeorganisation_set.order_by("order", "pk"))[-1] == link


def test_a_route_slug_cannot_be_changed_by_staff(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    data = open_page(client, route)
    assert "slug" not in data
    data["slug"] = ["appeals"]
    assert client.post(change_url(route), as_post(data)).status_code == 302
    route.refresh_from_db()
    assert route.slug == "appeal"
    add_page = client.get(reverse("admin:routes_route_add")).content.decode()
    assert 'id="id_slug"' in add_page


def test_mark_as_reviewed_today_on_the_items_own_page(content, editor):
    from datetime import date

    Organisation.objects.filter(slug="ipsea").update(
        last_reviewed=date(2020, 1, 1), review_due=date(2020, 7, 1)
    )
    client = Client()
    client.force_login(editor)
    ipsea = Organisation.objects.get(slug="ipsea")
    page = client.get(change_url(ipsea)).content.decode()
    assert 'name="_reviewed"' in page
    data = open_page(client, ipsea)
    data["_reviewed"] = ["Mark as reviewed today and save"]
    response = client.post(change_url(ipsea), as_post(data))
    assert response.status_code == 302 and response["Location"] == change_url(ipsea)
    ipsea.refresh_from_db()
    assert ipsea.last_reviewed == date(2026, 11, 28)
    assert "Marked as reviewed today" in history_of(client, ipsea)


def test_deleted_items_are_linked_for_a_manager_only(content, editor, manager):
    for user, shown in ((manager, True), (editor, False)):
        client = Client()
        client.force_login(user)
        listing = client.get(reverse("admin:routes_organisation_changelist")).content.decode()
        assert (reverse("admin:routes_organisation_recoverlist") in listing) is shown


def test_a_refusal_is_a_styled_page_that_says_who_can(content, editor):
    client = Client()
    client.force_login(editor)
    ipsea = Organisation.objects.get(slug="ipsea")
    response = client.get(reverse("admin:routes_organisation_delete", args=[ipsea.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do this" in html and "content manager" in html
    assert re.search(r"<link[^>]+stylesheet", html)


@pytest.mark.parametrize(
    ("typed", "kept", "href"),
    [
        ("020 8825 5588", "020 8825 5588", "tel:+442088255588"),
        ("+44 (0)20 8825 5588", "020 8825 5588", "tel:+442088255588"),
        ("02088255588 ext 12", "020 8825 5588 x12", "tel:+442088255588;ext=12"),
        ("0808 808 3555", "0808 808 3555", "tel:+448088083555"),
    ],
)
def test_phone_numbers_are_checked_and_written_so_they_dial(content, editor, typed, kept, href):
    client = Client()
    client.force_login(editor)
    ipsea = Organisation.objects.get(slug="ipsea")
    data = open_page(client, ipsea)
    data["phone"] = [typed]
    assert client.post(change_url(ipsea), as_post(data)).status_code == 302
    ipsea.refresh_from_db()
    assert ipsea.phone == kept
    assert ipsea.phone_href == href


def test_a_phone_number_that_cannot_be_dialled_is_refused(content, editor):
    client = Client()
    client.force_login(editor)
    ipsea = Organisation.objects.get(slug="ipsea")
    data = open_page(client, ipsea)
    data["phone"] = ["ring 0208 123"]
    html = client.post(change_url(ipsea), as_post(data)).content.decode()
    assert "Enter a phone number that can be dialled" in html


def test_the_slug_of_an_organisation_plans_name_cannot_be_changed(content, editor):
    client = Client()
    client.force_login(editor)
    for slug in NAMED_ORGANISATIONS:
        assert "slug" not in open_page(client, Organisation.objects.get(slug=slug)), slug
    other = Organisation.objects.get(slug="contact")  # plans name it only in words
    assert "slug" in open_page(client, other)


def test_a_version_that_links_to_a_deleted_organisation_says_what_to_do(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    first = Version.objects.get_for_object(route).order_by("pk").first()
    linked = route.routeorganisation_set.first().organisation
    linked.delete()
    url = reverse("admin:routes_route_revision", args=[route.pk, first.pk])
    data = form_data(client.get(url).content.decode(), "route_form")
    response = client.post(url, as_post(data), follow=True)
    assert response.status_code == 200
    assert "links to something that has been deleted since" in response.content.decode()
    assert route.routeorganisation_set.filter(organisation_id=linked.pk).count() == 0


def test_renaming_a_linked_organisation_elsewhere_does_not_stop_a_route_save(content, editor):
    client = Client()
    client.force_login(editor)
    route = Route.objects.get(slug="appeal")
    data = open_page(client, route)
    linked = route.routeorganisation_set.first().organisation
    linked.name = "A new name for the organisation"
    linked.save()
    data["summary_en"] = ["A summary saved after the rename."]
    assert client.post(change_url(route), as_post(data)).status_code == 302
