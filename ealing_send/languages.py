"""The page's language comes from its address alone: /pl/… is Polish, /ur/… Urdu, anything else
English (settings.LANGUAGES; the URLs in ealing_send/urls.py)."""

from django.middleware.locale import LocaleMiddleware


class LanguageFromAddressMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without `Vary: Accept-Language`: the browser's languages never
    choose the page (an English address is always English), so a proxy or CDN keeps one copy of
    each page, not one per browser language."""

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
