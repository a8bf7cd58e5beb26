"""Turn the Markdown that staff write into safe HTML with GOV.UK Frontend classes."""

from functools import lru_cache

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

# Only what plain-English guidance needs. Anything else typed in admin (a <script>, an <iframe>,
# an onclick) is removed before it reaches a page.
ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "h2", "h3", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
    "h2": {"class": "govuk-heading-m"},
    "h3": {"class": "govuk-heading-s"},
    "blockquote": {"class": "govuk-inset-text"},
}


# Keyed by the text itself, so an edit renders anew and each text is parsed once per process, not on
# every request (Markdown was half the time of a route page).
@lru_cache(maxsize=2048)
def render_markdown(text: str, paragraph_class: str = "govuk-body") -> SafeString:
    """Render staff-written Markdown as sanitised HTML styled with GOV.UK Frontend classes
    (paragraphs take `paragraph_class`: the plan's opening words are larger, for example)."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")
    return mark_safe(  # noqa: S308 - nh3 below keeps only what is on the allow-list.
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            clean_content_tags={"script", "style"},
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            set_tag_attribute_values={**GOVUK_CLASSES, "p": {"class": paragraph_class}},
            link_rel="noopener noreferrer",
        )
    )
