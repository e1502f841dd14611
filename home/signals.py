"""Keep translations current: when a source is published, its translations follow."""

from django.dispatch import receiver
from wagtail.models import TranslatableMixin
from wagtail.signals import page_published, published

from site_project.translation import sync_translations


@receiver(page_published)
def sync_page_translations(sender, instance, **kwargs):
    sync_translations(instance.specific)


@receiver(published)
def sync_snippet_translations(sender, instance, **kwargs):
    if isinstance(instance, TranslatableMixin):
        sync_translations(instance)
