"""Keep derived things current: translations follow their source when it is published,
and the cached site shell is dropped when something it shows changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move, published

from site_project.translation import sync_translations

from .models import SiteSettings
from .shell import invalidate_shell, shows_in_shell


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


@receiver(page_published)
@receiver(page_unpublished)
def refresh_shell_for_page(sender, instance, **kwargs):
    if shows_in_shell(instance):
        invalidate_shell()


@receiver(post_delete)
def refresh_shell_for_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and shows_in_shell(instance):
        invalidate_shell()


@receiver(post_page_move)
@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=Site)
def refresh_shell(sender, **kwargs):
    invalidate_shell()
