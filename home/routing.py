"""Finding the page for an address in one query instead of two per level, and in none
when the address was visited since pages last changed.

Wagtail's `Page.route` walks the path a segment at a time: a query for the child, another
for its specific object, at every level — six of a news item's fourteen queries, and the
largest single cost of an uncached page (see README, Benchmark). Only the page served is
then read from the database: its content is always current."""

import hashlib
from collections import defaultdict

from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from .page_cache import drop_tokens, kept_until_dropped

ROUTES_VERSION_KEY = "routes:version"
ROUTE_TIMEOUT = 24 * 60 * 60


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


def forget_routes():
    """A page was published, unpublished, saved whole, moved or deleted: the pages found on
    any path may have changed."""
    drop_tokens([ROUTES_VERSION_KEY])


def route_key(request):
    """Where the pages on the request's path are kept: known from the address alone, so
    they are read with the site in one round trip (home.sites)."""
    hostname = split_domain_port(request.get_host())[0]
    address = f"{hostname}:{request.get_port()}|{request.path_info}"
    return "route:" + hashlib.sha256(address.encode()).hexdigest()


def _pages_on_path(root, prefixes, path_components):
    """The pages at these paths below `root`, and all their translations: one query."""
    # The slugs narrow the search through their index; a condition on the translations
    # beside it (an OR) would make the database read every page instead.
    on_path = Page.objects.filter(
        slug__in=set(path_components), url_path__in=prefixes, path__startswith=root.path
    )
    return list(
        Page.objects.filter(translation_key__in=on_path.values("translation_key"))
        .select_related("locale")
        .order_by()  # any order will do, and compiling one costs a fifth of the query's time
    )


def _walk(root, rows, prefixes, path_components):
    """The pages along the path, in order, up to one that answers the rest itself; and
    whether they account for the whole path (else it leads nowhere)."""
    found = {
        page.url_path: page
        for page in rows
        if page.url_path in prefixes and page.path.startswith(root.path)
    }
    chain = []
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None:
            return chain, False
        chain.append(page)
        remaining = path_components[len(chain) :]
        if remaining and _has_own_route(page, remaining):
            break
    return chain, True


def route_below(root, request, path_components):
    """What `root.route` would return for these components, with every page on the path
    fetched at once, and kept in the cache for the next visit to the same address (only
    addresses that lead to a page: any other would fill the cache). Each page keeps its
    parent, so breadcrumbs need no query, and its live translations, so the language
    switcher needs none either (live_translations)."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[: end + 1])
        for end in range(len(path_components))
    ]
    found = kept_until_dropped(
        route_key(request),
        lambda: (root.pk, tuple(path_components), _pages_on_path(root, prefixes, path_components)),
        ROUTE_TIMEOUT,
        ROUTES_VERSION_KEY,
        keep=lambda found: _walk(root, found[2], prefixes, path_components)[1],
    )
    if found[:2] == (root.pk, tuple(path_components)):
        rows = found[2]
    else:  # what is kept for the request's own address is not what is asked for here
        rows = _pages_on_path(root, prefixes, path_components)
    chain, _ = _walk(root, rows, prefixes, path_components)
    if not chain:
        raise Http404
    translations = defaultdict(dict)
    for page in rows:
        if page.live:
            translations[page.translation_key][page.locale.language_code] = page
    parent = root
    for page in chain:
        page._cached_parent_obj = parent
        page._live_translations = translations[page.translation_key]
        parent = page
    return specific_for_serving(parent).route(request, path_components[len(chain) :])


def specific_for_serving(page):
    """`page.specific`, with the related rows its type names in `select_related_when_served`
    (its picture, say) fetched in the same query rather than one more each."""
    related = getattr(page.specific_class, "select_related_when_served", ())
    if not related:
        return page.specific
    specific = page.specific_class._default_manager.select_related(*related).get(pk=page.pk)
    # What routing left on the page (its parent, its translations), as Wagtail's
    # get_specific copies it.
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    return specific


def live_translations(page):
    """{language code: page} of the page's live translations, itself included if live:
    as routing left them, else from the database."""
    known = page.__dict__.get("_live_translations")
    if known is not None:
        return known
    return {
        translation.locale.language_code: translation
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }
