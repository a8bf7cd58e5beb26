"""What visitors said about a page: useful or not, and an optional comment. Nothing else.

No time finer than the week, no address, no query string (a plan's answers live there), no
browser details, no cookie: a row cannot be tied to a person or to what they typed elsewhere.
"""

from django.db import models


class PageFeedback(models.Model):
    """One answer to "Is this page useful?"."""

    page = models.CharField(
        max_length=200,
        db_index=True,
        help_text="The page's address without anything after the '?', so no answers are kept.",
    )
    week = models.DateField(
        db_index=True, help_text="The Monday of the week the answer was sent (no day or time)."
    )
    useful = models.BooleanField(help_text="Whether the visitor said the page was useful.")
    comment = models.TextField(
        blank=True,
        help_text="What they wrote, if anything, with email addresses and phone numbers removed.",
    )

    class Meta:
        ordering = ["-week", "page"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{self.page}, week of {self.week:%-d %B %Y}: {'useful' if self.useful else 'not useful'}"
