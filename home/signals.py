"""Keep derived things current: translations follow their source when it is published, and
the search index sees a page's child objects. What a change drops from the caches is
decided in home.purging."""

from django.dispatch import receiver
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published, published

from site_project.translation import sync_translations


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
