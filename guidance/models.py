"""The words of the plan's advice, and the references behind each deadline: content staff edit.

The rules (flow.py, deadlines.py) name each piece of advice by its kind and code; the words live
here, so staff can correct any sentence without a developer. Words may use only the named
placeholders of their kind (advice.PLACEHOLDERS), filled in with the plan's dates and "your child"
or "you": never with anything a family typed.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modeltranslation.utils import build_localized_fieldname

from routes.models import ReviewedContent
from routes.rendering import render_markdown

from . import advice, deadlines

KIND_CHOICES = [
    (advice.OUTCOME, "Outcome (the plan's opening words)"),
    (advice.REASON, "Reason a route fits"),
    (advice.FIRST_STEP, "First step"),
    (advice.WHY_THIS_DATE, "Deadline explanation (why this date)"),
    (advice.MOVED, "Moved-date explanation"),
    (advice.DEADLINE_NOTE, "Note under a deadline"),
    (advice.PLAN_NOTE, "Note at the top of the plan (whose rights these are, timescales)"),
    (advice.COUNCIL, "Is the council on time? (what was due, what to do if it is late)"),
]

# How each kind's paragraphs look: the outcome opens the plan in large type; a first step is an item
# of a list, and a deadline's words sit close under it, so the plan still prints on two pages.
TIGHT = "govuk-!-margin-bottom-1"
PARAGRAPH_CLASS = {
    advice.OUTCOME: "govuk-body-l",
    advice.FIRST_STEP: f"govuk-body {TIGHT}",
    advice.WHY_THIS_DATE: f"govuk-body {TIGHT}",  # usually inline, after the days left
    advice.MOVED: f"govuk-body-s {TIGHT}",
    advice.DEADLINE_NOTE: f"govuk-body-s {TIGHT}",
}

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Kinds whose words sit inside a paragraph of the page: they must be one paragraph themselves.
ONE_PARAGRAPH_KINDS = {advice.WHY_THIS_DATE}
ONE_PARAGRAPH = re.compile(r'<p class="[^"]*">((?:(?!</?p[ >]).)*)</p>', re.S)


def placeholder_list(kind: str) -> str:
    """The placeholders words of this kind may use, as staff type them."""
    return ", ".join(f"{{{name}}}" for name in sorted(advice.PLACEHOLDERS.get(kind, ())))


def unknown_placeholders(kind: str, words: str) -> list[str]:
    """Placeholders in `words` that words of this kind cannot use, in the order they appear."""
    allowed = advice.PLACEHOLDERS.get(kind, frozenset())
    found = PLACEHOLDER.findall(words or "")
    return [name for name in dict.fromkeys(found) if name not in allowed]


def fill(html: str, values: dict[str, str]) -> SafeString:
    """Rendered words with each placeholder replaced by its value, escaped."""
    return mark_safe(  # noqa: S308 - html is sanitised Markdown; every value is escaped.
        PLACEHOLDER.sub(lambda m: escape(values.get(m[1], m[0])), html)
    )


class Advice(ReviewedContent):
    """One piece of advice in the plan, named by the rules: a reason, a first step, an outcome…"""

    kind = models.CharField(
        max_length=20,
        choices=KIND_CHOICES,
        help_text="Where these words appear in the plan. Set by the rules: it cannot be changed.",
    )
    code = models.SlugField(
        max_length=60,
        help_text="The name the rules give these words, for example 'talk-first'. "
        "Set by the rules: it cannot be changed.",
    )
    words = models.TextField(
        help_text="What the plan says, in plain English. Markdown: a blank line starts a new "
        "paragraph, '- ' a bullet point, [words](https://…) a link. Words in curly brackets, such "
        "as {child}, are filled in for each plan; the list below says which you can use here.",
    )
    sources = models.TextField(
        blank=True,
        help_text="Where each statement comes from: the Act and section, regulation, Tribunal rule "
        "or Code of Practice paragraph, with its address. Only staff see this.",
    )

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = "piece of advice"
        verbose_name_plural = "advice in the plan"
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="unique_advice")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.code}"

    def clean(self):
        super().clean()
        # The words in each language (one column each, django-modeltranslation) are filled in the
        # same way, so each is held to the same rules; a language not yet translated is empty.
        errors = {}
        for code, _name in settings.LANGUAGES:
            column = build_localized_fieldname("words", code)
            problem = self._problem_with(getattr(self, column) or "")
            if problem:
                errors[column] = problem
        if errors:
            raise ValidationError(errors)

    def _problem_with(self, words: str) -> str:
        """What is wrong with these words for this kind of advice, or ''."""
        unknown = unknown_placeholders(self.kind, words)
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in unknown)
            return (
                f"These words use {names}, which cannot be filled in here. "
                f"Words of this kind can use: {placeholder_list(self.kind) or 'none'}. "
                "To show curly brackets themselves, leave them out."
            )
        if (
            words
            and self.kind in ONE_PARAGRAPH_KINDS
            and not ONE_PARAGRAPH.fullmatch(render_markdown(words))
        ):
            return (
                "Write this as one paragraph, with no list or heading: it follows "
                "the number of days left, in the same sentence."
            )
        return ""

    def html(self, values: dict[str, str], inline: bool = False) -> SafeString:
        """The words as safe HTML, placeholders filled in from `values`; `inline`: words of one
        paragraph without it, to sit inside a sentence or list item of the page's own."""
        rendered = render_markdown(self.words, PARAGRAPH_CLASS.get(self.kind, "govuk-body"))
        if inline:
            one = ONE_PARAGRAPH.fullmatch(rendered)
            rendered = one[1] if one else rendered
        return fill(rendered, values)


class Reference(ReviewedContent):
    """A law or rule behind a deadline, named and linked, shown beside the deadline."""

    deadline = models.CharField(
        "deadline",
        max_length=40,
        help_text="The deadline this reference backs up, by the name the rules give it, for "
        "example 'appeal'. Set by the rules: it cannot be changed once saved.",
    )
    title = models.CharField(
        max_length=200,
        help_text="What it is, exactly, for example 'HESC Tribunal Rules 2008, rule 20'.",
    )
    url = models.URLField(
        "link",
        help_text="Its page on legislation.gov.uk (or GOV.UK for guidance), starting https://",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="References are listed from the lowest number to the highest."
    )

    class Meta:
        ordering = ["deadline", "order", "pk"]
        verbose_name = "reference behind a deadline"
        verbose_name_plural = "references behind deadlines"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.deadline and self.deadline not in deadlines.TITLES:
            known = ", ".join(sorted(deadlines.TITLES))
            raise ValidationError(
                {"deadline": f"The rules have no deadline called '{self.deadline}'. Use: {known}."}
            )
