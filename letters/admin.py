"""The letters in the admin: the same history, review dates and conflict checks as the routes."""

from django.contrib import admin

from routes.admin import ReviewFilter, TranslatedContentAdmin

from .models import Letter


@admin.register(Letter)
class LetterAdmin(TranslatedContentAdmin):
    list_display = ["title", "order", "is_published", "review_status", "updated_at", "preview"]
    list_display_links = ["title"]
    list_editable = ["order"]
    list_filter = ["is_published", ReviewFilter]
    search_fields = ["title", "when_to_use", "body", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "when_to_use", "is_published", "order"]}),
        ("What families get", {"fields": ["body"]}),
        ("For staff", {"fields": ["review_notes"]}),
        (
            "Review",
            {"fields": ["last_reviewed", "review_interval_months", "review_due", "updated_at"]},
        ),
        (None, {"fields": ["opened_version"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Plans and the council deadlines page link to a letter by its slug: fixed once saved.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "slug"] if obj is not None else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else self.prepopulated_fields
