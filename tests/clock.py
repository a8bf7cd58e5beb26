"""The day the tests live on. Plans count days from today, so every test whose pages or rules read
the clock freezes it at this day; the suite then passes whatever the machine's clock says."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

TODAY = date(2026, 11, 28)
# Noon in London, the site's time zone: a clock that ticks from here stays on TODAY all run.
NOON_TODAY = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=ZoneInfo("Europe/London"))
# The environment variable that tells tests/frozen_wsgi.py when its server's clock starts.
SERVER_CLOCK = "TEST_SERVER_CLOCK"
# When the test database's content was loaded (tests/conftest.py): before any test's clock.
CONTENT_LOADED = NOON_TODAY - timedelta(days=1)
