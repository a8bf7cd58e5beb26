"""Django admin for ISAID staff: written for people who are not technical."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .forms import ConflictCheckingForm, PlainLineBreaksTextarea
from .models import CodeParagraph, Organisation, Route, RouteOrganisation, Step, today

# Every admin text box reads browser line breaks as \n (see PlainLineBreaksTextarea).
PLAIN_TEXT_BOXES = {models.TextField: {"widget": PlainLineBreaksTextarea}}

admin.site.site_header = "Ealing SEND guidance: staff"
admin.site.site_title = "Ealing SEND guidance staff"
admin.site.index_title = "Edit the website"


class ReviewFilter(admin.SimpleListFilter):
    """Lets staff list what is due for a check."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", "Needs review"), ("ok", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(review_due__lte=today())
        if self.value() == "ok":
            return queryset.filter(review_due__gt=today())
        return queryset


class ContentAdmin(SimpleHistoryAdmin):
    """What every piece of content shares: history, review dates, and no lost edits."""

    form = ConflictCheckingForm
    actions = ["mark_reviewed_today"]
    formfield_overrides = {
        **PLAIN_TEXT_BOXES,
        # Staff paste addresses without a scheme; assume the secure one.
        models.URLField: {"assume_scheme": "https"},
    }
    readonly_fields = ["review_due", "updated_at"]

    @admin.action(description="Mark as reviewed today", permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        count = 0
        for item in queryset:
            # save() rather than update(), so each review is in the item's history.
            item.last_reviewed = today()
            item._change_reason = "Marked as reviewed"
            item.save()
            count += 1
        self.message_user(
            request,
            f"{count} item{'s' if count != 1 else ''} marked as reviewed today.",
            messages.SUCCESS,
        )

    @admin.display(description="preview")
    def preview(self, obj):
        """A link to the item's public page; drafts show there to signed-in staff only."""
        return format_html('<a href="{}">Preview</a>', obj.get_absolute_url())

    @admin.display(description="review", ordering="review_due")
    def review_status(self, obj):
        if obj.needs_review:
            return format_html(
                "<strong>Needs review</strong> (due {})", obj.review_due.strftime("%-d %b %Y")
            )
        return obj.review_due.strftime("Due %-d %b %Y")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, "reverting_history", False):
            # Restoring an older version is a deliberate overwrite, not a conflict.
            form = type(form.__name__, (form,), {"check_conflicts": False})
        return form

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The URL takes any text as the numbers; anything that is not one is no page.
        try:
            object_id = self.model._meta.pk.to_python(object_id)
            version_id = self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError as error:
            raise Http404("No such version.") from error
        deleted = not self.model.objects.filter(pk=object_id).exists()
        if deleted and request.method == "POST" and not self.has_delete_permission(request):
            # Bringing back a deleted item is a content manager's job.
            raise PermissionDenied
        request.reverting_history = True
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        # A restore writes the item and then its links: all of it or none of it.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A change to a step or a link is a change to the item: move its version on, so a
        # colleague with the page open is warned too.
        if change and any(formset.has_changed() for formset in formsets):
            form.instance._change_reason = "Changed steps or links"
            form.instance.save()


class StepInline(admin.StackedInline):
    model = Step
    formfield_overrides = PLAIN_TEXT_BOXES
    extra = 0
    fields = ["order", "title", "body"]
    ordering = ["order", "pk"]
    verbose_name = "step"
    verbose_name_plural = "steps, in order (lowest number first)"


class RouteOrganisationInline(admin.TabularInline):
    model = RouteOrganisation
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["order", "organisation"]
    ordering = ["order", "pk"]


class OrganisationRouteInline(admin.TabularInline):
    model = RouteOrganisation
    extra = 0
    autocomplete_fields = ["route"]
    fields = ["route", "order"]
    verbose_name = "route this organisation helps with"
    verbose_name_plural = "routes this organisation helps with"


@admin.register(Route)
class RouteAdmin(ContentAdmin):
    list_display = ["title", "order", "is_published", "review_status", "updated_at", "preview"]
    list_display_links = ["title"]
    list_editable = ["order"]
    list_filter = ["is_published", ReviewFilter]
    search_fields = ["title", "summary", "when_to_use", "body", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["citations"]
    inlines = [StepInline, RouteOrganisationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "is_published", "order"]}),
        ("What families read", {"fields": ["when_to_use", "body", "time_limits"]}),
        ("Code of Practice", {"fields": ["citations"]}),
        (
            "Review",
            {
                "fields": [
                    "last_reviewed",
                    "review_interval_months",
                    "review_due",
                    "review_notes",
                    "updated_at",
                ]
            },
        ),
        (None, {"fields": ["opened_version"]}),
    ]


