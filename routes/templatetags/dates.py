"""{{ day|day_words }} and {{ day|day_words:"weekday" }}: a date as the page's language writes it."""

from django import template
from django.utils import timezone

from ealing_send.dates import day_words as words_for

register = template.Library()


@register.filter
def day_words(day, weekday=""):
    """ "1 October 2026" ("Thursday 1 October 2026" with "weekday"), in the active language."""
    if not day:
        return ""
    return words_for(day, weekday == "weekday")


@register.simple_tag
def today_words():
    """Today in the site's time zone, as the page's language writes it."""
    return words_for(timezone.localdate())
