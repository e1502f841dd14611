"""The site shell every public page wears — the main menu and the school's details — built
once per site and language and kept in the cache until something it shows changes.

Without it each page would spend half its query budget on the same header and footer."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from .page_cache import invalidate_everything

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


def cache_key(site_id, language):
    return f"site-shell:{site_id}:{language}"


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
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    language = get_language()
    key = cache_key(site.pk, language)
    shell = cache.get(key)
    if shell is None:
        shell = build_shell(site, language)
        cache.set(key, shell, SHELL_TIMEOUT)
    return shell


def invalidate_shell():
    """Forget every site's shell in every language (a few keys, not the whole cache), and so
    every cached page, which wears it."""
    invalidate_everything()
    cache.delete_many(
        [
            cache_key(site_id, language)
            for site_id in Site.objects.values_list("pk", flat=True)
            for language, _ in settings.LANGUAGES
        ]
    )


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
