"""Which Site answers a request, without a query, and what else every request needs from
the cache, in one round trip.

Wagtail asks the database on every request (`get_site_for_hostname`), though sites change a
few times in a school's life. The answer for each host and port is kept with the site-wide
cache token, which saving a site, a home page or anything in the shell drops
(home.signals)."""

from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from . import privacy, routing, shell
from .page_cache import EVERYTHING_KEY, reading_ahead, site_wide

SITE_TIMEOUT = 24 * 60 * 60


def _site_for(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # Routing starts from the specific home page in the visitor's language
    # (HomePage.localized), and page addresses from the sites' root paths: kept with the
    # site, they cost no query and no other round trip to the cache. Publishing or saving
    # a home page drops them with the shell (home.signals).
    root = site.root_page.specific
    translations = {
        code: root if page.pk == root.pk else page.specific
        for code, page in routing.live_translations(root).items()
    }
    for page in translations.values():
        page._live_translations = translations
    site.root_page = root
    site.root_paths = Site.get_site_root_paths()
    return site


def _address(request):
    return split_domain_port(request.get_host())[0], request.get_port()


def _site_key(hostname, port):
    return f"site:{hostname}:{port}"


def find_site(request):
    """What `Site.find_for_request` would find, from the cache: the same lookup by the same
    rules, made once per host and port."""
    hostname, port = _address(request)
    return site_wide(_site_key(hostname, port), lambda: _site_for(hostname, port), SITE_TIMEOUT)


class CurrentSiteMiddleware:
    """Reads what every page needs from the cache in one round trip — the site, its shell in
    the request's language, the private pages' paths, the pages on the path — and hands
    Wagtail the site: `Site.find_for_request` reads `request._wagtail_site` before it
    queries, and page URLs `request._wagtail_cached_site_root_paths`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ahead = [
            _site_key(*_address(request)),
            shell.cache_key(request, get_language()),
            privacy.RESTRICTED_PATHS_KEY,
            privacy.RESTRICTIONS_VERSION_KEY,
            routing.route_key(request),
            routing.ROUTES_VERSION_KEY,
            EVERYTHING_KEY,
        ]
        with reading_ahead(ahead):
            site = find_site(request)
            request._wagtail_site = site
            if site is not None:
                request._wagtail_cached_site_root_paths = site.root_paths
            return self.get_response(request)
