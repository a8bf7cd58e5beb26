"""Two saves that touch the same rows in different orders must not deadlock on PostgreSQL: every
content save locks the content version first (routes.models.ContentVersion.lock)."""

import threading
import time

import pytest
from django.conf import settings
from django.test import Client

from routes import admin as routes_admin
from routes.models import Route, RouteOrganisation
from tests.routes.admin_form import form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks are PostgreSQL's; SQLite's write lock covers the whole file",
    ),
]


def wait_for(done, seconds: float) -> None:
    """Wait until done() or `seconds` have passed, sleeping in small steps: CI moves the clock
    with faketime, under which a thread's own timed waits (join, Event.wait) may never end."""
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        time.sleep(0.05)


def test_a_route_and_an_organisation_saved_with_the_same_link_both_finish(content, superuser):
    """Steps are edited on their route's page only; a link between a route and an organisation is
    on both pages, and each page writes its own row before the link."""
    route = Route.objects.get(slug="appeal")
    link = RouteOrganisation.objects.filter(route=route).order_by("order", "pk").first()
    a, b = Client(raise_request_exception=False), Client(raise_request_exception=False)
    a.force_login(superuser)
    b.force_login(superuser)
    route_url = f"/admin/routes/route/{route.pk}/change/"
    organisation_url = f"/admin/routes/organisation/{link.organisation_id}/change/"
    route_data = form_data(a.get(route_url).content.decode(), "route_form")
    organisation_data = form_data(b.get(organisation_url).content.decode(), "organisation_form")

    def link_prefix(data):
        return next(k for k, v in data.items() if k.endswith("-id") and v == [str(link.pk)]).rsplit(
            "-", 1
        )[0]

    route_data[f"{link_prefix(route_data)}-order"] = ["71"]
    organisation_data[f"{link_prefix(organisation_data)}-order"] = ["72"]

    # Hold the route's save between writing the route and writing its steps, while the step's own
    # save starts: before the lock order, each then waited for a row the other held.
    route_written, organisation_started = threading.Event(), threading.Event()
    save_related = routes_admin.ContentAdmin.save_related

    def slow_save_related(self, request, form, formsets, change):
        route_written.set()
        wait_for(organisation_started.is_set, 1.0)
        return save_related(self, request, form, formsets, change)

    results = {}

    def save(name, client, url, data):
        results[name] = client.post(url, {**data, "_save": "Save"}).status_code

    routes_admin.ContentAdmin.save_related = slow_save_related
    try:
        first = threading.Thread(target=save, args=("route", a, route_url, route_data))
        first.start()
        wait_for(route_written.is_set, 5)
        second = threading.Thread(
            target=save, args=("organisation", b, organisation_url, organisation_data)
        )
        second.start()
        wait_for(lambda: not second.is_alive(), 0.5)
        organisation_started.set()
        wait_for(lambda: not first.is_alive() and not second.is_alive(), 10)
    finally:
        organisation_started.set()
        routes_admin.ContentAdmin.save_related = save_related
    # The route's save is kept; the organisation's save waited for it, then was kept or warned.
    assert results["route"] == 302, results
    assert results["organisation"] in (200, 302), results
    assert RouteOrganisation.objects.get(pk=link.pk).order in (71, 72)
