"""A NUL byte anywhere in the address is refused with 400 before any view or database sees it, and
logged as one line (a refusal, not a fault)."""

import logging

import pytest
from django.http import HttpResponse

from ealing_send.nul_bytes import RefuseNulBytesMiddleware

refuse_nul_bytes = RefuseNulBytesMiddleware(lambda request: HttpResponse("answered"))


@pytest.mark.parametrize(
    "address", ["/routes/%00/", "/organisations/?route=%00", "/?%00=yes", "/?q=a%00b&page=1"]
)
def test_an_address_with_a_nul_byte_is_refused(rf, address):
    response = refuse_nul_bytes(rf.get(address))
    assert response.status_code == 400
    assert b"answered" not in response.content


@pytest.mark.parametrize("address", ["/routes/", "/organisations/?route=appeal", "/?q=%2500"])
def test_an_address_without_one_is_answered(rf, address):
    # %2500 is the text "%00", not a NUL byte.
    assert refuse_nul_bytes(rf.get(address)).content == b"answered"


@pytest.mark.django_db
def test_the_refusal_is_the_site_s_own_400_page_and_one_line_in_the_log(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/routes/%00/")
    assert response.status_code == 400
    assert "<html" in response.content.decode().lower()
    refusals = [r for r in caplog.records if "NUL byte" in r.getMessage()]
    assert len(refusals) == 1
    assert refusals[0].exc_info is None  # no traceback
