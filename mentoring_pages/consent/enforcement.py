"""Enforcing ended consents: a page whose person's consent has expired or been withdrawn (a
mentor's profile, a case whose photo shows people) is unpublished, with its photo unless
something else uses it, and the curators are told. The enforce_consents command runs it
daily; withdrawing a consent in the admin runs it at once (models.mentors)."""

import logging
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from mentoring_pages.consent.emails import notify_curators
from mentoring_pages.consent.pages import page_types_showing_people

logger = logging.getLogger(__name__)


def remove_photo(image, unpublished_pks):
    """Delete the image (Wagtail deletes its file and renditions with it) unless something
    other than the pages just unpublished uses it. Returns whether it was deleted."""
    for source, _references in image.get_usage():
        if not (isinstance(source, Page) and source.pk in unpublished_pks):
            return False
    image.delete()
    return True


def enforce_consents(on=None, consents=None):
    """Unpublish every live page whose consent has ended (withdrawn or expired), delete
    their photos that nothing else uses, and tell the curators in one e-mail (none when
    nothing was unpublished). `consents` limits it to pages relying on those. Returns the
    pages unpublished."""
    on = on or timezone.localdate()
    ended = Q(consent__withdrawn_at__isnull=False) | Q(consent__valid_until__lt=on)
    if consents is not None:
        ended &= Q(consent__in=consents)
    pages = sorted(
        (
            page
            for model in page_types_showing_people()
            for page in model.objects.live()
            .filter(ended)
            .select_related("consent", "image", "locale")
            # A case whose photo shows nobody does not rely on the consent left chosen.
            if page.shows_person
        ),
        key=lambda page: page.path,
    )
    if not pages:
        return []
    for page in pages:
        page.unpublish(user=None, log_action=True)
        logger.warning(
            "Unpublished %s (%s): the consent of %s has ended.",
            page.title,
            page.url_path,
            page.consent.person,
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
            logger.warning("Deleted the photo %s: its person's consent has ended.", title)
    for school_id, (school_pages, removed) in by_school.items():
        notify_curators(school_id, school_pages, removed)
    return pages
