"""Wrong passwords and codes, counted so that nobody else can lock a member of staff out.

django-axes counts wrong passwords (and, through throttle.py, wrong second-step codes) per
username *and* address: five from one address pause that username from that address only, so
the same person signing in from anywhere else is let in (AXES_LOCKOUT_PARAMETERS). An address
that sends many wrong passwords whatever the usernames, say a new made-up one each time, is
paused too, with a higher limit (SIGN_IN_FAILURES_PER_ADDRESS): each wrong password costs the
password hasher's time, which is the point of the hasher, and no reason to let one client spend
a worker's on it for ever. Both pauses last AXES_COOLOFF_TIME from the last wrong attempt.

axes has one failure limit for every set of lockout parameters, so the per-address limit is this
handler's own, over the same records."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def failures_from_address(request) -> int:
    """Wrong passwords and codes from the request's address within the cool-off, whatever the
    usernames."""
    address = request.axes_ip_address
    attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
    attempts = (
        attempts.filter(ip_address=address)
        if address is not None
        else attempts.filter(ip_address__isnull=True)
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def address_paused(request) -> bool:
    return failures_from_address(request) >= settings.SIGN_IN_FAILURES_PER_ADDRESS


class SignInLockout(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or address_paused(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The wrong attempt that reaches the address's limit is answered as paused, as the one
        # that reaches a username's limit is.
        if request is not None and not request.axes_locked_out and address_paused(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials
