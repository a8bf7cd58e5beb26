"""A NUL byte anywhere in the address is refused with 400 before any view or database sees it."""

import pytest
from django.core.exceptions import BadRequest
from django.http import HttpResponse

from ealing_send.nul_bytes import RefuseNulBytesMiddleware

refuse_nul_bytes = RefuseNulBytesMiddleware(lambda request: HttpResponse("answered"))


@pytest.mark.parametrize(
    "address", ["/routes/%00/", "/organisations/?route=%00", "/?%00=yes", "/?q=a%00b&page=1"]
)
def test_an_address_with_a_nul_byte_is_refused(rf, address):
    with pytest.raises(BadRequest):
        refuse_nul_bytes(rf.get(address))


@pytest.mark.parametrize("address", ["/routes/", "/organisations/?route=appeal", "/?q=%2500"])
def test_an_address_without_one_is_answered(rf, address):
    # %2500 is the text "%00", not a NUL byte.
    assert refuse_nul_bytes(rf.get(address)).content == b"answered"
