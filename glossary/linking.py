"""Link the first use of each glossary term in a page's HTML to its meaning on /glossary/.

Plain links a parent can follow or print, never text that shows only on hover. Text inside a link,
a heading, a button or a form label is left alone: a link there would be a link in a link, a
heading that reads oddly to a screen reader, or a control that does something else.

In another language, a legal term keeps its English name beside it in brackets ("plan EHC (EHC
plan)"), so a term's name is matched as written and also without that bracket ("plan EHC"). Where a
language changes a term's ending inside a sentence (Polish "dni roboczych", Urdu "ثالثی کے مشیر"),
the term's "also called" lists each form.

The HTML is our own (templates and sanitised Markdown, where any '<' or '>' in text or in an
attribute is escaped), so a tag is everything from '<' to the next '>'; the text between tags is
matched as it stands, escaped, and never unescaped, so nothing in it can become markup.
"""

import re
from collections.abc import Iterable
from html import escape

from django.utils.safestring import SafeString, mark_safe

# Where a term is never linked: the words are already a link or a control, or they are a heading.
LEFT_ALONE = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "legend",
    "script",
    "style",
}
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
# The English name a translated term keeps after its own words, in brackets: "plan EHC (EHC plan)".
ENGLISH_BESIDE = re.compile(r"\s*\([^()]*(?:\([^()]*\)[^()]*)*\)$")


def name_forms(name: str) -> list[str]:
    """The ways a name appears in text: as written, and without an English name in brackets at
    its end ("plan EHC (EHC plan)" is also "plan EHC")."""
    name = name.strip()
    shorter = ENGLISH_BESIDE.sub("", name).strip()
    return [form for form in dict.fromkeys((name, shorter)) if form]


def term_pattern(names: Iterable[str]) -> re.Pattern | None:
    """One pattern for every name, as it appears in HTML text: the longest first, so 'mediation
    certificate' wins over 'mediation'; whole words only, any case, with an optional plural 's' or
    possessive ''s' kept inside the link, so "the young person's" is not read as a link and a
    stray "'s"."""
    by_length = sorted(
        {escape(name.strip()) for name in names if name.strip()}, key=len, reverse=True
    )
    if not by_length:
        return None
    alternatives = "|".join(re.escape(name) for name in by_length)
    # (?=\w) first: most positions fail there at once, before the many alternatives are tried.
    return re.compile(
        rf"(?=\w)(?<![\w-])(?P<name>{alternatives})(?:s|’s|&#x27;s)?(?![\w-])", re.IGNORECASE
    )


class GlossaryLinker:
    """Links the first use of each term in a page's HTML to `glossary_href#slug`.

    `names` gives (name, slug) pairs; several names (a term and what it is also called, each in
    its forms: `name_forms`) may share a slug, and the first use of any of them is the one
    linked. Made once per set of terms.
    """

    def __init__(self, names: Iterable[tuple[str, str]], glossary_href: str):
        names = [(form, slug) for name, slug in names for form in name_forms(name)]
        self.pattern = term_pattern(name for name, _ in names)
        self.slugs = {escape(name.strip()).casefold(): slug for name, slug in names}
        self.glossary_href = glossary_href

    def link_first_uses(self, html: str) -> SafeString:
        """`html` (our own, rendered and sanitised already) with links added; nothing else changes."""
        if self.pattern is None:
            return mark_safe(html)  # noqa: S308 - returned unchanged; the caller's HTML is safe
        linked: set[str] = set()
        open_tags: list[str] = []

        def link(match: re.Match) -> str:
            slug = self.slugs[match["name"].casefold()]
            if slug in linked:
                return match[0]
            linked.add(slug)
            href = escape(f"{self.glossary_href}#{slug}")
            return f'<a class="govuk-link app-glossary-link" href="{href}">{match[0]}</a>'

        out = []
        for part in TAG.split(html):
            if part.startswith("<"):
                tag = TAG_NAME.match(part)
                if tag and tag[2].lower() in LEFT_ALONE:
                    name = tag[2].lower()
                    if not tag[1]:
                        open_tags.append(name)
                    elif name in open_tags:
                        # Close up to the matching tag, as browsers do for a missing end tag.
                        while open_tags.pop() != name:
                            pass
                out.append(part)
            elif part and not open_tags:
                out.append(self.pattern.sub(link, part))
            else:
                out.append(part)
        return mark_safe("".join(out))  # noqa: S308 - our HTML, with links around its own text


def link_first_uses(html: str, names: Iterable[tuple[str, str]], glossary_href: str) -> SafeString:
    """`html` with the first use of each (name, slug) linked to `glossary_href#slug`."""
    return GlossaryLinker(names, glossary_href).link_first_uses(html)
