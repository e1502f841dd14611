"""A page's privacy holds in every language at once: the one place for it.

A view restriction (login, password, groups) set on a page, changed or lifted, is set,
changed or lifted on each of its translations in the same moment, whatever set it (the
admin's privacy dialog, code, a command). wagtail-localize copies restrictions only when a
translation is next published, which would leave the English page, its files
(calendar.ics, export.csv/.xlsx) and its sitemap entry public meanwhile. Wagtail checks a
restriction on every page below it, so a translated subtree follows its top page."""

from collections import defaultdict
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


def keep_restrictions_below_copy(request, page, new_page):
    """after_copy_page: Wagtail gives a copied subtree the top page's restriction only, so a
    page below it that had one of its own (a news item for staff) was copied public. Each
    copy gets its original's."""
    restrictions = {}
    for restriction in PageViewRestriction.objects.filter(
        page__in=Page.objects.descendant_of(page)
    ).prefetch_related("groups"):
        restrictions.setdefault(restriction.page_id, restriction)
    if not restrictions:
        return
    restricted = {
        copy_id: restrictions[original_id]
        for original_id, copy_id in copied_pages(page, new_page)
        if original_id in restrictions
    }
    for copy in Page.objects.filter(pk__in=restricted):
        copy_to(copy, restricted[copy.pk])


def copied_pages(original, copy):
    """(original's id, its copy's id) of every page below `original`: Wagtail copies a
    page's children in their order, so the n-th child of a page's copy is its n-th child's."""
    originals, copies = children_by_parent(original), children_by_parent(copy)
    pending = [(original.path, copy.path)]
    while pending:
        original_path, copy_path = pending.pop()
        for (child_path, child_id), (child_copy_path, child_copy_id) in zip(
            originals[original_path], copies[copy_path], strict=False
        ):
            yield child_id, child_copy_id
            pending.append((child_path, child_copy_path))


def children_by_parent(page):
    """{a page's path: [(path, id) of its children, in order]} below `page`."""
    children = defaultdict(list)
    for path, pk in Page.objects.descendant_of(page).order_by("path").values_list("path", "pk"):
        children[path[: -Page.steplen]].append((path, pk))
    return children
