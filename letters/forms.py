"""The form for one letter: it asks for exactly the placeholders the letter's words use."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.utils.translation import gettext

from guidance.forms import GuidanceDateField

from .placeholders import CHOICE, DATE, LONG_TEXT, PLACEHOLDERS, asked_in

# Long enough for any real name, address or paragraph; short enough that a letter stays a letter.
MAX_TEXT = 200
MAX_LONG_TEXT = 2000


def _field(name: str) -> forms.Field:
    placeholder = PLACEHOLDERS[name]
    required = placeholder.required
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

    def __init__(self, body: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked = asked_in(body)
        for name in self.asked:
            self.fields[name] = _field(name)
        self.helper = FormHelper()
        # The template writes the <form> tag and its CSRF token.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*(_layout(name) for name in self.asked))

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary: each error links to its own input."""
        links = []
        for name, messages in self.errors.items():
            kind = PLACEHOLDERS[name].kind if name in PLACEHOLDERS else ""
            suffix = {DATE: "_0", CHOICE: "_1"}.get(kind, "")
            links += [(f"id_{name}{suffix}", message) for message in messages]
        return links
