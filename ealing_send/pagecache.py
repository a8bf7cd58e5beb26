"""The site's HTTP caching policy, in two middleware and two view decorators.

- A response is private and stored nowhere (`Cache-Control: no-store`) unless its view says it is
  a content page. Pages made from a family's answers (questions, check, plan, calendar file,
  calculator) therefore never reach our cache, a proxy's or the browser's disk cache.
- Content pages (home, routes, organisations, the site's own pages) are the same for every
  visitor. Each process keeps the ones it made lately, in memory, keyed by the release, the
  content version (see `routes.models.ContentVersion`), the day, the host and only the parameters
  the view reads, so junk parameters add no entry and a save or a release is seen on the very next
  request in this process (in others within CONTENT_VERSION_CHECK_SECONDS). They carry
  `Cache-Control` that a reverse proxy or CDN can honour, and an ETag.
- Public pages answer GET and HEAD only: anything else is a 405, before CSRF is checked.
- PrivateByDefaultMiddleware, first in the stack, makes every other response private.

Nothing is kept in a shared cache: pages are cheap to make once per process and version, and a
cache outage then cannot cost a staff save or serve a page from before a release.
"""

import hashlib
import threading
from collections import OrderedDict
from datetime import date
from functools import lru_cache
from time import time
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from routes.models import ContentVersion

SAFE_METHODS = ("GET", "HEAD")


def content_page(reads: tuple[str, ...] = ()):
    """Mark a view as a content page: the same for every visitor, kept per content version.

    `reads` names the query parameters the view uses; any others are ignored for the cache. A view
    that answers with an error on the page sets its own Cache-Control (no-store), and that page is
    then neither kept nor public.
    """

    def mark(view):
        view.page_kind = "content"
        view.page_reads = tuple(reads)
        return view

    return mark


def private_page(view):
    """Mark a public view whose page depends on what the visitor typed: never kept anywhere."""
    view.page_kind = "private"
    return view


@lru_cache(maxsize=4096)
def _page_kind(path_info: str, urlconf: str | None) -> tuple[str, tuple[str, ...]]:
    """What kind of page this address serves ('content', 'private' or '') and what it reads."""
    try:
        match = resolve(path_info, urlconf=urlconf)
    except Resolver404:
        return "", ()
    return getattr(match.func, "page_kind", ""), getattr(match.func, "page_reads", ())


def page_reads(request) -> tuple[str, ...]:
    """The query parameters this request's page says it reads (content_page), worked out once
    per address."""
    return _page_kind(request.path_info, getattr(request, "urlconf", None))[1]


_day: tuple[int, date] = (0, date.min)


def _today() -> date:
    """Today in the site's time zone, worked out at most once a second (it is in every key)."""
    global _day
    second = int(time())
    if _day[0] != second:
        _day = (second, timezone.localdate())
    return _day[1]


def _release() -> str:
    """This release: RELEASE_ID if the deployment sets it, else a hash of the static manifest
    (every CSS change renames a file in it), so no page can link a stylesheet that has gone."""
    if getattr(settings, "RELEASE_ID", ""):
        return settings.RELEASE_ID
    manifest = settings.STATIC_ROOT / "staticfiles.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:16]
    except OSError:
        return "unbuilt"


class RecentPages:
    """The content pages this process made lately: a bounded, thread-safe LRU."""

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict[tuple, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, key: tuple) -> tuple | None:
        with self._lock:
            entry = self._pages.get(key)
            if entry is not None:
                self._pages.move_to_end(key)
            return entry

    def put(self, key: tuple, entry: tuple) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._pages[key] = entry
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def values(self) -> list[tuple]:
        with self._lock:
            return list(self._pages.values())

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


recent_pages = RecentPages(settings.PUBLIC_PAGE_CACHE_ENTRIES)


class PageCacheMiddleware:
    """Apply the caching policy above. Placed after the security headers, so every response
    (served from memory or made fresh) gets them, and before sessions, CSRF and auth, so a page
    kept in memory costs none of them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.release = _release()
        # The version this process last read, for serving kept pages while the database is down.
        self.last_version = None

    def __call__(self, request):
        kind, reads = _page_kind(request.path_info, getattr(request, "urlconf", None))
        if kind and request.method not in SAFE_METHODS:
            return HttpResponseNotAllowed(SAFE_METHODS)
        if kind == "private":
            response = self.get_response(request)
            # A page made from answers has them in its address: no request it leads to (its
            # stylesheet, a link followed, the feedback form) may carry that address in Referer,
            # where a proxy's log would keep it. SecurityMiddleware's default leaves this alone.
            response["Referrer-Policy"] = "no-referrer"
            return response
        if kind != "content" or settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Signed-in staff always get a fresh page, so drafts are never kept or shown publicly.
            return self.get_response(request)
        key = self._key(request, reads)
        entry = recent_pages.get(key)
        if entry is not None:
            return _conditional(request, _from_entry(entry))
        response = self.get_response(request)
        if self._may_keep(request, reads, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PUBLIC_PAGE_MAX_AGE
            )
            patch_vary_headers(response, ("Cookie",))
            set_response_etag(response)
            recent_pages.put(key, (response.status_code, list(response.items()), response.content))
            return _conditional(request, response)
        return response

    def _key(self, request, reads) -> tuple:
        try:
            version = ContentVersion.current()
            self.last_version = version
        except DatabaseError:
            if self.last_version is None:
                raise
            # The database is down: what this process made from the last version it saw is the
            # best page there is; nothing newer can exist while no save can happen.
            version = self.last_version
        params = tuple((name, request.GET.get(name, "")) for name in reads)
        return (
            self.release,
            version,
            _today(),
            # The Host header as sent: a page is only kept after Django has accepted its host, so a
            # host it refuses never finds one.
            request.META.get("HTTP_HOST", ""),
            request.path_info,
            params,
        )

    @staticmethod
    def _may_keep(request, reads, response) -> bool:
        """Keep only a whole, public-by-default 200 made for the page's own address: the address is
        written into the page (its printed-from line), so one with anything more (another
        parameter, a repeated one, an encoded name) is made fresh and not kept."""
        own = urlencode([(name, request.GET[name]) for name in reads if name in request.GET])
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
            and request.META.get("QUERY_STRING", "") == own
        )


class PrivateByDefaultMiddleware:
    """First in the stack, so it sees every response, redirects and refusals from the middleware
    below included: one that says nothing about caching is private and stored nowhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _conditional(request, response):
    """304 Not Modified when the browser or proxy already has this content page (its ETag)."""
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _from_entry(entry: tuple) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response
