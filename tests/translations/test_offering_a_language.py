"""Offering one more of the languages the database keeps columns for (MODELTRANSLATION_LANGUAGES)
is a settings line and translations, with no code change and no migration: the site, the admin
and the staff report take their languages from settings.LANGUAGES alone."""

import re

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info, trans_real
from modeltranslation.settings import AVAILABLE_LANGUAGES

from ealing_send.links import _link
from ealing_send.pagecache import recent_pages
from glossary.models import Term
from guidance.models import Advice
from letters.models import Letter
from routes.management.commands.load_initial_content import FIXTURES
from routes.models import CodeParagraph, Organisation, Route
from routes.templatetags.furniture import _furniture
from routes.versions import _label
from translations import status
from translations.checks import offered_languages
from translations.loader import load_translations

pytestmark = pytest.mark.django_db

WITH_ARABIC = [("en", "English"), ("pl", "Polish"), ("ur", "Urdu"), ("ar", "Arabic")]
# Every content admin with translated fields, and a translated field each shows.
TRANSLATED_ADMINS = [
    (Route, "title"),
    (Organisation, "helps_with"),
    (CodeParagraph, "title"),
    (Term, "meaning"),
    (Letter, "body"),
    (Advice, "words"),
]


def forget_languages():
    """Django's and our own caches keyed by language, emptied as the offered languages change."""
    trans_real.get_languages.cache_clear()
    trans_real._get_supported_language_variant.cache_clear()
    _link.cache_clear()
    _furniture.cache_clear()
    recent_pages.clear()
    status._kept.clear()
    translation.deactivate()


@pytest.fixture
def arabic_offered():
    """The site as it is once a settings line offers Arabic."""
    with override_settings(LANGUAGES=WITH_ARABIC):
        forget_languages()
        yield
    forget_languages()


def switcher_codes(html: str) -> list[str]:
    nav = re.search(r'<nav class="app-language-switcher.*?</nav>', html, re.S)[0]
    return re.findall(r' lang="([^"]*)"', nav)


def test_every_language_kept_is_known_to_django_and_every_offered_one_is_kept():
    for code in AVAILABLE_LANGUAGES:
        info = get_language_info(code)
        assert info["name"] and info["name_local"], code
    assert get_language_info("so")["name_local"] == "Soomaali"
    assert get_language_info("gu")["bidi"] is False
    assert {code for code, _name in settings.LANGUAGES} <= set(AVAILABLE_LANGUAGES)


def test_a_newly_offered_language_has_its_pages_right_to_left_in_its_own_address(
    client, content, arabic_offered
):
    response = client.get("/ar/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl" class="govuk-template">' in html
    assert switcher_codes(client.get("/glossary/").content.decode()) == ["en", "pl", "ur", "ar"]


def test_a_newly_offered_language_falls_back_to_the_english_words(client, content, arabic_offered):
    route = Route.objects.get(slug="appeal")
    with translation.override("en"):
        english_title = route.title
    assert route.title_ar is None
    html = client.get("/ar/routes/appeal/").content.decode()
    assert english_title in html
    assert "Ealing ISAID has not yet checked this translation." in html


def test_the_report_lists_a_newly_offered_language_with_everything_missing(
    content, editor, arabic_offered
):
    assert ("ar", "Arabic") in status.other_languages()
    rows = status.report("ar")
    assert rows and {row.state for row in rows} == {status.MISSING}
    client = Client()
    client.force_login(editor)
    url = reverse("admin:translations_translationstatus_changelist")
    assert client.get(url, {"language": "ar"}).status_code == 200


def test_the_report_lists_only_offered_languages(content, editor):
    assert [code for code, _name in status.other_languages()] == ["pl", "ur"]
    client = Client()
    client.force_login(editor)
    url = reverse("admin:translations_translationstatus_changelist")
    assert client.get(url, {"language": "so"}).status_code == 404


def change_page(client, model) -> str:
    item = model._default_manager.first()
    opts = model._meta
    return client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))


@pytest.mark.parametrize(("model", "field"), TRANSLATED_ADMINS)
def test_the_admin_shows_fields_only_in_the_offered_languages(content, editor, model, field):
    client = Client()
    client.force_login(editor)
    html = change_page(client, model).content.decode()
    for code in ("en", "pl", "ur"):
        assert f'name="{field}_{code}"' in html, code
    for code in set(AVAILABLE_LANGUAGES) - {"en", "pl", "ur"}:
        assert f'name="{field}_{code}"' not in html, code


def test_the_steps_on_a_route_page_show_only_the_offered_languages_too(content, editor):
    client = Client()
    client.force_login(editor)
    html = change_page(client, Route).content.decode()
    assert 'name="steps-0-body_ur"' in html
    assert 'name="steps-0-body_so"' not in html


def test_the_admin_shows_a_newly_offered_languages_fields(content, editor, arabic_offered):
    client = Client()
    client.force_login(editor)
    html = change_page(client, Route).content.decode()
    assert 'name="title_ar"' in html and 'name="steps-0-body_ar"' in html
    assert 'name="title_so"' not in html


def test_history_names_a_column_of_a_language_no_longer_offered_by_its_language():
    assert _label(Route, "title_pl") == "title in Polish"
    assert _label(Route, "title_so") == "title in Somali"


@pytest.mark.parametrize(
    ("offered", "problems"),
    [
        (("ar", "Arabic"), []),
        # Kept, and known to Django here, but with no interface words yet.
        (("so", "Somali"), ["translations.W001"]),
        # Not one of the languages kept: a migration is needed.
        (("fr", "French"), ["translations.E001"]),
        (("xx", "Nothing"), ["translations.E001", "translations.E002"]),
    ],
)
def test_the_system_check_says_what_an_offered_language_still_needs(offered, problems):
    with override_settings(LANGUAGES=[("en", "English"), offered]):
        forget_languages()
        assert [problem.id for problem in offered_languages()] == problems
    forget_languages()


def test_the_loader_loads_only_offered_languages_with_files(content, arabic_offered):
    lines = load_translations(FIXTURES / "translations")
    loaded = {line.split("/")[1] for line in lines}
    assert loaded == {"pl", "ur"}
