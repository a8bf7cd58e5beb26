"""Staff control every translation: draft until checked, out of date when the English changes, and
a report per language of what is missing or needs checking again."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from glossary.models import Term
from translations import status
from translations.loader import load_file
from translations.models import TranslationStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("missing", "recorded", "checked_hash", "current_hash", "state"),
    [
        (True, "checked", "a", "a", status.MISSING),
        (False, None, "", "a", status.DRAFT),
        (False, "draft", "", "a", status.DRAFT),
        (False, "checked", "a", "a", status.CHECKED),
        (False, "checked", "a", "b", status.OUT_OF_DATE),
    ],
)
def test_where_a_translation_stands(missing, recorded, checked_hash, current_hash, state):
    assert status.translation_state(missing, recorded, checked_hash, current_hash) == state


def row_for(item, language):
    return next(row for row in status.report(language) if row.item == item)


def test_shipped_translations_load_as_drafts(content):
    term = Term.objects.get(pk=3)
    assert term.term_pl == "koordynator SEN (SENCO)"
    recorded = TranslationStatus.objects.get(
        content_type=ContentType.objects.get_for_model(Term), object_id="3", language="pl"
    )
    assert recorded.state == TranslationStatus.DRAFT
    assert recorded.note == "Translation loaded from pl/glossary.json"
    assert row_for(term, "pl").state == status.DRAFT


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_the_shipped_files_translate_everything_as_a_draft(content, language):
    rows = status.report(language)
    # Every kind of content, every item with English words.
    assert {type(row.item) for row in rows} == set(status.translated_models())
    assert [row for row in rows if row.missing] == []
    assert {row.state for row in rows} == {status.DRAFT}
    assert not status.all_checked(language)


def test_the_report_shows_each_language_complete_and_draft(client, content, editor):
    client.force_login(editor)
    url = reverse("admin:translations_translationstatus_changelist")
    for language in ("pl", "ur"):
        html = client.get(url, {"language": language}).content.decode()
        assert "Missing: 0" in html and "Out of date: 0" in html and "Checked: 0" in html
        assert f"Draft: {len(status.report(language))}" in html


def test_a_checked_translation_is_out_of_date_once_the_english_changes(content, editor):
    term = Term.objects.get(pk=3)
    status.mark(term, "pl", editor, checked=True)
    assert row_for(term, "pl").state == status.CHECKED
    term.meaning_en = term.meaning_en + " Ask the school who it is."
    term.save()
    row = row_for(term, "pl")
    assert row.state == status.OUT_OF_DATE
    assert row.status.checked_by == editor
    # A change to the Polish alone does not make it out of date: the English is what counts.
    status.mark(term, "pl", editor, checked=True)
    term.meaning_pl = term.meaning_pl + " "
    term.save()
    assert row_for(term, "pl").state == status.CHECKED


def test_the_report_lists_each_language_and_records_a_check(client, content, editor):
    client.force_login(editor)
    url = reverse("admin:translations_translationstatus_changelist")
    term = Term.objects.get(pk=3)
    status.mark(term, "pl", editor, checked=True)
    term.meaning_en = "Changed English."
    term.save()
    html = client.get(url, {"language": "pl", "state": "out of date"}).content.decode()
    assert "Out of date: 1" in html
    assert f'href="{reverse("admin:glossary_term_change", args=[3])}">SENCO</a>' in html
    assert "SEN support" not in html  # a draft, not shown under "out of date"
    urdu = client.get(url, {"language": "ur"}).content.decode()
    assert "Urdu" in urdu and "Out of date: 0" in urdu
    response = client.post(
        reverse("admin:translations_translationstatus_mark"),
        {
            "language": "pl",
            "content_type": ContentType.objects.get_for_model(Term).pk,
            "object_id": 3,
            "state": "checked",
        },
    )
    assert response.status_code == 302
    assert row_for(Term.objects.get(pk=3), "pl").state == status.CHECKED
    assert client.get(url, {"language": "xx"}).status_code == 404


def test_the_loader_fills_empty_fields_and_never_writes_over_staff_words(content, tmp_path):
    term = Term.objects.get(pk=1)
    # A term not yet translated, whose meaning a member of staff then translated themselves.
    term.term_pl = term.also_called_pl = ""
    term.meaning_pl = "Słowa wpisane przez pracownika."
    term.save()
    status.mark(term, "pl", None, checked=True)
    shipped = tmp_path / "glossary.json"
    shipped.write_text(
        json.dumps(
            [
                {
                    "model": "glossary.term",
                    "pk": 1,
                    "fields": {
                        "term": "plan EHC (EHC plan)",
                        "meaning": "Słowa z pliku.",
                        "also_called": "plan EHCP (EHCP)",
                    },
                },
                {"model": "glossary.term", "pk": 999, "fields": {"term": "nic"}},
            ]
        ),
        encoding="utf-8",
    )
    assert load_file(shipped, "pl") == (1, 1)
    term.refresh_from_db()
    assert term.meaning_pl == "Słowa wpisane przez pracownika."
    assert term.term_pl == "plan EHC (EHC plan)"
    assert term.term_en == "EHC plan"
    # New words came in, so the translation as a whole is a draft again.
    assert row_for(term, "pl").state == status.DRAFT
    # Loading again changes nothing.
    assert load_file(shipped, "pl") == (0, 3)


def test_the_loader_corrects_shipped_words_staff_left_alone_and_keeps_their_own(content, tmp_path):
    left_alone, edited = Term.objects.get(pk=1), Term.objects.get(pk=2)
    left_alone.meaning_pl = "Stare słowa z poprzedniego wydania."
    left_alone.save()
    edited.meaning_pl = "Słowa wpisane przez pracownika."
    edited.save()
    for term in (left_alone, edited):
        status.mark(term, "pl", None, checked=True)
    shipped = tmp_path / "glossary.json"
    was = {"meaning": ["Stare słowa z poprzedniego wydania."]}
    shipped.write_text(
        json.dumps(
            [
                {
                    "model": "glossary.term",
                    "pk": pk,
                    "fields": {"meaning": "Poprawione."},
                    "was": was,
                }
                for pk in (1, 2)
            ]
        ),
        encoding="utf-8",
    )
    assert load_file(shipped, "pl") == (1, 1)
    left_alone.refresh_from_db()
    edited.refresh_from_db()
    assert left_alone.meaning_pl == "Poprawione."
    assert edited.meaning_pl == "Słowa wpisane przez pracownika."
    # The corrected translation is a draft again; staff's own checked words stay checked.
    assert row_for(left_alone, "pl").state == status.DRAFT
    assert row_for(edited, "pl").state == status.CHECKED
    assert load_file(shipped, "pl") == (0, 2)


def _files(tmp_path, model, pk, english: dict, translated: dict, was: dict):
    """A translation file and the English fixture it translates, one row each."""
    english_file, translation_file = tmp_path / "english.json", tmp_path / "translation.json"
    english_file.write_text(json.dumps([{"model": model, "pk": pk, "fields": english}]))
    row = {"model": model, "pk": pk, "fields": translated, "was": was}
    translation_file.write_text(json.dumps([row]))
    return translation_file, english_file


def test_a_correction_finds_its_term_by_slug_even_when_staff_changed_the_english(content, tmp_path):
    term = Term.objects.get(slug="disability-discrimination")
    term.term_en = "Discrimination (edited by staff)"
    term.meaning_pl = "Stare słowa."
    term.save()
    english = {"slug": "disability-discrimination", "term": "disability discrimination"}
    files = _files(
        tmp_path,
        "glossary.term",
        term.pk,
        english,
        {"meaning": "Nowe słowa."},
        {"meaning": ["Stare słowa."]},
    )
    assert load_file(*files[:1], "pl", files[1]) == (1, 0)
    term.refresh_from_db()
    assert term.meaning_pl == "Nowe słowa."


def test_a_translation_never_goes_into_staff_s_own_item_under_a_shipped_pk(content, tmp_path):
    from routes.models import Step

    step = Step.objects.order_by("pk").first()
    shipped = {"title": step.title_en, "body": step.body_en}
    # Staff's own step now holds the pk the release's step had.
    Step.objects.filter(pk=step.pk).update(
        title_en="Staff’s own step", body_en="Staff’s words.", title_pl="", body_pl=""
    )
    files = _files(tmp_path, "routes.step", step.pk, shipped, {"title": "Tytuł z pliku"}, {})
    assert load_file(*files[:1], "pl", files[1]) == (0, 0)
    step.refresh_from_db()
    assert step.title_pl == ""


def test_a_change_to_any_english_field_of_any_kind_makes_its_check_out_of_date(content, editor):
    for model in status.translated_models():
        for name in status.translated_fields(model):
            items = list(model._default_manager.all())
            item = next(
                (item for item in items if status.words(item, name, status.english()).strip()),
                None,
            )
            if item is None:
                # A field no shipped item fills (no organisation's opening hours are confirmed
                # yet): staff write its English first.
                item = items[0]
                setattr(item, f"{name}_{status.english()}", "Words staff wrote.")
                item.save()
            # Translated in full (staff fill in what no file shipped), then checked.
            for missing in row_for(item, "ur").missing:
                setattr(
                    item, f"{missing}_ur", f"{status.words(item, missing, status.english())} (ur)"
                )
            item.save()
            status.mark(item, "ur", editor, checked=True)
            assert row_for(item, "ur").state == status.CHECKED, f"{model.__name__}.{name}"
            english = f"{name}_{status.english()}"
            setattr(item, english, getattr(item, english) + " Changed.")
            item.save()
            assert row_for(item, "ur").state == status.OUT_OF_DATE, f"{model.__name__}.{name}"


def test_the_report_says_who_checked_an_out_of_date_translation_and_when(client, content, editor):
    editor.first_name, editor.last_name = "Ada", "Kowalska"
    editor.save()
    client.force_login(editor)
    term = Term.objects.get(pk=3)
    response = client.post(
        reverse("admin:translations_translationstatus_mark"),
        {
            "language": "ur",
            "content_type": ContentType.objects.get_for_model(Term).pk,
            "object_id": 3,
            "state": "checked",
        },
    )
    assert response.status_code == 302
    recorded = row_for(term, "ur").status
    assert recorded.checked_by == editor and recorded.checked_at is not None
    term.refresh_from_db()
    term.meaning_en = "Changed English."
    term.save()
    url = reverse("admin:translations_translationstatus_changelist")
    html = client.get(url, {"language": "ur", "state": "out of date"}).content.decode()
    row = html.split(">SENCO</a>")[1].split("</tr>")[0]
    assert "<strong>Out of date</strong>" in row
    assert f"{recorded.checked_at:%-d %B %Y}" in row and "by Ada Kowalska" in row
    assert "Mark as checked" in row
    # Checked again, it leaves the out-of-date list.
    status.mark(term, "ur", editor, checked=True)
    html = client.get(url, {"language": "ur", "state": "out of date"}).content.decode()
    assert "Out of date: 0" in html and ">SENCO</a>" not in html
