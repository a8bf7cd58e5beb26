from django.urls import path

from . import views

app_name = "routes"

urlpatterns = [
    path("", views.home, name="home"),
    path("routes/", views.route_list, name="route_list"),
    path("routes/print/", views.route_print, name="print_all"),
    path("routes/<slug:slug>/", views.route_detail, name="route"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]
