"""Admin forms that stop one member of staff silently overwriting another's edit."""

from datetime import datetime

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.utils import timezone
from django.utils.text import Truncator

from .models import ContentVersion

CONFLICT_FIELD = "opened_version"


class PlainLineBreaksTextarea(AdminTextareaWidget):
    """An admin text box that reads line breaks as \n.

    Browsers send \r\n, which would make every untouched text field (and step) look changed in
    the history and in the checks for a colleague's edit.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class ConflictCheckingForm(forms.ModelForm):
    """A model form that refuses to save over a change made since the form was opened.

    The form carries the item's `updated_at` from when it was opened. If the database holds a newer
    one when the form is saved, the save is stopped, the other person's changes are listed, and
    everything this person typed stays in the form. The token is moved on to the newer version, so
    saving again, after reading the changes, keeps this person's version on purpose.
    """

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)
    check_conflicts = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields[CONFLICT_FIELD].initial = self.instance.updated_at.isoformat()

    def clean(self):
        """Stop the save when the item has changed since this form was opened.

        The admin validates and saves inside one transaction (changeform_view is atomic for a
        POST), so the row lock taken here is held until the save commits: of two simultaneous
        saves, the second waits and then sees the first one's version. SQLite has no row locks;
        there the whole transaction starts with the write lock (settings: "IMMEDIATE").
        """
        cleaned = super().clean()
        if not (self.check_conflicts and self.instance.pk):
            return cleaned
        # The content version's lock first, as every content save takes it: one lock order.
        ContentVersion.lock()
        model = type(self.instance)
        # NO KEY: a colleague's save that links another item to this one need not wait for it.
        locked = model.objects.select_for_update(no_key=True).filter(pk=self.instance.pk)
        current = locked.values_list("updated_at", flat=True).first()
        opened = self.cleaned_data.get(CONFLICT_FIELD) or ""
        if current is None or current.isoformat() == opened:
            return cleaned
        self._report_conflict(opened, current)
        return cleaned

    def _report_conflict(self, opened: str, current):
        changes, who = self._changes_since(opened)
        when = timezone.localtime(current).strftime("%-d %B %Y at %-I:%M%p").replace("AM", "am")
        when = when.replace("PM", "pm")
        by = f" by {who}" if who else ""
        summary = (
            f"This was changed{by} on {when}, after you opened it. Your changes have not been saved "
            "yet, and everything you typed is still in the form. "
        )
        if changes:
            names = ", ".join(str(self.fields[c.field].label or c.field) for c in changes)
            summary += f"They changed: {names}. Their version is shown under each of those fields. "
        summary += "Check the form, then save again to keep your version."
        self.add_error(None, summary)
        for change in changes:
            theirs = Truncator(str(change.new or "(empty)")).chars(300)
            self.add_error(change.field, f"Changed by someone else. Their version: {theirs}")
        # The next save is a deliberate one: compare against the version they have now seen.
        self.data = self.data.copy()
        self.data[self.add_prefix(CONFLICT_FIELD)] = current.isoformat()

    def _changes_since(self, opened: str):
        """The field changes between the version this form was opened on and the latest one."""
        history = getattr(self.instance, "history", None)
        if history is None:
            return [], ""
        newest_first = history.order_by("-history_date", "-history_id")
        latest = newest_first.first()
        try:
            base = newest_first.filter(updated_at=datetime.fromisoformat(opened)).first()
        except ValueError:  # no version, or a tampered one: report the conflict without details
            base = None
        who = ""
        if latest is not None and latest.history_user is not None:
            user = latest.history_user
            who = user.get_full_name() or user.get_username()
        if latest is None or base is None:
            return [], who
        delta = latest.diff_against(base, excluded_fields=["updated_at", "review_due", "sort_key"])
        return [c for c in delta.changes if c.field in self.fields], who
