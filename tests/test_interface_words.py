"""The interface words in Polish and Urdu (issue 15): every word in locale/ translated, no draft left
fuzzy, and the pages and forms read the catalogue in the visitor's language. The compiled catalogues
are made here from the .po files, as the build makes them, so the test reads what is committed."""

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from guidance.council_forms import CouncilDeadlinesForm
from letters.forms import LetterForm

LANGUAGES = ("pl", "ur")
CATALOGUE = "LC_MESSAGES/django.po"

needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="GNU gettext not installed"
)


def _po(language: str) -> Path:
    return settings.BASE_DIR / "locale" / language / CATALOGUE


@needs_msgfmt
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_word_is_translated_with_its_placeholders(language):
    # --check refuses a translation whose %(name)s or {name} placeholders differ from the English.
    done = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(_po(language))],
        capture_output=True,
        text=True,
        check=True,
    )
    assert re.fullmatch(r"\d+ translated messages\.\n", done.stderr), done.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_left_fuzzy(language):
    assert "#, fuzzy" not in _po(language).read_text(encoding="utf-8")


@pytest.fixture
def compiled(tmp_path):
    """The catalogues compiled into a folder of their own, and Django reading them from there."""
    for language in LANGUAGES:
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        subprocess.run(["msgfmt", "-o", str(folder / "django.mo"), str(_po(language))], check=True)
    # Changing LOCALE_PATHS makes Django forget the catalogues it had loaded.
    with override_settings(LOCALE_PATHS=[tmp_path]):
        yield


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@needs_msgfmt
@pytest.mark.django_db
def test_the_start_page_and_its_menu_are_in_the_visitors_language(compiled):
    english = _text(render_to_string("guidance/start.html", {"nav_section": "guidance"}))
    with translation.override("pl"):
        polish = _text(render_to_string("guidance/start.html", {"nav_section": "guidance"}))
    with translation.override("ur"):
        urdu = _text(render_to_string("guidance/start.html", {"nav_section": "guidance"}))
    assert "What can I do next?" in english and "Your options" in english
    # The menu is made once and kept: kept per language, never the English one on a Polish page.
    assert "Co mogę zrobić dalej?" in polish and "Twoje możliwości" in polish
    assert "Your options" not in polish and "Skip to main content" not in polish
    assert "آپ کے راستے" in urdu and "Twoje możliwości" not in urdu


@needs_msgfmt
def test_the_council_form_says_what_is_wrong_in_polish(compiled):
    with translation.override("pl"):
        form = CouncilDeadlinesForm(
            date(2026, 11, 29),
            data={"request_date_0": "1", "request_date_1": "1", "request_date_2": "2030"},
        )
        assert not form.is_valid()
        assert str(form.fields["request_date"].widget.widgets[0].attrs["label"]) == "Dzień"
        assert form.error_links() == [
            (
                "id_request_date_0",
                "Data otrzymania wniosku przez samorząd (council) nie może być datą z przyszłości",
            )
        ]


@needs_msgfmt
def test_a_letters_form_asks_and_says_what_is_missing_in_urdu(compiled):
    with translation.override("ur"):
        form = LetterForm("{parent_name}\n\n{decision}", data={})
        assert str(form.fields["parent_name"].label) == "آپ کا پورا نام"
        assert not form.is_valid()
        assert dict(form.error_links())["id_parent_name"] == "آپ کا پورا نام درج کریں"
