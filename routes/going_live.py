"""What only ISAID can confirm before the site goes live: the rules that say which items are still
open. No Django: the admin page and `manage.py check --deploy` give these rules the facts (read
from the database) and show what they return.

An item stays open until the content says otherwise. No public page gives Ealing ISAID's own
phone number or email, names the mediation service Ealing uses, or confirms the NHS body's name
after the 2026 merger (../shared/contacts-checked-2026-12.md), so only ISAID staff can close these.
"""

from dataclasses import dataclass
from datetime import date

# NHS North West London and North Central London integrated care boards were due to merge on
# 1 April 2026 (Distilled Post; the boards' decision of July 2025): a check before then cannot
# have confirmed the merged body's name.
NHS_MERGER_DUE = date(2026, 4, 1)


@dataclass(frozen=True)
class OrganisationFacts:
    """What the rules read of one organisation, and where staff edit it."""

    name: str
    phone: str
    email: str
    contact_checked: date | None
    change_url: str


@dataclass(frozen=True)
class DueItem:
    """An item of content with a review date."""

    label: str
    kind: str
    review_due: date
    change_url: str


@dataclass(frozen=True)
class OpenItem:
    """One thing to settle before going live: what to do, in a sentence, and the field to fill in."""

    key: str
    title: str
    action: str
    url: str


def open_items(
    isaid: OrganisationFacts | None,
    mediation: OrganisationFacts | None,
    nhs_body: OrganisationFacts | None,
    reviewed: list[DueItem],
    today: date,
    organisations_url: str = "",
) -> list[OpenItem]:
    """Every item still open on `today`, in the order staff should settle them: ISAID's own
    contact first (every plan sends families to ISAID), then the mediation service, the NHS body,
    and each item whose review date has come, oldest first. `organisations_url` is the list of
    organisations, for an entry that is not found."""
    items = []
    if isaid is None:
        items.append(_missing("isaid-missing", "Ealing ISAID", organisations_url))
    else:
        if not isaid.phone.strip():
            items.append(
                OpenItem(
                    "isaid-phone",
                    "Ealing ISAID’s phone number",
                    "Every family’s plan says to call Ealing ISAID, but the site has no number for "
                    "it, and no public page gives one. Ask ISAID’s service manager for the number "
                    "families should ring, fill it in, and fill in ‘contact details checked on’.",
                    f"{isaid.change_url}#id_phone",
                )
            )
        if not isaid.email.strip():
            items.append(
                OpenItem(
                    "isaid-email",
                    "Ealing ISAID’s email address",
                    "The site has no email address for Ealing ISAID, and no public page gives one. "
                    "Ask ISAID’s service manager for the address families should write to, and "
                    "fill it in.",
                    f"{isaid.change_url}#id_email",
                )
            )
    if mediation is None:
        items.append(_missing("mediation-missing", "the mediation service", organisations_url))
    elif mediation.contact_checked is None or not mediation.phone.strip():
        items.append(
            OpenItem(
                "mediation",
                "The mediation service Ealing uses",
                f"The site names “{mediation.name}”, from ISAID’s leaflet, but no public page says "
                "which service Ealing uses for disagreement resolution and mediation. Confirm it "
                "with the council’s SEN team, correct the name and words if needed, fill in its "
                "phone number and ‘contact details checked on’.",
                f"{mediation.change_url}#id_phone",
            )
        )
    if nhs_body is None:
        items.append(_missing("nhs-body-missing", "the NHS body for Ealing", organisations_url))
    elif nhs_body.contact_checked is None or nhs_body.contact_checked < NHS_MERGER_DUE:
        items.append(
            OpenItem(
                "nhs-body",
                "The NHS body’s name after the 2026 merger",
                "NHS North West London was due to merge with NHS North Central London on "
                "1 April 2026 (to be called West and North London ICB), but no public page "
                "confirms it did. Ask Ealing’s Designated Clinical or Medical Officer for SEND for "
                "the body’s name and website, correct them, and fill in ‘contact details checked "
                "on’.",
                f"{nhs_body.change_url}#id_name",
            )
        )
    for item in sorted(reviewed, key=lambda item: (item.review_due, item.kind, item.label)):
        if item.review_due <= today:
            items.append(
                OpenItem(
                    f"review:{item.change_url}",
                    f"{item.kind[:1].upper()}{item.kind[1:]}: {item.label}",
                    f"Due for review on {_day(item.review_due)}. Check it is still right, say "
                    "what you checked in its review notes, and mark it as reviewed.",
                    f"{item.change_url}#id_last_reviewed",
                )
            )
    return items


def _missing(key: str, name: str, url: str) -> OpenItem:
    return OpenItem(
        key,
        f"The entry for {name}",
        f"The site’s entry for {name} was not found: it has been deleted or its address changed. "
        "Find it in the list of organisations, or bring it back from the deleted organisations.",
        url,
    )


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
