"""Whether a POST comes from one of this site's own pages, for the forms that carry no CSRF token
(the letters and "Is this page useful?": they set no cookie, see their views).

A browser says where a request comes from in three ways, best first:
- `Sec-Fetch-Site` (Fetch Metadata, sent by every current browser, whatever the page's referrer
  policy): "same-origin" for a form on this site;
- `Origin`: the page's origin; but a page sent with `Referrer-Policy: no-referrer` (every page made
  from answers, so its address reaches no log) posts `Origin: null`, which says nothing;
- `Referer`, from older browsers that send neither.
"""

from urllib.parse import urlsplit

from django.conf import settings


def posted_from_this_site(request) -> bool:
    """True when the browser says this request comes from this site or a trusted origin."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site:
        return fetch_site == "same-origin"
    said = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER") or ""
    if said == "null":
        return False
    parts = urlsplit(said)
    origin = f"{parts.scheme}://{parts.netloc}"
    return bool(parts.netloc) and (
        origin == f"{request.scheme}://{request.get_host()}"
        or origin in settings.CSRF_TRUSTED_ORIGINS
    )
