"""`manage.py check --deploy` warns while anything only ISAID can confirm is still open (the
admin's "Before going live" page lists the same items, with the field to fill in for each)."""

from django.core.checks import Warning, register
from django.db import DatabaseError
from django.urls import reverse


@register(deploy=True)
def before_going_live(app_configs=None, **kwargs) -> list:
    """A warning for each item still open before going live. A database without the content's
    tables (before `manage.py release` has run) has nothing to check yet."""
    from .review import before_going_live as open_items

    try:
        items = open_items()
    except DatabaseError:
        return []
    page = reverse("admin:routes_organisation_before_going_live")
    return [
        Warning(
            f"Before going live: {item.title}. {item.action}",
            hint=f"Settle it from the admin page 'Before going live' ({page}).",
            id="routes.W001",
        )
        for item in items
    ]
