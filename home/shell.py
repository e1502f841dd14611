"""The site shell every public page wears — the main menu and the school's details — built
once per site and language and kept in the cache until something it shows changes.

Without it each page would spend half its query budget on the same header and footer."""

from dataclasses import dataclass

from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from .page_cache import invalidate_everything, site_wide

SHELL_TIMEOUT = 24 * 60 * 60
MENU_DEPTH = 3  # the home page's children: the site's sections


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Organisation:
    full_name: str
    short_name: str
    address: str
    phone: str
    email: str
    logo_url: str
    privacy_policy_url: str


@dataclass(frozen=True)
class Shell:
    menu: tuple
    organisation: Organisation


def cache_key(request, language):
    # By address, as the site is found (home.sites): known before the site is, so the
    # shell is read in the same round trip (CurrentSiteMiddleware).
    return f"shell:{split_domain_port(request.get_host())[0]}:{request.get_port()}:{language}"


def _localized_page(page, locale):
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def build_shell(site, language):
    from .models import SiteSettings

    locale = Locale.objects.get_for_language(language)
    root = _localized_page(site.root_page, locale)
    menu = tuple(
        MenuItem(item.title, item.get_url(), item.path)
        for item in root.get_children().live().public().in_menu()
    )
    site_settings = SiteSettings.for_site(site)
    details = site_settings.localized(language)
    policy = _localized_page(site_settings.privacy_policy_page, locale)
    logo = site_settings.logo.get_rendition("height-64") if site_settings.logo else None
    organisation = Organisation(
        full_name=details.full_name,
        short_name=details.short_name,
        address=details.address,
        phone=details.phone,
        email=details.email,
        logo_url=logo.url if logo else "",
        privacy_policy_url=(policy.get_url() or "") if policy and policy.live else "",
    )
    return Shell(menu=menu, organisation=organisation)


def site_shell(request):
    """The shell of the request's site in the active language, fetched once per request."""
    language = get_language()
    shells = request.__dict__.setdefault("_site_shells", {})
    if language not in shells:
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        shells[language] = site_wide(
            cache_key(request, language), lambda: build_shell(site, language), SHELL_TIMEOUT
        )
    return shells[language]


def invalidate_shell():
    """Forget every site's shell in every language, and so every cached page, which wears
    it."""
    invalidate_everything()


def shows_in_shell(page):
    """Whether publishing, unpublishing, moving or deleting `page` changes some shell: a
    menu page, a home page, or a page the footer links to."""
    from .models import SiteSettings

    return (
        page.depth <= MENU_DEPTH
        or SiteSettings.objects.filter(
            privacy_policy_page__translation_key=page.translation_key
        ).exists()
    )
