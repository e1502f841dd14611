"""Enforcing consents: a live page that the rule (consent.rules) no longer allows to show its
person — a mentor's profile, a case whose photo shows people — is unpublished, with its photo
unless something else uses it, and the curators are told. The consent has expired or been
withdrawn, or was changed so that it no longer allows the page (its address taken off, a
minor's parent missing), or the page's address changed (it or a page above it was moved or
renamed) to one its consent does not list. The enforce_consents command runs it daily;
saving a consent runs it at once for that consent's pages, and moving or renaming a page for
the pages at and below it (models.mentors)."""

import logging
from collections import defaultdict

from django.utils import timezone
from wagtail.models import Page

from mentoring_pages.consent.emails import notify_curators
from mentoring_pages.consent.pages import page_types_showing_people
from mentoring_pages.consent.rules import consent_problems

logger = logging.getLogger(__name__)


def remove_photo(image, unpublished_pks):
    """Delete the image (Wagtail deletes its file and renditions with it) unless something
    other than the pages just unpublished uses it. Returns whether it was deleted."""
    for source, _references in image.get_usage():
        if not (isinstance(source, Page) and source.pk in unpublished_pks):
            return False
    image.delete()
    return True


def narrowed(pages, consents, within):
    if consents is not None:
        pages = pages.filter(consent__in=consents)
    if within is not None:
        pages = pages.descendant_of(within, inclusive=True)
    return pages


def enforce_consents(on=None, consents=None, within=None):
    """Unpublish every live page the rule no longer allows on `on` (today), delete their
    photos that nothing else uses, and tell the curators in one e-mail (none when nothing
    was unpublished). `consents` limits it to pages relying on those, `within` to a page and
    those below it. Returns the pages unpublished."""
    on = on or timezone.localdate()
    pages = sorted(
        (
            page
            for model in page_types_showing_people()
            for page in narrowed(model.objects.live(), consents, within).select_related(
                "consent", "image", "locale"
            )
            if consent_problems(page, on=on)
        ),
        key=lambda page: page.path,
    )
    if not pages:
        return []
    for page in pages:
        page.unpublish(user=None, log_action=True)
        logger.warning(
            "Unpublished %s (%s): its consent no longer allows it.", page.title, page.url_path
        )
    unpublished_pks = {page.pk for page in pages}
    # Each school's curators hear of their own school's pages and photos only.
    by_school = defaultdict(lambda: ([], []))
    for page in pages:
        by_school[page.consent.school_id][0].append(page)
    photos = {page.image: page.consent.school_id for page in pages if page.image is not None}
    for image, school_id in photos.items():
        title = image.title
        if remove_photo(image, unpublished_pks):
            by_school[school_id][1].append(title)
            logger.warning("Deleted the photo %s: its person's consent no longer allows it.", title)
    for school_id, (school_pages, removed) in by_school.items():
        notify_curators(school_id, school_pages, removed, on=on)
    return pages
