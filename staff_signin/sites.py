"""The admin site: a page answers only a member of staff who has passed both steps, a password
and a second factor. Between the two, the only pages open are the second step, the set-up and
logging out."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from staff_signin import views


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        user = request.user
        # The password was given before: the second step is what is missing.
        if request.method == "GET" and user.is_staff and not user.is_verified():
            return self._to_second_step(request, request.GET.get(REDIRECT_FIELD_NAME, ""))
        # A right password leads where it always did (a safe `next`, or the admin's home), whose
        # page, finding no second factor yet, sends the person back here and so on to the second
        # step.
        return super().login(request, extra_context)

    def _to_second_step(self, request, next_url):
        query = urlencode({REDIRECT_FIELD_NAME: next_url}) if next_url else ""
        return HttpResponseRedirect(
            reverse("admin:staff_signin_second_step", current_app=self.name)
            + ("?" + query if query else "")
        )

    def get_urls(self):
        def between_steps(view):
            """Open to someone who has given their password and not yet a second factor."""

            def page(request, *args, **kwargs):
                request.current_app = self.name
                return view(request, self, *args, **kwargs)

            return never_cache(csrf_protect(page))

        def signed_in(view):
            def page(request, *args, **kwargs):
                return view(request, self, *args, **kwargs)

            return self.admin_view(page)

        return [
            path("sign-in/", signed_in(views.methods), name="staff_signin_methods"),
            path(
                "sign-in/second-step/",
                between_steps(views.second_step),
                name="staff_signin_second_step",
            ),
            path("sign-in/set-up/", between_steps(views.set_up), name="staff_signin_set_up"),
            path(
                "sign-in/recovery-codes/",
                signed_in(views.recovery_codes),
                name="staff_signin_recovery_codes",
            ),
            path(
                "sign-in/recovery-codes/new/",
                signed_in(views.make_recovery_codes),
                name="staff_signin_new_recovery_codes",
            ),
            path(
                "sign-in/colleagues/",
                signed_in(views.colleagues),
                name="staff_signin_colleagues",
            ),
            path(
                "sign-in/colleagues/<int:user_id>/reset/",
                signed_in(views.reset),
                name="staff_signin_reset",
            ),
            # Logging out needs no second factor: someone stopped at the second step can leave.
            path("logout/", never_cache(self.logout), name="logout"),
            *super().get_urls(),
        ]

    def get_app_list(self, request, app_label=None):
        """The admin's home and side menu list the sign-in pages beside the content."""
        apps = super().get_app_list(request, app_label)
        if app_label not in (None, "staff_signin"):
            return apps
        models = [
            {
                "name": "Your sign-in methods",
                "object_name": "SignInMethods",
                "admin_url": reverse("admin:staff_signin_methods", current_app=self.name),
                "view_only": True,
                "perms": {"view": True},
            }
        ]
        if request.user.has_perm("staff_signin.reset_second_factor"):
            models.append(
                {
                    "name": "Reset a colleague’s second factor",
                    "object_name": "ColleaguesSecondFactor",
                    "admin_url": reverse("admin:staff_signin_colleagues", current_app=self.name),
                    "view_only": True,
                    "perms": {"view": True},
                }
            )
        apps.append(
            {
                "name": "Staff sign-in",
                "app_label": "staff_signin",
                "app_url": reverse("admin:staff_signin_methods", current_app=self.name),
                "has_module_perms": True,
                "models": models,
            }
        )
        return apps
