"""The pages between the password and the admin: the second step, setting up a second factor at
first sign-in, recovery codes; then, once signed in, your own sign-in methods and (for content
managers and superusers) resetting a colleague's."""

from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp_webauthn.templatetags.otp_webauthn import get_configuration

from staff_signin import devices
from staff_signin.forms import CodeForm
from staff_signin.throttle import count_wrong_code, second_step_locked

# Shown once, right after set-up or after making new codes.
SHOW_CODES = "staff_signin_show_recovery_codes"
# Below this many recovery codes, say so after one is used.
LOW_ON_CODES = 3


def _next(request) -> str:
    """Where to go once signed in: the page asked for, if it is on this site, else the admin."""
    wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _with_next(name: str, request) -> str:
    from urllib.parse import urlencode

    return reverse(name) + "?" + urlencode({REDIRECT_FIELD_NAME: _next(request)})


def _password_step_done(request) -> bool:
    user = request.user
    return user.is_authenticated and user.is_active and user.is_staff


def _locked(request, site):
    context = {**site.each_context(request), "title": "Too many wrong codes"}
    return render(request, "staff_signin/locked.html", context, status=429)


def _context(request, site, title, **extra):
    return {
        **site.each_context(request),
        "title": title,
        "next": _next(request),
        "next_field": REDIRECT_FIELD_NAME,
        **extra,
    }


def second_step(request, site):
    """Ask for a code from the authenticator app, or a recovery code, or a security key."""
    if not _password_step_done(request):
        return redirect("admin:login")
    user = request.user
    if user.is_verified():
        return HttpResponseRedirect(_next(request))
    if not devices.has_second_factor(user):
        return redirect(_with_next("admin:staff_signin_set_up", request))
    if second_step_locked(request, user):
        return _locked(request, site)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        waiting = devices.must_wait(user, code)
        device = None if waiting else devices.verified_device(user, code)
        if device is not None:
            # A new session key for the signed-in session, as Django's login() gives one.
            request.session.cycle_key()
            otp_login(request, device)
            left = devices.recovery_codes_left(user)
            if device.name == devices.RECOVERY_CODES and left <= LOW_ON_CODES:
                messages.warning(
                    request,
                    f"You used a recovery code: you have {left} left. "
                    "Make new ones from Your sign-in methods.",
                )
            return HttpResponseRedirect(_next(request))
        if count_wrong_code(request, user):
            return _locked(request, site)
        if waiting:
            form.add_error("code", "Wait a few seconds after a wrong code, then try again")
        else:
            form.add_error("code", "That code did not work. Check it and try again")
    context = _context(
        request,
        site,
        "Enter the code from your authenticator app",
        form=form,
        security_keys=devices.security_keys(user).exists(),
        webauthn_config=get_configuration(request),
    )
    return render(request, "staff_signin/second_step.html", context)


def set_up(request, site):
    """First sign-in: connect an authenticator app, by QR code or by typing the key."""
    if not _password_step_done(request):
        return redirect("admin:login")
    user = request.user
    if devices.has_second_factor(user):
        return redirect(_with_next("admin:staff_signin_second_step", request))
    if second_step_locked(request, user):
        return _locked(request, site)
    device = devices.authenticator_set_up(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if devices.confirm_authenticator(device, form.cleaned_data["code"]):
            request.session.cycle_key()
            otp_login(request, device)
            devices.new_recovery_codes(user)
            request.session[SHOW_CODES] = True
            return redirect(_with_next("admin:staff_signin_recovery_codes", request))
        if count_wrong_code(request, user):
            return _locked(request, site)
        form.add_error(
            "code", "That code did not work. Check the app shows this site, then try again"
        )
    context = _context(
        request,
        site,
        "Set up your second step for signing in",
        form=form,
        qr_code=devices.qr_code_data_uri(device.config_url),
        key=devices.key_as_text(device),
    )
    return render(request, "staff_signin/set_up.html", context)


def recovery_codes(request, site):
    """The new recovery codes, shown once (signed in with a second factor: see the site's URLs)."""
    if request.method == "POST":
        request.session.pop(SHOW_CODES, None)
        return HttpResponseRedirect(_next(request))
    if not request.session.get(SHOW_CODES):
        return redirect("admin:staff_signin_methods")
    codes = list(
        devices.StaticToken.objects.filter(
            device__user=request.user, device__name=devices.RECOVERY_CODES
        ).values_list("token", flat=True)
    )
    context = _context(request, site, "Keep your recovery codes safe", codes=codes)
    return render(request, "staff_signin/recovery_codes.html", context)


def methods(request, site):
    """Your sign-in methods: your app, your security keys, how many recovery codes are left."""
    user = request.user
    context = _context(
        request,
        site,
        "Your sign-in methods",
        security_keys=devices.security_keys(user),
        codes_left=devices.recovery_codes_left(user),
        webauthn_config=get_configuration(request),
    )
    return render(request, "staff_signin/methods.html", context)


@require_POST
def make_recovery_codes(request, site):
    devices.new_recovery_codes(request.user)
    request.session[SHOW_CODES] = True
    return redirect(
        reverse("admin:staff_signin_recovery_codes") + "?next=" + reverse("admin:index")
    )


def _colleagues(request):
    """The staff whose second factor this person may reset: never their own; a superuser's only
    by another superuser."""
    if not request.user.has_perm("staff_signin.reset_second_factor"):
        raise PermissionDenied
    colleagues = get_user_model().objects.filter(is_staff=True, is_active=True)
    colleagues = colleagues.exclude(pk=request.user.pk)
    if not request.user.is_superuser:
        colleagues = colleagues.exclude(is_superuser=True)
    return colleagues.order_by("username")


RESET_MESSAGE = "Reset the second factor of {}."


def colleagues(request, site):
    people = [(person, devices.has_second_factor(person)) for person in _colleagues(request)]
    resets = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            change_message__startswith=RESET_MESSAGE.split("{")[0],
        )
        .select_related("user")
        .order_by("-action_time")[:20]
    )
    context = _context(
        request, site, "Reset a colleague’s second factor", people=people, resets=resets
    )
    return render(request, "staff_signin/colleagues.html", context)


def reset(request, site, user_id):
    """Confirm, then take away a colleague's second factor: they set up a new one at their next
    page. Recorded in the admin's history of that person (LogEntry)."""
    person = get_object_or_404(_colleagues(request), pk=user_id)
    if request.method == "POST":
        devices.remove_second_factor(person)
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[person],
            action_flag=CHANGE,
            change_message=RESET_MESSAGE.format(person.get_username()),
            single_object=True,
        )
        messages.success(
            request,
            f"{person.get_full_name() or person.get_username()} will set up a new second step "
            "the next time they sign in.",
        )
        return redirect("admin:staff_signin_colleagues")
    context = _context(request, site, "Reset a colleague’s second factor", person=person)
    return render(request, "staff_signin/reset.html", context)
