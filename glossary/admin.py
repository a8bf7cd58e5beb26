"""Staff edit the glossary like the rest of the content: history, review dates, no lost edits."""

from django.contrib import admin

from routes.admin import ReviewFilter, TranslatedContentAdmin

from .models import Term


@admin.register(Term)
class TermAdmin(TranslatedContentAdmin):
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
