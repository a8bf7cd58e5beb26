"""The page a visitor sees when the site fails: 503 while the database cannot be reached, else 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

# How long to wait before trying again, for browsers and crawlers.
RETRY_AFTER_SECONDS = 120


def server_error(request):
    """Django's handler500, told apart: a database that does not answer (a connection refused or
    dropped, a lock not released) is an outage to wait out, not a fault in the page."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponseServerError(loader.get_template("500.html").render())
    response["Cache-Control"] = "no-store"
    return response
