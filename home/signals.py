"""Keep derived things current: translations follow their source when it is published,
and the cached site shell and cached pages are dropped when something they show changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from site_project.translation import sync_translations

from . import page_cache
from .models import SiteSettings
from .privacy import forget_restricted_paths
from .routing import forget_routes
from .shell import MENU_DEPTH, invalidate_shell, shows_in_shell


@receiver(page_published)
def sync_page_translations(sender, instance, **kwargs):
    sync_translations(instance.specific)


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    """The search index is written when a page row is saved, before its child objects
    (a roadmap's events) are: index it again once everything is in place."""
    index.insert_or_update_object(instance.specific)


@receiver(published)
def sync_snippet_translations(sender, instance, **kwargs):
    if isinstance(instance, TranslatableMixin):
        sync_translations(instance)


def page_shown_changed(page):
    """A page was published, unpublished or deleted: drop what shows it — the shell (and so
    every page) when it is in the menu or footer, else the page and those that list it, and
    the pages below it, whose breadcrumbs (and, after a new slug, addresses) come from it."""
    if shows_in_shell(page):
        invalidate_shell()
    elif page.numchild:
        page_cache.invalidate_subtree(page)
    else:
        page_cache.invalidate_shown(page)


@receiver(page_published)
@receiver(page_unpublished)
def refresh_for_page(sender, instance, **kwargs):
    page_shown_changed(instance)


@receiver(post_delete)
def refresh_for_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_routes()
        page_shown_changed(instance)


@receiver(post_page_move)
def refresh_for_moved_page(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """Its address and its descendants' changed; the listings it left and joined too."""
    forget_restricted_paths()
    forget_routes()
    if min(parent_page_before.depth, parent_page_after.depth) < MENU_DEPTH:
        invalidate_shell()
    else:
        page_cache.invalidate_subtree(instance)
        page_cache.invalidate_shown(parent_page_before)


@receiver(post_save)
def refresh_for_saved_page(sender, instance, update_fields, **kwargs):
    """A page created, published, unpublished or moved is saved whole (a draft saves only
    its revision fields): the pages found on some addresses (home.routing) may have
    changed, and, for a home page, the sites' root paths kept with each site (home.sites)."""
    if isinstance(instance, Page) and update_fields is None:
        forget_routes()
        if instance.depth <= 2:
            invalidate_shell()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def refresh_for_restriction(sender, instance, **kwargs):
    """A page (and all below it) became private or public again."""
    forget_restricted_paths()
    page = instance.page
    if page.depth <= MENU_DEPTH:
        invalidate_shell()
    else:
        page_cache.invalidate_subtree(page)


@receiver(post_save, sender=SiteSettings)
def refresh_shell(sender, created, **kwargs):
    # A new row (settings are created on first use) changes nothing already shown.
    if not created:
        invalidate_shell()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def refresh_for_site(sender, **kwargs):
    """A site added, changed or removed may answer other hosts (home.sites) and show another
    shell."""
    invalidate_shell()


def media_changed(sender, instance, **kwargs):
    """An image or document was replaced or deleted: the pages using it show stale links."""
    page_cache.invalidate_shown(*page_cache.pages_referencing(instance))


for media_model in (get_image_model(), get_document_model()):
    post_save.connect(media_changed, sender=media_model, dispatch_uid=f"page-cache-{media_model}")
    post_delete.connect(
        media_changed, sender=media_model, dispatch_uid=f"page-cache-del-{media_model}"
    )
