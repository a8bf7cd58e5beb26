"""The page's language comes from its address alone: /pl/… is Polish, /ur/… Urdu, anything else
English (settings.LANGUAGES; the URLs in ealing_send/urls.py)."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware

# English pages have no prefix (LANGUAGE_CODE is "en-gb" and i18n_patterns leaves only it
# unprefixed), yet Django also answers under /en/, LANGUAGES' code for English.
ENGLISH_PREFIX = "/en"


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without `Vary: Accept-Language`: the browser's languages never
    choose the page (an English address is always English), so a proxy or CDN keeps one copy of
    each page, not one per browser language. An English page has one address: /en/… redirects
    to it."""

    def process_request(self, request):
        path = request.path_info
        english_prefix = path == ENGLISH_PREFIX or path.startswith(f"{ENGLISH_PREFIX}/")
        # Pages only: a form's POST is answered where it was sent (a redirect would drop it).
        if english_prefix and request.method in ("GET", "HEAD"):
            # Slashes after the prefix are closed up, so "/en//example.org" stays on this site.
            target = "/" + path.removeprefix(ENGLISH_PREFIX).lstrip("/")
            query = request.META.get("QUERY_STRING", "")
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
        return super().process_request(request)

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
