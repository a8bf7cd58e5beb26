"""Whole-page caching for public pages, shared by every process and server.

Each cached page is stored with the content version it was made from. Any content save sets a new
version in the shared cache (Redis or the database cache), so every process stops serving older pages
on its very next request; old entries simply expire. Each process also keeps the pages it served
lately, so a hit costs one small round trip (the version) and is served by middleware before
sessions, CSRF and auth run.
"""

import hashlib
import logging
import threading
import uuid
from collections import OrderedDict
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone

VERSION_KEY = "content-version"
logger = logging.getLogger(__name__)


class RecentPages:
    """The pages this process served lately, each with the content version it was made from.

    An entry is only used while its version is the shared current one, which every request reads,
    so this never serves a page older than the shared cache would.
    """

    def __init__(self, size: int):
        self._size = size
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, version: str) -> tuple | None:
        with self._lock:
            entry = self._pages.get(key)
            if entry is None or entry[0] != version:
                return None
            self._pages.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        with self._lock:
            self._pages[key] = entry
            self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)


recent_pages = RecentPages(settings.PUBLIC_PAGE_CACHE_LOCAL_ENTRIES)


def _first_version() -> str:
    """Make the content version on first use."""
    new = uuid.uuid4().hex
    # Another process may have made one first: then theirs is the version.
    return new if cache.add(VERSION_KEY, new, timeout=None) else cache.get(VERSION_KEY)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs) -> None:
    """Signal receiver: content was saved or deleted, so no cached page may be served again."""
    _new_version()
    # Again after commit: a page made by another process between the save and the commit would
    # otherwise carry the new version with the old content.
    transaction.on_commit(_new_version)


def public_page_key(request) -> str:
    """The cache key for this request: today's date (pages count days) and the full URL.

    The raw Host header is safe here: a page is only stored after Django has validated the host,
    so a request with a bad host never finds an entry.
    """
    url = f"{request.META.get('HTTP_HOST', '')}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page:{timezone.localdate().isoformat()}:{digest}"


@lru_cache(maxsize=4096)
def _is_public_page(path_info: str, urlconf: str | None) -> bool:
    """Whether this address belongs to a view that keeps its pages in the cache."""
    try:
        match = resolve(path_info, urlconf=urlconf)
    except Resolver404:
        return False
    return getattr(match.func, "public_page", False)


def _may_use_cache(request) -> bool:
    # Signed-in staff (anyone with a session cookie) always get a fresh page, so drafts and
    # previews are never cached or shown to the public. The admin, /healthz and unknown
    # addresses cost no cache round trip.
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return _is_public_page(request.path_info, getattr(request, "urlconf", None))


class PublicPageCacheMiddleware:
    """Serve a cached public page before sessions, CSRF, auth and the view run.

    Placed after the middleware that adds security headers, so a cached page gets them too. On a
    miss it notes the key and the version it read, for `cached_public_page` to fill.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = public_page_key(request)
        try:
            version = cache.get(VERSION_KEY) or _first_version()
            entry = recent_pages.get(key, version)
            if entry is None:
                entry = cache.get(key)
                if entry is not None and entry[0] == version:
                    recent_pages.put(key, entry)
        except Exception:  # any cache failure: serve the page uncached
            logger.warning(
                "Page cache unavailable; serving %s uncached", request.path, exc_info=True
            )
            return self.get_response(request)
        if entry is not None and entry[0] == version:
            _, status, content_type, body = entry
            return HttpResponse(body, status=status, content_type=content_type)
        request.page_cache_slot = (key, version)
        return self.get_response(request)


def cached_public_page(view):
    """Keep this view's successful pages in the shared cache, for PublicPageCacheMiddleware.

    The page is stored with the content version read before it was made, so a save during the
    render can never leave an old page under the new version.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        slot = getattr(request, "page_cache_slot", None)
        if slot is None or response.status_code != 200 or response.cookies:
            return response
        key, version = slot
        entry = (version, response.status_code, response["Content-Type"], response.content)
        recent_pages.put(key, entry)
        try:
            cache.set(key, entry, settings.PUBLIC_PAGE_CACHE_SECONDS)
        except Exception:  # the page is fine; only caching it failed
            logger.warning("Could not cache %s", request.path, exc_info=True)
        return response

    wrapper.public_page = True
    return wrapper
