"""Letters carry the date they are made: their tests live on one day."""

import pytest
import time_machine

from tests.clock import NOON_TODAY, TODAY

# The real server with production's logging that the privacy test reads (test_server.py).
from tests.test_privacy import site  # noqa: F401


@pytest.fixture(autouse=True)
def today():
    """Freeze the clock at noon on tests.clock.TODAY for the test; returns that date."""
    with time_machine.travel(NOON_TODAY, tick=False):
        yield TODAY
