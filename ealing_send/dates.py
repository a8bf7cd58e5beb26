"""A day written in words in the active language: "1 October 2026", "1 października 2026"."""

from datetime import date

from django.utils.dateformat import format as format_date
from django.utils.formats import get_format_modules

# English's way, for a language whose format module does not say (ealing_send/formats/).
DEFAULT_FORMATS = {"DAY_FORMAT": "j F Y", "WEEKDAY_FORMAT": "l j F Y", "WEEKDAY_LOWER_CASE": False}


def _format(name: str) -> str:
    for module in get_format_modules():
        found = getattr(module, name, None)
        if found:
            return found
    return DEFAULT_FORMATS[name]


def day_words(day: date, weekday: bool = False) -> str:
    """`day` as the active language writes it in a sentence, with the day of the week if asked."""
    words = format_date(day, _format("WEEKDAY_FORMAT" if weekday else "DAY_FORMAT"))
    # Django's Polish names of the days start with a capital; inside a sentence Polish writes them
    # in lower case ("do czwartku", "w czwartek, 1 października").
    if weekday and _format("WEEKDAY_LOWER_CASE"):
        words = words[:1].lower() + words[1:]
    return words
