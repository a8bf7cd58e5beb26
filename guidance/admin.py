"""Admin for the plan's advice words and the references behind deadlines, like the routes' admin:
history, review dates, conflict checks. The rules name each piece by its code, so staff change the
words, never the code."""

from django.contrib import admin
from django.utils.html import format_html

from routes.admin import ContentAdmin, ReviewFilter, TranslatedContentAdmin

from .models import Advice, Reference, placeholder_list
from .question_words import wording

REVIEW_FIELDS = ["last_reviewed", "review_interval_months", "review_due", "updated_at"]

# Made-up dates, only to show staff how the words read with a deadline's dates filled in.
EXAMPLE_DEADLINE_VALUES = {
    "counted_from": "1 October 2026",
    "counted_from_day": "Thursday 1 October 2026",
    "time_limit_ends": "25 December 2026",
    "time_limit_ends_day": "Friday 25 December 2026",
    "due": "4 January 2027",
    "due_day": "Monday 4 January 2027",
    # The working day before a last day that is not one (here, the time limit's 25 December).
    "act_by": "24 December 2026",
    "act_by_day": "Thursday 24 December 2026",
}


@admin.register(Advice)
class AdviceAdmin(TranslatedContentAdmin):
    """The words are checked on save (Advice.clean: only the placeholders their kind can fill)."""

    list_display = ["code", "kind", "short_words", "review_status"]
    list_filter = ["kind", ReviewFilter]
    search_fields = ["code", "words", "sources", "review_notes"]
    readonly_fields = [*ContentAdmin.readonly_fields, "placeholders", "preview_words"]
    fieldsets = [
        (None, {"fields": ["kind", "code"]}),
        ("What families read", {"fields": ["words", "placeholders", "preview_words"]}),
        ("Where it comes from", {"fields": ["sources", "review_notes"]}),
        ("Review", {"fields": REVIEW_FIELDS}),
        (None, {"fields": ["opened_version"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # The rules find the words by kind and code: once saved, neither can change.
        return [*fields, "kind", "code"] if obj is not None else fields

    def has_add_permission(self, request):
        # Each piece of advice is named by the rules: a new one comes with a release.
        return False

    @admin.display(description="words")
    def short_words(self, obj):
        return obj.words if len(obj.words) <= 90 else f"{obj.words[:87]}…"

    @admin.display(description="words you can fill in")
    def placeholders(self, obj):
        names = placeholder_list(obj.kind)
        return format_html(
            "{}<br>{{child}} reads 'your child' or 'you', {{child_s}} 'your child's' or 'your', "
            "{{needs}} 'needs' or 'need', and so on. Dates read like '1 October 2026'; "
            "the ones ending _day add the day of the week.",
            names or "None.",
        )

    @admin.display(description="preview (as saved)")
    def preview_words(self, obj):
        """The saved words as a parent and a young person read them, with example dates."""
        if obj is None or not obj.pk:
            return "Save to see a preview."
        previews = []
        for young_person, who in ((False, "A parent reads"), (True, "A young person reads")):
            values = {**wording(young_person), **EXAMPLE_DEADLINE_VALUES}
            previews.append(format_html("<p><strong>{}:</strong></p>{}", who, obj.html(values)))
        return format_html('<div class="app-advice-preview">{}{}</div>', *previews)


@admin.register(Reference)
class ReferenceAdmin(ContentAdmin):
    list_display = ["title", "deadline", "order", "link", "review_status"]
    list_filter = ["deadline", ReviewFilter]
    search_fields = ["title", "url", "deadline", "review_notes"]
    fieldsets = [
        (None, {"fields": ["deadline", "title", "url", "order"]}),
        ("Review", {"fields": ["review_notes", *REVIEW_FIELDS]}),
        (None, {"fields": ["opened_version"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "deadline"] if obj is not None else fields

    @admin.display(description="link")
    def link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.url, obj.url)
