"""What is due for review: used by the admin index and the content_review command."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from .models import ReviewedContent, content_models, today


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
