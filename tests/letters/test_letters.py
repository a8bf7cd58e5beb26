"""Letters on the site: the list, each letter's form, the letter as a page and as a Word document,
staff editing, and that nothing a family types is kept."""

import logging
import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from docx import Document
from reversion.models import Version

from ealing_send.pagecache import recent_pages
from letters.models import Letter
from letters.placeholders import PLACEHOLDERS, asked_in
from letters.word import WORD_TYPE
from routes.models import ContentVersion

SLUGS = [
    "ask-school-for-meeting",
    "complaint-to-school",
    "complaint-to-council",
    "help-in-plan-not-given",
    "ask-for-ehc-needs-assessment",
    "tell-mediation-adviser",
    "ask-council-to-explain-decision",
    "chase-late-decision",
    "exclusion-independent-review",
]
PARENT, CHILD = "Marguerite Okonkwo-Ferreira", "Tobias Lindqvist-Adeyemi"
ESSENTIALS = {
    "parent_name": PARENT,
    "child_name": CHILD,
    "decision": "refuse-plan",
    "regulation": "reg-13-2",
    "date_due_0": "20",
    "date_due_1": "11",
    "date_due_2": "2026",
    "mediation_choice": "no",
    "appeal_decision": "refuse-plan",
    "provision": "Speech and language therapy, 1 hour each week.",
    "provision_missing_since_0": "1",
    "provision_missing_since_1": "9",
    "provision_missing_since_2": "2026",
    "start_by_0": "14",
    "start_by_1": "12",
    "start_by_2": "2026",
}
OPTIONAL = {
    "parent_address": "14 Quillfeather Lane\nHanwell W7 9ZZ",
    "parent_contact": "marguerite@example.org",
    "school_name": "Brackenbury Vale Primary School",
    "child_date_of_birth_0": "3",
    "child_date_of_birth_1": "4",
    "child_date_of_birth_2": "2016",
    "decision_date_0": "13",
    "decision_date_1": "10",
    "decision_date_2": "2026",
    "request_date_0": "3",
    "request_date_1": "6",
    "request_date_2": "2026",
    "exclusion_date_0": "2",
    "exclusion_date_1": "11",
    "exclusion_date_2": "2026",
    "governors_decision_date_0": "20",
    "governors_decision_date_1": "11",
    "governors_decision_date_2": "2026",
    "concerns": "Reading support stopped in September.",
    "what_you_want": "Daily phonics with a trained assistant.",
}


def _posted(letter: Letter, data: dict) -> dict:
    """Only the fields this letter asks for, as its form would send them."""
    asked = asked_in(letter.body)
    return {
        key: value for key, value in data.items() if key.rsplit("_", 1)[0] in asked or key in asked
    }


# What a browser says about a POST from one of our own pages.
OUR_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def _make(client, slug, data, word=False):
    letter = Letter.objects.get(slug=slug)
    body = _posted(letter, data) | ({"format": "word"} if word else {})
    return client.post(f"/letters/{slug}/letter/", body, **OUR_ORIGIN)


