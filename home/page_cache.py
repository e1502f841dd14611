"""Public pages in Django's cache, and what any shared cache in front may keep.

Two layers keep whole pages for anonymous visitors: nginx in production (deploy/nginx/) and,
behind it or alone (`make run`, `make serve`), this middleware. Both follow the same headers
(set here) and are dropped by the same rule (home.purging).

Each address, and each page, has a generation in the cache, read before the page renders; an
entry holds the generation it was rendered under. So does all public data (PUBLIC_DATA), which
the open API keeps its answers under: any change that drops pages drops it too. Dropping a page deletes its generation and
those of its addresses, so every entry at them — any host, variant or query — stops
matching, and so do the pieces kept for the page (`kept_for_page`, `{% wagtailpagecache %}`
through `cache_key`). A page rendered while a change was being committed keeps the older
generation and is never served after it.

Never kept: anything not served as a Wagtail page (admin, search, sitemap), previews,
responses other than 200, responses that set a cookie (a form's CSRF token does), requests
of logged-in visitors or with messages. Entries end at the school's local midnight, when
overdue statuses change."""

import datetime
import hashlib
import operator
import sys
import time
import uuid
from dataclasses import fields, is_dataclass
from functools import cache as once
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from home.accessibility import cache_variant
from home.query_parameters import page_query

STATUS_HEADER = "X-Page-Cache"
CACHEABLE_METHODS = ("GET", "HEAD")
# Cookies that make a page someone's own: a login (or an unlocked private page), messages.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
SERVED_PAGE = "page_cache_serves_page"  # request attribute: Wagtail serves a page
# Generations outlive every entry kept under them; one that ends only makes those misses.
GENERATION_TIMEOUT = 2 * 24 * 60 * 60
PUBLIC_DATA = "public-data"
# Where a page remembers its generation, read with a piece of it (kept_for_page).
GENERATION_READ = "page_cache_generation"


def seconds_until_midnight():
    """Overdue statuses change at local midnight: nothing cached may outlive the day."""
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(1, int((midnight - now).total_seconds()))


def last_midnight():
    """Today's local midnight, as a timestamp: what changed at it (overdue statuses) is as
    new as a change committed then."""
    now = timezone.localtime()
    return int(
        datetime.datetime.combine(now.date(), datetime.time(), tzinfo=now.tzinfo).timestamp()
    )


def generation_key(name):
    return f"generation:{name}"


def current_generation(name):
    """The current generation of `name`, made up the first time it is asked for; None
    while the cache is down. It begins with the time it was made: nothing kept under it
    changed after that (generation_time)."""
    key = generation_key(name)
    generation = cache.get(key)
    if generation is None:
        cache.add(key, f"{int(time.time())}-{uuid.uuid4().hex}", timeout=GENERATION_TIMEOUT)
        generation = cache.get(key)
    return generation


def generation_time(generation):
    """When `generation` was made, as a timestamp; None for one that does not say."""
    made, _, _rest = (generation or "").partition("-")
    return int(made) if made.isdigit() else None


def page_generation(page_id):
    """What the pieces and fragments of a page are kept under (kept_for_page, cache_key)."""
    return current_generation(f"page:{page_id}")


def address_generation_name(path):
    """What the whole pages at an address are kept under, whatever their host, query or
    variant: known from the request alone, so a hit is one round trip to the cache."""
    return "address:" + hashlib.sha256(path.encode()).hexdigest()


def drop(page_ids, paths):
    """Whatever is kept of these pages and at these addresses stops matching, and so does
    what is kept of the public data: called by home.purging only."""
    names = [f"page:{pk}" for pk in page_ids] + [address_generation_name(p) for p in paths]
    cache.delete_many([generation_key(name) for name in [*names, PUBLIC_DATA]])


def public_data_changed(generation):
    """When the public data kept under `generation` last changed, as a timestamp: when the
    generation began, or today's midnight if later; None while the cache is down."""
    made = generation_time(generation)
    return None if made is None else max(made, last_midnight())


def kept_public_data(key, build):
    """(`build()`, public_data_changed): kept as whole pages are, until a change a visitor
    could see drops the public data (home.purging), the day ends or PAGE_CACHE_TIMEOUT runs
    out; with PAGE_CACHE_TIMEOUT 0, built each time. The open API and the open datasets."""
    timeout = min(settings.PAGE_CACHE_TIMEOUT, seconds_until_midnight())
    if timeout > 0:
        value, generation = kept_under(PUBLIC_DATA, key, build, timeout)
    else:
        value, generation = build(), current_generation(PUBLIC_DATA)
    return value, public_data_changed(generation)


# A piece of a page is built again at least daily, whatever drops it before.
PIECE_TIMEOUT = 24 * 60 * 60


def kept_for_page(page, key, build, timeout=PIECE_TIMEOUT):
    """`build()`, kept in the cache until the page (a Page or its id) is dropped or
    `timeout` runs out; built each time for a page not saved yet (a preview). A Page
    remembers the generation read with it: its fragments' key needs no round trip more."""
    page_id = page.pk if isinstance(page, Page) else page
    if page_id is None:
        return build()
    value, generation = kept_under(f"page:{page_id}", key, build, timeout)
    if generation is not None and isinstance(page, Page):
        page.__dict__[GENERATION_READ] = generation
    return value


