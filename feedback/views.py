"""The "Is this page useful?" form's one address: it takes the answer, keeps what may be kept, and
sends the visitor back to their page with a thank-you."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .comments import comment_to_keep
from .models import PageFeedback
from .throttle import may_answer

THANKS = "#feedback-thanks"
PAGE_NOT_FOUND = "(a page that does not exist)"


class SeeOther(HttpResponseRedirect):
    """303: the browser fetches the page again with GET, so a refresh does not send twice."""

    status_code = 303


def _same_site(request, address: str) -> bool:
    parts = urlsplit(address)
    return bool(parts.netloc) and parts.netloc == request.get_host()


def _page_path(request) -> str:
    """The page the answer is about: its path only, never the query string, and only an address
    the site has (anything else could be text a visitor typed into the address bar)."""
    path = urlsplit(request.POST.get("page", "")).path
    if not path.startswith("/") or path.startswith("//"):
        return PAGE_NOT_FOUND
    try:
        resolve(path)
    except Resolver404:
        return PAGE_NOT_FOUND
    return path[:200]


def _back(request, path: str) -> str:
    """Where to send the visitor: the page they were on, with its own query string (a plan's
    address holds the answers that make it), which is used here and never kept."""
    referer = request.META.get("HTTP_REFERER", "")
    if _same_site(request, referer):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "") + THANKS
    return (path if path != PAGE_NOT_FOUND else "/") + THANKS


# No CSRF token: a token needs a cookie (or a per-visitor value in the page), and this form is on
# every page, which must set no cookie and stay the same for everyone so it can be cached. A
# forged request could do nothing but add one anonymous answer, so instead of a token the answer
# must come from a page of this site (its Origin, or failing that its Referer), and the rate
# limit bounds how many anyone can send.
@csrf_exempt
@require_POST
def page_feedback(request):
    origin = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER", "")
    if not _same_site(request, origin):
        return render(request, "feedback/not_sent.html", {"nav_section": ""}, status=403)
    useful = request.POST.get("useful")
    path = _page_path(request)
    if useful in ("yes", "no") and may_answer(request):
        today = timezone.localdate()
        PageFeedback.objects.create(
            page=path,
            week=today - timedelta(days=today.weekday()),
            useful=useful == "yes",
            comment=comment_to_keep(request.POST.get("comment", "")),
        )
    # Also when the answer was not kept (no yes or no, or too many): nothing a visitor can fix.
    return SeeOther(_back(request, path))
