"""What is due for review, and what is still open before going live: used by the admin index,
the "Before going live" page, `manage.py check --deploy` and the content_review command."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from guidance.flow import ISAID, NHS_BODY

from .going_live import DueItem, OpenItem, OrganisationFacts, open_items
from .models import Organisation, ReviewedContent, content_models, today

# The mediation service's entry: the one ISAID's leaflet names (Kids), until ISAID confirms which
# service Ealing uses and corrects it.
MEDIATION = "kids"


@dataclass(frozen=True)
class OverdueItem:
    kind: str
    label: str
    due: date
    admin_url: str


def overdue_content(on: date | None = None) -> list[OverdueItem]:
    """Every item of content with a review date (a route, an organisation, a Code paragraph, a piece
    of advice, a reference, a letter, a glossary term…) whose review date has come, oldest first."""
    on = on or today()
    items = []
    reviewed = [model for model in content_models() if issubclass(model, ReviewedContent)]
    for model in reviewed:
        for item in model.objects.filter(review_due__lte=on).order_by("review_due"):
            items.append(
                OverdueItem(
                    kind=str(model._meta.verbose_name),
                    label=str(item),
                    due=item.review_due,
                    admin_url=reverse(
                        f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                        args=[item.pk],
                    ),
                )
            )
    return sorted(items, key=lambda item: item.due)


def before_going_live(on: date | None = None) -> list[OpenItem]:
    """What only ISAID can confirm before going live, still open on `on` (today by default): the
    facts read from the content, the decision left to routes.going_live."""
    on = on or today()
    by_slug = {
        organisation.slug: OrganisationFacts(
            name=organisation.name,
            phone=organisation.phone,
            email=organisation.email,
            contact_checked=organisation.contact_checked,
            change_url=reverse("admin:routes_organisation_change", args=[organisation.pk]),
        )
        for organisation in Organisation.objects.filter(slug__in=[ISAID, MEDIATION, NHS_BODY])
    }
    reviewed = [
        DueItem(label=item.label, kind=item.kind, review_due=item.due, change_url=item.admin_url)
        for item in overdue_content(on)
    ]
    return open_items(
        isaid=by_slug.get(ISAID),
        mediation=by_slug.get(MEDIATION),
        nhs_body=by_slug.get(NHS_BODY),
        reviewed=reviewed,
        today=on,
        organisations_url=reverse("admin:routes_organisation_changelist"),
    )
