"""Letters a family can fill in and send: the words staff keep, with placeholders for the details."""

from django.core.exceptions import ValidationError
from django.db import models

from ealing_send.links import link
from routes.models import ReviewedContent, VisibleQuerySet

from .placeholders import PLACEHOLDERS, unknown_placeholders


def known_placeholders_only(body: str) -> None:
    """Refuse words with a placeholder that does not exist: it would print as it is, braces and all."""
    unknown = unknown_placeholders(body)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        raise ValidationError(
            f"These placeholders do not exist: {names}. "
            f"Use only: {', '.join('{' + name + '}' for name in PLACEHOLDERS)}.",
            code="unknown_placeholder",
        )


PLACEHOLDER_HELP = ", ".join("{" + name + "}" for name in PLACEHOLDERS)


class Letter(ReviewedContent):
    """One letter: when to use it, and its words with placeholders the family's details go into."""

    title = models.CharField(
        max_length=120, help_text="What the letter does, starting with a verb: 'Ask the school…'."
    )
    slug = models.SlugField(
        unique=True,
        help_text="The end of the page address. Action plans and the council deadlines page link to "
        "letters by it, so it cannot be changed once the letter is saved.",
    )
    when_to_use = models.CharField(
        "when to use it",
        max_length=250,
        help_text="One sentence shown in the list of letters: when a family should send this.",
    )
    body = models.TextField(
        "the letter",
        validators=[known_placeholders_only],
        help_text="The words of the letter, as plain text (no Markdown). A blank line starts a new "
        "paragraph. Put the family's details in with these placeholders, braces included: "
        f"{PLACEHOLDER_HELP}. The form asks only for the placeholders the letter uses. A line "
        "whose placeholder the family leaves empty is left out, so put optional details on lines "
        "of their own.",
    )
    review_notes = models.TextField(
        "sources and review notes",
        blank=True,
        help_text="For staff, never shown to families: the law or guidance each statement rests "
        "on (with its address), and anything that still needs checking.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Letters are listed from the lowest number to the highest."
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Untick to hide this letter from the public site while you work on it. "
        "Staff can still preview it.",
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The admin's form already refuses these; this stops a shell or a script saving one too.
        known_placeholders_only(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return link("letters:letter", self.slug)
