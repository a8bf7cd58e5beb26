"""One form a question, with GOV.UK error messages. The rules they check live in flow.py."""

from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from . import flow


def wording(young_person: bool) -> dict[str, str]:
    """Words that change when a young person (16 to 25) is asking for themselves."""
    if young_person:
        return {
            "child": "you",
            "Child": "You",
            "child_s": "your",
            "gets": "get",
            "has": "have",
            "does": "Do",
            "needs": "need",
        }
    return {
        "child": "your child",
        "Child": "Your child",
        "child_s": "your child's",
        "gets": "gets",
        "has": "has",
        "does": "Does",
        "needs": "needs",
    }


def _choices(key: str, w: dict[str, str]) -> tuple[str, str, list[Choice], str]:
    """(legend, hint, choices, error message) for a choice question."""
    if key == "who":
        return (
            "Who are you asking for?",
            "",
            [
                Choice("parent", "I am a parent or carer of a child or young person"),
                Choice(
                    "young-person",
                    "I am a young person asking for myself",
                    hint="You can decide for yourself once you are over compulsory school age "
                    "(from the end of the school year in which you turn 16).",
                ),
            ],
            "Select who you are asking for",
        )
    if key == "concern":
        return (
            "What are you unhappy about?",
            "Choose the one that matters most now. Your plan will show the other options too.",
            [
                Choice(
                    "school-support",
                    f"The help {w['child']} {w['gets']} at school, nursery or college",
                ),
                Choice(
                    "la-decision",
                    "A decision by Ealing Council about an education, health and care (EHC) "
                    "needs assessment or plan",
                    hint="For example, a refusal to assess, or what an EHC plan says.",
                ),
                Choice(
                    "health-care",
                    "Health or social care in an EHC needs assessment or plan",
                    hint="For example, therapy or care support.",
                ),
                Choice(
                    "handling",
                    "How the school, college or council has dealt with things",
                    hint="For example, delays, not replying, or not following their own rules.",
                ),
                Choice("exclusion", f"{w['Child']} {w['has']} been excluded from school"),
            ],
            "Select what you are unhappy about",
        )
    if key == "plan":
        return (
            f"{w['does']} {w['child']} have an education, health and care (EHC) plan?",
            "An EHC plan is a legal document from the council that says what help must be given.",
            [
                Choice("yes", "Yes"),
                Choice("no", "No"),
                Choice("assessing", "Not yet: the council is carrying out an EHC needs assessment"),
            ],
            f"Select whether {w['child']} {w['has']} an EHC plan",
        )
    if key == "talked":
        return (
            "Have you talked to the teacher, the special educational needs co-ordinator (SENCO) "
            "or the head teacher about this?",
            "",
            [Choice("yes", "Yes"), Choice("no", "No, not yet")],
            "Select yes if you have talked to the school about this",
        )
    if key == "decision":
        return (
            "What did the council decide?",
            "Look at the council's letter. If it made more than one decision, choose the one you "
            "disagree with most.",
            [
                Choice("refuse-assessment", "Not to carry out an EHC needs assessment"),
                Choice("refuse-reassessment", "Not to carry out a re-assessment"),
                Choice("refuse-plan", "Not to issue an EHC plan after an assessment"),
                Choice(
                    "plan-contents",
                    "What the final EHC plan says",
                    hint="The needs it describes, the help it sets out, or the school or college "
                    "named along with them.",
                ),
                Choice(
                    "placement-only",
                    "Only the school or college named in the plan",
                    hint="The school or college named, the type named, or that none is named.",
                ),
                Choice("refuse-amend", "Not to change an EHC plan after a review or re-assessment"),
                Choice("cease-plan", "To stop an EHC plan (cease to maintain it)"),
                Choice(
                    "other",
                    "Something else, or no decision yet",
                    hint="For example, missed time limits, or help in the plan not being given.",
                    divider="or",
                ),
            ],
            "Select what the council decided",
        )
    if key == "mediation":
        return (
            "Do you have a mediation certificate?",
            "The mediation adviser sends one after you have talked to them about mediation, or "
            "after a mediation meeting.",
            [Choice("yes", "Yes"), Choice("no", "No")],
            "Select yes if you have a mediation certificate",
        )
    raise KeyError(key)


DATE_QUESTIONS = {
    "decision_date": (
        "When is the council’s decision letter dated?",
        "the date of the decision letter",
        "Use the date on the letter, or on the letter sent with the final EHC plan. "
        "For example, 27 3 2026.",
    ),
    "certificate_date": (
        "When is the mediation certificate dated?",
        "the date on the mediation certificate",
        "For example, 14 4 2026.",
    ),
}

DATE_ERRORS = {
    "invalid": "{Noun} must be a real date",
    "future": "{Noun} must be today or in the past",
    "too-early": "{Noun} must be after 1 September 2014",
    "before-decision": "{Noun} must be the same as or after the date of the decision letter",
}


class GuidanceDateField(DateInputField):
    """Day, month and year boxes with GOV.UK error messages for this question."""

    def __init__(self, noun: str, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.noun = noun[0].upper() + noun[1:]
        self.error_messages["required"] = f"Enter {noun}"
        self.error_messages["incomplete"] = f"Enter {noun}"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = f"{self.noun} must include a {name}"
            part.validators = [RegexValidator(r"^\s*\d+\s*$", f"{self.noun} must be a real date")]

    def compress(self, data_list):
        day, month, year = (str(v).strip() if v else "" for v in data_list)
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError(f"{self.noun} must include a year with 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            # date() raises OverflowError, not ValueError, for a day or month of 2**31 or more.
            raise ValidationError(f"{self.noun} must be a real date") from None


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
    """The form for one question, built from its declaration in flow.QUESTIONS."""

    def __init__(self, key: str, answers, today: date, young_person: bool, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key
        self.answers = answers
        self.today = today
        question = flow.QUESTIONS[key]
        if question.is_date:
            legend, noun, hint = DATE_QUESTIONS[key]
            self.fields[key] = GuidanceDateField(noun, label=legend, help_text=hint)
            self.helper = get_form_helper(date_field(key, Size.LARGE, "h1"))
            noun = self.fields[key].noun
            # Every problem the rules can find with a date, in this question's words.
            self.problems = {code: words.format(Noun=noun) for code, words in DATE_ERRORS.items()}
        else:
            legend, hint, choices, required = _choices(key, wording(young_person))
            self.fields[key] = forms.ChoiceField(
                label=legend,
                help_text=hint,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": required, "invalid_choice": required},
            )
            self.helper = get_form_helper(
                Field.radios(key, legend_size=Size.LARGE, legend_tag="h1")
            )
            # The rules' only objection to a choice: it is not one of the question's answers.
            self.problems = {"choose": required}

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

    decision_date = GuidanceDateField(
        "the date of the decision letter",
        label="Date of the decision letter",
        help_text="For example, 27 3 2026.",
    )
    certificate_date = GuidanceDateField(
        "the date on the mediation certificate",
        label="Date on the mediation certificate (if there is one)",
        help_text="Leave empty if there is no certificate yet.",
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
                self.add_error(key, DATE_ERRORS[problem.code].format(Noun=self.fields[key].noun))
        return cleaned

    def error_links(self) -> list[tuple[str, str]]:
        links = []
        for key in self.errors:
            links += [(f"id_{key}_0", m) for m in self.errors[key]]
        return links
