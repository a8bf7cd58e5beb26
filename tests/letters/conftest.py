"""Letters carry the date they are made: their tests live on one day."""

import pytest
import time_machine

from tests.clock import NOON_TODAY, TODAY


@pytest.fixture(autouse=True)
def today():
    """Freeze the clock at noon on tests.clock.TODAY for the test; returns that date."""
    with time_machine.travel(NOON_TODAY, tick=False):
        yield TODAY
