"""The site's addresses. Staff admin lives at DJANGO_ADMIN_URL (default admin/); /healthz is
answered by ealing_send.health before these."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    # Security keys and passkeys for staff (django-otp-webauthn's JSON views), beside the admin.
    path(settings.ADMIN_URL + "sign-in/webauthn/", include("django_otp_webauthn.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("guidance.urls")),
    path("letters/", include("letters.urls")),
    path("", include("routes.urls")),
    path("", include("glossary.urls")),
    path("", include("feedback.urls")),
]

handler500 = "ealing_send.errors.server_error"
