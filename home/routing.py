"""Routing an address below a site's home page in one query for the pages on its way.

Wagtail's `Page.route` walks the address a level at a time, and at every level reads the
child, then its specific page: six queries for a news item, the largest single cost of a
page nginx or the page cache has not kept (README, «Benchmark»). `OneQueryRouting.route`
reads the pages on the way in one query and the specific page only of the page served, or
of a page on the way that answers the rest of the address itself: a page type with a route
of its own, or a routable page whose own sub-route matches. Every page type's own `route()`
is honoured, and nothing is kept between requests: the pages read are always current."""

from itertools import accumulate

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# A page's tree path holds at most 255 characters, four per level: no page lies deeper.
DEEPEST = 255 // Page.steplen


def route_after(model, base):
    """The route() that `base`'s own calls with super() in `model`."""
    mro = model.__mro__
    return next(
        cls.__dict__["route"] for cls in mro[mro.index(base) + 1 :] if "route" in cls.__dict__
    )


def hands_on(page, remaining):
    """Whether `page` would hand `remaining` (the address below it) to its child, as
    `Page.route` does, known from its type without reading its specific page."""
    model = page.specific_class
    route = getattr(model, "route", None)
    if route in (Page.route, OneQueryRouting.route):
        return True
    if (
        route is RoutablePageMixin.route
        and model.resolve_subpage is RoutablePageMixin.resolve_subpage
        and route_after(model, RoutablePageMixin) is Page.route
    ):
        # RoutablePageMixin.route: a live page answers a path its own sub-routes match.
        if not page.live:
            return True
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Resolver404:
            return True
    return False


class OneQueryRouting:
    """For the page routing begins at (a site's home page): `Page.route` in one query for
    the pages on the way."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        # Each page's url_path is its parent's and its slug: the pages on the way are the
        # descendants at these url_paths, down to the deepest a page can lie (what is
        # below that, a page answers itself or nothing does).
        levels = path_components[: DEEPEST - self.depth]
        url_paths = list(accumulate(levels, "{}{}/".format, initial=self.url_path))[1:]
        on_the_way = {
            page.url_path: page
            for page in Page.objects.descendant_of(self).filter(url_path__in=url_paths)
        }
        page = self
        for level, url_path in enumerate(url_paths, start=1):
            child = on_the_way.get(url_path)
            if child is None or child.depth != self.depth + level:
                raise Http404
            page, remaining = child, path_components[level:]
            if remaining and not hands_on(page, remaining):
                return page.specific.route(request, remaining)
        return page.specific.route(request, path_components[len(levels) :])
