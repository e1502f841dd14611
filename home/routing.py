"""Finding the page for an address in one query instead of two per level.

Wagtail's `Page.route` walks the path a segment at a time: a query for the child, another
for its specific object, at every level — six of a news item's fourteen queries, and the
largest single cost of an uncached page (see README, Benchmark)."""

from collections import defaultdict

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
    fetched at once. Each keeps its parent, so breadcrumbs need no query, and its live
    translations, so the language switcher needs none either (live_translations)."""
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[: end + 1])
        for end in range(len(path_components))
    ]
    # The slugs narrow the search through their index; a condition on the translations
    # beside it (an OR) would make the database read every page instead.
    on_path = Page.objects.filter(
        slug__in=set(path_components), url_path__in=prefixes, path__startswith=root.path
    )
    rows = (
        Page.objects.filter(translation_key__in=on_path.values("translation_key"))
        .select_related("locale")
        .order_by()  # any order will do, and compiling one costs a fifth of the query's time
    )
    found, translations = {}, defaultdict(dict)
    for page in rows:
        if page.live:
            translations[page.translation_key][page.locale.language_code] = page
        if page.url_path in prefixes and page.path.startswith(root.path):
            found[page.url_path] = page
    parent, matched = root, 0
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None:
            break
        page._cached_parent_obj = parent
        page._live_translations = translations[page.translation_key]
        parent, matched = page, matched + 1
        remaining = path_components[matched:]
        if remaining and _has_own_route(page, remaining):
            break
    if matched == 0:
        raise Http404
    return specific_for_serving(parent).route(request, path_components[matched:])


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
