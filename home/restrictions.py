"""A page's privacy holds in every language at once: the one place for it.

A view restriction (login, password, groups) set on a page, changed or lifted, is set,
changed or lifted on each of its translations in the same moment, whatever set it (the
admin's privacy dialog, code, a command). wagtail-localize copies restrictions only when a
translation is next published, which would leave the English page, its files
(calendar.ics, export.csv/.xlsx) and its sitemap entry public meanwhile. Wagtail checks a
restriction on every page below it, so a translated subtree follows its top page."""

from contextvars import ContextVar

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

# Set while one page's restriction is copied to its translations: the copies are not
# copied back, nor is a restriction they replace lifted from every language.
spreading = ContextVar("spreading", default=False)


def translations_of(page_id):
    page = Page.objects.get(pk=page_id)
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page_id)


def same_restriction(restriction, other):
    return (
        other.restriction_type == restriction.restriction_type
        and other.password == restriction.password
        and set(other.groups.values_list("pk", flat=True))
        == set(restriction.groups.values_list("pk", flat=True))
    )


def spread(restriction):
    """Give every translation of the restricted page the same restriction, alone."""
    token = spreading.set(True)
    try:
        for translation in translations_of(restriction.page_id):
            copy_to(translation, restriction)
    finally:
        spreading.reset(token)


def copy_to(translation, restriction):
    existing = list(PageViewRestriction.objects.filter(page=translation))
    if len(existing) == 1 and same_restriction(restriction, existing[0]):
        return
    kept = existing[0] if existing else PageViewRestriction(page=translation)
    PageViewRestriction.objects.filter(pk__in=[other.pk for other in existing[1:]]).delete()
    kept.restriction_type = restriction.restriction_type
    kept.password = restriction.password
    kept.save()
    kept.groups.set(restriction.groups.all())


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, raw=False, **kwargs):
    # loaddata (a restore) saves a restriction as it is, then sets its groups; m2m_changed
    # says nothing of `raw`, so the restriction remembers it. Its translations' restrictions
    # are loaded as they are too: copying to them would write rows the load then clashes with.
    instance.loaded_as_is = raw
    if not raw and not spreading.get():
        spread(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if (
        action in {"post_add", "post_remove", "post_clear"}
        and isinstance(instance, PageViewRestriction)
        and not getattr(instance, "loaded_as_is", False)
        and not spreading.get()
    ):
        spread(instance)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_lifted(sender, instance, origin=None, **kwargs):
    """Lifted here: lifted in every language. A restriction deleted with its page (or an
    ancestor) lifts nothing: the page's translations stay as private as they were."""
    started_from_restrictions = isinstance(origin, PageViewRestriction) or (
        isinstance(origin, QuerySet) and origin.model is PageViewRestriction
    )
    if spreading.get() or not started_from_restrictions:
        return
    token = spreading.set(True)
    try:
        PageViewRestriction.objects.filter(page__in=translations_of(instance.page_id)).delete()
    finally:
        spreading.reset(token)
