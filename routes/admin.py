"""Django admin for ISAID staff: written for people who are not technical."""

from urllib.parse import urlsplit

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import IntegrityError, models, transaction
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from reversion.admin import VersionAdmin
from reversion.models import Version

from guidance.flow import NAMED_ORGANISATIONS

from .drafts import (
    apply_draft,
    draft_of,
    keep_draft,
    live_page_changed,
    preview,
    serialised_page,
)
from .forms import (
    CONFLICT_FIELD,
    ConflictCheckingForm,
    ConflictCheckingInlineForm,
    PagePart,
    PlainLineBreaksTextarea,
    find_conflict,
    page_state,
    sign_state,
)
from .models import (
    CodeParagraph,
    ContentVersion,
    Organisation,
    Route,
    RouteOrganisation,
    Step,
    today,
)
from .review import before_going_live
from .versions import page_history

# Organisations the questionnaire's plans name by slug.
PLAN_ORGANISATIONS = NAMED_ORGANISATIONS
# Why a version could not be restored, and what to do.
LINKS_TO_DELETED = (
    "This version could not be restored: it links to something that has been deleted since. "
    "Ask a content manager to bring that back first (from its Deleted list), then restore this "
    "version again. Nothing has been changed."
)
# What a review records in the history.
REVIEWED = "Marked as reviewed today"

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


class OfferedLanguagesOnly:
    """Put before modeltranslation's TranslationAdmin or inline: translated fields show only in
    the languages the site offers (settings.LANGUAGES), not in every language the database keeps
    a column for (settings.MODELTRANSLATION_LANGUAGES); the others' words stay as they are."""

    def replace_orig_field(self, option):
        option = super().replace_orig_field(option)
        if not option:
            return option
        offered = {code for code, _name in settings.LANGUAGES}
        hidden = {
            column.name
            for columns in self.trans_opts.all_fields.values()
            for column in columns
            if column.language not in offered
        }
        return [name for name in option if not (isinstance(name, str) and name in hidden)]

    def _patch_fieldsets(self, fieldsets):
        # modeltranslation writes the columns into the class's own fieldsets, which would fix
        # the languages shown at the first page drawn; a copy is patched each time instead.
        return [
            (name, {**options, "fields": self.replace_orig_field(options["fields"])})
            if "fields" in options
            else (name, options)
            for name, options in fieldsets
        ]


