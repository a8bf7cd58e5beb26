"""At most a few answers an hour from one visitor, without keeping who they are.

The key is a hash of the client's address with a salt that is made afresh each day and lives only
in the shared cache, so the cache never holds an address, and after the day neither the salt nor a
key can be matched to one. We do not use django-axes (it is for sign-ins, and records addresses in
the database) or django-ratelimit (its keys are unsalted hashes of the address): this is the whole
of what the form needs.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

ANSWERS_PER_HOUR = 10
HOUR = 60 * 60
DAY = 24 * HOUR


def client_address(request) -> str:
    """The visitor's address as the site's sign-in lockout reads it (behind DJANGO_PROXY_COUNT
    trusted proxies, from X-Forwarded-For)."""
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _todays_salt() -> str:
    name = f"feedback-salt:{timezone.localdate().isoformat()}"
    salt = cache.get(name)
    if salt is None:
        # add() so that two processes making it at once agree on one.
        cache.add(name, secrets.token_hex(16), DAY)
        salt = cache.get(name) or ""
    return salt


def may_answer(request) -> bool:
    """Count this answer, and say whether it is within the hourly limit."""
    digest = hashlib.sha256(f"{_todays_salt()}:{client_address(request)}".encode()).hexdigest()
    key = f"feedback-count:{digest}"
    cache.add(key, 0, HOUR)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this is the first answer of a new hour.
        cache.set(key, 1, HOUR)
        count = 1
    return count <= ANSWERS_PER_HOUR
