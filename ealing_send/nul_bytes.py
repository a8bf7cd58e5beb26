"""Refuse requests that carry a NUL byte in their path, query string or cookies.

No address or answer on this site contains one, and PostgreSQL cannot hold one in a text field: a
NUL that reached a database filter or search (the admin's list filters and autocomplete) would end
in a 500. Refusing it once, here, answers every such request with 400 before any view runs.
"""

from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.urls import get_resolver
from django.utils.log import log_response


class RefuseNulBytesMiddleware:
    """Answer 400 Bad Request to any request whose path, query string or cookies hold a NUL byte
    (a quoted cookie may spell one as \\000, and the session cookie reaches the database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = unquote(request.META.get("QUERY_STRING", ""))
        cookies = request.COOKIES.values()
        if "\x00" in request.path_info or "\x00" in query or any("\x00" in c for c in cookies):
            refusal = BadRequest("The address holds a NUL byte.")
            handler = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(400)
            response = handler(request, refusal)
            # One line in the log: a refusal, not a fault, so no traceback (raising BadRequest
            # logged ten lines for every such request).
            log_response("Refused: %s", str(refusal), response=response, request=request)
            return response
        return self.get_response(request)
