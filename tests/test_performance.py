"""Every public page costs a fixed number of SQL queries however much content there is, and weighs
under 30 KB compressed (HTML, CSS and JavaScript together)."""

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ealing_send.pagecache import recent_pages
from guidance.models import Reference
from routes.models import (
    CodeParagraph,
    ContentVersion,
    Organisation,
    Route,
    RouteOrganisation,
    Step,
)
from tests.addresses import ANSWER_PAGES, CONTENT_PAGES
from translations import status

pytestmark = pytest.mark.django_db

# Every content page and every kind of page made from answers (the calendar file is not a page),
# in English and in each other language (issue 15: a translated page costs no more).
ENGLISH_PAGES = CONTENT_PAGES + [p for p in ANSWER_PAGES if ".ics" not in p]
PAGES = ENGLISH_PAGES + [f"/{code}{url}" for code in ("pl", "ur") for url in ENGLISH_PAGES]


def queries_for(client, url) -> tuple[int, int]:
    """(all queries, content queries) for the first view of a page after a content save."""
    recent_pages.clear()
    ContentVersion.move_on()  # as after a save: nothing made from older content is used
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    content = [q for q in sql if q.startswith("SELECT") and "routes_contentversion" not in q]
    return len(sql), len(content)


def grow_content_tenfold():
    """Nine more copies of every route, organisation, paragraph and deadline reference, all linked
    up."""
    for reference in list(Reference.objects.all()):
        for copy in range(1, 10):
            Reference.objects.create(
                deadline=reference.deadline,
                title=f"{reference.title} ({copy})",
                url=reference.url,
                order=reference.order + copy,
            )
    routes = list(Route.objects.all())
    organisations = list(Organisation.objects.all())
    paragraphs = list(CodeParagraph.objects.all())
    for copy in range(1, 10):
        new_paragraphs = [
            CodeParagraph.objects.create(start=f"{20 + copy}.{p.pk}", title=p.title, quote=p.quote)
            for p in paragraphs
        ]
        new_organisations = [
            Organisation.objects.create(
                name=f"{o.name} {copy}",
                slug=f"{o.slug}-{copy}",
                helps_with=o.helps_with,
                phone=o.phone,
                scope=o.scope,
            )
            for o in organisations
        ]
        for route in routes:
            twin = Route.objects.create(
                title=f"{route.title} {copy}",
                slug=f"{route.slug}-{copy}",
                summary=route.summary,
                when_to_use=route.when_to_use,
                order=route.order + copy * 10,
            )
            twin.citations.set(new_paragraphs[:3])
            for n in range(5):
                Step.objects.create(route=twin, order=n, title=f"Step {n}")
            for n, organisation in enumerate(new_organisations[:4]):
                RouteOrganisation.objects.create(route=twin, organisation=organisation, order=n)
        # The real routes get more helpers and citations too.
        for route in routes:
            route.citations.add(*new_paragraphs[:2])
            RouteOrganisation.objects.create(
                route=route,
                organisation=new_organisations[route.pk % len(new_organisations)],
                order=100 + copy,
            )


def test_query_counts_do_not_grow_with_content(client, content, settings):
    # One content version read a request after a save, however long a page takes on a busy machine
    # (by default a process reads it again after a second).
    settings.CONTENT_VERSION_CHECK_SECONDS = 3600
    before = {url: queries_for(client, url) for url in PAGES}
    grow_content_tenfold()
    assert Route.objects.count() == 50
    after = {url: queries_for(client, url) for url in PAGES}
    assert after == before
    # In another language, whether every translation is checked (for the banner): each translated
    # kind's items and their statuses, once per content version.
    translation_check = 2 * len(status.translated_models())
    for url, (_, content_queries) in before.items():
        # At most: the published routes (5 queries), the advice words and references (2), the
        # glossary (1) and a plan's letters (1), once per content version.
        most = 9 if url in ENGLISH_PAGES else 9 + translation_check
        assert content_queries <= most, (url, content_queries)


def _compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


# KB, compressed. "How this tool decides" lists every path through the questions and each plan,
# for staff and caseworkers checking the rules: it grows with the rules, so it has its own budget
# (45.0 KB in Urdu on 8 December 2026, once it showed each plan's notes).
# "Print all routes" is every route's page in one, for caseworkers to print: it grows with the
# routes' words (30.1 KB in Urdu on 8 December 2026, after the legal review's additions).
BUDGET = {"/what-can-i-do/rules/": 50, "/routes/print/": 34}


def english_address(url: str) -> str:
    """The page's address in English: without its language's prefix (/pl/, /ur/)."""
    return next((url[3:] for code in ("pl", "ur") if url.startswith(f"/{code}/")), url)


def test_every_public_page_weighs_under_30_kb_compressed(client, content, capsys):
    report = []
    for url in PAGES:
        html = client.get(url).content
        assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
        weight = _compressed(html)
        for asset in assets:
            name = asset.decode().removeprefix(settings.STATIC_URL)
            path = finders.find(name) or (settings.STATIC_ROOT / name)
            weight += _compressed(Path(path).read_bytes())
        report.append((url, weight))
        assert weight < BUDGET.get(english_address(url), 30) * 1024, (url, weight)
    with capsys.disabled():
        print("\nPage weight, HTML + CSS + JS, gzip:")
        for url, weight in report:
            print(f"  {weight / 1024:5.1f} KB  {url}")
