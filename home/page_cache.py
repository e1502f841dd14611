"""Whole public pages kept in the cache for anonymous visitors, and dropped precisely.

An entry is found by its address (scheme, host, path, query), language and accessible-version
variant, before any routing, so a hit costs no SQL query. Each entry remembers the token of
the page that produced it and the site-wide token current when rendering began; dropping a
page (or everything) forgets those tokens, so every entry of that page — whatever its query
string, language or variant — stops matching at once, without knowing its addresses.

Never cached: anything not served by a Wagtail page (admin, previews, search, sitemap),
responses other than 200, responses that used the CSRF token (forms) or set cookies, and
requests that carry a session or messages (logged-in users, password-protected pages)."""

import datetime
import hashlib
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import IntegerField
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path
from wagtail.models import Page, ReferenceIndex

from home.accessibility import cache_variant

# What a reverse proxy may keep a public page for: short, since it cannot be told when a
# page changes; this cache can, and keeps it until then (or midnight).
PROXY_MAX_AGE = 60
STATUS_HEADER = "X-Page-Cache"
CACHEABLE_METHODS = ("GET", "HEAD")
MESSAGES_COOKIE = "messages"
EVERYTHING_KEY = "page-cache:everything"
REQUEST_TOKENS = "_page_cache_tokens"
# Which page each address was last found to belong to, in this process, so that a hit
# reads the entry and both tokens in one round trip to the cache. A wrong or missing guess
# costs a second trip, never a stale page. Bounded: cleared when full.
PAGES_OF_ENTRIES_MAX = 10_000
_pages_of_entries = {}


# What the request read of the cache at its start (reading_ahead): the pieces it will need
# and their tokens, all in one round trip instead of one each.
_read_ahead = ContextVar("page_cache_read_ahead", default=None)


def seconds_until_midnight():
    """Overdue statuses change at local midnight: cached pages must not outlive the day."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def page_token_key(page_id):
    return f"page-cache:page:{page_id}"


def page_language(request):
    """The language a page at this address is served in, before LocaleMiddleware has run:
    pages live under i18n_patterns without a prefix for the default language, so the
    address alone decides (as LocaleMiddleware decides for them)."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def entry_key(request):
    address = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            page_language(request),
            cache_variant(request),
        )
    )
    return "page-cache:entry:" + hashlib.sha256(address.encode()).hexdigest()


@contextmanager
def reading_ahead(keys):
    """Reads these keys in one round trip: within the block, kept_until_dropped and the
    tokens take them from what was read. Dropping a token forgets it all (drop_tokens)."""
    found = cache.get_many(keys)
    reset = _read_ahead.set({key: found.get(key) for key in keys})
    try:
        yield
    finally:
        _read_ahead.reset(reset)


def _read(keys):
    known = _read_ahead.get()
    if known is not None and all(key in known for key in keys):
        return {key: known[key] for key in keys if known[key] is not None}
    return cache.get_many(keys)


def _written(key, value):
    known = _read_ahead.get()
    if known is not None and key in known:
        known[key] = value


def drop_tokens(keys):
    """Whatever was kept under these tokens stops matching, in this request too, and
    again once the change is committed: a request that read the database before that
    could have kept what it read under a token made since."""
    cache.delete_many(keys)
    known = _read_ahead.get()
    if known is not None:
        known.clear()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: cache.delete_many(keys))


def _current_token(key):
    """The token under `key`, made up the first time it is asked for."""
    token = _read([key]).get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        token = cache.get(key)
        _written(key, token)
    return token


def kept_until_dropped(key, build, timeout, token_key, keep=None):
    """The value `build()` returns, kept in the cache until the token under `token_key` is
    dropped (drop_tokens) — if `keep(value)` allows. One round trip when kept, none when read
    ahead; a value built while a change was being made is never kept past it, as the token
    is read before building."""
    found = _read([key, token_key])
    entry, token = found.get(key), found.get(token_key)
    # Anything else under the key (left by an earlier version of the code) is rebuilt.
    if isinstance(entry, tuple) and len(entry) == 2 and token is not None and entry[0] == token:
        return entry[1]
    token = _current_token(token_key)
    value = build()
    if keep is None or keep(value):
        cache.set(key, (token, value), timeout)
        _written(key, (token, value))
    return value


