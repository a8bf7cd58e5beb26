"""The GOV.UK Frontend script we serve is GOV.UK Frontend's own, at the version package.json pins."""

import json

import pytest
from django.conf import settings

VENDOR = settings.BASE_DIR / "static" / "js" / "vendor"
PACKAGE = settings.BASE_DIR / "node_modules" / "govuk-frontend"
SOURCE = PACKAGE / "dist" / "govuk" / "components" / "service-navigation"


@pytest.mark.parametrize(
    "name", ["service-navigation.bundle.js", "service-navigation.bundle.js.map"]
)
def test_the_served_copy_is_govuk_frontends_own_file(name):
    pinned = json.loads((settings.BASE_DIR / "package.json").read_text())["devDependencies"]
    assert json.loads((PACKAGE / "package.json").read_text())["version"] == pinned["govuk-frontend"]
    assert (VENDOR / name).read_bytes() == (SOURCE / name).read_bytes(), (
        f"copy {SOURCE / name} to {VENDOR}"
    )
