"""Which Site answers a request, without a query.

Wagtail asks the database on every request (`get_site_for_hostname`), though sites change a
few times in a school's life. The answer for each host and port is kept with the site-wide
cache token, which saving a site or anything in the shell drops (home.signals)."""

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .page_cache import site_wide

SITE_TIMEOUT = 24 * 60 * 60


def _site_for(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    # Routing starts from the specific home page: kept with the site, it costs no query.
    # Publishing the home page drops it with the shell (home.signals).
    site.root_page = site.root_page.specific
    return site


def find_site(request):
    """What `Site.find_for_request` would find, from the cache: the same lookup by the same
    rules, made once per host and port."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    return site_wide(
        f"site-for-host:{hostname}:{port}", lambda: _site_for(hostname, port), SITE_TIMEOUT
    )


class CurrentSiteMiddleware:
    """Hands Wagtail the request's site: `Site.find_for_request` reads
    `request._wagtail_site` before it queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = find_site(request)
        return self.get_response(request)
