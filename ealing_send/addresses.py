"""The client's address, for whatever counts visitors: the sign-in lockout (django-axes calls
`client_address`: AXES_CLIENT_IP_CALLABLE) and the feedback form's hourly limit.

Behind PROXY_COUNT proxies (DJANGO_PROXY_COUNT; the TLS proxy alone is 1), each of which adds the
address it was sent from to the end of X-Forwarded-For, the client is the PROXY_COUNT-th address
from the end: a proxy wrote it. Whatever the client put in the header itself comes before it and
is never read, so nobody can take another person's address, or change their own, by sending the
header. django-ipware reads the header (IPv6, ports, RFC 7239 forms); it counts only the proxies
*named* in the header, which is one fewer than the proxies in front of the site (the last proxy's
address is the connection's own, not in the header), and non-strict, so a chain the client made
longer still gives the address our proxies wrote.
"""

from django.conf import settings
from ipware.ip import get_client_ip


def client_address(request) -> str | None:
    """The address the client connected from, as our proxies wrote it."""
    proxies = settings.PROXY_COUNT
    if proxies:
        address, _ = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    # No proxy, or a request that did not come through the proxies (no header it could have
    # written): the connection's own address.
    return request.META.get("REMOTE_ADDR")
