"""Two saves that touch the same rows in different orders must not deadlock on PostgreSQL: every
content save locks the content version first (routes.models.ContentVersion.lock)."""

import threading

import pytest
from django.conf import settings
from django.test import Client

from routes import admin as routes_admin
from routes.models import Route, Step
from tests.routes.admin_form import form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="row locks are PostgreSQL's; SQLite's write lock covers the whole file",
    ),
]


def test_a_route_saved_with_its_step_and_the_step_saved_alone_both_finish(content, superuser):
    route = Route.objects.get(slug="appeal")
    step = Step.objects.filter(route=route).order_by("order", "pk").first()
    a, b = Client(raise_request_exception=False), Client(raise_request_exception=False)
    a.force_login(superuser)
    b.force_login(superuser)
    route_url = f"/admin/routes/route/{route.pk}/change/"
    step_url = f"/admin/routes/step/{step.pk}/change/"
    route_data = form_data(a.get(route_url).content.decode(), "route_form")
    step_data = form_data(b.get(step_url).content.decode(), "step_form")
    prefix = next(
        k for k, v in route_data.items() if k.endswith("-id") and v == [str(step.pk)]
    ).rsplit("-", 1)[0]
    route_data[f"{prefix}-title"] = ["Changed on the route's page"]
    step_data["title"] = ["Changed on the step's page"]

    # Hold the route's save between writing the route and writing its steps, while the step's own
    # save starts: before the lock order, each then waited for a row the other held.
    route_written, step_started = threading.Event(), threading.Event()
    save_related = routes_admin.ContentAdmin.save_related

    def slow_save_related(self, request, form, formsets, change):
        route_written.set()
        step_started.wait(1.0)
        return save_related(self, request, form, formsets, change)

    results = {}

    def save(name, client, url, data):
        results[name] = client.post(url, {**data, "_save": "Save"}).status_code

    routes_admin.ContentAdmin.save_related = slow_save_related
    try:
        first = threading.Thread(target=save, args=("route", a, route_url, route_data))
        first.start()
        route_written.wait(5)
        second = threading.Thread(target=save, args=("step", b, step_url, step_data))
        second.start()
        second.join(0.5)
        step_started.set()
        first.join(10)
        second.join(10)
    finally:
        routes_admin.ContentAdmin.save_related = save_related
    # The route's save is kept; the step's save waited for it, then was either kept or warned.
    assert results["route"] == 302, results
    assert results["step"] in (200, 302), results
    assert Step.objects.get(pk=step.pk).title in (
        "Changed on the route's page",
        "Changed on the step's page",
    )
