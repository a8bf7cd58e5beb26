"""Staff-written Markdown is rendered safely: nothing typed in admin can run in a parent's browser."""

import re

import pytest

from routes.models import Route
from routes.rendering import render_markdown


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p onclick="alert(1)">x</p>',
        "<style>body{display:none}</style>",
        '<svg onload="alert(1)">',
    ],
)
def test_dangerous_markup_is_removed(attack):
    html = render_markdown(f"Hello\n\n{attack}")
    for bad in (
        "<script",
        "onerror",
        "javascript:",
        "<iframe",
        "onclick",
        "<style",
        "<svg",
        "alert(1)</",
    ):
        assert bad not in html.lower()


def test_markdown_gets_govuk_classes_and_safe_links():
    html = render_markdown("Intro\n\n- one\n- two\n\n## More\n\n[IPSEA](https://www.ipsea.org.uk)")
    assert '<p class="govuk-body">Intro</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<h2 class="govuk-heading-m">More</h2>' in html
    assert 'href="https://www.ipsea.org.uk"' in html and 'class="govuk-link"' in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_a_script_typed_in_admin_never_reaches_the_page(client, content):
    route = Route.objects.get(slug="complaint")
    route.body = "Before <script>document.title='owned'</script> after"
    route.save()
    html = client.get("/routes/complaint/").content.decode()
    assert "Before" in html and "after" in html
    assert "document.title='owned'" not in html
    # Only our own scripts, from their files: nothing typed in admin.
    assert all(
        tag.startswith('<script src="/static/js/') for tag in re.findall(r"<script[^>]*>", html)
    )
