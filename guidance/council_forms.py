"""The form on "Is the council on time?": every date optional, with GOV.UK error messages."""

from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .council_deadlines import DATE_KEYS, Case, Phase, Problem, problems
from .forms import GuidanceDateField, date_field

# The query keys this page and its calendar file read (the README lists them).
KEYS = (*DATE_KEYS, "transfer_year", "transfer")

# What each date is called in its error messages.
NOUNS = {
    "request_date": _("the date the council got the request"),
    "draft_plan_date": _("the date the draft plan was sent"),
    "review_meeting_date": _("the date of the annual review meeting"),
    "amendment_notice_date": _("the date the proposed changes were sent"),
}

_PROBLEM_WORDS = {
    Problem.FUTURE: _("{Noun} must be today or in the past"),
    Problem.TOO_EARLY: _("{Noun} must be on or after 1 September 2014, when the rules began"),
    Problem.DRAFT_BEFORE_REQUEST: _(
        "The date the draft plan was sent must be on or after the date the council got the request"
    ),
    Problem.NOTICE_BEFORE_MEETING: _(
        "The date the proposed changes were sent must be on or after the date of the annual "
        "review meeting"
    ),
}


def form_data(query) -> dict[str, str]:
    """Form data from the query string (the last value of each key). Dates come as the form's day,
    month and year boxes (`request_date_0`, `_1`, `_2`) or, in links and the calendar address, as
    `request_date=YYYY-MM-DD`."""
    data = dict(query.items())
    for key in DATE_KEYS:
        if key in query and not any(f"{key}_{n}" in query for n in range(3)):
            parts = query[key].split("-")
            year, month, day = parts if len(parts) == 3 else ("", "", "")
            data.update({f"{key}_0": day, f"{key}_1": month, f"{key}_2": year})
    return data


def is_submitted(query) -> bool:
    """True when the query carries any of the page's keys."""
    return any(k == key or k.startswith(f"{key}_") for k in query for key in KEYS)


class CouncilDeadlinesForm(forms.Form):
    """The dates a family knows, each optional, and the year and kind of a move between phases."""

    request_date = GuidanceDateField(
        NOUNS["request_date"],
        label=_("When did the council get the request for an EHC needs assessment?"),
        help_text=_("The day the council received it. For example, 27 3 2026."),
        required=False,
    )
    draft_plan_date = GuidanceDateField(
        NOUNS["draft_plan_date"],
        label=_("When was the draft EHC plan sent to you?"),
        help_text=_("Leave empty if you have not had a draft plan."),
        required=False,
    )
    review_meeting_date = GuidanceDateField(
        NOUNS["review_meeting_date"],
        label=_("When was the annual review meeting?"),
        help_text=_("The meeting to review the EHC plan, usually at school."),
        required=False,
    )
    amendment_notice_date = GuidanceDateField(
        NOUNS["amendment_notice_date"],
        label=_("When did the council send its proposed changes to the plan?"),
        help_text=_("The letter or email with the amended draft, after a review."),
        required=False,
    )
    transfer_year = forms.CharField(
        label=_("Year of the move"),
        help_text=_(
            "The year the child or young person starts at the new school or college. "
            "For example, 2027."
        ),
        required=False,
        max_length=4,
        error_messages={"max_length": _("Enter the year of the move as 4 numbers, like 2027")},
    )
    transfer = forms.ChoiceField(
        label=_("What kind of move is it?"),
        choices=[
            Choice(
                Phase.SCHOOL.value,
                _("Starting school, or moving to junior, middle or secondary school"),
                hint=_("Including from nursery or early years to school."),
            ),
            # Reg 18(1)(a) is for a move to a "post-16 institution", which is "not a school"
            # (Children and Families Act 2014 s.83(2)): a school sixth form is not one.
            Choice(
                Phase.POST_16.value,
                _(
                    "Moving from secondary school to a further education or sixth-form college, "
                    "or another post-16 institution that is not a school"
                ),
                hint=_(
                    "Not a move into a school sixth form or a 16 to 19 academy: for those, the "
                    "31 March date may not apply. Ask Ealing ISAID or IPSEA."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Select what kind of move it is")},
    )

    def __init__(self, today: date, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.helper = FormHelper()
        # The template writes the <form> tag; a GET form changes nothing, so no CSRF cookie.
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(date_field(key, Size.MEDIUM, "h3") for key in DATE_KEYS),
            Fieldset(
                Field.text("transfer_year", field_width=4, inputmode="numeric"),
                Field.radios("transfer", legend_size=Size.SMALL),
                legend=_("Moving to a new school or college"),
                legend_size=Size.MEDIUM,
                legend_tag="h3",
            ),
        )

    def clean_transfer_year(self):
        value = self.cleaned_data["transfer_year"].strip()
        if not value:
            return None
        if not value.isdigit() or len(value) != 4:
            raise forms.ValidationError(
                gettext("Enter the year of the move as 4 numbers, like 2027")
            )
        return int(value)

    def clean(self):
        cleaned = super().clean()
        year, phase = cleaned.get("transfer_year"), cleaned.get("transfer")
        if year and not phase and "transfer" not in self.errors:
            self.add_error("transfer", gettext("Select what kind of move it is"))
        if phase and not year and "transfer_year" not in self.errors:
            self.add_error("transfer_year", gettext("Enter the year of the move"))
        if self.errors:
            return cleaned
        case = self.case()
        for key, problem in problems(case, self.today).items():
            if key == "transfer_year":
                last = self.today.year + 2
                self.add_error(key, gettext("Enter a year from 2015 to {last}").format(last=last))
            else:
                words = _PROBLEM_WORDS[problem]
                self.add_error(key, format_lazy(words, Noun=capfirst(NOUNS[key])))
        if not self.errors and case.is_empty:
            self.add_error("request_date", gettext("Enter at least one date"))
        return cleaned

    def case(self) -> Case:
        """The dates entered, as the rules take them (call after is_valid)."""
        c = self.cleaned_data
        phase = c.get("transfer")
        return Case(
            request_date=c.get("request_date"),
            draft_plan_date=c.get("draft_plan_date"),
            review_meeting_date=c.get("review_meeting_date"),
            amendment_notice_date=c.get("amendment_notice_date"),
            transfer_year=c.get("transfer_year"),
            transfer=Phase(phase) if phase else None,
        )

    def error_links(self) -> list[tuple[str, str]]:
        """(element id, message) for the error summary: each error links to its own input."""
        first_input = {key: f"id_{key}_0" for key in DATE_KEYS}
        first_input.update({"transfer_year": "id_transfer_year", "transfer": "id_transfer_1"})
        return [(first_input[key], m) for key in self.errors for m in self.errors[key]]


def canonical_query(case: Case) -> dict[str, str]:
    """The case as the page's documented keys, for links and the calendar address."""
    query = {key: getattr(case, key).isoformat() for key in DATE_KEYS if getattr(case, key)}
    if case.transfer_year and case.transfer:
        query.update(transfer_year=str(case.transfer_year), transfer=case.transfer.value)
    return query
