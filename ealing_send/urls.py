"""The site's addresses. Staff admin lives at DJANGO_ADMIN_URL (default admin/); /healthz is
answered by ealing_send.health before these."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # Security keys and passkeys for staff (django-otp-webauthn's JSON views), beside the admin.
    path(settings.ADMIN_URL + "sign-in/webauthn/", include("django_otp_webauthn.urls")),
    # The admin is in English only, at the same address whatever the public page's language.
    path(settings.ADMIN_URL, admin.site.urls),
]
# The public site in each language of settings.LANGUAGES: English at the addresses it always had,
# the others under /pl/, /ur/…, with the same paths and query strings after that.
urlpatterns += i18n_patterns(
    path("", include("guidance.urls")),
    path("letters/", include("letters.urls")),
    path("", include("routes.urls")),
    path("", include("glossary.urls")),
    path("", include("feedback.urls")),
    prefix_default_language=False,
)

handler500 = "ealing_send.errors.server_error"
