"""What an action plan names, looked up in the directory (the database), so staff edits show in
every plan: the routes in the plan's order, who can help, and the Code paragraphs they cite."""

import threading
from dataclasses import dataclass

from routes.models import CodeParagraph, ContentVersion, Organisation, Route

from .flow import ActionPlan, RouteAdvice

# The first two helpers of each route: enough to act on, short enough to print on two pages.
HELPERS_PER_ROUTE = 2


@dataclass(frozen=True)
class PlanStep:
    advice: RouteAdvice
    route: Route


@dataclass(frozen=True)
class PlanDirectory:
    steps: list[PlanStep]
    organisations: list[Organisation]
    citations: list[CodeParagraph]


@dataclass(frozen=True)
class PublishedContent:
    """Every published route (with its steps, citations and helpers) and organisation, by slug."""

    routes: dict[str, Route]
    organisations: dict[str, Organisation]


_published: tuple[str, PublishedContent] | None = None
_lock = threading.Lock()


def published_content() -> PublishedContent:
    """The published content as of the current content version, loaded once per version in each
    process: a plan then costs one query (the version), however many routes it names."""
    global _published
    version = ContentVersion.current()
    kept = _published
    if kept is not None and kept[0] == version:
        return kept[1]
    # Read after the version: content saved meanwhile is newer, never older, than the version.
    content = PublishedContent(
        routes={r.slug: r for r in Route.objects.with_detail()},
        organisations={o.slug: o for o in Organisation.objects.visible()},
    )
    with _lock:
        _published = (version, content)
    return content


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
        steps=steps,
        organisations=list(organisations.values()),
        citations=sorted(citations.values(), key=lambda p: (p.sort_key, p.end)),
    )
