"""At most a few answers an hour from one visitor, without keeping who they are.

Each visitor is counted under HMAC-SHA256 of their address, keyed with the site's SECRET_KEY and
today's date (Django's `salted_hmac`). Every server process works the same key out for itself, so
nothing but the count and that code is stored: the key is in no cache, database or backup, and
without it the code cannot be matched to an address (with a salt stored beside the codes, the
whole of IPv4 could be tried in two hours: probe 2026-12, finding 9). The key changes each day, so
one visitor's codes on two days cannot be linked by anyone without it.

A count lives an hour. Redis deletes it then; Django's database cache would keep an expired row
until the table passed 300 rows, so with that cache every answer also deletes the counts that have
expired (`forget_expired_counts`, also run by `manage.py forget_feedback_counts`).

When the cache cannot be reached the answer is not kept, and the visitor still gets the thank-you:
the limit is all that bounds what anyone can add, and a cache outage must not be a 500 (finding 8).

We do not use django-axes (it is for sign-ins, and records addresses in the database) or
django-ratelimit (its keys are unsalted hashes of the address): this is the whole of what the form
needs.
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from ealing_send.addresses import client_address

logger = logging.getLogger(__name__)

ANSWERS_PER_HOUR = 10
HOUR = 60 * 60
COUNT_PREFIX = "feedback-answers:"
# Entries of the scheme before December 2026 (a salt kept in the cache beside sha256 codes): never
# read now, deleted from the database cache with the expired counts.
OLD_PREFIXES = ("feedback-salt:", "feedback-count:")
# What a cache raises when it cannot be reached: Redis stopped, hung or refusing (django-redis wraps
# these as ConnectionInterrupted), or the database behind the database cache.
CACHE_FAILURES = (ConnectionInterrupted, RedisError, DatabaseError, OSError)


def _cache():
    return caches["default"]


def visitor_code(address: str, day) -> str:
    """The code one address is counted under on one day: HMAC-SHA256 with a key made from
    SECRET_KEY and the date, which is never stored."""
    return salted_hmac(
        f"feedback.throttle:{day.isoformat()}", address, algorithm="sha256"
    ).hexdigest()


def _count(key: str) -> int:
    cache = _cache()
    cache.add(key, 0, HOUR)
    try:
        return cache.incr(key)
    except ValueError:
        # The entry expired between add() and incr(): this is the first answer of a new hour.
        cache.set(key, 1, HOUR)
        return 1


def forget_expired_counts() -> int:
    """Delete the database cache's expired counts (and the old scheme's entries); how many went.
    Other caches delete what has expired themselves."""
    cache = _cache()
    if not isinstance(cache, DatabaseCache):
        return 0
    db = router.db_for_write(cache.cache_model_class)
    connection = connections[db]
    table = connection.ops.quote_name(cache._table)
    key, expires = connection.ops.quote_name("cache_key"), connection.ops.quote_name("expires")
    now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
    # The keys as the cache writes them (KEY_PREFIX and version first); none holds % or _.
    counts, *old = (cache.make_key(prefix) + "%" for prefix in (COUNT_PREFIX, *OLD_PREFIXES))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE ({key} LIKE %s AND {expires} < %s)"  # noqa: S608 - names quoted
            + f" OR {key} LIKE %s" * len(old),
            [counts, now, *old],
        )
        return cursor.rowcount


def may_answer(request) -> bool:
    """Count this answer, and say whether it may be kept: within the hourly limit, and counted."""
    key = COUNT_PREFIX + visitor_code(client_address(request) or "", timezone.localdate())
    try:
        count = _count(key)
    except CACHE_FAILURES as error:
        # One line, without the address or the code: the answer is simply not kept.
        logger.warning(
            "Feedback not counted, so not kept: the cache failed (%s)", type(error).__name__
        )
        return False
    try:
        forget_expired_counts()
    except DatabaseError as error:
        # The answer was counted; the expired rows go with the next one.
        logger.warning("Expired feedback counts not deleted this time (%s)", type(error).__name__)
    return count <= ANSWERS_PER_HOUR
