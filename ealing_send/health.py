"""The load balancer's health check, answered before host checks and the HTTPS redirect.

A probe comes over plain HTTP with the container's own address as Host, which the site proper
would redirect or refuse; it still gets the security headers of the middleware above this one.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponseNotAllowed, JsonResponse

PATH = "/healthz"


def database_answers() -> bool:
    """Whether the database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


class HealthCheckMiddleware:
    """200 when the database answers, 503 when it does not, on GET or HEAD /healthz."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(("GET", "HEAD"))
        if database_answers():
            response = JsonResponse({"status": "ok", "database": "ok"})
        else:
            response = JsonResponse({"status": "error", "database": "unreachable"}, status=503)
        response["Cache-Control"] = "no-store"
        return response
