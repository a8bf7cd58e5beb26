"""Words explained: the terms families meet in letters and on this site, in plain English."""

from django.db import models

from ealing_send.links import link
from routes.models import ReviewedContent, VisibleQuerySet


class Term(ReviewedContent):
    """One term and what it means, linked from its first use on a route page."""

    term = models.CharField(
        max_length=100,
        unique=True,
        help_text="The word or phrase as families meet it, for example 'EHC plan'. "
        "Its first use on each route page links here.",
    )
    slug = models.SlugField(
        unique=True,
        help_text="The end of the link to this term, for example 'ehc-plan'. "
        "Filled in from the term. Changing it breaks links people have saved.",
    )
    meaning = models.TextField(
        "what it means",
        help_text="One to three short sentences in plain English, saying 'you' to the family. "
        "Markdown is allowed: a blank line starts a new paragraph.",
    )
    also_called = models.CharField(
        "also called",
        max_length=250,
        blank=True,
        help_text="Other names for the same thing, separated by semicolons (;), for example "
        "'education, health and care plan; EHCP'. These link here too. Leave empty if none.",
    )
    source = models.TextField(
        "where we checked it",
        blank=True,
        help_text="For staff only, never shown on the site: the law, statutory guidance or page "
        "this meaning was checked against (for example 'SEND Code of Practice 2015, paragraph "
        "9.2'), and anything still to confirm.",
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Untick to hide this term from the glossary, and stop linking it, "
        "while you work on it.",
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{link('glossary:glossary')}#{self.slug}"

    @property
    def names(self) -> list[str]:
        """The term and each name it is also called, as written."""
        others = [name.strip() for name in self.also_called.split(";")]
        return [self.term, *(name for name in others if name)]
