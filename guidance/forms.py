"""One form a question, built from its declaration (flow.py) and its words (question_words.py),
with GOV.UK error messages."""

from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from . import flow
from .question_words import QUESTION_WORDS, Answer, DateWords, problem_words, wording


def say(words: str, w: dict[str, str]) -> str:
    """A piece of question_words in the visitor's language, with its person words (`w`) filled in.
    Empty stays empty: gettext("") is the catalogue's header."""
    return gettext(words).format(**w) if words else ""


def _choices(key: str, answers: dict[str, Answer], w: dict[str, str], earlier) -> list[Choice]:
    """The question's radios, those the earlier answers leave open. An answer's divider ("or") is
    shown above it, but crispy-forms-gds draws a choice's divider below that choice, so each
    divider goes on the answer before."""
    values = list(flow.QUESTIONS[key].choices_for(earlier))
    following = [*values[1:], None]
    return [
        Choice(
            value,
            say(answers[value].label, w),
            hint=say(answers[value].hint, w),
            divider=say(answers[after].divider, w) if after else "",
        )
        for value, after in zip(values, following, strict=True)
    ]


class GuidanceDateField(DateInputField):
    """Day, month and year boxes with GOV.UK error messages for this question."""

    def __init__(self, noun: str, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        # Lazy: fields are made when a module loads, and the words are read in the visitor's language.
        self.noun = capfirst(noun)
        self.error_messages["required"] = format_lazy(_("Enter {noun}"), noun=noun)
        self.error_messages["incomplete"] = format_lazy(_("Enter {noun}"), noun=noun)
        missing = (
            _("{Noun} must include a day"),
            _("{Noun} must include a month"),
            _("{Noun} must include a year"),
        )
        for part, words in zip(self.fields, missing, strict=True):
            part.error_messages["incomplete"] = format_lazy(words, Noun=self.noun)
            part.validators = [
                RegexValidator(
                    r"^\s*\d+\s*$", format_lazy(_("{Noun} must be a real date"), Noun=self.noun)
                )
            ]
        # The boxes' own labels, in the visitor's language (crispy-forms-gds has no catalogue).
        for box, name in zip(self.widget.widgets, (_("Day"), _("Month"), _("Year")), strict=True):
            box.attrs["label"] = name
            # Phones show the number keypad (GOV.UK date input pattern).
            box.attrs["inputmode"] = "numeric"

    def compress(self, data_list):
        day, month, year = (str(v).strip() if v else "" for v in data_list)
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError(
                gettext("{Noun} must include a year with 4 numbers").format(Noun=self.noun)
            )
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            # date() raises OverflowError, not ValueError, for a day or month of 2**31 or more.
            raise ValidationError(
                gettext("{Noun} must be a real date").format(Noun=self.noun)
            ) from None


def get_form_helper(*fields) -> FormHelper:
    """A crispy helper for our GET forms: the template writes the <form> tag, and there is no CSRF
    token, since a GET form changes nothing and a token would set a cookie."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


def date_field(key: str, size: str, tag: str) -> Field:
    """A day, month and year date input whose legend is a heading of this size."""
    return Field(key, context={"legend_size": Size.for_legend(size), "legend_tag": tag})


class QuestionForm(forms.Form):
    """The form for one question, built from its declaration in flow.QUESTIONS and its words."""

    def __init__(self, key: str, answers, today: date, young_person: bool, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key
        self.answers = answers
        self.today = today
        words = QUESTION_WORDS[key]
        w = wording(young_person, get_language())
        if isinstance(words, DateWords):
            self.fields[key] = GuidanceDateField(
                say(words.noun, w),
                label=say(words.legend, w),
                help_text=say(words.hint, w),
            )
            self.helper = get_form_helper(date_field(key, Size.LARGE, "h1"))
            # Every problem the rules can find with a date, in this question's words.
            self.problems = problem_words(words, w, gettext)
        else:
            choose = say(words.choose, w)
            self.fields[key] = forms.ChoiceField(
                label=say(words.legend, w),
                help_text=say(words.hint, w),
                choices=_choices(key, words.answers, w, answers),
                widget=forms.RadioSelect,
                error_messages={"required": choose, "invalid_choice": choose},
            )
            self.helper = get_form_helper(
                Field.radios(key, legend_size=Size.LARGE, legend_tag="h1")
            )
            # The rules' only objection to a choice: it is not one of the question's answers.
            self.problems = {"choose": choose}

    @property
    def legend(self) -> str:
        return str(self.fields[self.key].label)

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get(self.key)
        if value is None or self.key in self.errors:
            return cleaned
        try:
            cleaned[self.key] = flow.validate_answer(self.key, value, self.answers, self.today)
        except flow.InvalidAnswer as problem:
            self.add_error(self.key, self.problems[problem.code])
        return cleaned

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary: each error links to its own input."""
        if self.key not in self.errors:
            return []
        field = self.fields[self.key]
        if isinstance(field, GuidanceDateField):
            links = []
            for index, part in enumerate(field.fields):
                links += [(f"id_{self.key}_{index}", m) for m in getattr(part.widget, "errors", [])]
            seen = {m for _, m in links}
            links += [(f"id_{self.key}_0", m) for m in self.errors[self.key] if m not in seen]
            return links
        return [(f"id_{self.key}_1", m) for m in self.errors[self.key]]


def bound_data_for(key: str, raw: str) -> dict[str, str]:
    """Form data from an answer already in the URL, so a bad value shows as a form error."""
    if not flow.QUESTIONS[key].is_date:
        return {key: raw}
    parts = raw.split("-")
    if len(parts) == 3:
        year, month, day = parts
        return {f"{key}_0": day, f"{key}_1": month, f"{key}_2": year}
    return {f"{key}_0": "", f"{key}_1": "", f"{key}_2": ""}


def initial_for(key: str, value) -> dict:
    """Initial form values from a valid answer, for Change links and Back."""
    if isinstance(value, date):
        return {key: [value.day, value.month, value.year]}
    return {key: value}


class DeadlineCalculatorForm(forms.Form):
    """The standalone appeal deadline calculator for caseworkers."""

    # Lazy: the class is made when the module loads, the words read in the visitor's language.
    decision_date = GuidanceDateField(
        _(QUESTION_WORDS["decision_date"].noun),
        label=_("Date of the decision letter"),
        help_text=_("For example, 27 3 2026."),
    )
    certificate_date = GuidanceDateField(
        _(QUESTION_WORDS["certificate_date"].noun),
        label=_("Date on the mediation certificate (if there is one)"),
        help_text=_("Leave empty if there is no certificate yet."),
        required=False,
    )

    def __init__(self, today: date, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.helper = get_form_helper(
            date_field("decision_date", Size.MEDIUM, "h2"),
            date_field("certificate_date", Size.MEDIUM, "h2"),
        )

    def clean(self):
        cleaned = super().clean()
        answers = {}
        for key in ("decision_date", "certificate_date"):
            value = cleaned.get(key)
            if value is None or key in self.errors:
                continue
            try:
                answers[key] = flow.validate_answer(key, value, answers, self.today)
            except flow.InvalidAnswer as problem:
                w = wording(young_person=False, language=get_language())
                words = problem_words(QUESTION_WORDS[key], w, gettext)
                self.add_error(key, words[problem.code])
        return cleaned

    def error_links(self) -> list[tuple[str, str]]:
        links = []
        for key in self.errors:
            links += [(f"id_{key}_0", m) for m in self.errors[key]]
        return links
