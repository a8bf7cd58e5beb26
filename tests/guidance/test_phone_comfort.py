"""Small things that make the questions easier on a phone."""

import re

import pytest

DECISION = "/what-can-i-do/decision/?who=parent&concern=la-decision"
DATE = "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan"


@pytest.mark.django_db
def test_date_boxes_open_the_number_keypad(client):
    page = client.get(DATE).content.decode()
    boxes = re.findall(r"<input[^>]*govuk-date-input__input[^>]*>", page)
    assert len(boxes) == 3
    assert all('inputmode="numeric"' in box for box in boxes)


@pytest.mark.django_db
def test_the_or_divider_sits_between_the_answers_above_the_last_one(client):
    page = client.get(DECISION).content.decode()
    divider = page.index("govuk-radios__divider")
    assert page.index('value="cease-plan"') < divider < page.index('value="other"')
    assert page.count("govuk-radios__divider") == 1