def shape_of(module_name):
    """A part of a key naming the fields of the dataclasses the module `module_name`
    defines, which the values it keeps are made of: after a release that changes them, the
    values an older release kept (which lack a field, or hold one no more read) are not
    read."""
    module = sys.modules[module_name]
    return described_shape(
        tuple(
            cls
            for cls in vars(module).values()
            if isinstance(cls, type) and is_dataclass(cls) and cls.__module__ == module_name
        )
    )


@once
def described_shape(classes):
    described = ";".join(
        f"{cls.__qualname__}:{','.join(f.name for f in fields(cls))}" for cls in classes
    )
    return hashlib.sha256(described.encode()).hexdigest()[:12]


def kept_under(name, key, build, timeout):
    """(`build()`, the generation of `name` it is kept under): kept in the cache until
    `name` is dropped or `timeout` runs out, one round trip when kept. The generation is
    read before building, so a value built while a change was committed is not kept past
    it. Without a cache (down), built each time, under no generation (None)."""
    generation_name = generation_key(name)
    found = cache.get_many([key, generation_name])
    entry, generation = found.get(key), found.get(generation_name)
    if generation is not None and isinstance(entry, tuple) and entry[0] == generation:
        return entry[1], generation
    generation = current_generation(name)
    value = build()
    if generation is not None:
        cache.set(key, (generation, value), timeout)
    return value, generation


class FragmentCacheMixin:
    """For a page with `{% wagtailpagecache fragment_timeout … %}` fragments: its
    `cache_key` changes whenever the page is dropped (home.purging), so also when something
    it shows changes, not only when it is published; its fragments end at midnight."""

    def get_cache_key_components(self):
        # Read with the page's head when it was (home.page_head): a change committed since
        # drops the address too, so the page rendered now is not kept.
        # With the cache down for that read, a key of this render's own: one that no
        # change drops (None) would be served at the next failed read, until midnight.
        generation = (
            self.__dict__.get(GENERATION_READ) or page_generation(self.pk) or uuid.uuid4().hex
        )
        return [*super().get_cache_key_components(), generation]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fragment_timeout"] = seconds_until_midnight()
        return context


def lazy_context(build, names):
    """{name: what `build()` gives it}, built only if a template reads one of them — not
    when the fragment showing them is kept — and then once for all. (One name needs only
    `SimpleLazyObject(build_it)`.)"""
    built = SimpleLazyObject(build)
    return {name: SimpleLazyObject(partial(operator.getitem, built, name)) for name in names}


def entry_key(request):
    query = page_query(request)
    address = "|".join(
        (request.scheme, request.get_host(), request.path, query, cache_variant(request))
    )
    return "page-cache:entry:" + hashlib.sha256(address.encode()).hexdigest()


def may_be_shared(request):
    """An anonymous GET or HEAD, without a session or messages."""
    return request.method in CACHEABLE_METHODS and not any(
        name in request.COOKIES for name in PRIVATE_COOKIES
    )


def mark_served_page(request):
    """Wagtail serves a page for this request (not a preview): a shared cache may keep it."""
    if may_be_shared(request) and not getattr(request, "is_preview", False):
        setattr(request, SERVED_PAGE, True)


def is_shareable(request, response):
    return (
        getattr(request, SERVED_PAGE, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def with_status(response, status):
    """Says whether Django's cache served the page, where settings ask (tests, development):
    not to the public, whom it would tell how the site is built."""
    if settings.PAGE_CACHE_STATUS_HEADER:
        response[STATUS_HEADER] = status
    return response


def public_cache_control():
    """A shared cache (nginx) may keep it until it is purged or the day ends; a browser
    asks again each time, so a change shows on the next visit."""
    return f"public, max-age=0, s-maxage={seconds_until_midnight()}"


def mark_public(response):
    # Set, not patched: only a response without Cache-Control is shared (is_shareable).
    response["Cache-Control"] = public_cache_control()
    # The version for the visually impaired and a login live in cookies.
    patch_vary_headers(response, ("Cookie",))
    return response


class PageCacheMiddleware:
    """Serves kept pages to anonymous visitors; keeps the pages Wagtail rendered for them,
    and marks every other response private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = generation = None
        if settings.PAGE_CACHE_TIMEOUT > 0 and may_be_shared(request):
            key = entry_key(request)
            hit, generation = self.fetch(key, request.path)
            if hit is not None:
                return hit
            # Before anything is read for the page: a change committed while it renders
            # drops this generation, and the page is not served after it.
            generation = generation or current_generation(address_generation_name(request.path))
        response = self.get_response(request)
        if is_shareable(request, response):
            mark_public(response)
            if key is not None and generation is not None:
                self.store(key, generation, response)
                with_status(response, "miss")
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def fetch(key, path):
        """(the entry's response if it was kept under its address's current generation,
        that generation): both read in one round trip."""
        generation_of_address = generation_key(address_generation_name(path))
        found = cache.get_many([key, generation_of_address])
        entry, current = found.get(key), found.get(generation_of_address)
        if entry is None or current is None or entry[0] != current:
            return None, current
        _generation, status, headers, content = entry
        # The kept headers say Vary: Cookie already (mark_public, before store).
        response = HttpResponse(content, status=status, headers=dict(headers))
        response["Cache-Control"] = public_cache_control()
        return with_status(response, "hit"), current

    @staticmethod
    def store(key, generation, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in {"set-cookie", "cache-control"}
        ]
        entry = (generation, response.status_code, headers, response.content)
        cache.set(key, entry, min(settings.PAGE_CACHE_TIMEOUT, seconds_until_midnight()))
