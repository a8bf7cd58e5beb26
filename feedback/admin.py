"""Staff read the answers to "Is this page useful?": each one, and a report by page and week."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path

from .models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ["page", "week", "useful", "comment"]
    list_filter = ["week", "useful"]
    search_fields = ["page", "comment"]
    date_hierarchy = "week"

    # Answers come from visitors; staff read them and may delete them, never write them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        report = self.admin_site.admin_view(self.report_view)
        return [path("report/", report, name="feedback_pagefeedback_report"), *super().get_urls()]

    def report_view(self, request):
        """How many said yes and no, and how many wrote a comment, for each page in each week."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = (
            PageFeedback.objects.values("week", "page")
            .annotate(
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                comments=Count("pk", filter=~Q(comment="")),
            )
            .order_by("-week", "-no", "page")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Is this page useful? Answers by page and week",
            "opts": self.model._meta,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/feedback/pagefeedback/report.html", context)
