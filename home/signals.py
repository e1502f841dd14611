"""Keep derived things current: translations follow their source when it is published and
go with it when it is taken offline or deleted, and the search index sees a page's child
objects. What a change drops from the caches is decided in home.purging."""

from functools import cache

from django.db.models.signals import post_delete
from django.dispatch import receiver
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_published, published, unpublished
from wagtail.snippets.models import get_snippet_models

from home.acting_user import acting_user
from site_project.translation import sync_translations, unpublish_translations


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
    # Wagtail sends this for a page too, after page_published: syncing it again would
    # write its translations twice.
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
        sync_translations(instance)


@receiver(unpublished)
def unpublish_translations_with_their_source(sender, instance, **kwargs):
    """Wagtail sends this for a page too (after page_unpublished), on every path: the
    admin, bulk actions, expiry in publish_scheduled, code."""
    if isinstance(instance, TranslatableMixin):
        # The history names whoever took the source offline (none for a cron job).
        unpublish_translations(instance, user=acting_user())


@cache
def snippets_and_their_parts():
    """The translatable snippets and their child objects (a form's role models, a
    programme's legal acts): what is translated as a record of its own. A page's
    translation, held back until reviewed, keeps to the page's own rules."""
    snippets = [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
    parts = [
        relation.related_model
        for snippet in snippets
        for relation in get_all_child_relations(snippet)
        if issubclass(relation.related_model, TranslatableMixin)
    ]
    return frozenset(snippets + parts)


@receiver(post_delete)
def delete_translations_with_their_source(sender, instance, **kwargs):
    """A record deleted in the source language takes its translations with it, however it
    goes (the admin, a bulk action, code, a cascade from its programme): wagtail-localize
    forgets only its own links, and the English pages and API would keep showing the copy.
    A translation deleted alone leaves its source. Deleting the translations fires this
    again for each, in another language: nothing more goes."""
    if not isinstance(instance, TranslatableMixin) or sender not in snippets_and_their_parts():
        return
    if instance.locale_id == Locale.get_default().pk:
        # Their own cascade follows (an English programme takes its indicators); a
        # translation the cascade of the source already took is simply not found.
        instance.get_translations().delete()
