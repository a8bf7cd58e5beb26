"""Whole-page caching for public pages, shared by every process and server.

Every cached page's key holds the current content version. Any content save sets a new version in the
shared cache (Redis or the database cache), so every process stops using old pages on its very next
request; old entries simply expire.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

VERSION_KEY = "content-version"


def content_version() -> str:
    """The current content version, made on first use."""
    version = cache.get(VERSION_KEY)
    if version is None:
        new = uuid.uuid4().hex
        # Another process may have made one first: then theirs is the version.
        version = new if cache.add(VERSION_KEY, new, timeout=None) else cache.get(VERSION_KEY)
    return version


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs) -> None:
    """Signal receiver: content was saved or deleted, so no cached page may be served again."""
    _new_version()
    # Again after commit: a page cached by another process between the save and the commit
    # would otherwise hold the old content under the new version.
    transaction.on_commit(_new_version)


def public_page_key(request) -> str:
    """The cache key for this request: content version, today's date (pages count days), URL."""
    url = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{content_version()}:{timezone.localdate().isoformat()}:{digest}"


def cached_public_page(view):
    """Serve a public page from the shared cache when nobody is signed in.

    Signed-in staff (anyone with a session cookie) always get a fresh page, so drafts and previews
    are never cached or shown to the public.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        key = public_page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code == 200 and not response.cookies:
                cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    return wrapper
