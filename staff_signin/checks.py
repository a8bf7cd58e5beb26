"""`manage.py check --deploy` warns when the site requires HTTPS (so it is behind the TLS proxy)
but reads every visitor's address as the proxy's: the sign-in lockout would then count everyone's
wrong passwords together."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def proxy_count_set(app_configs=None, **kwargs) -> list:
    if settings.SECURE_SSL_REDIRECT and not settings.PROXY_COUNT:
        return [
            Warning(
                "DJANGO_PROXY_COUNT is 0 while HTTPS is required: every visitor's address is "
                "the TLS proxy's, so anyone's wrong passwords count against everyone's.",
                hint="Set DJANGO_PROXY_COUNT to the number of proxies in front of the site "
                "(1 for the TLS proxy alone), each adding the address it was sent from to "
                "X-Forwarded-For (README, Deploying).",
                id="staff_signin.W001",
            )
        ]
    return []
