"""Wrong second-step codes count as django-axes counts wrong passwords: five from one address lock
that person's second step for half an hour (AXES_FAILURE_LIMIT, AXES_COOLOFF_TIME). They are
counted under their own name, so signing in again with the right password (which clears the
password's count) does not clear them. Each device also slows down after each failure
(django-otp's throttling, which grows 1, 2, 4 … seconds whatever the address)."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed


def _credentials(user) -> dict:
    return {"username": f"second-step:{user.get_username()}"}


def second_step_locked(request, user) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(user))


def count_wrong_code(request, user) -> bool:
    """Count a wrong code; whether the second step is now locked."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
    # Axes would answer with its own page about passwords; our view says what happened instead.
    request.axes_locked_out = False
    return second_step_locked(request, user)
