"""What a public page shows around its own content — its address, its breadcrumbs, the
addresses of its translations (the language switcher and the head's hreflang links) — and
what it says of itself to search engines and in a shared link, its description and
picture: read at once, kept in the cache as plain text until the page is dropped
(home.purging drops it with its ancestors, its translations and what its picture
changes), and read once per page served, in one round trip."""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, Site

from .page_cache import kept_for_page, shape_of

OG_IMAGE_FILTER = "fill-1200x630"
# Where the heads read once are remembered on the page served, by site (page_head).
READ_ONCE = "page_head_read"


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    # The page's type, for a template looking for the nearest ancestor of one type.
    content_type_id: int


@dataclass(frozen=True)
class PageHead:
    # The page's own address; None for a page no site reaches.
    url: str | None
    # The page's ancestors from the home page down.
    breadcrumbs: tuple
    # {language code: address of the page's live translation in it}, its own language too.
    translation_urls: dict
    # What the page says of itself (home.descriptions), or "".
    description: str
    # The shared link's picture (OpenGraph), or "".
    og_image_path: str


def page_head(request, page):
    """The head of `page` as served to `request`: addresses are relative to the request's
    site, so the kept head is the site's own. A preview's is its draft's, never kept."""
    site_id = getattr(Site.find_for_request(request), "pk", "")
    read = page.__dict__.setdefault(READ_ONCE, {})
    if site_id not in read:
        if getattr(request, "is_preview", False):
            read[site_id] = read_page_head(request, page)
        else:
            read[site_id] = kept_for_page(
                page,
                f"page-head:{shape_of(__name__)}:{site_id}:{page.pk}",
                lambda: read_page_head(request, page),
            )
    return read[site_id]


def og_image_path(page):
    # A page type without a picture says og_image = None.
    image = getattr(page, "og_image", None)
    # As {% image %} does: a file missing from the storage gives a placeholder.
    return get_rendition_or_not_found(image, OG_IMAGE_FILTER).url if image else ""


def read_page_head(request, page):
    steps = range(2 * Page.steplen, len(page.path), Page.steplen)
    ancestor_paths = {page.path[:end] for end in steps}
    rows = (
        Page.objects.filter(
            Q(path__in=ancestor_paths) | Q(translation_key=page.translation_key, live=True)
        )
        .select_related("locale")
        .order_by("path")
    )
    breadcrumbs, translation_urls = [], {}
    for row in rows:
        if row.path in ancestor_paths:
            breadcrumbs.append(Link(row.title, row.get_url(request), row.content_type_id))
        else:
            translation_urls[row.locale.language_code] = row.get_url(request)
    describe = getattr(page, "meta_description", None)
    return PageHead(
        url=page.get_url(request),
        breadcrumbs=tuple(breadcrumbs),
        translation_urls=translation_urls,
        description=describe() if describe else "",
        og_image_path=og_image_path(page),
    )
