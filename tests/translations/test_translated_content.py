"""Translated staff content is held to the same rules as the English, and dates are written the
way the page's language writes them."""

import json
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from ealing_send.dates import day_words
from guidance import advice
from guidance.models import Advice


def test_translated_advice_may_use_only_its_kinds_placeholders():
    words = Advice(kind=advice.REASON, code="x", words="Talk to the school, {child}.")
    words.words_pl = "Porozmawiaj ze szkołą przed {deadline}."
    with pytest.raises(ValidationError) as problem:
        words.clean()
    assert list(problem.value.message_dict) == ["words_pl"]
    words.words_pl = "Możesz porozmawiać ze szkołą ({child})."
    words.clean()


@pytest.mark.parametrize(
    ("language", "plain", "with_weekday"),
    [
        ("en-gb", "1 October 2026", "Thursday 1 October 2026"),
        # The month in the genitive, as Polish writes a day of a month.
        ("pl", "1 października 2026", "czwartek, 1 października 2026"),
        ("ur", "1 اکتوبر 2026", "جمعرات، 1 اکتوبر 2026"),
    ],
)
def test_a_day_is_written_the_way_the_language_writes_it(language, plain, with_weekday):
    with translation.override(language):
        assert day_words(date(2026, 10, 1)) == plain
        assert day_words(date(2026, 10, 1), weekday=True) == with_weekday


def test_every_shipped_translation_fits_its_column():
    """SQLite does not enforce a column's length and PostgreSQL refuses the whole release: check here."""
    too_long = []
    for path in sorted((Path(settings.BASE_DIR) / "fixtures" / "translations").glob("*/*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            model = apps.get_model(record["model"])
            for name, words in record["fields"].items():
                limit = model._meta.get_field(name).max_length
                if limit and len(words or "") > limit:
                    too_long.append(
                        f"{path.parent.name}/{path.name} {record['pk']} {name}: {len(words)} > {limit}"
                    )
    assert too_long == []
