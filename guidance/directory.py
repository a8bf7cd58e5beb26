"""What an action plan names, looked up in the directory (the database), so staff edits show in
every plan: the routes in the plan's order, who can help, and the Code paragraphs they cite."""

from dataclasses import dataclass

from routes.models import CodeParagraph, Organisation, Route
from routes.published import PublishedContent, published_content

from .flow import ActionPlan, RouteAdvice

# The first two helpers of each route: enough to act on, short enough to print on two pages.
HELPERS_PER_ROUTE = 2


@dataclass(frozen=True)
class PlanStep:
    advice: RouteAdvice
    route: Route


@dataclass(frozen=True)
class PlanDirectory:
    content: PublishedContent  # where all of it comes from
    steps: list[PlanStep]
    organisations: list[Organisation]
    citations: list[CodeParagraph]


def directory_for(plan: ActionPlan) -> PlanDirectory:
    """The published routes, organisations and paragraphs for this plan. Routes or organisations
    that staff have unpublished are left out."""
    content = published_content()
    steps = [PlanStep(a, content.routes[a.route]) for a in plan.routes if a.route in content.routes]

    organisations: dict[int, Organisation] = {}
    for slug in plan.extra_organisations:
        if slug in content.organisations:
            organisation = content.organisations[slug]
            organisations.setdefault(organisation.pk, organisation)
    for step in steps:
        for helper in step.route.helpers[:HELPERS_PER_ROUTE]:
            organisations.setdefault(helper.organisation.pk, helper.organisation)

    citations = {p.pk: p for step in steps for p in step.route.citations.all()}
    return PlanDirectory(
        content=content,
        steps=steps,
        organisations=list(organisations.values()),
        citations=sorted(citations.values(), key=lambda p: (p.sort_key, p.end)),
    )