def site_wide(key, build, timeout):
    """For what changes only with the whole site (sites, menu, school details): kept until
    invalidate_everything()."""
    return kept_until_dropped(key, build, timeout, EVERYTHING_KEY)


def remember_tokens(page, request):
    """Called before a page renders: what it renders belongs to these tokens. Read before
    rendering, so a change made meanwhile makes the entry stale, not the change lost."""
    if _may_use_cache(request):
        tokens = (_current_token(page_token_key(page.pk)), _current_token(EVERYTHING_KEY))
        setattr(request, REQUEST_TOKENS, (page.pk, *tokens))


def _may_use_cache(request):
    """An anonymous GET or HEAD without a session or messages, while the cache is on."""
    return (
        settings.PAGE_CACHE_TIMEOUT > 0
        and request.method in CACHEABLE_METHODS
        and not (
            settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES
        )
    )


def _cacheable(request, response):
    return (
        getattr(request, REQUEST_TOKENS, None) is not None
        and not getattr(request, "is_preview", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and not response.has_header("Cache-Control")
    )


def _public(response):
    patch_cache_control(response, public=True, max_age=PROXY_MAX_AGE)
    # The variant and a login live in cookies.
    patch_vary_headers(response, ("Cookie",))
    return response


class PageCacheMiddleware:
    """Serves cached pages before routing; stores the pages Wagtail rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = entry_key(request) if _may_use_cache(request) else None
        if key is not None:
            hit = self._fetch(key)
            if hit is not None:
                return hit
        response = self.get_response(request)
        if key is not None and _cacheable(request, response):
            self._store(key, request, response)
            response[STATUS_HEADER] = "miss"
            return _public(response)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _fetch(self, key):
        guess = _pages_of_entries.get(key)
        wanted = [key, EVERYTHING_KEY] + ([page_token_key(guess)] if guess is not None else [])
        found = cache.get_many(wanted)
        entry = found.get(key)
        if entry is None:
            return None
        page_id, page_token, everything_token, status, headers, content = entry
        if page_id != guess:
            found[page_token_key(page_id)] = cache.get(page_token_key(page_id))
            _remember_page_of_entry(key, page_id)
        if (found.get(page_token_key(page_id)), found.get(EVERYTHING_KEY)) != (
            page_token,
            everything_token,
        ):
            return None
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return _public(response)

    def _store(self, key, request, response):
        if hasattr(response, "render") and callable(response.render):
            response.render()
        page_id, page_token, everything_token = getattr(request, REQUEST_TOKENS)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in {"set-cookie", "cache-control"}
        ]
        entry = (
            page_id,
            page_token,
            everything_token,
            response.status_code,
            headers,
            response.content,
        )
        cache.set(key, entry, min(settings.PAGE_CACHE_TIMEOUT, seconds_until_midnight()))
        _remember_page_of_entry(key, page_id)


def _remember_page_of_entry(key, page_id):
    if len(_pages_of_entries) >= PAGES_OF_ENTRIES_MAX:
        _pages_of_entries.clear()
    _pages_of_entries[key] = page_id


def pages_showing(pages):
    """Ids of these pages, their ancestors (indexes, section landing, home) and the
    translations of all of them: every page that shows one of these pages."""
    paths = {page.path[:end] for page in pages for end in range(4, len(page.path) + 1, 4)}
    keys = Page.objects.filter(path__in=paths).values("translation_key")
    return list(Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def invalidate_pages(page_ids):
    """Drop every cached entry of these pages (each address, language, variant)."""
    drop_tokens([page_token_key(pk) for pk in page_ids])


def invalidate_shown(*pages):
    """A page changed: drop it and every page that shows it."""
    if pages:
        invalidate_pages(pages_showing(pages))


def pages_referencing(obj):
    """The pages whose content uses `obj` (an image, a document, a snippet), as Wagtail's
    reference index knows them."""
    # The index keeps object ids as text; PostgreSQL compares them to ids only when cast.
    return Page.objects.filter(
        pk__in=ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def invalidate_subtree(page):
    """A page's address or visibility changed, and so did its descendants'."""
    invalidate_pages([*pages_showing([page]), *page.get_descendants().values_list("pk", flat=True)])


def invalidate_everything():
    """Site-wide changes (menu, school details): no cached page is current any more."""
    drop_tokens([EVERYTHING_KEY])
