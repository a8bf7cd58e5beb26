"""A person's second-factor devices: which they have, checking a code against them, making an
authenticator app's set-up (its QR code and key) and recovery codes. The codes themselves are
checked by django-otp (TOTP with its replay and drift rules, single-use static tokens), each with
its device's row locked, so that a code is used once even by two sessions at once."""

import base64
import re
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

AUTHENTICATOR_APP = "Authenticator app"
RECOVERY_CODES = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# An authenticator app shows six digits; a recovery code is eight letters and digits.
APP_CODE = re.compile(r"^\d{6}$")


def has_second_factor(user) -> bool:
    """Whether the person has set up a second factor they can sign in with."""
    return any(devices_for_user(user, confirmed=True))


def authenticator_set_up(user) -> TOTPDevice:
    """The authenticator app being set up: made on the first visit, the same one after."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_APP, confirmed=False)


def key_as_text(device: TOTPDevice) -> str:
    """The key to type into an app that cannot scan, in groups of four: 'ABCD EFGH …'."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(text: str) -> str:
    """The QR code of `text` as an SVG image in a data: address (the CSP allows data: images, and
    an <img> carries no inline style)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def normalised(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def verified_device(user, code: str):
    """The device that accepts `code` (an app's six digits, or an unused recovery code), or None.
    Each device counts its own failures and refuses to check while it waits (django-otp's
    throttling); a used app code or recovery code is refused, even when two sessions send the
    same code at the same instant (`code_accepted`)."""
    code = normalised(code)
    if not code:
        return None
    kind = TOTPDevice if APP_CODE.match(code) else StaticDevice
    for device in kind.objects.devices_for_user(user, confirmed=True):
        if code_accepted(device, code):
            return device
    return None


def code_accepted(device, code: str) -> bool:
    """Whether `device` accepts `code`, using it up. The device's row is locked while the code is
    checked and used (select_for_update on PostgreSQL; on SQLite every transaction takes the
    write lock when it starts), and checked as it is then, not as `device` was read: a second
    session sending the same code waits, then finds the recovery code gone or the app's time step
    taken (django-otp's last_t), and is refused. `device` is brought up to date."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().filter(pk=device.pk).first()
        # A colleague may have reset this person's second factor meanwhile.
        if locked is None:
            return False
        allowed, _ = locked.verify_is_allowed()
        accepted = allowed and locked.verify_token(code)
    device.refresh_from_db()
    return accepted


def must_wait(user, code: str) -> bool:
    """Whether every device that could take `code` is waiting after a wrong code (django-otp's
    throttling), so the code was not checked at all."""
    kind = TOTPDevice if APP_CODE.match(normalised(code)) else StaticDevice
    candidates = list(kind.objects.devices_for_user(user, confirmed=True))
    return bool(candidates) and not any(d.verify_is_allowed()[0] for d in candidates)


def confirm_authenticator(device: TOTPDevice, code: str) -> bool:
    """Check the first code from a newly set-up app; when right, the app is the person's."""
    if not code_accepted(device, normalised(code)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten new one-time recovery codes; any earlier ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_CODES, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def security_keys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


@transaction.atomic
def remove_second_factor(user) -> None:
    """Take away every way the person had of proving it is them: at their next page they set up
    a new one."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()
