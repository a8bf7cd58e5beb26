"""Shared by the page tests of this folder."""

import pytest

from ealing_send.pagecache import recent_pages


@pytest.fixture
def no_kept_pages():
    """Each test renders its pages afresh: none kept from an earlier test's language or content.
    (The root conftest puts the thread back into English after each test.)"""
    recent_pages.clear()
    yield
    recent_pages.clear()
