"""Admin forms that stop one member of staff silently overwriting another's edit, anywhere on the
page: the item's own fields, its steps and its organisation links."""

from dataclasses import dataclass, field

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from modeltranslation.fields import TranslationField
from reversion.models import Version

CONFLICT_FIELD = "opened_version"
SALT = "routes.page-as-opened"


class PlainLineBreaksTextarea(AdminTextareaWidget):
    """An admin text box that reads line breaks as \n.

    Browsers send \r\n, which would make every untouched text field (and step) look changed in
    the history and in the checks for a colleague's edit.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


@dataclass(frozen=True)
class PagePart:
    """Rows shown on an item's page (its steps, say): the formset prefix, and the fields shown."""

    prefix: str
    relation: models.ManyToOneRel
    fields: tuple[str, ...]


def _plain(value):
    """A value as JSON keeps it: many-to-many as sorted ids, dates as text."""
    if isinstance(value, list | tuple | set):
        return sorted(getattr(item, "pk", item) for item in value)
    return DjangoJSONEncoder().default(value) if hasattr(value, "isoformat") else value


def _value(row: models.Model, name: str):
    """A field's value as the page state keeps it. An empty translation is empty whether stored as
    None (never saved from the admin) or '' (saved empty): a colleague's save did not change it."""
    model_field = row._meta.get_field(name)
    value = model_field.value_from_object(row)
    if value is None and isinstance(model_field, TranslationField):
        return ""
    return _plain(value)


def page_state(obj: models.Model, own_fields, parts: list[PagePart]) -> dict[str, object]:
    """Everything on an item's page: its fields by name, and each row's fields as
    'prefix:id:field' (with 'prefix:id' naming the row itself)."""
    state = {}
    for name in own_fields:
        state[name] = _value(obj, name)
    for part in parts:
        rows = part.relation.related_model.objects.filter(**{part.relation.field.name: obj})
        for row in rows:
            # Only that the row is there: its name may change on another page (an organisation's).
            state[f"{part.prefix}:{row.pk}"] = True
            for name in part.fields:
                state[f"{part.prefix}:{row.pk}:{name}"] = _value(row, name)
    return state


def sign_state(state: dict) -> str:
    return signing.dumps(state, salt=SALT, compress=True)


