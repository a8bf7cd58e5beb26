"""Public pages: the routes, the organisations that help, and the site's own pages."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from ealing_send.pagecache import content_page
from glossary.terms import link_glossary_terms

from .models import Organisation, Route
from .published import fragment, published_content


def can_preview(request) -> bool:
    """Staff who have signed in with both steps may see drafts; nobody else can."""
    user = request.user
    return user.is_staff and user.is_verified()


def published_routes(request):
    """Routes this visitor may see, in order."""
    return Route.objects.visible(drafts=can_preview(request))


def routes_with_detail(request):
    """Routes this visitor may see, with everything a route page shows."""
    return Route.objects.with_detail(drafts=can_preview(request))


@content_page()
def home(request):
    return render(
        request,
        "routes/home.html",
        {"routes": published_routes(request).only("title", "slug", "summary"), "nav_section": ""},
    )


@content_page()
def route_list(request):
    return render(
        request,
        "routes/route_list.html",
        {
            "routes": published_routes(request).only("title", "slug", "summary"),
            "nav_section": "routes",
        },
    )


def _route_body(route, heading: str) -> str:
    """A route's body, with the first use of each glossary term linked to its meaning."""
    return link_glossary_terms(
        render_to_string("routes/includes/route_body.html", {"route": route, "heading": heading})
    )


def route_bodies(request, slug: str | None = None, heading: str = "h1") -> list[tuple]:
    """(route, its body as HTML) for one route, or every route: made once per content version for
    the public, fresh for staff, whose previews show drafts."""
    if can_preview(request):
        routes = routes_with_detail(request)
        if slug is not None:
            routes = routes.filter(slug=slug)
        return [(route, _route_body(route, heading)) for route in routes]
    content = published_content()
    routes = list(content.routes.values()) if slug is None else [content.routes.get(slug)]
    return [
        (
            route,
            fragment(
                content, ("route-body", route.pk, heading), lambda r=route: _route_body(r, heading)
            ),
        )
        for route in routes
        if route is not None
    ]


@content_page()
def route_detail(request, slug):
    found = route_bodies(request, slug)
    if not found:
        raise Http404("No such route")
    route, body = found[0]
    return render(
        request,
        "routes/route_detail.html",
        {"route": route, "body": body, "draft": not route.is_published, "nav_section": "routes"},
    )


@content_page()
def route_print(request):
    return render(
        request,
        "routes/route_print.html",
        {"routes": route_bodies(request, heading="h2"), "nav_section": "routes"},
    )


@content_page(reads=("route",))
def organisation_list(request):
    organisations = Organisation.objects.visible(drafts=can_preview(request))
    routes = list(published_routes(request).only("title", "slug"))
    chosen = request.GET.get("route", "")
    chosen_route = next((r for r in routes if r.slug == chosen), None)
    error = ""
    if chosen and chosen_route is None:
        error = gettext("Choose an option from the list")
    elif chosen_route is not None:
        organisations = organisations.filter(routes=chosen_route)
    organisations = list(organisations)
    response = render(
        request,
        "routes/organisation_list.html",
        {
            "local": [o for o in organisations if o.scope == Organisation.LOCAL],
            "national": [o for o in organisations if o.scope == Organisation.NATIONAL],
            "routes": routes,
            "chosen_route": chosen_route,
            "error": error,
            "has_errors": bool(error),
            "nav_section": "organisations",
        },
    )
    if error:
        # Any text can be typed there: a page per typo is not worth keeping.
        patch_cache_control(response, private=True, no_store=True)
    return response


@content_page()
def organisation_detail(request, slug):
    organisations = Organisation.objects.visible(drafts=can_preview(request))
    organisation = (
        organisations.filter(slug=slug)
        .prefetch_related(
            Prefetch("routes", queryset=published_routes(request).only("title", "slug"))
        )
        .first()
    )
    if organisation is None:
        raise Http404("No such organisation")
    return render(
        request,
        "routes/organisation_detail.html",
        {
            "organisation": organisation,
            "draft": not organisation.is_published,
            "nav_section": "organisations",
        },
    )


@content_page()
def accessibility(request):
    return render(request, "routes/accessibility.html", {"nav_section": ""})


@content_page()
def privacy(request):
    return render(request, "routes/privacy.html", {"nav_section": ""})
