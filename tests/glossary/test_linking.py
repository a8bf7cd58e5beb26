"""The first use of each glossary term on a page links to its meaning: once, never inside a link or
a heading, whatever its case, and without letting a term's words add markup."""

import pytest

from glossary.linking import link_first_uses, name_forms

NAMES = [
    ("EHC plan", "ehc-plan"),
    ("education, health and care plan", "ehc-plan"),
    ("mediation", "mediation"),
    ("mediation certificate", "mediation-certificate"),
    ("SENCO", "senco"),
]


def linked(html: str) -> str:
    return link_first_uses(html, NAMES, "/glossary/")


def test_only_the_first_use_of_a_term_is_linked():
    html = linked("<p>Your EHC plan says… The EHC plan must…</p>")
    assert html == (
        '<p>Your <a class="govuk-link app-glossary-link" href="/glossary/#ehc-plan">EHC plan</a>'
        " says… The EHC plan must…</p>"
    )


def test_a_term_and_what_it_is_also_called_share_one_first_use():
    html = linked("<p>An education, health and care plan (EHC plan).</p>")
    assert html.count('href="/glossary/#ehc-plan"') == 1
    assert ">education, health and care plan</a>" in html


@pytest.mark.parametrize(
    "page",
    [
        '<p><a href="https://example.org">Read about your EHC plan</a></p>',
        '<h2 class="govuk-heading-m">Your EHC plan</h2>',
        "<h3>Talk to the <strong>SENCO</strong></h3>",
        "<button>Print your EHC plan</button>",
        '<label for="x">EHC plan date</label>',
    ],
)
def test_terms_inside_links_headings_and_controls_are_left_alone(page):
    assert linked(page) == page


def test_the_first_use_after_a_heading_is_linked_instead():
    html = linked("<h2>Your EHC plan</h2><p>Read your EHC plan.</p>")
    assert html == (
        '<h2>Your EHC plan</h2><p>Read your <a class="govuk-link app-glossary-link" '
        'href="/glossary/#ehc-plan">EHC plan</a>.</p>'
    )


def test_terms_match_in_any_case_and_keep_the_pages_own_case():
    html = linked("<p>Ask the senco.</p>")
    assert '<a class="govuk-link app-glossary-link" href="/glossary/#senco">senco</a>' in html


def test_plurals_link_too():
    assert 'href="/glossary/#ehc-plan">EHC plans</a>' in linked("<p>Two EHC plans.</p>")


@pytest.mark.parametrize("possessive", ["’s", "&#x27;s"])
def test_a_possessive_stays_inside_the_link(possessive):
    # Legal audit 2026-12, finding 14: "the young person ’s" read as a link and a stray "’s".
    html = linked(f"<p>These rights are the SENCO{possessive}, not the parent’s.</p>")
    assert f'href="/glossary/#senco">SENCO{possessive}</a>, not' in html


def test_whole_words_only():
    assert "<a" not in linked("<p>Premediation and mediations-like words.</p>")


def test_the_longest_term_wins():
    html = linked("<p>Get a mediation certificate before mediation.</p>")
    assert 'href="/glossary/#mediation-certificate">mediation certificate</a>' in html
    assert 'href="/glossary/#mediation">mediation</a>.' in html


def test_text_and_attributes_come_out_as_they_went_in():
    page = (
        '<p class="govuk-body">Fish &amp; chips &lt;b&gt; 5 &gt; 3, '
        '<a href="/x?a=1&amp;b=2">link</a><br>“quotes”</p>'
    )
    assert linked(page) == page


def test_a_terms_words_cannot_add_markup():
    names = [('<img src=x onerror="alert(1)">', "bad"), ("plan", 'x"><script>')]
    html = link_first_uses('<p>&lt;img src=x onerror="alert(1)"&gt; plan</p>', names, "/g/")
    assert "<img" not in html
    assert "<script" not in html
    assert 'href="/g/#x&quot;&gt;&lt;script&gt;"' in html


def test_no_terms_leaves_the_page_alone():
    assert link_first_uses("<p>EHC plan</p>", [], "/glossary/") == "<p>EHC plan</p>"


def test_a_translated_name_links_with_or_without_the_english_kept_beside_it():
    names = [
        ("plan EHC (EHC plan)", "ehc-plan"),
        ("Trybunał (First-tier Tribunal (SEND))", "tribunal"),
    ]
    assert name_forms("plan EHC (EHC plan)") == ["plan EHC (EHC plan)", "plan EHC"]
    assert name_forms("Trybunał (First-tier Tribunal (SEND))")[1] == "Trybunał"
    assert name_forms("ISAID") == ["ISAID"]
    whole = link_first_uses("<p>Masz plan EHC (EHC plan).</p>", names, "/pl/glossary/")
    assert 'href="/pl/glossary/#ehc-plan">plan EHC (EHC plan)</a>.' in whole
    short = link_first_uses("<p>Twój plan EHC i Trybunał.</p>", names, "/pl/glossary/")
    assert 'href="/pl/glossary/#ehc-plan">plan EHC</a>' in short
    assert 'href="/pl/glossary/#tribunal">Trybunał</a>' in short


def test_urdu_terms_link_in_each_form_the_glossary_lists_and_as_whole_words_only():
    names = [
        ("ثالثی (mediation)", "mediation"),
        ("ثالثی کا مشیر (mediation adviser)", "mediation-adviser"),
        ("ثالثی کے مشیر", "mediation-adviser"),
    ]
    html = link_first_uses("<p>آپ ثالثی کے مشیر سے بات کریں۔</p>", names, "/ur/glossary/")
    assert 'href="/ur/glossary/#mediation-adviser">ثالثی کے مشیر</a>' in html
    assert "<a" not in link_first_uses("<p>ثالثیوں</p>", names, "/ur/glossary/")
