"""The plan's advice words are content staff edit: every code the rules can produce has published
words, words use only their kind's placeholders, staff edits show in plans, and the admin lets
staff change words but never the codes the rules name."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from ealing_send.pagecache import recent_pages
from guidance import advice, deadlines
from guidance.admin import EXAMPLE_DEADLINE_VALUES
from guidance.models import Advice, Reference, fill
from guidance.published import published_advice
from guidance.question_words import wording
from guidance.templatetags.advice import deadline_values
from routes.models import ContentVersion
from tests.clock import TODAY
from tests.routes.admin_form import as_post, field_name, form_data

pytestmark = pytest.mark.django_db

EVERY_CODE = advice.every_code()
FIXTURE = Path(__file__).parents[2] / "fixtures" / "advice.json"
RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-25&mediation=no"
)


@pytest.mark.parametrize("young_person", [False, True], ids=["parent", "young person"])
@pytest.mark.parametrize("kind", advice.KINDS)
def test_every_code_the_rules_can_produce_has_published_words(content, kind, young_person):
    published = published_advice()
    values = {**wording(young_person), **EXAMPLE_DEADLINE_VALUES}
    missing = [code for code in sorted(EVERY_CODE[kind]) if (kind, code) not in published.advice]
    assert missing == [], f"no words for the {kind} codes {missing}"
    for code in EVERY_CODE[kind]:
        html = published.html(kind, code, values)
        assert len(html) > 30, (kind, code)
        assert "{" not in html, (kind, code)
        if young_person:
            assert "your child" not in html, (kind, code)


def test_no_words_for_a_code_the_rules_never_produce():
    rows = json.loads(FIXTURE.read_text())
    written = {(row["fields"]["kind"], row["fields"]["code"]) for row in rows}
    assert written == {(kind, code) for kind, codes in EVERY_CODE.items() for code in codes}


def test_every_piece_of_advice_names_its_sources_and_when_it_was_reviewed():
    for row in json.loads(FIXTURE.read_text()):
        fields = row["fields"]
        assert fields["sources"].strip(), fields["code"]
        assert fields["review_notes"].strip(), fields["code"]
        # Written for the first release, or since with the day it was checked.
        assert fields["last_reviewed"] in ("2026-11-29", "2026-12-08"), fields["code"]
        Advice(**fields).clean()  # every placeholder is one its kind can use


def test_a_plan_naming_deleted_words_still_shows_and_the_check_finds_them_missing(
    client, content, caplog
):
    Advice.objects.get(kind=advice.FIRST_STEP, code="keep-notes").delete()
    assert (advice.FIRST_STEP, "keep-notes") not in published_advice().advice
    response = client.get("/what-can-i-do/result/?who=parent&concern=handling&talked=yes")
    assert response.status_code == 200
    assert "No words for the first-step 'keep-notes'" in caplog.text


def test_the_deadline_placeholders_are_the_ones_the_plan_fills_in():
    # The adviser's last day, Friday 25 December 2026, is not a working day: it has an act-by day.
    adviser = deadlines.mediation_adviser_deadline(date(2026, 10, 25))
    assert adviser.act_by is not None
    assert set(deadline_values(adviser)) == advice.DEADLINE_DATES == set(EXAMPLE_DEADLINE_VALUES)
    appeal = deadlines.appeal_deadline(TODAY)
    assert set(deadline_values(appeal)) == advice.DEADLINE_DATES - {"act_by", "act_by_day"}
    assert set(wording(True)) == set(wording(False)) == advice.PERSON


@pytest.mark.parametrize(
    ("kind", "words", "refused"),
    [
        pytest.param(advice.REASON, "Act by {date}.", "{date}", id="a date in a reason"),
        pytest.param(advice.OUTCOME, "Hello {name}.", "{name}", id="a name"),
        pytest.param(advice.MOVED, "{due_day} and {child} {x y}", "{x y}", id="not a name"),
        pytest.param(advice.FIRST_STEP, "Tell {counted_from}.", "{counted_from}", id="no dates"),
    ],
)
def test_words_with_a_placeholder_their_kind_cannot_fill_are_refused(kind, words, refused):
    with pytest.raises(ValidationError) as problem:
        Advice(kind=kind, code="x", words=words, sources="s").clean()
    message = problem.value.message_dict["words_en"][0]
    assert refused in message and "can use" in message


def test_words_with_their_kind_s_placeholders_are_accepted():
    Advice(
        kind=advice.WHY_THIS_DATE, code="x", words="From {counted_from_day} for {child}."
    ).clean()


def test_filled_in_values_are_escaped_and_unknown_braces_left_alone():
    html = fill("<p>{child} on {due} and {other}</p>", {"child": "<b>", "due": "1 May"})
    assert html == "<p>&lt;b&gt; on 1 May and {other}</p>"


def test_the_plan_shows_the_published_words_with_its_dates(client, content):
    html = client.get(RESULT).content.decode()
    assert '<p class="govuk-body-l">You can appeal this decision' in html
    assert "Counted from the decision letter dated 25 October 2026 (2 months)." in html
    assert "The time limit ends on 25 December 2026, between 25 December" in html
    assert "When you get your mediation certificate, you have 1 month" in html
    # Words in the glossary are links on their first use: read the text without the tags.
    assert "Contact the mediation adviser named in the council" in re.sub(r"<[^>]+>", "", html)
    assert "What the SEND Code of Practice says" in html and "What the law says" not in html


def test_the_appeal_names_the_certificate_when_its_month_ends_later(client, content):
    url = (
        "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
        "&decision_date=2026-09-01&mediation=yes&certificate_date=2026-10-20"
    )
    html = client.get(url).content.decode()
    assert "Counted from the mediation certificate dated 20 October 2026 (1 month)." in html


def test_each_deadline_names_and_links_the_law_behind_it(client, content):
    html = client.get(RESULT).content.decode()
    assert (
        '<a class="govuk-link" href="https://www.legislation.gov.uk/uksi/2008/2699/article/20">'
        "HESC Tribunal Rules 2008, rule 20</a>" in html
    )
    assert "https://www.legislation.gov.uk/uksi/2014/1530/regulation/33" in html
    assert "https://www.legislation.gov.uk/uksi/2014/1530/regulation/34" in html


def test_every_deadline_the_rules_show_has_a_reference(content):
    references = published_advice().references
    shown = {d.key for _, plan, _ in advice.every_plan() for d in plan.deadlines}
    assert shown and all(references.get(key) for key in shown)
    for reference in Reference.objects.all():
        reference.full_clean()
        assert reference.url.startswith("https://www.legislation.gov.uk/"), reference


def test_a_reference_to_a_deadline_the_rules_do_not_have_is_refused():
    reference = Reference(deadline="hearing", title="x", url="https://www.legislation.gov.uk/")
    with pytest.raises(ValidationError, match="no deadline called 'hearing'"):
        reference.full_clean()


def test_a_staff_edit_shows_in_the_next_plan(client, content):
    client.get(RESULT)
    words = Advice.objects.get(kind=advice.REASON, code="mediation-advice")
    words.words = "You must contact the **mediation adviser** first, {child}."
    words.save()
    html = client.get(RESULT).content.decode()
    # The term may be a link to the glossary (its first use in the plan's advice): leave it out.
    html = re.sub(r'<a class="govuk-link app-glossary-link" [^>]*>(.*?)</a>', r"\1", html)
    assert "You must contact the <strong>mediation adviser</strong> first, your child." in html


def test_a_plan_looks_up_its_words_in_memory_not_one_query_a_code(client, content):
    client.get(RESULT)
    recent_pages.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(RESULT.replace("2026-10-25", "2026-10-26")).status_code == 200
    tables = [q["sql"] for q in captured.captured_queries if "guidance_" in q["sql"]]
    assert tables == []
    ContentVersion.move_on()
    with CaptureQueriesContext(connection) as captured:
        client.get(RESULT)
    advice_queries = [q for q in captured.captured_queries if "guidance_advice" in q["sql"]]
    assert len(advice_queries) == 1


# Admin


def change_url(obj):
    return reverse(f"admin:guidance_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, obj, **changes):
    url = change_url(obj)
    data = form_data(client.get(url).content.decode(), f"{obj._meta.model_name}_form")
    data.update({field_name(type(obj), k): [v] for k, v in changes.items()})
    return client.post(url, as_post(data))


def test_staff_list_search_and_filter_advice_by_kind_and_review(client, content, editor):
    client.force_login(editor)
    url = reverse("admin:guidance_advice_changelist")
    for query in ("", "?kind__exact=reason", "?review=due", "?review=ok", "?q=mediation"):
        assert client.get(url + query).status_code == 200, query
    html = client.get(url + "?kind__exact=moved").content.decode()
    assert "christmas" in html and "talk-first" not in html
    assert "mediation-advice" in client.get(url + "?q=certificate").content.decode()
    references = reverse("admin:guidance_reference_changelist")
    assert "rule 20" in client.get(references + "?deadline=appeal").content.decode()


def test_staff_change_the_words_but_not_the_code_and_cannot_add_advice(client, content, editor):
    client.force_login(editor)
    words = Advice.objects.get(kind=advice.FIRST_STEP, code="keep-notes")
    html = client.get(change_url(words)).content.decode()
    assert 'name="code"' not in html and 'name="kind"' not in html
    assert "A parent reads" in html and "A young person reads" in html  # the preview
    assert "{child_s}" in html  # the placeholders it can use
    response = post_change(client, words, words="Keep a diary.", code="other", kind="outcome")
    assert response.status_code == 302
    words.refresh_from_db()
    assert (words.kind, words.code, words.words) == (
        advice.FIRST_STEP,
        "keep-notes",
        "Keep a diary.",
    )
    assert Version.objects.get_for_object(words).first().field_dict["words"] == "Keep a diary."
    assert client.get(reverse("admin:guidance_advice_add")).status_code == 403


def test_the_admin_refuses_an_unknown_placeholder_with_a_clear_message(client, content, editor):
    client.force_login(editor)
    words = Advice.objects.get(kind=advice.REASON, code="talk-first")
    response = post_change(client, words, words="Talk to them before {deadline}.")
    assert response.status_code == 200
    html = response.content.decode()
    assert "These words use {deadline}, which cannot be filled in here." in html
    words.refresh_from_db()
    assert "{deadline}" not in words.words


@pytest.mark.parametrize("model", [Advice, Reference])
def test_every_field_staff_edit_has_help_text(model):
    for field in model._meta.get_fields():
        if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"


def test_a_deadline_explanation_must_be_one_paragraph_as_it_follows_the_days_left():
    why = Advice(kind=advice.WHY_THIS_DATE, code="x", words="From {counted_from}.\n\n- a list")
    with pytest.raises(ValidationError, match="Write this as one paragraph"):
        why.clean()
    why.words = "From {counted_from}, **2 months**."
    why.clean()
    assert (
        why.html({"counted_from": "1 May"}, inline=True) == "From 1 May, <strong>2 months</strong>."
    )


def test_advice_and_references_due_for_review_are_listed_with_the_rest(client, content, editor):
    from routes.review import overdue_content

    due = {item.label for item in overdue_content(TODAY.replace(year=2027))}
    assert "Reason a route fits: complaint-health" in due  # not yet checked: due in a month
    assert "HESC Tribunal Rules 2008, rule 20" in due
    overdue = Advice.objects.get(kind=advice.REASON, code="complaint-health")
    Advice.objects.filter(pk=overdue.pk).update(review_due=TODAY.replace(year=2025))
    client.force_login(editor)
    html = client.get(reverse("admin:index")).content.decode()
    assert f'href="/admin/guidance/advice/{overdue.pk}/change/"' in html
