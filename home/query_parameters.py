"""The query parameters that make a public page differ: those some page type reads (its
`cache_query_parameters`: filters, a page number). `?utm_source=…` and the like are the
same page, so the page cache keeps one entry for them and links back to a page drop them."""

from functools import cache as once
from urllib.parse import urlencode

from wagtail.models import get_page_models


@once
def known_query_parameters():
    return frozenset(
        name for model in get_page_models() for name in getattr(model, "cache_query_parameters", ())
    )


def page_query(request):
    """The request's known parameters, sorted, as a query string ("" without any). Every
    value counts: ?status=done&status=planned is a page of its own."""
    known = known_query_parameters()
    return request.META.get("QUERY_STRING", "") and urlencode(
        sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name in known
            for value in values
        )
    )


def page_address(request):
    """The request's path with its known parameters: the page as anyone else sees it."""
    query = page_query(request)
    return f"{request.path}?{query}" if query else request.path
