"""A pytest plugin that runs the whole suite as if the machine's clock said another day:

    .venv/bin/python -m pytest -p tests.machine_clock --machine-clock=2027-06-01

(or TEST_MACHINE_CLOCK=2027-06-01). `python -m` puts the project on sys.path before `-p` loads the
plugin: `.venv/bin/pytest -p tests.machine_clock` cannot import it. Listed in tests/conftest.py's
`pytest_plugins`, it needs neither: `pytest --machine-clock=2027-06-01`.

The clock starts at 9am London time that day and ticks for the session. It moves this process's
clock only: servers the tests start keep the machine's (the browser tests' server runs on
tests.clock.TODAY in any case). A suite that passes today but fails then reads the real date
somewhere it should not.
"""

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine


def pytest_addoption(parser):
    parser.addoption(
        "--machine-clock",
        metavar="YYYY-MM-DD",
        default=os.environ.get("TEST_MACHINE_CLOCK"),
        help="run the session with this process's clock moved to that day (time-machine)",
    )


def pytest_configure(config):
    day = config.getoption("machine_clock")
    if not day:
        return
    start = datetime.combine(date.fromisoformat(day), time(9), tzinfo=ZoneInfo("Europe/London"))
    traveller = time_machine.travel(start, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


def pytest_report_header(config):
    day = config.getoption("machine_clock")
    return f"machine clock moved to {day}" if day else None
