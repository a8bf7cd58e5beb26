"""The staff report of translations: per language, what is missing, out of date (the English
changed after the translation was checked), a draft, or checked, with a button to record a check."""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse

from . import status
from .models import TranslationStatus


def edit_url(item) -> str:
    """Where staff edit the item's words: its own admin page, or the page it is edited on (a
    route's steps are edited on the route's page)."""
    for candidate in (item, getattr(item, "route", None)):
        if candidate is None:
            continue
        opts = candidate._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(candidate.pk)]
            )
        except NoReverseMatch:
            continue
    return ""


@admin.register(TranslationStatus)
class TranslationStatusAdmin(admin.ModelAdmin):
    """The report replaces the list of status rows, which mean nothing on their own."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("mark/", view(self.mark_view), name="translations_translationstatus_mark"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        languages = status.other_languages()
        language = request.GET.get("language") or (languages[0][0] if languages else "")
        if language not in dict(languages):
            raise Http404("The site does not offer that language.")
        rows = status.report(language)
        counts = dict.fromkeys(status.STATE_ORDER, 0)
        for row in rows:
            counts[row.state] += 1
        shown = request.GET.get("state", "")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Translations",
            "languages": languages,
            "language": language,
            "language_name": dict(languages)[language],
            "counts": list(counts.items()),
            "shown": shown,
            "rows": [
                {
                    "row": row,
                    "kind": row.item._meta.verbose_name,
                    "edit_url": edit_url(row.item),
                    "content_type": ContentType.objects.get_for_model(row.item).pk,
                }
                for row in rows
                if not shown or row.state == shown
            ],
            "can_mark": self.has_change_permission(request),
            "mark_url": reverse("admin:translations_translationstatus_mark"),
        }
        return TemplateResponse(request, "admin/translations/report.html", context)

    def mark_view(self, request):
        """Record one item's translation as checked by this member of staff, or as a draft."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        language = request.POST.get("language", "")
        if language not in dict(status.other_languages()):
            raise Http404("The site does not offer that language.")
        try:
            content_type = ContentType.objects.get_for_id(int(request.POST.get("content_type")))
        except (TypeError, ValueError, ContentType.DoesNotExist) as missing:
            raise Http404("No such kind of content.") from missing
        model = content_type.model_class()
        if model not in status.translated_models():
            raise Http404("That kind of content is not translated.")
        item = model._default_manager.filter(pk=request.POST.get("object_id")).first()
        if item is None:
            raise Http404("No such item.")
        checked = request.POST.get("state") == TranslationStatus.CHECKED
        status.mark(item, language, request.user, checked)
        messages.success(
            request,
            f"The {language} translation of “{item}” is "
            + ("marked as checked by you." if checked else "a draft again."),
        )
        back = reverse("admin:translations_translationstatus_changelist")
        return HttpResponseRedirect(f"{back}?language={language}")