@admin.register(Organisation)
class OrganisationAdmin(ContentAdmin):
    list_display = ["name", "scope", "phone", "is_published", "review_status", "preview"]
    list_filter = ["scope", "is_published", ReviewFilter, "routes"]
    search_fields = ["name", "helps_with", "email", "website", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationRouteInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "scope", "is_published", "helps_with"]}),
        (
            "Contact details",
            {"fields": ["phone", "email", "website", "opening_hours", "contact_checked"]},
        ),
        (
            "Review",
            {
                "fields": [
                    "last_reviewed",
                    "review_interval_months",
                    "review_due",
                    "review_notes",
                    "updated_at",
                ]
            },
        ),
        (None, {"fields": ["opened_version"]}),
    ]

    def save_model(self, request, obj, form, change):
        restoring = obj.pk is not None and not Organisation.objects.filter(pk=obj.pk).exists()
        super().save_model(request, obj, form, change)
        if restoring:
            self._restore_route_links(obj)

    @staticmethod
    def _restore_route_links(organisation):
        """Bring back the links to routes that were deleted along with the organisation."""
        deleted_links = RouteOrganisation.history.filter(
            organisation_id=organisation.pk, history_type="-"
        ).order_by("-history_date")
        for record in deleted_links:
            if Route.objects.filter(pk=record.route_id).exists():
                RouteOrganisation.objects.get_or_create(
                    route_id=record.route_id,
                    organisation=organisation,
                    defaults={"order": record.order},
                )

    def get_urls(self):
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="routes_organisation_deleted",
            ),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        """Deleted organisations, each with a link to bring it back from its history."""
        if not self.has_delete_permission(request):
            return TemplateResponse(request, "admin/routes/no_permission.html", status=403)
        live = Organisation.objects.values_list("pk", flat=True)
        records = (
            Organisation.history.filter(history_type="-")
            .exclude(id__in=live)
            .order_by("-history_date")
            .select_related("history_user")
        )
        rows = []
        for record in records:
            before = record.prev_record
            rows.append(
                {
                    "name": record.name,
                    "deleted_at": timezone.localtime(record.history_date),
                    "deleted_by": record.history_user,
                    "restore_url": reverse(
                        "admin:routes_organisation_simple_history",
                        args=[record.id, before.history_id if before else record.history_id],
                    ),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": "Deleted organisations",
            "opts": self.model._meta,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/routes/organisation_deleted.html", context)


@admin.register(CodeParagraph)
class CodeParagraphAdmin(ContentAdmin):
    ordering = ["sort_key", "end"]
    list_display = ["reference", "title", "has_quote", "cited_by", "review_status"]
    list_filter = [ReviewFilter]
    search_fields = ["start", "end", "title", "quote"]
    fieldsets = [
        (None, {"fields": ["start", "end", "title", "quote", "url"]}),
        (
            "Review",
            {
                "fields": [
                    "last_reviewed",
                    "review_interval_months",
                    "review_due",
                    "review_notes",
                    "updated_at",
                ]
            },
        ),
        (None, {"fields": ["opened_version"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(route_count=Count("routes"))

    @admin.display(description="quoted", boolean=True)
    def has_quote(self, obj):
        return bool(obj.quote)

    @admin.display(description="cited by routes", ordering="route_count")
    def cited_by(self, obj):
        return obj.route_count


@admin.register(Step)
class StepAdmin(SimpleHistoryAdmin):
    """Steps are edited on their route's page; this list is for finding and restoring them."""

    list_display = ["title", "route", "order"]
    formfield_overrides = PLAIN_TEXT_BOXES
    list_filter = ["route"]
    search_fields = ["title", "body"]
    autocomplete_fields = ["route"]
