"""Finding the page for an address in one query instead of two per level.

Wagtail's `Page.route` walks the path a segment at a time: a query for the child, another
for its specific object, at every level — six of a news item's fourteen queries, and the
largest single cost of an uncached page (see README, Benchmark)."""

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _has_own_route(page, remaining):
    """Whether a routable page would answer `remaining` itself, as Wagtail asks it first."""
    cls = page.specific_class
    if not (page.live and cls and issubclass(cls, RoutablePageMixin)):
        return False
    try:
        cls.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def route_below(root, request, path_components):
    """What `root.route` would return for these components, with every page on the path
    fetched at once. Each keeps its parent, so breadcrumbs need no query either."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[: end + 1])
        for end in range(len(path_components))
    ]
    found = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
    }
    parent, matched = root, 0
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None:
            break
        page._cached_parent_obj = parent
        parent, matched = page, matched + 1
        remaining = path_components[matched:]
        if remaining and _has_own_route(page, remaining):
            break
    if matched == 0:
        raise Http404
    return parent.specific.route(request, path_components[matched:])