class ContentAdmin(VersionAdmin):
    """What every piece of content shares: whole-page history, review dates, and no lost edits.

    An admin whose model has translated fields (its app's translation.py) is a
    TranslatedContentAdmin instead.
    """

    form = ConflictCheckingForm
    actions = ["mark_reviewed_today"]
    formfield_overrides = {
        **PLAIN_TEXT_BOXES,
        # Staff paste addresses without a scheme; assume the secure one.
        models.URLField: {"assume_scheme": "https"},
    }
    readonly_fields = ["review_due", "updated_at"]
    history_latest_first = True
    history_order_by_date = True
    object_history_template = "admin/routes/page_history.html"
    revision_form_template = "admin/routes/page_version.html"
    recover_form_template = "admin/routes/page_version.html"
    recover_list_template = "admin/routes/deleted_items.html"
    change_list_template = "admin/routes/content_change_list.html"
    change_form_template = "admin/routes/content_change_form.html"
    # A route page is edited and checked again: staff stay on it after saving.
    save_on_top = False

    @admin.action(description="Mark as reviewed today", permissions=["change"])
    def mark_reviewed_today(self, request, queryset):
        count = 0
        for item in queryset:
            # save() rather than update(), so each review is in the item's history.
            item.last_reviewed = today()
            item.save()
            count += 1
        reversion.set_comment(REVIEWED)
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

    # The whole page: the item's own fields and the rows shown with it.

    def _page_parts(self, request, obj) -> list[tuple[PagePart, dict]]:
        parts = []
        for inline in self.get_inline_instances(request, obj):
            formset = inline.get_formset(request, obj)
            fields = tuple(formset.form.base_fields)
            part = PagePart(formset.get_default_prefix(), formset.fk.remote_field, fields)
            parts.append((part, formset.form.base_fields))
        return parts

    def _own_fields(self, form_class) -> dict:
        return {n: f for n, f in form_class.base_fields.items() if n != CONFLICT_FIELD}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        attrs = {"conflict": getattr(request, "page_conflict", None)}
        if obj is not None and obj.pk is not None:
            parts = [part for part, _ in self._page_parts(request, obj)]
            attrs["opened_page"] = sign_state(page_state(obj, self._own_fields(form), parts))
        return type(form.__name__, (form,), attrs)

    def _changeform_view(self, request, object_id, form_url, extra_context):
        # Inside the admin's transaction: the page is checked and saved under its lock.
        if request.method == "POST" and object_id is not None and not _restoring(request):
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                self._check_whole_page(request, obj)
        return super()._changeform_view(request, object_id, form_url, extra_context)

    def _check_whole_page(self, request, obj):
        """Stop a save made over a colleague's change anywhere on the page (see find_conflict).

        The content version's lock first, as every content save takes it (one lock order); then
        the item's row, so of two simultaneous saves the second waits and sees the first. SQLite
        has no row locks: there the whole transaction starts with the write lock.
        """
        ContentVersion.lock()
        model = type(obj)
        list(model.objects.select_for_update(no_key=True).filter(pk=obj.pk).values_list("pk"))
        obj.refresh_from_db()
        parts = self._page_parts(request, obj)
        own = self._own_fields(super().get_form(request, obj, change=True))
        post = request.POST.copy()
        conflict = find_conflict(
            obj, post, own, [part for part, _ in parts], {p.prefix: f for p, f in parts}
        )
        if conflict is not None:
            request.POST = post
            request.page_conflict = conflict

    def save_model(self, request, obj, form, change):
        if "_reviewed" in request.POST:
            obj.last_reviewed = today()
            reversion.set_comment(REVIEWED)
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if "_reviewed" in request.POST:
            self.message_user(request, f"“{obj}” was saved and marked as reviewed today.")
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    # History in plain words; Django's own change messages are not the page's history.

    def log_addition(self, request, obj, message):
        return admin.ModelAdmin.log_addition(self, request, obj, message)

    def log_change(self, request, obj, message):
        return admin.ModelAdmin.log_change(self, request, obj, message)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        opts = self.opts
        versions = [
            (
                row,
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(row.version.object_id), row.version.pk],
                ),
            )
            for row in page_history(obj)
        ]
        return super().history_view(
            request, object_id, {"versions": versions, **(extra_context or {})}
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = Version.objects.filter(pk=version_id, object_id=unquote(object_id)).first()
        if version is None:
            raise Http404("No such version.")
        request.restoring = True
        when = timezone.localtime(version.revision.date_created).strftime("%-d %B %Y at %H:%M")
        context = {
            "title": f"The version of {version.object_repr} saved on {when}",
            "saved_on": when,
            **(extra_context or {}),
        }
        try:
            return super().revision_view(request, object_id, version_id, context)
        except (IntegrityError, ObjectDoesNotExist):
            # The version links to an item deleted since (an organisation, say).
            messages.error(request, LINKS_TO_DELETED)
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[object_id]
                )
            )

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        # Bringing back a deleted item is a content manager's job.
        if not self.has_delete_permission(request):
            raise PermissionDenied
        request.restoring = True
        version = Version.objects.filter(pk=version_id).first()
        name = version.object_repr if version else "a deleted item"
        try:
            return super().recover_view(
                request, version_id, {"title": f"Bring back {name}", **(extra_context or {})}
            )
        except (IntegrityError, ObjectDoesNotExist):
            messages.error(request, LINKS_TO_DELETED)
            return HttpResponseRedirect(
                reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_recoverlist")
            )

    # Drafts of a change to a live page.

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/draft/", view(self.draft_view), name=f"{name}_draft"),
            path(
                "<path:object_id>/draft/publish/",
                view(self.publish_draft_view),
                name=f"{name}_draft_publish",
            ),
            *super().get_urls(),
        ]

    def _draft_url(self, obj, action="draft"):
        opts = self.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[quote(obj.pk)])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and "_draft" in request.POST:
            return self._save_draft(request, object_id, form_url, extra_context)
        obj = self.get_object(request, unquote(object_id))
        draft = draft_of(obj) if obj is not None else None
        context = {
            "can_draft": hasattr(self.model, "get_absolute_url"),
            "draft": draft,
            "draft_url": self._draft_url(obj) if draft else "",
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def _save_draft(self, request, object_id, form_url, extra_context):
        """Save the form as a draft: the whole save runs, checks included, and is then undone;
        the page it made is kept aside. No version is recorded and the public sees nothing new."""
        live = self.get_object(request, unquote(object_id))
        based_on = serialised_page(live) if live is not None else ""
        try:
            with transaction.atomic():
                # Not VersionAdmin.change_view: a draft is not a version.
                response = admin.ModelAdmin.change_view(
                    self, request, object_id, form_url, extra_context
                )
                if response.status_code != 302:
                    raise _Undo(response)
                raise _Undo(serialised_page(self.get_object(request, unquote(object_id))))
        except _Undo as undone:
            if not isinstance(undone.result, str):
                return undone.result
            page = undone.result
        obj = self.get_object(request, unquote(object_id))
        keep_draft(obj, request.user, page, based_on)
        # The undone save said "changed successfully": it was not, so that message goes.
        for _ in messages.get_messages(request):
            pass
        self.message_user(
            request,
            "Your change is saved as a draft. The public still sees the live page. "
            "Check the preview, then publish it.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._draft_url(obj))

    def _item_and_draft(self, request, object_id):
        """The item staff may change and its draft; 404 when either is missing."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise Http404("No such item.")
        draft = draft_of(obj)
        if draft is None:
            raise Http404("This page has no draft.")
        return obj, draft

    def draft_view(self, request, object_id):
        """The draft, shown exactly as the public page would show it, to signed-in staff only."""
        obj, draft = self._item_and_draft(request, object_id)

        def public_page():
            address = type(obj).objects.get(pk=obj.pk).get_absolute_url()
            # A glossary term's address is a place on the glossary page (#its-slug): the page.
            match = resolve(urlsplit(address).path)
            return match.func(request, *match.args, **match.kwargs)

        response = preview(draft, obj, public_page)
        banner = render_to_string(
            "admin/routes/draft_banner.html",
            {
                "draft": draft,
                "messages": messages.get_messages(request),
                "publish_url": self._draft_url(obj, "draft_publish"),
                "change_url": reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[quote(obj.pk)],
                ),
            },
            request=request,
        )
        # The public page as it is, with the staff's banner at the top of its main content.
        html = response.content.decode().replace(MAIN_CONTENT, MAIN_CONTENT + banner, 1)
        answer = HttpResponse(html, status=response.status_code)
        patch_cache_control(answer, private=True, no_store=True)
        return answer

    def publish_draft_view(self, request, object_id):
        """Make the draft the live page: one new version, and the public sees it at once."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj, draft = self._item_and_draft(request, object_id)
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[quote(obj.pk)]
        )
        if live_page_changed(draft, obj):
            # Publishing would put back what a colleague has changed since: never silently.
            self.message_user(
                request,
                "The live page has changed since this draft was saved, so the draft was not "
                "published: that would undo the later change. Make your change again on the page "
                "as it is now (see its History for what changed), or save it as a new draft.",
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Published a draft")
            apply_draft(draft, obj)
            draft.delete()
        self.message_user(request, f"The draft of “{obj}” is published.", messages.SUCCESS)
        return HttpResponseRedirect(change_url)

    def changelist_view(self, request, extra_context=None):
        context = {"can_bring_back": self.has_delete_permission(request), **(extra_context or {})}
        return super().changelist_view(request, context)


class _Undo(Exception):
    """Undo a transaction, handing back what it made."""

    def __init__(self, result):
        self.result = result


# Where the public pages' main content starts: the draft banner goes there.
MAIN_CONTENT = '<main class="govuk-main-wrapper" id="main-content">'


def _restoring(request) -> bool:
    """Restoring an older version, or bringing back a deleted item: a deliberate overwrite."""
    return getattr(request, "restoring", False)


class TranslatedContentAdmin(OfferedLanguagesOnly, TranslationAdmin, ContentAdmin):
    """Content with translated fields (its app's translation.py): each shows once per offered
    language ("Title [pl]"), without modeltranslation's tabs, whose script would come from another
    site and the CSP refuses it."""


class PageRowInline:
    """Rows shown on an item's page: a colleague's version shows under a box both changed, and
    an editor may remove a row (it comes back by restoring a version from History)."""

    form = ConflictCheckingInlineForm
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        conflict = getattr(request, "page_conflict", None)
        if conflict is not None:
            formset.form = type(formset.form.__name__, (formset.form,), {"theirs": conflict.theirs})
        return formset


class StepInline(PageRowInline, OfferedLanguagesOnly, TranslationStackedInline):
    model = Step
    formfield_overrides = PLAIN_TEXT_BOXES
    fields = ["order", "title", "body"]
    ordering = ["order", "pk"]
    verbose_name = "step"
    verbose_name_plural = "steps, in order (lowest number first)"


class RouteOrganisationInline(PageRowInline, admin.TabularInline):
    model = RouteOrganisation
    autocomplete_fields = ["organisation"]
    fields = ["order", "organisation"]
    ordering = ["order", "pk"]


class OrganisationRouteInline(PageRowInline, admin.TabularInline):
    model = RouteOrganisation
    autocomplete_fields = ["route"]
    fields = ["route", "order"]
    verbose_name = "route this organisation helps with"
    verbose_name_plural = "routes this organisation helps with"


@admin.register(Route)
class RouteAdmin(TranslatedContentAdmin):
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

    def get_readonly_fields(self, request, obj=None):
        # The questionnaire finds routes by their slugs: once a route exists, its slug stays.
        readonly = super().get_readonly_fields(request, obj)
        return [*readonly, "slug"] if obj is not None else readonly

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else super().get_prepopulated_fields(request, obj)


@admin.register(Organisation)
class OrganisationAdmin(TranslatedContentAdmin):
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

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "before-going-live/",
                view(self.before_going_live_view),
                name="routes_organisation_before_going_live",
            ),
            *super().get_urls(),
        ]

    def before_going_live_view(self, request):
        """What only ISAID can confirm before the site goes live, each with the field to fill in
        (routes.going_live decides what is open)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Before going live",
            "items": before_going_live(),
        }
        return TemplateResponse(request, "admin/routes/before_going_live.html", context)

    def get_readonly_fields(self, request, obj=None):
        # Plans name these organisations by slug (guidance.flow): their slugs stay.
        readonly = super().get_readonly_fields(request, obj)
        return (
            [*readonly, "slug"] if obj is not None and obj.slug in PLAN_ORGANISATIONS else readonly
        )

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.slug in PLAN_ORGANISATIONS:
            return {}
        return super().get_prepopulated_fields(request, obj)


@admin.register(CodeParagraph)
class CodeParagraphAdmin(TranslatedContentAdmin):
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
