"""What the header and footer of every public page show — the main menu and the school's
details — built once per site and language and kept in the cache until something they show
changes.

Without it each page would spend half its query budget on the same header and footer."""

from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Locale, Site

from .page_cache import kept_for_page, shape_of


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


# A browser tab's icon, an iPhone's home screen, an Android's.
ICON_SIZES = (32, 180, 192)


@dataclass(frozen=True)
class Organisation:
    full_name: str
    short_name: str
    # What heads the site: the short name, else the full one.
    name: str
    address: str
    # The language of each of these three where it is not the page's (a Russian name on
    # an English page), else "": for a `lang` attribute.
    full_name_lang: str
    name_lang: str
    address_lang: str
    phone: str
    email: str
    logo_url: str
    # {size in pixels: address} of the square icons made from the logo (favicon, touch icon).
    icon_urls: dict
    privacy_policy_url: str


# What the organisation's details in the page's language (SiteSettings.localized) give it.
LOCALIZED_DETAILS = (
    "full_name",
    "short_name",
    "name",
    "address",
    "full_name_lang",
    "name_lang",
    "address_lang",
    "phone",
    "email",
)


@dataclass(frozen=True)
class HeaderFooter:
    menu: tuple
    organisation: Organisation


def _localized_page(page, locale):
    """The page's live translation into `locale`, or else the page itself: a translation
    still in draft is nobody's to read yet."""
    if page is None:
        return None
    translation = page.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else page


def _rendition_url(image, spec):
    """The address of `image`'s rendition, or "" when its file is missing from the storage
    (a restore without the media): every page shows the header, so the template's emblem and
    default icons stand in for a broken picture rather than the page failing."""
    rendition = get_rendition_or_not_found(image, spec)
    # Wagtail's "not found" placeholder is never stored.
    return rendition.url if rendition.pk is not None else ""


def build_header_footer(site, language):
    from .models import SiteSettings

    locale = Locale.objects.get_for_language(language)
    root = _localized_page(site.root_page, locale)
    menu = tuple(
        MenuItem(item.title, item.relative_url(site), item.path)
        for item in root.get_children().live().public().in_menu()
    )
    site_settings = SiteSettings.for_site(site)
    details = site_settings.localized(language)
    policy = _localized_page(site_settings.privacy_policy_page, locale)
    logo = site_settings.logo
    icons = (
        {size: _rendition_url(logo, f"fill-{size}x{size}|format-png") for size in ICON_SIZES}
        if logo
        else {}
    )
    if not all(icons.values()):
        # The default icons, rather than a broken one among them.
        icons = {}
    organisation = Organisation(
        **{name: getattr(details, name) for name in LOCALIZED_DETAILS},
        logo_url=_rendition_url(logo, "height-64") if logo else "",
        icon_urls=icons,
        privacy_policy_url=(policy.relative_url(site) or "") if policy and policy.live else "",
    )
    return HeaderFooter(menu=menu, organisation=organisation)


def header_footer(request):
    """The header and footer of the request's site in the active language: kept until the
    site's home page is dropped (home.purging drops every page of a site when its menu or
    details change), and read once per request."""
    language = get_language()
    built = request.__dict__.setdefault("header_footers", {})
    if language not in built:
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        built[language] = kept_for_page(
            site.root_page_id,
            f"header-footer:{shape_of(__name__)}:{site.pk}:{language}",
            lambda: build_header_footer(site, language),
        )
    return built[language]
