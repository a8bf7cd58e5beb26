"""Staff saving at the same moment: every save is kept or warned, none fails. A real gunicorn with
several worker processes, real HTTP, saves fired together from threads, on the suite's database
(SQLite, or PostgreSQL when DATABASE_URL names one)."""

import json
import re
import threading

import pytest

from tests.routes.admin_form import form_data
from tests.servers import (
    Browser,
    gunicorn,
    manage,
    prepared_database,
    production_env,
    staff_sessions,
)

# The module's server is started once: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("concurrent-saves-site")

EDITORS = 6
CONFLICT = "after you opened it"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A served site and its environment, with EDITORS signed-in browsers."""
    with prepared_database(tmp_path_factory.mktemp("concurrent")) as database_url:
        env = production_env(DATABASE_URL=database_url, REDIS_URL="")
        keys = staff_sessions(env, EDITORS)
        # More workers than cores, so saves really overlap inside the database.
        with gunicorn(env, workers=4) as base:
            browsers = []
            for key in keys:
                browser = Browser(base)
                browser.cookies["sessionid"] = key
                browsers.append(browser)
            yield env, browsers


def save_together(browsers, urls, form_id, field, texts):
    """Each browser opens its page, then all press Save at the same moment.

    Returns each save's (status, page)."""
    forms = []
    for browser, url in zip(browsers, urls, strict=True):
        status, html, _ = browser.request(url)
        assert status == 200, url
        forms.append(form_data(html, form_id))
    start = threading.Barrier(len(browsers))
    results = [None] * len(browsers)

    def save(number):
        data = {**forms[number], field: [texts[number]], "_save": ["Save"]}
        start.wait()
        status, html, _ = browsers[number].request(urls[number], data)
        results[number] = (status, html)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(len(browsers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def database_values(env, model, field) -> dict[str, str]:
    """Each item's field as the database holds it now (by primary key), read by another process."""
    script = (
        f"import json; from routes.models import {model}; "
        f"print(json.dumps({{str(pk): value for pk, value in {model}.objects.values_list('pk', {field!r})}}))"
    )
    return json.loads(manage(env, "shell", "--no-imports", "-c", script))


def test_of_simultaneous_saves_of_one_version_one_is_kept_and_every_other_is_warned(site):
    env, browsers = site
    _, listing, _ = browsers[0].request("/admin/routes/route/")
    url = re.search(r'href="(/admin/routes/route/(\d+)/change/)"', listing)
    for round_number in range(3):
        texts = [f"Round {round_number}, editor {n}" for n in range(EDITORS)]
        results = save_together(browsers, [url[1]] * EDITORS, "route_form", "summary_en", texts)
        statuses = [status for status, _ in results]
        assert all(status in (200, 302) for status in statuses), statuses
        kept = [n for n, (status, _) in enumerate(results) if status == 302]
        assert len(kept) == 1, f"round {round_number}: saves accepted: {statuses}"
        warned = [n for n, (status, html) in enumerate(results) if CONFLICT in html]
        assert sorted(kept + warned) == list(range(EDITORS)), statuses
        assert database_values(env, "Route", "summary")[url[2]] == texts[kept[0]]


def test_simultaneous_saves_of_different_items_are_all_kept(site):
    env, browsers = site
    _, listing, _ = browsers[0].request("/admin/routes/organisation/")
    found = re.findall(r'href="(/admin/routes/organisation/(\d+)/change/)"', listing)
    assert len(found) >= EDITORS
    urls = [url for url, _ in found[:EDITORS]]
    texts = [f"Open when editor {n} says" for n in range(EDITORS)]
    results = save_together(browsers, urls, "organisation_form", "opening_hours_en", texts)
    assert [status for status, _ in results] == [302] * EDITORS
    held = database_values(env, "Organisation", "opening_hours")
    assert [held[pk] for _, pk in found[:EDITORS]] == texts
