"""{% advice kind code %}: the published words of one piece of advice, filled in for this plan."""

from django import template
from django.utils.translation import get_language

from ealing_send.dates import day_words
from guidance.published import published_advice
from guidance.question_words import wording

register = template.Library()


def deadline_values(deadline) -> dict[str, str]:
    """A deadline's dates as its words show them, in the page's language: "1 October 2026", or
    with the day of the week."""
    values = {}
    for name, day in (
        ("counted_from", deadline.counted_from),
        ("time_limit_ends", deadline.unadjusted),
        ("due", deadline.due),
        ("act_by", deadline.act_by),
    ):
        if day is None:
            continue
        values[name] = day_words(day)
        values[f"{name}_day"] = day_words(day, weekday=True)
    return values


@register.simple_tag(takes_context=True)
def advice(context, kind: str, code: str, deadline=None, inline: bool = False):
    """The words the rules name by `kind` and `code`, with "your child" or "you" as this plan
    speaks, and the dates of `deadline` when the words are about one; `inline` leaves off the
    paragraph around words of one paragraph, for a sentence or list item of the page's own."""
    values = wording(bool(context.get("young_person")), get_language())
    if deadline is not None:
        values.update(deadline_values(deadline))
    return published_advice().html(kind, code, values, inline)
