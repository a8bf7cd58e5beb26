"""The "Is this page useful?" form's one address: it takes the answer, keeps what may be kept, and
sends the visitor back to their page with a thank-you."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ealing_send.origin import posted_from_this_site

from .comments import comment_to_keep
from .models import PageFeedback
from .pages import page_address
from .throttle import may_answer

THANKS = "#feedback-thanks"
PAGE_NOT_FOUND = "(a page that does not exist)"
# Longer than any page's own address with its answers; anything longer is not one of ours.
ADDRESS_MAX_LENGTH = 2000


class SeeOther(HttpResponseRedirect):
    """303: the browser fetches the page again with GET, so a refresh does not send twice."""

    status_code = 303


def _posted_address(request) -> tuple[str, str]:
    """The address the form posted (`page`: the page's own path and query string), split into
    (path, query) when it is a path on this site, else ("", "")."""
    sent = request.POST.get("page", "")
    if len(sent) > ADDRESS_MAX_LENGTH or not sent.isprintable() or "\\" in sent:
        return "", ""
    parts = urlsplit(sent)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return "", ""
    return parts.path, parts.query


def _back(path: str, query: str, page: str | None) -> str:
    """Where to send the visitor: the page they were on, with its own query string (a plan's
    address holds the answers that make it), which is used here and never kept. Only an address
    of a page the site has (`page`), so the form cannot send anyone elsewhere; never from the
    Referer, which a page made from answers does not send (Referrer-Policy: no-referrer)."""
    if page is None:
        # The start of the site, in the language the form was sent in.
        return reverse("routes:home") + THANKS
    return page + (f"?{query}" if query and path == page else "") + THANKS


# No CSRF token: a token needs a cookie (or a per-visitor value in the page), and this form is on
# every page, which must set no cookie and stay the same for everyone so it can be cached. A
# forged request could do nothing but add one anonymous answer, so instead of a token the answer
# must come from a page of this site (Sec-Fetch-Site, Origin or Referer: ealing_send/origin.py;
# a page made from answers posts `Origin: null` and no Referer), and the rate limit bounds how
# many anyone can send.
@csrf_exempt
@require_POST
def page_feedback(request):
    if not posted_from_this_site(request):
        return render(request, "feedback/not_sent.html", {"nav_section": ""}, status=403)
    useful = request.POST.get("useful")
    path, query = _posted_address(request)
    page = page_address(path) if path else None
    if useful in ("yes", "no") and may_answer(request):
        today = timezone.localdate()
        PageFeedback.objects.create(
            page=page or PAGE_NOT_FOUND,
            week=today - timedelta(days=today.weekday()),
            useful=useful == "yes",
            comment=comment_to_keep(request.POST.get("comment", "")),
        )
    # Also when the answer was not kept (no yes or no, or too many): nothing a visitor can fix.
    return SeeOther(_back(path, query, page))
