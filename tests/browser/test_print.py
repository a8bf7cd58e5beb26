"""What a caseworker prints: a route, the booklet of all routes, an action plan. A4, the content
alone, web addresses written out, at most two pages a route."""

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from .pages import DISCRIMINATION_RESULT, EXCLUSION_RESULT, PUBLIC_PAGES, RESULT

ROUTES = ["talk-to-school", "complaint", "disagreement-resolution", "mediation", "appeal"]
NAVIGATION_AND_FOOTER = [
    "Deadline calculator",
    "Who can help\nDeadline",
    "Skip to main content",
    "Print all options",
    "Accessibility\n",
    # Page feedback and the plan's buttons are for the screen.
    "Is this page useful?",
    "Print this plan",
    "Copy link to this plan",
    "Menu",
]
A4 = (595, 842)  # points
TITLES = [
    "Talk to the school or college",
    "Make a complaint",
    "Use disagreement resolution",
    "Consider mediation",
    "Appeal to the Tribunal",
]
PLANS = [url for url in PUBLIC_PAGES if url.startswith("/what-can-i-do/result/")]
# Lines that are not content: a page holding only these is a wasted sheet.
NOT_CONTENT = (
    "Printed from",
    "This plan gives information",
    "Worked out on",
    "Ealing SEND guidance",
)


def print_pdf(page, url, artifacts, name):
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (artifacts / f"{name}.pdf").write_bytes(pdf)
    reader = PdfReader(BytesIO(pdf))
    return [p.extract_text() for p in reader.pages], reader


def assert_a4(reader):
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width), round(height)) == A4


def assert_no_furniture(text):
    for furniture in NAVIGATION_AND_FOOTER:
        assert furniture not in text, furniture


@pytest.mark.parametrize("slug", ROUTES)
def test_a_route_prints_on_at_most_two_a4_pages_without_navigation(site, page, artifacts, slug):
    pages, reader = print_pdf(page, f"{site}/routes/{slug}/", artifacts, f"route-{slug}")
    assert 1 <= len(pages) <= 2, f"{slug} prints on {len(pages)} pages"
    assert_a4(reader)
    text = "\n".join(pages)
    assert_no_furniture(text)
    assert "Printed from http" in text
    assert "Who can help" in text


def test_printed_links_write_their_addresses_out(site, page, artifacts):
    pages, _ = print_pdf(page, f"{site}/routes/appeal/", artifacts, "route-appeal-links")
    text = "".join(pages).replace("\n", "")
    # A link's address follows its words on paper...
    assert "(https://www.gov.uk/government/publications/send-code-of-practice-0-to-25)" in text
    # ...once: a website shown as its address is not printed twice.
    assert "Website: www.ipsea.org.uk" in text
    assert "(https://www.ipsea.org.uk)" not in text


def test_the_booklet_prints_each_route_from_a_new_page(site, page, artifacts):
    pages, reader = print_pdf(page, f"{site}/routes/print/", artifacts, "booklet")
    assert_a4(reader)
    # A contents page, then at most two pages a route.
    assert len(pages) <= 1 + 2 * len(ROUTES)
    starts = [
        n
        for n, text in enumerate(pages)
        if text.split("Your options", 1)[-1].strip().startswith(tuple(TITLES))
    ]
    assert len(starts) == len(ROUTES), starts
    assert 0 not in starts
    assert_no_furniture("\n".join(pages))
    assert "All your options, to print" not in "\n".join(pages)


def test_a_typical_action_plan_prints_on_at_most_two_pages(site, page, artifacts):
    pages, reader = print_pdf(page, site + RESULT, artifacts, "action-plan")
    assert_a4(reader)
    assert len(pages) <= 2, f"the plan prints on {len(pages)} pages"
    text = "\n".join(pages)
    assert_no_furniture(text)
    assert "your appeal must reach the Tribunal by 5pm" in " ".join(text.split())
    # The typical plan, on the server's frozen day: every deadline still ahead, with the estimates.
    words = " ".join(text.split())
    assert "Only 4 days left." in words
    assert (
        "If you tell the council today that you want mediation, it should be arranged by" in words
    )
    assert "Change" not in text.replace("Changed", "")
    assert "Your answers" in text


