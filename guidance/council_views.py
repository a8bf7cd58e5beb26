"""'Is the council on time?': the council's own dates for a family's case. Thin: parse the dates in
the address, call the rules in council_deadlines.py, render. Nothing typed here is kept."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext

from ealing_send.links import link
from ealing_send.pagecache import private_page

from .council_calendar import council_calendar
from .council_deadlines import CouncilDeadline, council_deadlines, timeline
from .council_forms import CouncilDeadlinesForm, canonical_query, form_data, is_submitted

ADVICE = "guidance/council_advice/{}.html"
# The chasing letter's code (letters.placeholders.TIME_LIMITS) for each council deadline that
# letter can name; a late deadline links to the letter with its rule and due date filled in.
CHASE_LETTER = {
    "assessment-decision": "reg-5-1",
    "no-plan-notice": "reg-10-1",
    "final-plan": "reg-13-2",
    "review-decision": "reg-20",
    "review-amended-plan": "reg-22-annual-review",
    "amended-plan": "reg-22-3",
    "transfer-school": "reg-18-1-b",
    "transfer-post-16": "reg-18-1-a",
}


def title(key: str) -> str:
    """A deadline's or event's title, from its words template (guidance/council_advice/)."""
    return render_to_string(ADVICE.format(f"{key}-title")).strip()


def _read(request):
    """(form, submitted, today) for the dates in this request's address."""
    today = timezone.localdate()
    submitted = is_submitted(request.GET)
    form = CouncilDeadlinesForm(today, data=form_data(request.GET) if submitted else None)
    return form, submitted, today


def _item(entry, today) -> dict:
    """A timeline entry as the template shows it."""
    deadline: CouncilDeadline | None = entry.deadline
    item = {"entry": entry, "title": title(entry.key)}
    if deadline is not None:
        item.update(
            deadline=deadline,
            days_left=deadline.days_left(today),
            passed=deadline.has_passed(today),
            days_late=deadline.days_late(today),
        )
        if deadline.key in CHASE_LETTER:
            query = urlencode({"regulation": CHASE_LETTER[deadline.key], "date_due": deadline.due})
            item["letter_url"] = f"{link('letters:letter', 'chase-late-decision')}?{query}"
    return item


@private_page
def council_deadlines_page(request):
    """The form, and once dates are given, the timeline of the council's dates."""
    form, submitted, today = _read(request)
    items = calendar_url = None
    if submitted and form.is_valid():
        case = form.case()
        items = [_item(entry, today) for entry in timeline(case, today)]
        query = urlencode(canonical_query(case))
        calendar_url = f"{link('guidance:council_calendar')}?{query}"
    return render(
        request,
        "guidance/council/page.html",
        {
            "form": form,
            "items": items,
            "calendar_url": calendar_url,
            "has_errors": bool(form.errors),
            "error_links": form.error_links() if submitted else [],
            "today": today,
            "nav_section": "deadlines",
        },
    )


@private_page
def council_deadlines_calendar(request):
    """The same dates as an .ics file; bad or missing dates go back to the page to be put right."""
    form, submitted, today = _read(request)
    if not (submitted and form.is_valid()):
        query = request.GET.urlencode()
        page = link("guidance:council_deadlines")
        return redirect(f"{page}?{query}" if query else page)
    case = form.case()
    deadlines = council_deadlines(case)
    page_url = request.build_absolute_uri(
        f"{link('guidance:council_deadlines')}?{urlencode(canonical_query(case))}"
    )
    titles = {d.key: title(d.key) for d in deadlines}
    # The rule's name is the law's own, in English in every language (as on the page).
    rules = {d.key: gettext("The rule: %(rule)s.") % {"rule": d.regulation} for d in deadlines}
    response = HttpResponse(
        council_calendar(
            deadlines,
            titles,
            rules,
            page_url,
            today,
            gettext("Worked out at"),
            get_language(),
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="council-deadlines.ics"'
    return response
