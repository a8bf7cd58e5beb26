"""The site's WSGI application with its clock set to the time in TEST_SERVER_CLOCK (ISO 8601), for
tests that drive a real server whose pages count days from today. Test-only: production serves
ealing_send.wsgi, which this module wraps without changing."""

import os
from datetime import datetime

import time_machine

from tests.clock import SERVER_CLOCK

# Started before Django loads, and ticking, so the server's clock runs from that moment as usual.
time_machine.travel(datetime.fromisoformat(os.environ[SERVER_CLOCK]), tick=True).start()

from ealing_send.wsgi import application  # noqa: E402

__all__ = ["application"]
