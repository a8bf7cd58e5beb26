"""The questionnaire's pages. Thin: parse the answers in the URL, call the rules, render."""

from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlencode, urlparse

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext

from ealing_send.dates import day_words
from ealing_send.links import link
from ealing_send.pagecache import content_page, private_page
from glossary.terms import link_glossary_terms
from letters.models import Letter
from routes.published import fragment, published_content

from . import calendar, flow
from .advice import deadline_words, first_thing, plan_codes, plans_and_paths
from .deadlines import NEVER_MOVED, appeal_deadline, mediation_adviser_deadline
from .directory import directory_for
from .forms import DeadlineCalculatorForm, QuestionForm, bound_data_for, initial_for, wording
from .published import published_advice


def _query(answers, extra=None) -> str:
    data = flow.to_query(answers)
    data.update(extra or {})
    return urlencode(data)


def _node_path(node: str) -> str:
    return link("guidance:check") if node == flow.CHECK else link("guidance:question", node)


def node_url(node: str, answers, raw_errors=None, query: str | None = None) -> str:
    """The address of a question (or the check page) carrying the answers so far (`query`, when
    the caller has already encoded them)."""
    query = _query(answers, raw_errors) if query is None else query
    return f"{_node_path(node)}?{query}" if query else _node_path(node)


def _result_url(answers) -> str:
    """The address of the plan for these answers."""
    return f"{link('guidance:result')}?{_query(answers)}"


def _read(request):
    """The answers in this request's URL: (valid answers that apply, problems, today)."""
    today = timezone.localdate()
    answers, errors = flow.parse_answers(request.GET, today)
    return answers, errors, today


def _redirect_to_next(request, answers, errors, extra=None):
    """Send the visitor to the question that still needs an answer, keeping a bad value to show
    (and `extra`, such as the Change marker, when it is a question)."""
    node = flow.next_question(answers)
    raw = {node: request.GET[node]} if node in errors else {}
    if node != flow.CHECK:
        raw.update(extra or {})
    return redirect(node_url(node, answers, raw))


# Marks a question opened by a Change link, and each new question that change leads to: Back
# returns to Check your answers once every answer applies. Any other value is ignored.
CHANGING = {"change": "1"}


def _common(answers) -> dict:
    young_person = answers.get("who") == "young-person"
    return {
        **wording(young_person, get_language()),
        "young_person": young_person,
        "nav_section": "guidance",
    }


@content_page()
def start(request):
    return render(request, "guidance/start.html", {"nav_section": "guidance"})


@private_page
def question(request, key):
    """Show a question."""
    return _question(request, key, submitted=False)


@private_page
def answer(request, key):
    """Take a question's answer and move on, or show it again with its errors."""
    return _question(request, key, submitted=True)


def _question(request, key, submitted):
    """Show a question, or (submitted) take its answer and move on."""
    if key not in flow.QUESTIONS:
        raise Http404("No such question")
    answers, errors, today = _read(request)
    changing = CHANGING if request.GET.get("change") == CHANGING["change"] else {}
    asked = flow.path(answers)
    if key not in asked:
        return _redirect_to_next(request, answers, errors, changing)
    earlier = {k: answers[k] for k in asked[: asked.index(key)]}
    young_person = answers.get("who") == "young-person"
    if submitted:
        form = QuestionForm(key, earlier, today, young_person, data=request.GET)
        if form.is_valid():
            answered = flow.answer(request.GET, key, form.cleaned_data[key], today)
            # A later answer that no longer passes its checks is asked again, with its message.
            extra = {**answered.retry, **changing} if answered.next != flow.CHECK else None
            return redirect(node_url(answered.next, answered.answers, extra))
    elif key in errors:
        data = bound_data_for(key, request.GET[key])
        form = QuestionForm(key, earlier, today, young_person, data=data)
        form.is_valid()
    else:
        initial = initial_for(key, answers[key]) if key in answers else None
        form = QuestionForm(key, earlier, today, young_person, initial=initial)
    previous = flow.previous_question(key, answers)
    if changing and flow.next_question(answers) == flow.CHECK:
        back = node_url(flow.CHECK, answers)
    elif previous:
        back = node_url(previous, answers, changing)
    else:
        back = link("guidance:start")
    # Later answers ride along, so a Change keeps them (smart answers' rule). A date's own answer
    # rides along too (its boxes have other names), so Back after a wrong date still has it.
    hidden = {
        k: v
        for k, v in {**flow.to_query(answers), **changing}.items()
        if k != key or flow.QUESTIONS[key].is_date
    }
    return render(
        request,
        "guidance/question.html",
        {
            **_common(answers),
            "form": form,
            "key": key,
            "hidden": hidden,
            "back_url": back,
            "has_errors": bool(form.errors),
            "error_links": form.error_links(),
            "action": link("guidance:answer", key),
        },
    )