def read_state(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def _as_posted(value) -> list[str]:
    """How a form would send a value."""
    if value is None or value is False:
        return []
    if value is True:
        return ["on"]
    if isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


def _typed(form_field: forms.Field, value):
    """The value as the form field holds it, for has_changed()."""
    if isinstance(form_field, forms.ModelChoiceField):
        return value
    try:
        return form_field.to_python(value)
    except ValidationError:
        return value


@dataclass
class PageConflict:
    """What a colleague changed on a page since this person opened it."""

    who: str
    when: str
    changed: list[str] = field(default_factory=list)  # in words, for the message
    theirs: dict[str, str] = field(
        default_factory=dict
    )  # form name -> their text, where both changed
    token: str = ""

    @property
    def message(self) -> str:
        by = f" by {self.who}" if self.who else ""
        text = (
            f"This page was changed{by} on {self.when}, after you opened it. Your changes have not "
            "been saved yet, and everything you typed is still in the form. "
        )
        if self.changed:
            text += f"They changed: {'; '.join(self.changed)}. "
        if self.theirs:
            text += "Where you changed the same thing, their version is shown under your text. "
        text += (
            "What they changed and you did not is now in the form. Check the form, then save again "
            "to keep your version."
        )
        return text


def _who_and_when(obj) -> tuple[str, str]:
    latest = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if latest is None:
        return "", "a moment ago"
    user = latest.revision.user
    who = (user.get_full_name() or user.get_username()) if user else ""
    when = timezone.localtime(latest.revision.date_created).strftime("%-d %B %Y at %-I:%M%p")
    return who, when.replace("AM", "am").replace("PM", "pm")


def find_conflict(obj, post, form_fields: dict, parts: list[PagePart], part_fields: dict):
    """Compare the page as this person opened it with the page now. None when nothing changed;
    otherwise the conflict, and `post` changed so that whatever a colleague changed and this person
    did not now holds the colleague's version (so saving again never writes back an old text).

    form_fields: the item's form fields by name; part_fields: each part's form fields by prefix.
    """
    opened = read_state(post.get(CONFLICT_FIELD, ""))
    current = page_state(obj, form_fields, parts)
    if opened == current:
        return None
    who, when = _who_and_when(obj)
    conflict = PageConflict(who=who, when=when, token=sign_state(current))
    post.setlist(CONFLICT_FIELD, [conflict.token])
    if opened is None:
        # No page as opened (or a tampered one): the save stops, with nothing to compare.
        return conflict

    def merge(name, form_field, key, label):
        before, now = opened.get(key), current.get(key)
        if before == now:
            return
        conflict.changed.append(label)
        mine = form_field.widget.value_from_datadict(post, {}, name)
        if not form_field.has_changed(_typed(form_field, before), mine):
            post.setlist(name, _as_posted(now))
        elif form_field.has_changed(_typed(form_field, now), mine):
            conflict.theirs[name] = "(empty)" if now in (None, "", []) else str(now)

    for name, form_field in form_fields.items():
        merge(name, form_field, name, str(form_field.label or name))
    for part in parts:
        noun = part.relation.related_model._meta.verbose_name
        posted_ids = {}
        for index in range(int(post.get(f"{part.prefix}-INITIAL_FORMS", 0) or 0)):
            posted_ids[post.get(f"{part.prefix}-{index}-id", "")] = index
        model = part.relation.related_model
        for key in current:
            row_key = key.split(":")
            if len(row_key) == 2 and row_key[0] == part.prefix and key not in opened:
                conflict.changed.append(f"added {noun} ‘{model.objects.get(pk=row_key[1])}’")
        for pk, index in posted_ids.items():
            row = f"{part.prefix}:{pk}"
            if row not in current:
                name = opened.get(f"{row}:title")
                conflict.changed.append(f"removed {noun} ‘{name}’" if name else f"removed a {noun}")
                # Gone already: nothing of it to save.
                post.setlist(f"{part.prefix}-{index}-DELETE", ["on"])
                continue
            for name in part.fields:
                form_field = part_fields[part.prefix][name]
                merge(
                    f"{part.prefix}-{index}-{name}",
                    form_field,
                    f"{row}:{name}",
                    f"{noun} ‘{model.objects.get(pk=pk)}’ ({str(form_field.label or name).lower()})",
                )
    return conflict


class ConflictCheckingForm(forms.ModelForm):
    """A model form that refuses to save over a change made since the form was opened.

    The form carries the whole page as it was opened (fields, steps, links), signed. The admin
    compares it with the page in the database before saving (routes.admin.ContentAdmin), under the
    page's lock; if a colleague changed anything, the save stops, the message names each change,
    their version shows under each box where both changed, and their changes that this person did
    not touch are put in the form, so saving again keeps both.
    """

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Set by the admin: the page as it is now (signed), and a conflict found for this request.
    opened_page = ""
    conflict: PageConflict | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONFLICT_FIELD].initial = self.opened_page

    def clean(self):
        cleaned = super().clean()
        if self.conflict is not None:
            self.add_error(None, self.conflict.message)
            for name, theirs in self.conflict.theirs.items():
                if name in self.fields:
                    self.add_error(
                        name, f"Changed by someone else. Their version: {_short(theirs)}"
                    )
        return cleaned


def _short(text: str) -> str:
    return Truncator(text).chars(600)


class ConflictCheckingInlineForm(forms.ModelForm):
    """A step or link form that shows a colleague's version under a box both people changed."""

    theirs: dict[str, str] = {}

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            theirs = self.theirs.get(self.add_prefix(name))
            if theirs is not None:
                self.add_error(name, f"Changed by someone else. Their version: {_short(theirs)}")
        return cleaned
