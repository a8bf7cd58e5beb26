"""The form for one letter: it asks for exactly the placeholders the letter's words use."""

from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext

from guidance.forms import GuidanceDateField

from .placeholders import CHOICE, DATE, FUTURE, LONG_TEXT, PAST, PLACEHOLDERS, applies, asked_in

# Long enough for any real name, address or paragraph; short enough that a letter stays a letter.
MAX_TEXT = 200
MAX_LONG_TEXT = 2000


def _noun(name: str) -> str:
    """A placeholder's label as the middle of a sentence: "Enter your full name"."""
    label = gettext(PLACEHOLDERS[name].label)
    return label[0].lower() + label[1:]


def _field(name: str) -> forms.Field:
    placeholder = PLACEHOLDERS[name]
    # A detail needed only alongside a choice is checked by the form once the choice is known.
    required = placeholder.required and placeholder.only_if is None
    # The placeholders' words are marked for translation where they are written; read here, when a
    # visitor's language is known. ("" stays "": gettext("") is the catalogue's header.)
    label = gettext(placeholder.label)
    hint = gettext(placeholder.hint) if placeholder.hint else ""
    noun = label[0].lower() + label[1:]
    if placeholder.kind == DATE:
        return GuidanceDateField(noun, label=label, help_text=hint, required=required)
    if placeholder.kind == CHOICE:
        return forms.ChoiceField(
            label=label,
            help_text=hint,
            required=required,
            choices=[
                Choice(value, gettext(words)) for value, words, _letter in placeholder.choices
            ],
            widget=forms.RadioSelect,
            error_messages={
                "required": gettext("Select an answer to ‘{label}’").format(label=label)
            },
        )
    long = placeholder.kind == LONG_TEXT
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=MAX_LONG_TEXT if long else MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}) if long else forms.TextInput,
        error_messages={
            "required": gettext("Enter {noun}").format(noun=noun),
            "max_length": gettext("{label} must be {limit} characters or fewer").format(
                label=label, limit=MAX_LONG_TEXT if long else MAX_TEXT
            ),
        },
    )


def _layout(name: str) -> Field:
    kind = PLACEHOLDERS[name].kind
    if kind == DATE:
        return Field(name, context={"legend_size": Size.for_legend(Size.SMALL), "legend_tag": "h2"})
    if kind == CHOICE:
        return Field.radios(name, legend_size=Size.SMALL, legend_tag="h2")
    if kind == LONG_TEXT:
        return Field.textarea(name, label_size=Size.SMALL, label_tag="h2")
    return Field.text(name, label_size=Size.SMALL, label_tag="h2")


class LetterForm(forms.Form):
    """The details for one letter's placeholders; essentials required, the rest optional."""

    def __init__(self, body: str, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.asked = asked_in(body)
        for name in self.asked:
            self.fields[name] = _field(name)
        self.helper = FormHelper()
        # The template writes the <form> tag and its CSRF token.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*(_layout(name) for name in self.asked))

    def clean(self):
        cleaned = super().clean()
        for name in self.asked:
            placeholder = PLACEHOLDERS[name]
            value = cleaned.get(name)
            # SEND Regulations 2014 reg 32(e): wanting mediation means telling the council what
            # it is about, so that letter cannot go without it.
            needed = placeholder.required and placeholder.only_if is not None
            if needed and applies(name, cleaned) and not value:
                self.add_error(name, gettext("Enter {noun}").format(noun=_noun(name)))
            if placeholder.kind != DATE or not isinstance(value, date):
                continue
            # The label starts the sentence: "Date it was due must be today or in the past".
            noun = gettext(placeholder.label)
            if placeholder.when == PAST and value > self.today:
                self.add_error(
                    name, gettext("{Noun} must be today or in the past").format(Noun=noun)
                )
            elif placeholder.when == FUTURE and value < self.today:
                self.add_error(
                    name, gettext("{Noun} must be today or in the future").format(Noun=noun)
                )
        return cleaned

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary: each error links to its own input."""
        links = []
        for name, messages in self.errors.items():
            kind = PLACEHOLDERS[name].kind if name in PLACEHOLDERS else ""
            suffix = {DATE: "_0", CHOICE: "_1"}.get(kind, "")
            links += [(f"id_{name}{suffix}", message) for message in messages]
        return links