def deadline_items(deadlines, answers, today, said_first: tuple[str, ...] = ()) -> list[dict]:
    """Deadlines as the templates show them: the date, the days left, whether it has passed, the
    codes of the words that explain it (less the notes `said_first`, which the plan opens with),
    and the references behind it."""
    references = published_advice().references
    items = []
    for d in deadlines:
        words = deadline_words(d, answers, today)
        notes = tuple(code for code in words.notes if code not in said_first)
        items.append(
            {
                "deadline": d,
                "days_left": d.days_left(today),
                "passed": d.has_passed(today),
                "words": replace(words, notes=notes),
                "references": references.get(d.key, ()),
            }
        )
    return items


def _answer_words(key: str, young_person: bool, today) -> tuple[str, dict[str, str]]:
    """A question's legend and the label of each answer, in the page's language."""
    return _answer_words_in(key, young_person, today, get_language())


@lru_cache(maxsize=512)
def _answer_words_in(
    key: str, young_person: bool, today, language: str | None
) -> tuple[str, dict[str, str]]:
    """The same for everyone who reads this language: made once per language."""
    field = QuestionForm(key, {}, today, young_person).fields[key]
    labels = {} if flow.QUESTIONS[key].is_date else {c: str(label) for c, label in field.choices}
    return str(field.label), labels


def answer_rows(answers, today, query: str | None = None) -> list[dict]:
    """Each answer as the question and the words chosen, with its Change link (which keeps every
    answer and marks the question as changed, so it returns to Check your answers)."""
    young_person = answers.get("who") == "young-person"
    query = f"{_query(answers) if query is None else query}&{urlencode(CHANGING)}"
    rows = []
    for key, value in answers.items():
        legend, labels = _answer_words(key, young_person, today)
        shown = day_words(value) if flow.QUESTIONS[key].is_date else labels[value]
        rows.append(
            {
                "key": key,
                "question": legend,
                "answer": shown,
                "change": node_url(key, answers, query=query),
            }
        )
    return rows


@private_page
def check(request):
    answers, errors, today = _read(request)
    if flow.next_question(answers) != flow.CHECK:
        return _redirect_to_next(request, answers, errors)
    last = flow.path(answers)[-2]
    return render(
        request,
        "guidance/check.html",
        {
            **_common(answers),
            "answer_rows": answer_rows(answers, today),
            "result_url": _result_url(answers),
            "back_url": node_url(last, answers),
        },
    )


def _advice(context) -> str:
    """The advice part of the plan (includes/plan_advice.html: no date or answer in it)."""
    plan, directory = context["plan"], context["directory"]
    key = (
        "plan-advice",
        context["young_person"],
        plan.first_steps,
        context["first"].step is not None,  # the box gives the first step: the list starts after
        plan.routes,
        plan.notes,
        tuple(o.pk for o in directory.organisations),
    )
    return fragment(
        directory.content,
        key,
        # Words a parent may not know link to the glossary, first use only (kept with the rest).
        lambda: link_glossary_terms(
            render_to_string("guidance/includes/plan_advice.html", context)
        ),
    )


def _plan_words(plan, answers, today, letters) -> list[str]:
    """Everything the plan says in words staff edit (its advice, as written, and its letters) and
    its deadlines' titles: where it may name an organisation."""
    published = published_advice()
    words = [
        published.advice[(kind, code)].words
        for kind, codes in plan_codes(plan, answers, today).items()
        for code in sorted(codes)
        if (kind, code) in published.advice
    ]
    words += [d.title for d in plan.deadlines]
    words += [f"{letter.title}\n{letter.when_to_use}" for letter, _ in letters]
    return words


