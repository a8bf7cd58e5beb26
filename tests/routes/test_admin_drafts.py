"""Drafts of a change to a live page: saved aside, previewed by staff exactly as the public would
see it, and published; until then the public sees the live page."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from routes.models import ContentVersion, Draft, Organisation, Route

from .admin_form import as_post, form_data

pytestmark = pytest.mark.django_db


def test_a_draft_is_previewed_by_staff_and_shown_to_the_public_only_once_published(content, editor):
    route = Route.objects.get(slug="mediation")
    change = reverse("admin:routes_route_change", args=[route.pk])
    public = Client()
    live_page = public.get("/routes/mediation/").content.decode()
    live_step = route.steps.order_by("order", "pk").first().title
    assert live_step in live_page
    staff = Client()
    staff.force_login(editor)
    versions = Version.objects.get_for_object(route).count()
    token = ContentVersion.current()

    data = form_data(staff.get(change).content.decode(), "route_form")
    data["steps-0-title_en"] = ["A step written in a draft"]
    data["_draft"] = ["Save as a draft and preview"]
    response = staff.post(change, as_post(data))
    preview_url = reverse("admin:routes_route_draft", args=[route.pk])
    assert response.status_code == 302 and response["Location"] == preview_url
    # Nothing live has changed: not the page, not the history, not the content version.
    ContentVersion.forget()
    assert ContentVersion.current() == token
    assert route.steps.order_by("order", "pk").first().title == live_step
    assert Version.objects.get_for_object(route).count() == versions
    assert "A step written in a draft" not in public.get("/routes/mediation/").content.decode()

    # Staff see the draft as the public page would show it, with the publish button.
    preview = staff.get(preview_url)
    html = preview.content.decode()
    assert "A step written in a draft" in html and live_step not in html
    assert "Publish this draft" in html
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    # Previewing changed nothing either.
    assert route.steps.order_by("order", "pk").first().title == live_step
    assert public.get(preview_url).status_code == 302  # the public is sent to sign in
    # The route's page says there is a draft.
    assert "This page has a draft change" in staff.get(change).content.decode()

    publish = reverse("admin:routes_route_draft_publish", args=[route.pk])
    assert staff.get(publish).status_code == 405
    assert staff.post(publish).status_code == 302
    assert not Draft.objects.exists()
    ContentVersion.forget()
    assert ContentVersion.current() != token
    assert "A step written in a draft" in public.get("/routes/mediation/").content.decode()
    assert Version.objects.get_for_object(route).count() == versions + 1
    history = staff.get(reverse("admin:routes_route_history", args=[route.pk])).content.decode()
    assert "Published a draft" in history and "‘A step written in a draft’: title" in history


def test_a_draft_with_a_mistake_is_not_kept(content, editor):
    route = Route.objects.get(slug="appeal")
    change = reverse("admin:routes_route_change", args=[route.pk])
    staff = Client()
    staff.force_login(editor)
    data = form_data(staff.get(change).content.decode(), "route_form")
    data["title_en"] = [""]
    data["_draft"] = ["Save as a draft and preview"]
    response = staff.post(change, as_post(data))
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not Draft.objects.exists()


def test_a_draft_of_an_organisation(content, editor):
    ipsea = Organisation.objects.get(slug="ipsea")
    change = reverse("admin:routes_organisation_change", args=[ipsea.pk])
    staff = Client()
    staff.force_login(editor)
    data = form_data(staff.get(change).content.decode(), "organisation_form")
    data["opening_hours_en"] = ["Weekdays, 10am to 3pm (drafted)"]
    data["_draft"] = ["Save as a draft and preview"]
    assert staff.post(change, as_post(data)).status_code == 302
    public = Client()
    assert "(drafted)" not in public.get("/organisations/ipsea/").content.decode()
    preview = reverse("admin:routes_organisation_draft", args=[ipsea.pk])
    assert "(drafted)" in staff.get(preview).content.decode()
    staff.post(reverse("admin:routes_organisation_draft_publish", args=[ipsea.pk]))
    assert "(drafted)" in public.get("/organisations/ipsea/").content.decode()


def test_a_draft_is_not_published_over_a_later_change(content, editor, manager):
    route = Route.objects.get(slug="appeal")
    change = reverse("admin:routes_route_change", args=[route.pk])
    staff = Client()
    staff.force_login(editor)
    data = form_data(staff.get(change).content.decode(), "route_form")
    data["time_limits_en"] = ["Time limits in a draft."]
    data["_draft"] = ["Save as a draft and preview"]
    assert staff.post(change, as_post(data)).status_code == 302
    # A colleague changes the live page meanwhile.
    colleague = Client()
    colleague.force_login(manager)
    theirs = form_data(colleague.get(change).content.decode(), "route_form")
    theirs["summary_en"] = ["The colleague's live summary."]
    assert colleague.post(change, as_post(theirs)).status_code == 302
    response = staff.post(reverse("admin:routes_route_draft_publish", args=[route.pk]), follow=True)
    assert "the draft was not published" in response.content.decode()
    route.refresh_from_db()
    assert route.summary == "The colleague's live summary."
    assert route.time_limits != "Time limits in a draft."
    assert Draft.objects.filter(object_id=str(route.pk)).exists()
