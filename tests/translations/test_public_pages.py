"""The site in each language of settings.LANGUAGES: addresses, <html lang dir>, the switcher that
keeps a family's answers, and the banner while a translation is not yet checked."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from translations import status

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_kept_pages")]

CHECK = "/what-can-i-do/check/?who=parent&concern=school-support&plan=no&talked=yes"
BANNER = "Ealing ISAID has not yet checked this translation."


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html)[0]


def switcher_links(html: str) -> dict[str, str]:
    """The switcher's links by language, as a browser reads their addresses."""
    nav = re.search(r'<nav class="app-language-switcher.*?</nav>', html, re.S)[0]
    return {
        code: unescape(href)
        for href, code in re.findall(r'<a class="govuk-link" href="([^"]*)" lang="([^"]*)"', nav)
    }


def check_everything(language: str) -> None:
    for row in status.report(language):
        status.mark(row.item, language, None, checked=True)


def test_english_pages_keep_their_addresses_and_say_they_are_english(client, content):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_tag(html) == '<html lang="en" dir="ltr" class="govuk-template">'
    assert BANNER not in html
    assert reverse("guidance:start") == "/what-can-i-do/"
    assert reverse("glossary:glossary") == "/glossary/"


@pytest.mark.parametrize(("code", "direction"), [("pl", "ltr"), ("ur", "rtl")])
def test_each_language_has_its_own_address_lang_and_direction(client, content, code, direction):
    response = client.get(f"/{code}/glossary/")
    assert response.status_code == 200
    assert html_tag(response.content.decode()) == (
        f'<html lang="{code}" dir="{direction}" class="govuk-template">'
    )
    with translation.override(code):
        assert reverse("glossary:glossary") == f"/{code}/glossary/"


def test_the_admin_stays_in_english_at_its_own_address(client, content, editor):
    client.force_login(editor)
    assert client.get("/pl/admin/").status_code == 404
    with translation.override("pl"):
        assert reverse("admin:index") == "/admin/"
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Translations" in html and "Tłumaczenie" not in html


def test_the_switcher_keeps_the_page_and_the_answers(client, content):
    html = client.get(f"/pl{CHECK}").content.decode()
    assert switcher_links(html) == {"en": CHECK, "ur": f"/ur{CHECK}"}
    assert 'aria-current="true">Polski</span>' in html
    english = client.get(CHECK).content.decode()
    assert switcher_links(english) == {"pl": f"/pl{CHECK}", "ur": f"/ur{CHECK}"}


def test_a_language_not_yet_checked_says_so_in_both_languages_and_links_the_english(
    client, content
):
    html = client.get("/pl/glossary/").content.decode()
    assert "Ealing ISAID nie sprawdził jeszcze tego tłumaczenia." in html
    assert BANNER in html
    assert '<a class="govuk-notification-banner__link" href="/glossary/" hreflang="en">' in html
    urdu = client.get("/ur/glossary/").content.decode()
    assert "انگریزی صفحہ ہی معتبر ہے" in urdu and BANNER in urdu


def test_the_banner_goes_once_every_translation_is_checked_and_comes_back_when_english_changes(
    client, content
):
    from glossary.models import Term

    for language, _name in status.other_languages():
        # Staff fill in what no file shipped, then check it all.
        for row in status.report(language):
            for name in row.missing:
                setattr(row.item, f"{name}_{language}", f"{getattr(row.item, name)} ({language})")
            row.item.save()
        check_everything(language)
    assert BANNER not in client.get("/pl/glossary/").content.decode()
    assert BANNER not in client.get("/ur/glossary/").content.decode()
    term = Term.objects.get(pk=3)
    term.meaning_en = "A changed English meaning."
    term.save()
    assert BANNER in client.get("/pl/glossary/").content.decode()