def _plan_context(request):
    """The action plan for the answers in the URL, or None when an answer is missing or bad."""
    answers, errors, today = _read(request)
    if flow.next_question(answers) != flow.CHECK:
        return None, answers, errors
    plan = flow.action_plan(answers, today)
    letters = _letters(published_content(), flow.letters_for(plan), answers)
    directory = directory_for(plan, _plan_words(plan, answers, today, letters))
    first = first_thing(plan, today)
    isaid = directory.content.organisations.get(flow.ISAID)
    ipsea = directory.content.organisations.get(flow.IPSEA)
    query = _query(answers)
    # Real deadlines, then any "if you act today" estimate not shown with its step (stable: the
    # rules' order kept).
    listed = sorted(
        (d for d in plan.deadlines if d not in first.estimates), key=lambda d: d.estimate
    )
    context = {
        **_common(answers),
        "answers": answers,
        "plan": plan,
        "first": first,
        "isaid": isaid,
        # The website's name alone: its full address can run to 90 characters on a phone.
        "isaid_site": urlparse(isaid.website).hostname if isaid and isaid.website else "",
        "ipsea": ipsea,
        "ipsea_site": urlparse(ipsea.website).hostname if ipsea and ipsea.website else "",
        "directory": directory,
        "steps": directory.steps,
        "organisations": directory.organisations,
        "citations": directory.citations,
        "deadlines": deadline_items(listed, answers, today, first.passed_notes),
        "first_estimates": deadline_items(first.estimates, answers, today),
        "today": today,
        "answer_rows": answer_rows(answers, today, query),
        "query": query,
        "change_url": node_url(flow.CHECK, answers, query=query),
        "letters": letters,
    }
    context["advice"] = _advice(context)
    return context, answers, errors


# What a plan may fill in on a letter's form: never anything personal (letters' README contract).
LETTER_KEYS = ("decision", "decision_date", "mediation")


def _letters(content, slugs: tuple[str, ...], answers) -> list[tuple[Letter, str]]:
    """The published letters for a plan, each with its address filled in from the answers."""
    found = fragment(
        content,
        ("plan-letters", slugs),
        lambda: sorted(
            Letter.objects.visible().filter(slug__in=slugs), key=lambda x: slugs.index(x.slug)
        ),
    )
    prefill = _query({key: answers[key] for key in LETTER_KEYS if key in answers})
    return [(letter, f"{letter.get_absolute_url()}?{prefill}".rstrip("?")) for letter in found]


@private_page
def result(request):
    context, answers, errors = _plan_context(request)
    if context is None:
        return _redirect_to_next(request, answers, errors)
    return render(request, "guidance/result.html", context)


@private_page
def result_calendar(request):
    """The plan's deadlines as an .ics file, for a phone's or computer's calendar."""
    answers, errors, today = _read(request)
    if flow.next_question(answers) != flow.CHECK:
        return _redirect_to_next(request, answers, errors)
    plan = flow.action_plan(answers, today)
    if not plan.deadlines:
        return redirect(_result_url(answers))
    plan_url = request.build_absolute_uri(_result_url(answers))
    response = HttpResponse(
        calendar.deadlines_calendar(plan.deadlines, plan_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="send-appeal-deadlines.ics"'
    return response


@private_page
def deadline_calculator(request):
    """The appeal deadline sum on its own, for caseworkers."""
    today = timezone.localdate()
    submitted = any(k.startswith(("decision_date", "certificate_date")) for k in request.GET)
    form = DeadlineCalculatorForm(today, data=request.GET if submitted else None)
    results = None
    if submitted and form.is_valid():
        decision = form.cleaned_data["decision_date"]
        certificate = form.cleaned_data.get("certificate_date")
        found = [appeal_deadline(decision, certificate)]
        if certificate is None:
            found.insert(0, mediation_adviser_deadline(decision))
        results = deadline_items(found, form.cleaned_data, today)
    return render(
        request,
        "guidance/deadlines.html",
        {
            "form": form,
            "results": results,
            "has_errors": bool(form.errors),
            "error_links": form.error_links() if submitted else [],
            "nav_section": "deadlines",
            "today": today,
        },
    )


def _path_words(answers, today) -> list[dict]:
    """A path of answers as the questions and the answers' words, as the person on that path reads
    them (a date question: any date)."""
    young_person = answers.get("who") == "young-person"
    rows = []
    for key, value in answers.items():
        legend, labels = _answer_words(key, young_person, today)
        rows.append({"question": legend, "answer": labels.get(value, gettext("the date on it"))})
    return rows


@content_page()
def rules(request):
    """How this tool decides: every path of questions and the plan it leads to, made from the rules
    themselves, with the words staff edit and the references behind each deadline."""
    today = timezone.localdate()
    references = published_advice().references
    plans = []
    for found in plans_and_paths(today, today):
        directory = directory_for(found.plan)
        plans.append(
            {
                "plan": found.plan,
                "steps": directory.steps,
                "citations": directory.citations,
                "paths": [_path_words(answers, today) for answers in found.paths],
                "deadlines": [
                    {
                        "deadline": d,
                        "references": references.get(d.key, ()),
                        "act_by_possible": d.key in NEVER_MOVED,
                    }
                    for d in found.plan.deadlines
                ],
            }
        )
    return render(
        request,
        "guidance/rules.html",
        {"plans": plans, "nav_section": "guidance", "young_person": False},
    )
