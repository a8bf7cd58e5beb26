"""Forms without a CSRF token accept a POST only from this site's own pages (ealing_send/origin.py),
also from a page sent with Referrer-Policy: no-referrer, whose POSTs say `Origin: null`."""

import pytest

from ealing_send.origin import posted_from_this_site

SITE = "http://testserver"


@pytest.mark.parametrize(
    ("headers", "accepted"),
    [
        # Every current browser: Fetch Metadata, whatever the page's referrer policy.
        ({"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "null"}, True),
        ({"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": SITE}, False),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),
        # Older browsers: Origin, then Referer.
        ({"HTTP_ORIGIN": SITE}, True),
        ({"HTTP_ORIGIN": "https://elsewhere.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_REFERER": f"{SITE}/letters/"}, True),
        ({"HTTP_REFERER": "https://elsewhere.example/"}, False),
        ({}, False),
    ],
)
def test_a_post_is_accepted_only_from_this_site(rf, headers, accepted):
    assert posted_from_this_site(rf.post("/letters/x/letter/", **headers)) is accepted