def test_a_polish_page_is_kept_apart_from_the_english_one(client, content):
    english = client.get("/glossary/").content.decode()
    polish = client.get("/pl/glossary/").content.decode()
    assert html_tag(english) != html_tag(polish)
    assert html_tag(client.get("/glossary/").content.decode()) == html_tag(english)
    # The shipped Polish words of a term show on the Polish page, the English on the English one.
    assert "koordynator SEN (SENCO)" in polish
    assert "koordynator SEN (SENCO)" not in english


def test_the_browsers_languages_never_choose_the_page(client, content):
    """An English address is English whatever the browser prefers, so a proxy keeps one copy."""
    response = client.get("/glossary/", HTTP_ACCEPT_LANGUAGE="pl,ur;q=0.8")
    assert html_tag(response.content.decode()).startswith('<html lang="en"')
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == "en-gb"
    assert client.get("/pl/glossary/")["Content-Language"] == "pl"


def test_the_switcher_carries_the_answers_and_nothing_else_from_the_address(client, content):
    """A name typed into a letter's address (the site never puts one there) is not written into
    the page by the switcher; the plan's answers are."""
    html = client.get(
        "/letters/tell-mediation-adviser/?decision=cease-plan&decision_date_0=13"
        "&parent_name=Nobody+Here&utm_source=x"
    ).content.decode()
    assert switcher_links(html)["pl"] == (
        "/pl/letters/tell-mediation-adviser/?decision=cease-plan&decision_date_0=13"
    )
    assert "Nobody" not in html


RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
)


def banner_link(html: str) -> str:
    """Where the banner's "Read this page in English" link goes, as a browser reads it."""
    return unescape(re.search(r'class="govuk-notification-banner__link" href="([^"]*)"', html)[1])


# A page of each kind: the banner is in base.html, but a page may replace the block it is in.
EVERY_KIND = [
    "/",
    "/what-can-i-do/concern/?who=parent",
    "/what-can-i-do/who/answer/",
    CHECK,
    RESULT,
    "/routes/appeal/",
    "/organisations/",
    "/letters/tell-mediation-adviser/",
    "/council-deadlines/?request_date=2026-05-04",
    "/no-such-page/",
]
WHOLE_BANNER = f"{BANNER} The English page is the one that counts."


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_every_kind_of_page_has_the_banner_linking_to_the_same_page_in_english(
    client, content, code
):
    with translation.override(code):
        translated = translation.gettext(WHOLE_BANNER)
    assert translated != WHOLE_BANNER
    for url in EVERY_KIND:
        html = client.get(f"/{code}{url}").content.decode()
        assert translated in html, url
        assert WHOLE_BANNER in html, url
        # The same page in English, with the family's answers.
        assert banner_link(html) == url
        assert BANNER not in client.get(url).content.decode(), url


def test_checking_one_language_leaves_the_others_banner(client, content):
    for row in status.report("pl"):
        for name in row.missing:
            setattr(row.item, f"{name}_pl", f"{getattr(row.item, name)} (pl)")
        row.item.save()
    check_everything("pl")
    assert BANNER not in client.get("/pl/glossary/").content.decode()
    assert BANNER in client.get("/ur/glossary/").content.decode()


def test_the_banner_comes_back_for_a_new_english_item_or_a_check_withdrawn(client, content):
    from glossary.models import Term

    for row in status.report("pl"):
        for name in row.missing:
            setattr(row.item, f"{name}_pl", f"{getattr(row.item, name)} (pl)")
        row.item.save()
    check_everything("pl")
    # A draft that is not published does not count: the public cannot see it.
    hidden = Term.objects.create(
        term_en="Unseen term", slug="unseen-term", meaning_en="Not yet public.", is_published=False
    )
    assert BANNER not in client.get("/pl/").content.decode()
    # A published term with only English words: its page would show English.
    hidden.is_published = True
    hidden.save()
    assert BANNER in client.get("/pl/").content.decode()
    hidden.delete()
    assert BANNER not in client.get("/pl/").content.decode()
    # A check withdrawn (made a draft again) brings it back too.
    status.mark(Term.objects.get(pk=3), "pl", None, checked=False)
    assert BANNER in client.get("/pl/").content.decode()
