"""Public pages in Django's cache, and what any shared cache in front may keep.

Two layers keep whole pages for anonymous visitors: nginx in production (deploy/nginx/) and,
behind it or alone (`make run`, `make serve`), this middleware. Both follow the same headers
(set here) and are dropped by the same rule (home.purging).

Each page has a generation in the cache, read before the page renders; an entry holds the
generation it was rendered under. Dropping a page deletes its generation, so every entry of
it — any address, variant or query — stops matching, and so do the pieces kept for it
(`kept_for_page`, `{% wagtailpagecache %}` through `cache_key`). A page rendered while a
change was being committed keeps the older generation and is never served after it.

Never kept: anything not served as a Wagtail page (admin, search, sitemap), previews,
responses other than 200, responses that set a cookie (a form's CSRF token does), requests
of logged-in visitors or with messages. Entries end at the school's local midnight, when
overdue statuses change."""

import datetime
import hashlib
import uuid
from functools import cache as once
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import get_page_models

from home.accessibility import cache_variant

STATUS_HEADER = "X-Page-Cache"
CACHEABLE_METHODS = ("GET", "HEAD")
# Cookies that make a page someone's own: a login (or an unlocked private page), messages.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SERVED_PAGE = "page_cache_served"  # request attribute: (page id, its generation)


def seconds_until_midnight():
    """Overdue statuses change at local midnight: nothing cached may outlive the day."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def generation_key(page_id):
    return f"page-generation:{page_id}"


def page_generation(page_id):
    """The page's current generation, made up the first time it is asked for."""
    key = generation_key(page_id)
    generation = cache.get(key)
    if generation is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        generation = cache.get(key)
    return generation


def drop_pages(page_ids):
    """Whatever is kept of these pages stops matching: called by home.purging only."""
    cache.delete_many([generation_key(pk) for pk in page_ids])


def kept_for_page(page_id, key, build, timeout):
    """`build()`, kept in the cache until the page is dropped or `timeout` runs out: one
    round trip when kept. The generation is read before building, so a value built while
    a change was committed is not kept past it. Without a cache (down), built each time."""
    generation_of_page = generation_key(page_id)
    found = cache.get_many([key, generation_of_page])
    entry, generation = found.get(key), found.get(generation_of_page)
    if generation is not None and isinstance(entry, tuple) and entry[0] == generation:
        return entry[1]
    generation = page_generation(page_id)
    value = build()
    if generation is not None:
        cache.set(key, (generation, value), timeout)
    return value


class ChangesInCacheKeyMixin:
    """For a page with `{% wagtailpagecache %}` fragments: its `cache_key` changes whenever
    the page is dropped (home.purging), so also when something it shows changes, not only
    when it is published."""

    def get_cache_key_components(self):
        return [*super().get_cache_key_components(), page_generation(self.pk)]


@once
def known_query_parameters():
    """The query parameters some page type reads (`cache_query_parameters`): only these
    make an entry of their own; `?utm_source=…` and the like are the same page."""
    return frozenset(
        name for model in get_page_models() for name in getattr(model, "cache_query_parameters", ())
    )


def entry_key(request):
    known = known_query_parameters()
    query = urlencode(sorted((k, v) for k, v in request.GET.items() if k in known))
    address = "|".join(
        (request.scheme, request.get_host(), request.path, query, cache_variant(request))
    )
    return "page-cache:entry:" + hashlib.sha256(address.encode()).hexdigest()


def may_be_shared(request):
    """An anonymous GET or HEAD, without a session or messages."""
    return request.method in CACHEABLE_METHODS and not any(
        name in request.COOKIES for name in PRIVATE_COOKIES
    )


def remember_served_page(page, request):
    """A page is about to render for this request: it may be kept under the page's current
    generation (read now, before anything it shows is read); None while the cache is
    down, and then nothing is kept."""
    if may_be_shared(request) and not getattr(request, "is_preview", False):
        setattr(request, SERVED_PAGE, (page.pk, page_generation(page.pk)))


def is_shareable(request, response):
    return (
        getattr(request, SERVED_PAGE, None) is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def mark_public(response):
    """A shared cache (nginx) may keep it until it is purged or the day ends; a browser
    asks again each time, so a change shows on the next visit."""
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds_until_midnight())
    # The version for the visually impaired and a login live in cookies.
    patch_vary_headers(response, ("Cookie",))
    return response


class PageCacheMiddleware:
    """Serves kept pages to anonymous visitors; keeps the pages Wagtail rendered for them,
    and marks every other response private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = entry_key(request) if self.enabled() and may_be_shared(request) else None
        if key is not None:
            hit = self.fetch(key)
            if hit is not None:
                return hit
        response = self.get_response(request)
        if is_shareable(request, response):
            mark_public(response)
            page_id, generation = getattr(request, SERVED_PAGE)
            if key is not None and generation is not None:
                self.store(key, page_id, generation, response)
                response[STATUS_HEADER] = "miss"
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def enabled():
        return settings.PAGE_CACHE_TIMEOUT > 0

    @staticmethod
    def fetch(key):
        entry = cache.get(key)
        if entry is None:
            return None
        page_id, generation, status, headers, content = entry
        current = cache.get(generation_key(page_id))
        if current is None or current != generation:
            return None
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return mark_public(response)

    @staticmethod
    def store(key, page_id, generation, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in {"set-cookie", "cache-control"}
        ]
        entry = (page_id, generation, response.status_code, headers, response.content)
        cache.set(key, entry, min(settings.PAGE_CACHE_TIMEOUT, seconds_until_midnight()))
