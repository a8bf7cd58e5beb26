from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffSigninConfig(AppConfig):
    default = True
    name = "staff_signin"
    verbose_name = "Staff sign-in"

    def ready(self):
        from . import checks  # noqa: F401


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by our site: no admin page answers without a second factor."""

    default = False
    default_site = "staff_signin.sites.StaffAdminSite"
