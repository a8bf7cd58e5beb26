"""The test side of the second factor: give a test account a way to pass it, and pass it, with
django-otp's own code (never a setting that turns it off).

- In-process tests: `verify_client(client, user)` gives the user an authenticator app and marks the
  test client's session as having used it; tests/conftest.py makes every `force_login` do that.
- Real servers: the account gets recovery codes that the tests know (`RECOVERY_CODES_SCRIPT`, run in
  the server's database), and each sign-in uses the next one (`next_recovery_code`). Recovery codes,
  not the app's codes, because an app's code works once per 30 seconds and the tests sign in more
  often than that; the app's codes are proved in tests/staff_signin/.
"""

import itertools
import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

# One run of the tests signs in fewer times than this on any one server.
TEST_RECOVERY_CODE_COUNT = 1000
_used = itertools.count()


def numbered_recovery_code(number: int) -> str:
    """The `number`th recovery code every test account on a real server has: 8 characters."""
    return f"t{number:07d}"


def next_recovery_code() -> str:
    """A recovery code not used yet in this test run (each works once)."""
    number = next(_used)
    assert number < TEST_RECOVERY_CODE_COUNT, "the test accounts have run out of recovery codes"
    return numbered_recovery_code(number)


def recovery_codes_script(username_expression: str) -> str:
    """Python for `manage.py shell`: gives the user named by `username_expression` the tests'
    recovery codes."""
    return f"""
from django.contrib.auth.models import User as _User
from django_otp.plugins.otp_static.models import StaticDevice as _StaticDevice, StaticToken as _Token
_device = _StaticDevice.objects.create(
    user=_User.objects.get(username={username_expression}), name="Recovery codes", confirmed=True
)
_Token.objects.bulk_create(
    _Token(device=_device, token=f"t{{_n:07d}}") for _n in range({TEST_RECOVERY_CODE_COUNT})
)
"""


def app_code(device, at: float | None = None) -> str:
    """The code an authenticator app shows for `device` at `at` (now, by default), computed by
    django-otp's own TOTP."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{device.digits}d}"


def give_authenticator(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def verify_client(client, user) -> None:
    """Mark the test client's session, already signed in as `user`, as having passed the second
    factor with their authenticator app, as django_otp.login() does."""
    device = give_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