def _docx_text(response) -> str:
    document = Document(BytesIO(response.content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_the_initial_letters_are_all_there(content):
    assert list(Letter.objects.values_list("slug", flat=True)) == SLUGS


def test_the_list_gives_each_letter_with_when_to_use_it(client, content):
    response = client.get("/letters/")
    page = response.content.decode()
    for letter in Letter.objects.all():
        assert f'href="/letters/{letter.slug}/"' in page
        assert letter.when_to_use in page
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_letters_form_is_private_sets_no_cookie_and_asks_for_what_it_uses(client, content, slug):
    response = client.get(f"/letters/{slug}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The privacy page promises the public no cookies: the form carries no anti-forgery token.
    assert not response.cookies
    page = response.content.decode()
    assert "csrfmiddlewaretoken" not in page
    assert 'method="post"' in page
    for name in asked_in(Letter.objects.get(slug=slug).body):
        assert f'name="{name}' in page, name


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_is_written_with_only_the_essentials(client, content, slug):
    response = _make(client, slug, ESSENTIALS)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert PARENT in page and CHILD in page
    assert "28 November 2026" in page
    # No placeholder is left showing, and no optional line printed empty.
    assert "{" not in page.split('class="app-letter"')[1].split("</div>")[0]
    assert "School or college:" not in page
    # Nor a lead-in whose detail was left out ("What worries me:" with nothing after it).
    letter = page.split('class="app-letter"')[1].split("</div>")[0]
    assert not re.search(r":\s*(<br>|</p>)", letter), letter


@pytest.mark.parametrize("slug", SLUGS)
def test_each_letter_is_written_with_every_detail(client, content, slug):
    letter = Letter.objects.get(slug=slug)
    page = _make(client, slug, ESSENTIALS | OPTIONAL).content.decode()
    assert PARENT in page and CHILD in page
    if "school_name" in asked_in(letter.body):
        assert "Brackenbury Vale Primary School" in page
    if "concerns" in asked_in(letter.body):
        assert "Reading support stopped in September." in page


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("details", ["essentials", "everything"])
def test_each_letter_downloads_as_a_word_document_that_opens(client, content, slug, details):
    data = ESSENTIALS if details == "essentials" else ESSENTIALS | OPTIONAL
    response = _make(client, slug, data, word=True)
    assert response.status_code == 200
    assert response["Content-Type"] == WORD_TYPE
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.docx"'
    assert response["Cache-Control"] == "private, no-store"
    text = _docx_text(response)
    assert PARENT in text and CHILD in text
    assert "{" not in text
    if details == "everything" and "school_name" in asked_in(Letter.objects.get(slug=slug).body):
        assert "Brackenbury Vale Primary School" in text


def test_the_chasing_letter_names_the_regulation_and_the_date_it_was_due(client, content):
    page = _make(client, "chase-late-decision", ESSENTIALS | OPTIONAL).content.decode()
    assert (
        "Under regulation 13(2) of the Special Educational Needs and Disability Regulations 2014, "
        "the council had to send me the final EHC plan within 20 weeks"
    ) in page
    assert "That time limit ended on 20 November 2026" in page
    assert "I asked for an EHC needs assessment on 3 June 2026." in page


def test_the_mediation_letter_says_what_the_family_chose(client, content):
    no = _make(client, "tell-mediation-adviser", ESSENTIALS).content.decode()
    assert "I do not want mediation. Please send me a mediation certificate" in no
    wanted = {"mediation_choice": "yes", "mediation_issues": "The help in section F."}
    yes = _make(client, "tell-mediation-adviser", ESSENTIALS | wanted)
    assert "I would like to try mediation." in yes.content.decode()


HOSTILE = {"parent_name": "<script>alert('x')</script>", "child_name": "**bold** <b>Sam</b>"}


def test_what_a_family_types_cannot_become_markup_in_the_page(client, content):
    page = _make(client, "ask-school-for-meeting", ESSENTIALS | HOSTILE).content.decode()
    assert "<script>alert" not in page and "<b>Sam</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "**bold** &lt;b&gt;Sam&lt;/b&gt;" in page


def test_what_a_family_types_is_plain_text_in_the_word_document(client, content):
    response = _make(client, "ask-school-for-meeting", ESSENTIALS | HOSTILE, word=True)
    document = Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert('x')</script>" in text
    assert "**bold** <b>Sam</b>" in text
    assert not any(run.bold for p in document.paragraphs for run in p.runs)


# Every character XML 1.0 cannot hold (probe 2026-12, finding 2: each was a 500).
NOT_IN_XML = [*map(chr, [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]), "\ufffe", "\uffff"]


def test_any_character_a_family_types_still_gives_a_word_document(client, content):
    for character in NOT_IN_XML:
        typed = {"concerns": f"Line one{character}line two", "school_name": f"A{character}B"}
        response = _make(client, "complaint-to-school", ESSENTIALS | typed, word=True)
        assert response.status_code == 200, hex(ord(character))
        assert "Line one" in _docx_text(response)


def test_a_control_character_staff_pasted_into_a_letter_still_gives_a_word_document(
    client, content
):
    # A vertical tab and a form feed, as a paste from a Word file can bring (review 2026-12).
    letter = Letter.objects.get(slug="ask-school-for-meeting")
    Letter.objects.filter(pk=letter.pk).update(
        title=f"{letter.title}\x0c", body=letter.body.replace("\n", "\x0b\n", 1)
    )
    ContentVersion.move_on()
    response = _make(client, "ask-school-for-meeting", ESSENTIALS, word=True)
    assert response.status_code == 200
    assert PARENT in _docx_text(response)


def test_missing_essentials_show_gov_uk_errors_and_keep_what_was_typed(client, content):
    response = client.post(
        "/letters/chase-late-decision/letter/",
        {"parent_name": PARENT, "date_due_0": "31", "date_due_1": "2", "date_due_2": "2026"},
        **OUR_ORIGIN,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "There is a problem" in page and "<title>Error:" in page
    assert 'href="#id_child_name"' in page and "Enter your child’s full name" in page
    assert 'href="#id_regulation_1"' in page
    assert "must be a real date" in page
    assert PARENT in page


def test_opening_a_letters_address_without_details_goes_back_to_its_form(client, content):
    response = client.get("/letters/complaint-to-school/letter/")
    assert response.status_code == 302
    assert response["Location"] == "/letters/complaint-to-school/"


def test_a_plan_fills_in_the_decision_and_dates_but_never_a_name(client, content):
    page = client.get(
        "/letters/tell-mediation-adviser/?decision=cease-plan&decision_date=2026-10-13"
        "&mediation=yes&parent_name=Nobody+Here&child_name=Nobody+Either"
    ).content.decode()
    assert re.search(r'value="cease-plan"\s+checked', page)
    assert re.search(r'value="yes"\s+checked', page)
    assert 'value="13"' in page and 'value="10"' in page and 'value="2026"' in page
    assert "Nobody" not in page


def test_the_council_deadlines_page_can_link_a_late_plan_with_its_regulation_and_due_date(
    client, content
):
    page = client.get("/letters/chase-late-decision/?regulation=reg-5-1&date_due=2026-07-15")
    text = page.content.decode()
    assert re.search(r'value="reg-5-1"\s+checked', text)
    assert 'value="15"' in text and 'value="7"' in text


def test_a_bad_prefill_is_ignored_not_an_error(client, content):
    response = client.get("/letters/chase-late-decision/?regulation=reg-99&date_due=2026-02-31")
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()


def test_the_word_button_and_change_link_resend_only_this_letters_fields(client, content):
    page = _make(client, "complaint-to-school", ESSENTIALS | OPTIONAL | {"junk": "x"})
    text = page.content.decode()
    assert f'name="parent_name" value="{PARENT}"' in text
    assert 'name="junk"' not in text and 'name="regulation"' not in text
    change = client.post(
        "/letters/complaint-to-school/letter/",
        _posted(Letter.objects.get(slug="complaint-to-school"), ESSENTIALS) | {"format": "change"},
        **OUR_ORIGIN,
    )
    assert "Write my letter" in change.content.decode() and PARENT in change.content.decode()


def test_a_draft_letter_is_not_public(client, content):
    Letter.objects.filter(slug="complaint-to-school").update(is_published=False)
    assert client.get("/letters/complaint-to-school/").status_code == 404
    assert "complaint-to-school" not in client.get("/letters/").content.decode()


def test_an_unknown_placeholder_is_refused_by_the_model(content):
    letter = Letter.objects.get(slug="complaint-to-school")
    letter.body += "\n\n{child_nmae}"
    with pytest.raises(ValidationError, match=r"do not exist: \{child_nmae\}"):
        letter.full_clean()
    with pytest.raises(ValidationError):
        letter.save()
    assert "{child_nmae}" not in Letter.objects.get(slug="complaint-to-school").body


def test_an_unknown_placeholder_is_refused_in_the_admin_with_a_clear_message(
    client, content, superuser
):
    from tests.routes.admin_form import form_data

    client.force_login(superuser)
    letter = Letter.objects.get(slug="complaint-to-school")
    address = f"/admin/letters/letter/{letter.pk}/change/"
    data = form_data(client.get(address).content.decode(), "letter_form")
    data["body_en"] = [data["body_en"][0] + "\n\nSigned, {Parent Name}"]
    response = client.post(address, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "These placeholders do not exist: {Parent Name}" in page
    assert "{Parent Name}" not in Letter.objects.get(pk=letter.pk).body


def test_a_staff_edit_is_kept_with_history_and_the_slug_cannot_change(client, content, superuser):
    from tests.routes.admin_form import form_data

    client.force_login(superuser)
    letter = Letter.objects.get(slug="complaint-to-school")
    address = f"/admin/letters/letter/{letter.pk}/change/"
    page = client.get(address).content.decode()
    assert 'name="slug"' not in page
    data = form_data(page, "letter_form")
    data["when_to_use_en"] = ["When the school has not put a problem right."]
    response = client.post(address, data)
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.when_to_use == "When the school has not put a problem right."
    assert Version.objects.get_for_object(letter).count() >= 2


@pytest.mark.parametrize("field", list(Letter._meta.get_fields()))
def test_every_letter_field_staff_edit_has_help_text(field):
    if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
        assert field.help_text, f"Letter.{field.name} has no help text"


def test_the_help_text_lists_every_placeholder():
    help_text = Letter._meta.get_field("body").help_text
    for name in PLACEHOLDERS:
        assert "{" + name + "}" in help_text


def _every_row_as_text() -> str:
    rows = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the catalogue
            rows += [repr(row) for row in cursor.fetchall()]
    return "\n".join(rows)


def test_a_letter_leaves_no_name_in_a_table_the_cache_or_a_log(client, content, caplog):
    caplog.set_level(logging.DEBUG)
    recent_pages.clear()
    client.get("/letters/")
    client.get("/letters/complaint-to-council/")
    _make(client, "complaint-to-council", ESSENTIALS | OPTIONAL)
    _make(client, "complaint-to-council", ESSENTIALS | OPTIONAL, word=True)
    _make(client, "complaint-to-council", {"parent_name": PARENT})  # with errors
    kept = repr(list(recent_pages.values()))
    assert "Letters, written for you" in kept  # the cache was really read
    # The shared cache's table, when there is one, is among the tables (decoded: test_server.py).
    everything = "\n".join([_every_row_as_text(), kept, caplog.text])
    assert "Make a complaint to the council" in everything  # the tables were really read
    for secret in (PARENT, CHILD, "Quillfeather", "marguerite@example.org", "Brackenbury"):
        assert secret not in everything, secret


@pytest.mark.parametrize(
    "said",
    [
        {},
        {"HTTP_ORIGIN": "https://forger.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://forger.example/letters/complaint-to-school/"},
    ],
    ids=["nothing", "another site", "an opaque origin", "another site's page"],
)
def test_a_letter_posted_from_another_site_or_nowhere_is_refused(client, content, said):
    response = client.post("/letters/complaint-to-school/letter/", ESSENTIALS, **said)
    page = response.content.decode()
    assert response.status_code == 403
    assert "Sorry, we could not write your letter" in page
    assert 'href="/letters/complaint-to-school/"' in page
    assert PARENT not in page
    assert "no-store" in response["Cache-Control"]


def test_a_browser_that_sends_only_the_referer_of_our_page_gets_its_letter(client, content):
    response = client.post(
        "/letters/complaint-to-school/letter/",
        _posted(Letter.objects.get(slug="complaint-to-school"), ESSENTIALS),
        HTTP_REFERER="http://testserver/letters/complaint-to-school/",
    )
    assert response.status_code == 200 and CHILD in response.content.decode()


@pytest.mark.parametrize(
    ("staff", "can_delete"), [("editor", False), ("manager", True)], ids=["editor", "manager"]
)
def test_content_editors_and_managers_edit_letters_as_they_edit_routes(
    client, content, request, staff, can_delete
):
    user = request.getfixturevalue(staff)
    assert user.has_perm("letters.change_letter") and user.has_perm("letters.add_letter")
    assert user.has_perm("letters.view_historicalletter")
    assert user.has_perm("letters.delete_letter") is can_delete
    client.force_login(user)
    letter = Letter.objects.get(slug="chase-late-decision")
    assert client.get(f"/admin/letters/letter/{letter.pk}/change/").status_code == 200
    assert client.get(f"/admin/letters/letter/{letter.pk}/history/").status_code == 200


def test_a_staff_edit_shows_at_once_on_the_kept_list_of_letters(client, content):
    recent_pages.clear()
    assert "Chase a late decision or EHC plan" in client.get("/letters/").content.decode()
    letter = Letter.objects.get(slug="chase-late-decision")
    letter.title = "Chase the council when it is late"
    letter.save()
    page = client.get("/letters/").content.decode()
    assert "Chase the council when it is late" in page
    assert "Chase a late decision or EHC plan" not in page


def test_initial_letters_load_beside_edited_routes_and_never_over_edited_letters(content):
    from django.core.management import call_command

    from routes.models import Route

    # A release that adds letters to a site whose routes staff have edited: letters arrive...
    Letter.objects.all().delete()
    Route.objects.filter(slug="appeal").update(summary="Edited by staff")
    call_command("load_initial_content", verbosity=0)
    assert Letter.objects.count() == len(SLUGS)
    assert Route.objects.get(slug="appeal").summary == "Edited by staff"
    # ...each with a first version in its history, so the first edit can be undone...
    assert all(Version.objects.get_for_object(letter).exists() for letter in Letter.objects.all())
    # ...and a later release never loads over an edited letter.
    Letter.objects.filter(slug="complaint-to-school").update(title="Edited letter")
    call_command("load_initial_content", verbosity=0)
    assert Letter.objects.get(slug="complaint-to-school").title == "Edited letter"
