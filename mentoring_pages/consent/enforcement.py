"""Enforcing consents: a live page that the rule (consent.rules) no longer allows to show its
person — a mentor's profile, a case or news item whose photo shows people — is unpublished, and the
curators are told why. That happens when the consent has expired or been withdrawn, was
changed so that it no longer allows the page (its address taken off, a minor's parent
missing), or the page's address changed (it or a page above it was moved or renamed) to one
its consent does not list. Only a consent that has ended takes the photo with it, unless
something else uses it: a page held back by a slip (an address, a tick) comes back with its
photo once the consent or the address is put right.

The enforce_consents command runs it daily, just after the school's midnight; saving a
consent runs it at once for that consent's pages, and moving or renaming a page for the
pages at and below it in every language (models.mentors)."""

import logging
import operator
from collections import defaultdict
from functools import reduce

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from mentoring_pages.consent.emails import notify_curators
from mentoring_pages.consent.pages import page_types_showing_people
from mentoring_pages.consent.rules import consent_problems, school_ids_of_pages

logger = logging.getLogger(__name__)


def other_uses(image, ended_pks):
    """What uses the image besides the pages whose consent ended."""
    return [
        source
        for source, _references in image.get_usage()
        if not (isinstance(source, Page) and source.pk in ended_pks)
    ]


def narrowed(pages, consents, within):
    if consents is not None:
        pages = pages.filter(consent__in=consents)
    if within is not None:
        # Each page and those below it (a tree's path begins with its root's).
        pages = pages.filter(
            reduce(operator.or_, (Q(path__startswith=page.path) for page in within))
        )
    return pages


def has_ended(consent, on):
    return consent is not None and (consent.is_withdrawn() or consent.has_expired(on))


def enforce_consents(on=None, consents=None, within=None):
    """Unpublish every live page the rule no longer allows on `on` (today), delete the photos
    of every page whose consent has ended that nothing else uses, and tell the curators in
    one e-mail (none when nothing changed). `consents` limits it to pages relying on those,
    `within` to some pages and those below them. Returns the pages unpublished."""
    on = on or timezone.localdate()
    # The page's school, not its consent's: a page may rely on another school's consent.
    school_id_of = school_ids_of_pages()

    def told_of(page):
        """Whose curators hear of the page: its school's; of a page on no school's site,
        its consent's."""
        return school_id_of(page) or (page.consent.school_id if page.consent else None)

    pages = sorted(
        (
            page
            for model in page_types_showing_people()
            for page in narrowed(model.objects.live(), consents, within).select_related(
                "consent", "image", "locale"
            )
            if consent_problems(page, on=on, school_id_of=school_id_of)
        ),
        key=lambda page: page.path,
    )
    for page in pages:
        # A translation goes offline with its source (site_project.translation), earlier
        # in this loop: once is enough.
        page.refresh_from_db(fields=["live"])
        if page.live:
            page.unpublish(user=None, log_action=True)
        logger.warning(
            "Unpublished %s (%s): its consent no longer allows it.", page.title, page.url_path
        )
    # Each school's curators hear of their own school's pages and photos only.
    by_school = defaultdict(lambda: ([], [], []))
    for page in pages:
        by_school[told_of(page)][0].append(page)
    # Live or not: a page an editor took down, or a translation still a draft, kept the
    # photo's file and renditions public at their addresses.
    ended = [
        page
        for model in page_types_showing_people()
        for page in narrowed(
            model.objects.filter(consent__isnull=False, image__isnull=False), consents, within
        ).select_related("consent", "image")
        if has_ended(page.consent, on)
    ]
    ended_pks = {page.pk for page in ended}
    unpublished_pks = {page.pk for page in pages}
    # {photo: (its school, whether a page showing it was unpublished now)}
    photos = {}
    for page in ended:
        school_id, now = photos.get(page.image, (told_of(page), False))
        photos[page.image] = (school_id, now or page.pk in unpublished_pks)
    for image, (school_id, unpublished_now) in photos.items():
        title, elsewhere = image.title, other_uses(image, ended_pks)
        if not elsewhere:
            # Wagtail deletes its file and renditions with it.
            image.delete()
            by_school[school_id][1].append(title)
            logger.warning("Deleted the photo %s: its person's consent has ended.", title)
        elif unpublished_now:
            # Told once, with the page: the person may still be shown where it is used.
            by_school[school_id][2].append((title, elsewhere))
    for school_id, (school_pages, removed, kept) in by_school.items():
        notify_curators(school_id, school_pages, removed, kept, on=on)
    return pages
