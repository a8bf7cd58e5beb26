"""What an action plan names, looked up in the directory (the database), so staff edits show in
every plan: the routes in the plan's order, who can help, and the Code paragraphs they cite."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from routes.models import CodeParagraph, Organisation, Route
from routes.published import PublishedContent, published_content

from .flow import IPSEA, ISAID, ActionPlan, RouteAdvice

# The first two helpers of each route: enough to act on, short enough to print on two pages.
# Any other organisation the plan's words name is listed as well (organisations_named).
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


# "Kids (disagreement resolution and mediation)": the words before the brackets are a name too,
# and so is an abbreviation in them ("NHS integrated care board (ICB) for Ealing").
_BRACKETS = re.compile(r"\s*\(([^()]*)\)")
_ABBREVIATION = re.compile(r"[A-Z]{2,}")


def names_of(organisation: Organisation) -> tuple[str, ...]:
    """The ways words may name an organisation: its name, the name without what is in brackets,
    and an abbreviation given in brackets."""
    name = organisation.name.strip()
    names = [name, name.split(" (", 1)[0].strip()]
    names += [inside for inside in _BRACKETS.findall(name) if _ABBREVIATION.fullmatch(inside)]
    return tuple(dict.fromkeys(n for n in names if n))


def _named_pattern(names: Iterable[str]) -> re.Pattern:
    # Whole words only, with the capitals as written: "Contact" the charity, not "contact us".
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def organisations_named(text: str, organisations: Iterable[Organisation]) -> list[Organisation]:
    """The organisations `text` names, in the order given. A name that is also a word, such as
    Contact, is counted at the start of a sentence too ("Contact the adviser"): listing one
    organisation too many is safer than leaving out one the words tell a family to call."""
    return [o for o in organisations if _named_pattern(names_of(o)).search(text)]


def directory_for(plan: ActionPlan, words: Iterable[str] = ()) -> PlanDirectory:
    """The published routes, organisations and paragraphs for this plan. Who can help is Ealing
    ISAID (then IPSEA while ISAID has no contact to give), the organisations the plan names by
    slug, each route's first helpers, and every other organisation named in `words` (the plan's
    text) or in the routes and paragraphs it shows. Routes or organisations that staff have
    unpublished are left out."""
    content = published_content()
    steps = [PlanStep(a, content.routes[a.route]) for a in plan.routes if a.route in content.routes]
    citations = sorted(
        {p.pk: p for step in steps for p in step.route.citations.all()}.values(),
        key=lambda p: (p.sort_key, p.end),
    )

    organisations: dict[int, Organisation] = {}
    first = [ISAID]
    isaid = content.organisations.get(ISAID)
    if isaid is not None and not (isaid.phone or isaid.email or isaid.website):
        # Until ISAID's contact is confirmed, the plan's first box gives IPSEA's free advice.
        first.append(IPSEA)
    for slug in (*first, *plan.extra_organisations):
        if slug in content.organisations:
            organisation = content.organisations[slug]
            organisations.setdefault(organisation.pk, organisation)
    for step in steps:
        for helper in step.route.helpers[:HELPERS_PER_ROUTE]:
            organisations.setdefault(helper.organisation.pk, helper.organisation)
    shown = [
        *words,
        *(step.route.title for step in steps),
        *(f"{p.citation}: {p.title}" for p in citations),
    ]
    for organisation in organisations_named("\n".join(shown), content.organisations.values()):
        organisations.setdefault(organisation.pk, organisation)

    return PlanDirectory(
        content=content,
        steps=steps,
        organisations=list(organisations.values()),
        citations=citations,
    )
