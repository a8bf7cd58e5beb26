"""The site's URLs plus a bare view: the framework's floor, for the benchmark only."""

from django.http import HttpResponse
from django.urls import path

from ealing_send.urls import handler500  # noqa: F401 - the site's error pages here too
from ealing_send.urls import urlpatterns as site_urlpatterns


def floor(request):
    """A fixed short response through the full middleware stack and nothing else."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor), *site_urlpatterns]
