"""Staff are signed out after STAFF_IDLE_TIMEOUT without an admin page (30 minutes; OWASP ASVS
4.0.3 V3.3.2), and SESSION_COOKIE_AGE after they signed in (eight hours) however busy: the
session's own expiry moves on whenever the session is saved, so the eight hours are counted here
from the first page of the session. Parents have no session, so this never touches them.

The time of the last admin page is written at most once a minute, not a database write for every
page."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.urls import reverse

LAST_SEEN = "staff_signin_last_seen"
SIGNED_IN_AT = "staff_signin_signed_in_at"
# How stale the recorded last page may be before it is written again.
RECORD_EVERY_SECONDS = 60


class SignOutWhenIdle:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session cookie can be a member of staff's (checked before
        # request.user, which would read the session).
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session, now = request.session, time.time()
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen = session.get(LAST_SEEN)
        idle = settings.STAFF_IDLE_TIMEOUT.total_seconds()
        if (last_seen is not None and now - last_seen > idle) or (
            signed_in_at is not None and now - signed_in_at > settings.SESSION_COOKIE_AGE
        ):
            # The page asked for then answers as it does to anyone signed out: an admin page
            # sends them to sign in again, and back to it after.
            logout(request)
            return
        if not request.path.startswith(reverse("admin:index")):
            return
        if signed_in_at is None:
            session[SIGNED_IN_AT] = now
        if last_seen is None or now - last_seen >= RECORD_EVERY_SECONDS:
            session[LAST_SEEN] = now
