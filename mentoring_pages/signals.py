"""Drop the landing's cached content when something it shows changes: a page in its
section, the programme's facts, a document or an image; drop a mentor's cached page when
the consent it links to changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home.page_cache import invalidate_shown
from programmes.models import (
    Consent,
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    RoleModel,
    TargetIndicator,
)

from .models import MentoringIndexPage, MentorPage
from .models.landing import invalidate_landings

PROGRAMME_FACTS = (
    Programme,
    MentoringForm,
    RoleModel,
    TargetIndicator,
    ParticipationFigures,
    MonitoringResult,
)


def landings_containing(page):
    """The landings `page` lies under (or is)."""
    ancestor_paths = [page.path[:end] for end in range(4, len(page.path) + 1, 4)]
    return MentoringIndexPage.objects.filter(path__in=ancestor_paths).values_list("pk", flat=True)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    invalidate_landings(landings_containing(instance))


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate_landings(landings_containing(instance))


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    # It may have left one section for another: rare enough to refresh them all.
    invalidate_landings()


@receiver(published)
@receiver(unpublished)
def snippet_published(sender, instance, **kwargs):
    if isinstance(instance, PROGRAMME_FACTS):
        invalidate_landings()


def programme_fact_changed(sender, **kwargs):
    invalidate_landings()


for model in (*PROGRAMME_FACTS, get_document_model(), get_image_model()):
    post_save.connect(programme_fact_changed, sender=model, dispatch_uid=f"landing-{model}")
    post_delete.connect(programme_fact_changed, sender=model, dispatch_uid=f"landing-del-{model}")


@receiver(post_save, sender=Consent)
@receiver(pre_delete, sender=Consent)
def consent_changed(sender, instance, **kwargs):
    invalidate_shown(*MentorPage.objects.filter(consent=instance))
