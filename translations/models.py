"""Whether each translation of an item has been checked, by whom and when, and against which
English: the words themselves live beside the English, one column per language
(django-modeltranslation, each content app's translation.py)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from routes.models import ContentVersion


class TranslationStatus(models.Model):
    """One item's translation into one language: a draft until someone checks it against the
    English. The English it was checked against is kept as a hash, so a later change to the English
    shows the translation as out of date."""

    DRAFT = "draft"
    CHECKED = "checked"
    STATES = [(DRAFT, "Draft: not yet checked"), (CHECKED, "Checked")]

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=40)
    language = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=STATES, default=DRAFT)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who checked the translation against the English.",
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    english_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text="A fingerprint of the English the translation was checked against.",
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Where the translation came from, for staff."
    )

    class Meta:
        verbose_name = "translation status"
        verbose_name_plural = "translations"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_status_per_language"
            )
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id} ({self.language}): {self.state}"

    def save(self, *args, **kwargs):
        # The draft banner on public pages depends on these rows: pages are made afresh after.
        ContentVersion.lock()
        super().save(*args, **kwargs)
        ContentVersion.move_on()