@pytest.mark.parametrize(
    ("url", "name", "says"),
    [
        (EXCLUSION_RESULT, "review-panel-plan", "Monday 7 December 2026"),
        (DISCRIMINATION_RESULT, "discrimination-plan", "Saturday 13 March 2027"),
    ],
)
def test_the_new_plans_print_on_a4_with_their_dates_and_no_furniture(
    site, page, artifacts, url, name, says
):
    pages, reader = print_pdf(page, site + url, artifacts, name)
    assert_a4(reader)
    assert len(pages) <= 3, f"the plan prints on {len(pages)} pages"
    text = "\n".join(pages)
    assert_no_furniture(text)
    assert says in text
    assert "Your answers" in text


def test_how_this_tool_decides_prints_every_plan_with_the_law_written_out(site, page, artifacts):
    pages, reader = print_pdf(page, f"{site}/what-can-i-do/rules/", artifacts, "rules")
    assert_a4(reader)
    text = "\n".join(pages)
    assert_no_furniture(text)
    plans = int(re.search(r"There are (\d+) different plans", text)[1])
    for number in range(1, plans + 1):
        assert f"Plan {number}\n" in text, number
    flat = text.replace("\n", "")
    assert "(https://www.legislation.gov.uk/uksi/2008/2699/article/20)" in flat


def test_the_booklet_opens_with_its_contents_in_order(site, page, artifacts):
    pages, _ = print_pdf(page, f"{site}/routes/print/", artifacts, "booklet-contents")
    cover = " ".join(pages[0].split())
    assert "Contents" in cover
    positions = [cover.index(title) for title in TITLES]
    assert positions == sorted(positions), cover
    assert "Who can help" not in cover, "a route began on the contents page"


def content_left(text: str) -> str:
    """The page's text without the lines that are not content."""
    lines = [line.strip() for line in text.splitlines()]
    return " ".join(line for line in lines if line and not line.startswith(NOT_CONTENT))


@pytest.mark.parametrize("url", ["/routes/print/", *PLANS], ids=lambda url: url[:60])
def test_no_printed_page_holds_only_the_footer(site, page, artifacts, url):
    pages, _ = print_pdf(page, site + url, artifacts, "last-page")
    for number, text in enumerate(pages, start=1):
        assert len(content_left(text)) >= 20, (
            f"page {number} of {len(pages)} is nearly empty: {text!r}"
        )


def test_the_glossary_prints_its_words_without_the_feedback_form(site, page, artifacts):
    pages, reader = print_pdf(page, f"{site}/glossary/", artifacts, "glossary")
    assert_a4(reader)
    text = "\n".join(pages)
    assert_no_furniture(text)
    assert "Words explained" in text
    assert "Mediation certificate" in text or "mediation certificate" in text


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_a_plan_in_another_language_prints_on_a4_with_its_banner_and_no_switcher(
    site, page, artifacts, code
):
    pages, reader = print_pdf(page, f"{site}/{code}{RESULT}", artifacts, f"action-plan-{code}")
    assert_a4(reader)
    assert len(pages) <= 3, f"the plan prints on {len(pages)} pages"
    words = " ".join("\n".join(pages).split())
    assert_no_furniture(words)
    # The banner prints (the English counts, on paper too); the language switcher does not.
    assert "The English page is the one that counts." in words
    assert "Polski" not in words
    # The plan's own words are in the page's language (Urdu's letters come out of a PDF as shaped
    # glyphs, right to left, so only the English is looked for there).
    assert "Only 4 days left." not in words and "Your plan" not in words
    if code == "pl":
        assert "Zostały tylko 4 dni." in words
