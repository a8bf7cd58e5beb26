"""Link the first use of each glossary term in a page's HTML to its meaning on /glossary/.

Plain links a parent can follow or print, never text that shows only on hover. Text inside a link,
a heading, a button or a form label is left alone: a link there would be a link in a link, a
heading that reads oddly to a screen reader, or a control that does something else.
"""

import re
from collections.abc import Iterable
from html import escape
from html.parser import HTMLParser

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
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}


def term_pattern(names: Iterable[tuple[str, str]]) -> re.Pattern | None:
    """One pattern for every (name, slug): the longest name first, so 'mediation certificate'
    wins over 'mediation'; whole words only, any case, with an optional plural 's'."""
    by_length = sorted({name for name, _ in names if name.strip()}, key=len, reverse=True)
    if not by_length:
        return None
    alternatives = "|".join(re.escape(name) for name in by_length)
    return re.compile(rf"(?<![\w-])(?:{alternatives})s?(?![\w-])", re.IGNORECASE)


class _FirstUseLinker(HTMLParser):
    def __init__(self, pattern: re.Pattern, slugs: dict[str, str], href: str):
        super().__init__(convert_charrefs=True)
        self.pattern = pattern
        self.slugs = slugs
        self.href = href
        self.linked: set[str] = set()
        self.open_tags: list[str] = []
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            self.open_tags.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in self.open_tags:
            # Close up to the matching tag: browsers do the same for a missing end tag.
            while self.open_tags.pop() != tag:
                pass
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if LEFT_ALONE.intersection(self.open_tags):
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.pattern.finditer(data):
            found = match[0].casefold()
            slug = self.slugs.get(found) or self.slugs[found[:-1]]
            if slug in self.linked:
                continue
            self.linked.add(slug)
            self.out.append(escape(data[position : match.start()], quote=False))
            self.out.append(
                f'<a class="govuk-link app-glossary-link" href="{escape(self.href)}#{escape(slug)}">'
                f"{escape(match[0], quote=False)}</a>"
            )
            position = match.end()
        self.out.append(escape(data[position:], quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def link_first_uses(html: str, names: Iterable[tuple[str, str]], glossary_href: str) -> SafeString:
    """`html` with the first use of each term linked to `glossary_href#slug`.

    `names` gives (name, slug) pairs; several names (a term and what it is also called) may share
    a slug, and the first use of any of them is the one linked. The HTML must be our own (rendered
    and sanitised already): this adds links and changes nothing else.
    """
    names = list(names)
    pattern = term_pattern(names)
    if pattern is None:
        return mark_safe(html)  # noqa: S308 - returned unchanged; the caller's HTML is safe
    slugs = {name.casefold(): slug for name, slug in names}
    linker = _FirstUseLinker(pattern, slugs, glossary_href)
    linker.feed(html)
    linker.close()
    return mark_safe("".join(linker.out))  # noqa: S308 - our HTML, with text escaped again
