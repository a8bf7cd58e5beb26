"""The site's addresses. Staff admin lives at DJANGO_ADMIN_URL (default admin/)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from routes.views import healthz

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("guidance.urls")),
    path("", include("routes.urls")),
]
