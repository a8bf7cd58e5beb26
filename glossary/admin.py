"""Staff edit the glossary like the rest of the content: history, review dates, no lost edits."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from routes.admin import ContentAdmin, ReviewFilter

from .models import Term


@admin.register(Term)
class TermAdmin(TranslationAdmin, ContentAdmin):
    list_display = ["term", "also_called", "is_published", "review_status", "preview"]
    list_filter = [ReviewFilter, "is_published"]
    search_fields = ["term", "also_called", "meaning"]
    prepopulated_fields = {"slug": ["term"]}
    fieldsets = [
        (None, {"fields": ["term", "slug", "meaning", "also_called", "is_published"]}),
        (
            "Review",
            {
                "fields": [
                    "source",
                    "last_reviewed",
                    "review_interval_months",
                    "review_due",
                    "updated_at",
                ]
            },
        ),
        (None, {"fields": ["opened_version"]}),
    ]
