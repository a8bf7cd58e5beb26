"""'Is this page useful?': an answer is kept with no personal data, no answers and no cookie, from
this site's pages only, a few an hour from one visitor; staff read a report by page and week."""

from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from feedback.comments import REMOVED, comment_to_keep
from feedback.models import PageFeedback
from feedback.throttle import ANSWERS_PER_HOUR
from tests.clock import TODAY

PLAN = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
)
HOST = "http://testserver"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def send(
    client, page="/routes/appeal/", useful="yes", comment="", referer=None, origin=HOST, **extra
):
    headers = {"HTTP_REFERER": HOST + (referer or page)}
    if origin:
        headers["HTTP_ORIGIN"] = origin
    headers.update(extra)
    return client.post(
        "/page-feedback/", {"page": page, "useful": useful, "comment": comment}, **headers
    )


def test_an_answer_is_kept_with_the_page_and_week_only(client):
    with time_machine.travel(TODAY, tick=False):  # Saturday 28 November 2026
        response = send(client, useful="no", comment="Too long")
    assert response.status_code == 303
    assert response["Location"] == "/routes/appeal/#feedback-thanks"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies
    kept = PageFeedback.objects.get()
    assert (kept.page, kept.week, kept.useful, kept.comment) == (
        "/routes/appeal/",
        date(2026, 11, 23),
        False,
        "Too long",
    )


def test_a_plans_answers_are_never_kept_but_the_visitor_goes_back_to_their_plan(client):
    response = send(client, page=PLAN, referer=PLAN)
    assert response["Location"] == PLAN + "#feedback-thanks"
    assert PageFeedback.objects.get().page == "/what-can-i-do/result/"
    for row in PageFeedback.objects.values_list():
        assert "2026-10-02" not in str(row) and "refuse-plan" not in str(row)


def test_an_address_the_site_does_not_have_is_not_kept_as_typed(client):
    send(client, page="/my-name-is-jane-smith/")
    assert PageFeedback.objects.get().page == "(a page that does not exist)"


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("Email me at jane.smith@example.org please", f"Email me at {REMOVED} please"),
        ("Call 020 8825 5588 or +44 7700 900123", f"Call {REMOVED} or {REMOVED}"),
        ("Call (020) 8825-5588", f"Call {REMOVED}"),
        ("The deadline 24/12/2026 was clear", "The deadline 24/12/2026 was clear"),
        ("Section 11.45 and 2 months", "Section 11.45 and 2 months"),
    ],
)
def test_email_addresses_and_phone_numbers_are_removed_from_comments(written, kept):
    assert comment_to_keep(written) == kept


def test_a_long_comment_is_cut_short_at_a_word(client):
    send(client, comment="word " * 1000)
    kept = PageFeedback.objects.get().comment
    assert len(kept) <= 1200
    assert kept.endswith(" word")


def test_a_nul_in_a_comment_is_removed_before_it_is_kept(client):
    # PostgreSQL refuses NUL in text: this was a 500 there (probe 2026-12, finding 8).
    assert send(client, comment="a\x00b").status_code == 303
    assert PageFeedback.objects.get().comment == "ab"


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"origin": None, "HTTP_REFERER": "https://evil.example/page"},
        {"origin": None, "HTTP_REFERER": ""},
    ],
)
def test_an_answer_from_another_site_is_refused(client, headers):
    response = send(client, **headers)
    assert response.status_code == 403
    assert "Your feedback was not sent" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_the_referer_is_enough_when_the_browser_sends_no_origin(client):
    assert send(client, origin=None).status_code == 303
    assert PageFeedback.objects.count() == 1


def test_no_answer_chosen_keeps_nothing(client):
    response = send(client, useful="maybe")
    assert response.status_code == 303
    assert not PageFeedback.objects.exists()


def test_a_get_is_not_allowed(client):
    assert client.get("/page-feedback/").status_code == 405


def test_one_visitor_is_limited_and_another_is_not(client):
    for _ in range(ANSWERS_PER_HOUR + 3):
        send(client, REMOTE_ADDR="192.0.2.1")
    assert PageFeedback.objects.count() == ANSWERS_PER_HOUR
    send(client, REMOTE_ADDR="192.0.2.2")
    assert PageFeedback.objects.count() == ANSWERS_PER_HOUR + 1


def test_the_cache_never_holds_the_visitors_address(client):
    send(client, REMOTE_ADDR="198.51.100.77")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM page_cache")
        rows = cursor.fetchall()
    assert rows, "the rate limit was not counted in the cache"
    assert all("198.51.100.77" not in str(row) for row in rows)


def test_the_limit_starts_afresh_the_next_hour(client):
    with time_machine.travel(TODAY, tick=False) as clock:
        for _ in range(ANSWERS_PER_HOUR + 1):
            send(client)
        clock.shift(61 * 60)
        send(client)
    assert PageFeedback.objects.count() == ANSWERS_PER_HOUR + 1


def test_every_public_page_has_the_form_and_sets_no_cookie(content):
    client = Client()
    for page in ("/", "/routes/appeal/", "/glossary/", "/what-can-i-do/", PLAN):
        response = client.get(page)
        html = response.content.decode()
        assert 'action="/page-feedback/"' in html, page
        # The page's own address, answers included, posted in the body for the way back.
        assert f'name="page" value="{page.replace("&", "&amp;")}"' in html, page
        assert "csrfmiddlewaretoken" not in html, page
        assert not response.cookies, page


def test_a_content_page_with_the_form_is_still_kept_and_public(content):
    client = Client()
    first = client.get("/routes/appeal/")
    assert "public" in first["Cache-Control"]
    assert client.get("/routes/appeal/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_every_field_has_help_text():
    for field in PageFeedback._meta.get_fields():
        if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
            assert field.help_text, field.name


def test_staff_see_a_report_by_page_and_week(client, content, superuser):
    with time_machine.travel(TODAY, tick=False):
        send(client, useful="yes")
        send(client, useful="no", comment="Hard to follow")
        send(client, page="/glossary/", useful="yes")
    client.force_login(superuser)
    page = client.get("/admin/feedback/pagefeedback/report/").content.decode()
    assert "23 November 2026" in page
    row = page.split("/routes/appeal/")[1].split("</tr>")[0]
    assert [cell.split(">")[-1] for cell in row.split("</td>")[1:3]] == ["1", "1"]
    listing = client.get("/admin/feedback/pagefeedback/").content.decode()
    assert "Report by page and week" in listing
    assert "Hard to follow" in listing


def test_an_editor_may_read_but_not_delete(client, editor):
    send(client)
    client.force_login(editor)
    assert client.get("/admin/feedback/pagefeedback/report/").status_code == 200
    item = PageFeedback.objects.get()
    assert client.get(f"/admin/feedback/pagefeedback/{item.pk}/delete/").status_code == 403
