"""What a change drops from the caches: the one rule, and the one place that drops it.

Whatever is published, unpublished, saved, moved or deleted — a page, a snippet, an image, a
document, the site settings, a site, a view restriction — the pages to drop are:

- for a page: the page and its translations, their ancestors (indexes, the landing and home
  list them) and descendants (their breadcrumbs show its title, their addresses start with
  its slug), with the descendants' translations (their language switchers show those
  addresses); for a page in the menu or a site's home page, every page of the site;
- every page that references the changed object in Wagtail's reference index, directly or
  through snippets that reference one another (a form of mentoring is shown wherever its
  programme is, a programme wherever the forms that name it are), with its translations
  and ancestors, whose cards show it;
- every page of the site when the object is, or is referenced by, the site settings or a
  site: the header and footer of every page show them;
- every page of a type that sums up every site (the municipal centre's) when the object is
  of a model the type names in its `rolls_up` ("app_label.model_name").

Django's page cache and its pieces (home.page_cache) drop them at once and again when the
change is committed; nginx, through Wagtail's frontend cache (WAGTAILFRONTENDCACHE), purges
their addresses — and those they had before a move or a new slug — once it is committed.
No other module keeps a list of what shows what."""

import copy
from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    TranslatableMixin,
    get_page_models,
)
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import page_cache
from .models import SiteSettings

MENU_DEPTH = 3  # a site's home page is at depth 2, its sections (the menu) at 3
# What saving a draft or locking writes: nothing a visitor sees.
UNSEEN_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by"}
)
# What the header and footer of every page of a site show: a site (its home page, the menu)
# and its settings.
SHOWN_ON_EVERY_PAGE = (SiteSettings, Site)


def shown_models():
    """The models, besides pages, whose objects pages show: snippets, images, documents,
    what every page shows and what a page type rolls up."""
    rolled_up = {
        apps.get_model(label)
        for page_type in get_page_models()
        for label in getattr(page_type, "rolls_up", ())
    }
    return (
        *get_snippet_models(),
        get_image_model(),
        get_document_model(),
        *SHOWN_ON_EVERY_PAGE,
        *(model for model in rolled_up if not issubclass(model, Page)),
    )


def _below_any(paths):
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def every_page_of_sites(pages):
    """Every page of the sites these pages lie in, in every language."""
    roots = {page.path[: Page.steplen * 2] for page in pages}
    home_keys = Page.objects.filter(path__in=roots).values("translation_key")
    homes = Page.objects.filter(translation_key__in=home_keys).values_list("path", flat=True)
    return Page.objects.filter(_below_any(homes))


def translations_and_ancestors(pages):
    """These pages, their translations and the ancestors of all of them: the pages that
    show them or list them."""
    keys = {page.translation_key for page in pages}
    paths = Page.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    return Page.objects.filter(
        path__in={
            path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)
        }
    )


def pages_around(page, with_descendants=True):
    """The page, its translations, their ancestors and (unless told not to) descendants
    with the descendants' translations; every page of the site for a page in the menu or a
    home page."""
    if page.depth <= MENU_DEPTH:
        return every_page_of_sites([page])
    around = translations_and_ancestors([page])
    if not with_descendants:
        return around
    translations = Page.objects.filter(translation_key=page.translation_key)
    below = Page.objects.filter(_below_any(translations.values_list("path", flat=True)))
    # A page's language switcher shows its translations' addresses, and a translation may
    # lie elsewhere in its own language's tree.
    return around | below | Page.objects.filter(translation_key__in=below.values("translation_key"))


def objects_linked_to(obj):
    """The objects that show `obj`: those referencing it, directly or through snippets; and,
    for a snippet, those referencing a snippet it references (directly or through snippets):
    a page showing a programme shows its forms."""
    snippets = set(get_snippet_models())
    seen = {(type(obj), str(obj.pk))}
    if isinstance(obj, Page):
        seen.add((Page, str(obj.pk)))  # pages are named in the index by their base model

    def follow(objects, references, columns, onwards=True):
        """The objects these rows lead to, and on through snippets if `onwards`."""
        wanted = {}
        for content_type_id, object_id in references(objects).values_list(*columns).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is not None and (model, str(object_id)) not in seen:
                seen.add((model, str(object_id)))
                wanted.setdefault(model, set()).add(object_id)
        found = []
        for model, ids in wanted.items():
            objects_of_model = list(model.objects.filter(pk__in=ids))
            found.extend(objects_of_model)
            if onwards and model in snippets and objects_of_model:
                found.extend(follow(objects_of_model, references, columns))
        return found

    referencing = ("base_content_type", "object_id")
    # A page is shown wherever one of its translations is (the footer links to the
    # privacy policy in the visitor's language); so is a translated snippet (a translated
    # page links its source's tags and shows their translations).
    translated = isinstance(obj, TranslatableMixin) and obj.pk is not None
    starts = list(obj.get_translations(inclusive=True)) if translated else [obj]
    linked = follow(starts, ReferenceIndex.get_references_to_in_bulk, referencing)
    if type(obj) in snippets:
        containing = follow([obj], _references_from, ("to_content_type", "to_object_id"))
        containing = [item for item in containing if type(item) in snippets]
        if containing:
            linked += follow(
                containing, ReferenceIndex.get_references_to_in_bulk, referencing, onwards=False
            )
    return linked


def _references_from(objects):
    return reduce(or_, (ReferenceIndex.get_references_for_object(obj) for obj in objects))


def pages_showing(obj):
    """The pages to drop when `obj` changes: the rule above."""
    return [*pages_showing_directly(obj), *pages_rolling_up(obj)]


def pages_rolling_up(obj):
    """The pages, in every language, of the types that roll up objects like `obj`."""
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    types = [
        page_type
        for page_type in get_page_models()
        if any(
            issubclass(model, apps.get_model(label)) for label in getattr(page_type, "rolls_up", ())
        )
    ]
    return list(Page.objects.type(*types)) if types else []


def pages_showing_directly(obj):
    linked = objects_linked_to(obj)
    on_every_page = [item for item in (obj, *linked) if isinstance(item, SHOWN_ON_EVERY_PAGE)]
    if on_every_page:
        roots = [
            item.site.root_page if isinstance(item, SiteSettings) else item.root_page
            for item in on_every_page
        ]
        return list(every_page_of_sites(roots))
    # A page showing the object is listed by its ancestors, in every language.
    pages = list(translations_and_ancestors([item for item in linked if isinstance(item, Page)]))
    if isinstance(obj, Page):
        pages.extend(pages_around(obj))
    return pages


def addresses_before(page, url_path_before):
    """The addresses `page` and the pages below it had when its path was `url_path_before`
    (before a move or a new slug): nginx keeps pages by address. Wagtail works the old
    address out from the old path, as it would have served it."""
    new_url = page.get_full_url()
    before = copy.copy(page)
    before.url_path = url_path_before
    old_url = before.get_full_url()
    if new_url is None or old_url is None:
        return []
    batch = PurgeBatch()
    batch.add_pages(page.get_descendants(inclusive=True).specific(defer=True))
    return [old_url + url[len(new_url) :] for url in batch.urls if url.startswith(new_url)]


def purge(pages, old_addresses=()):
    """Drop these pages from every cache: Django's at once and on commit, nginx on commit.
    Returns their ids."""
    ids = {page.pk for page in pages}
    batch = PurgeBatch(old_addresses)
    batch.add_pages(Page.objects.filter(pk__in=ids).specific(defer=True))
    paths = {urlsplit(url).path for url in batch.urls}
    page_cache.drop(ids, paths)

    def when_committed():
        page_cache.drop(ids, paths)
        batch.purge()

    transaction.on_commit(when_committed)
    return ids


def purge_what_shows(obj, again_when_committed=False):
    """Purge the pages showing `obj`, and, if asked, those showing it once the change is
    committed that were not purged already: Wagtail indexes a saved object's references
    after it is saved, so a new figure's programme, say, is known only then."""
    purged = purge(pages_showing(obj))
    if again_when_committed:
        transaction.on_commit(
            lambda: purge([page for page in pages_showing(obj) if page.pk not in purged])
        )


@receiver(page_unpublished)
def page_unpublished_changed(sender, instance, **kwargs):
    purge_what_shows(instance)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    """Its new place and its old one: the index it left no longer lists it."""
    pages = [*pages_showing(instance), *pages_around(parent_page_before, with_descendants=False)]
    purge(pages, addresses_before(instance, url_path_before))


@receiver(page_slug_changed)
def page_renamed(sender, instance, instance_before, **kwargs):
    purge(pages_showing(instance), addresses_before(instance, instance_before.url_path))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, raw=False, **kwargs):
    """The page and everything below it became private, or public again."""
    if not raw:
        purge_what_shows(instance.page)


@receiver(post_delete)
def object_deleted(sender, instance, **kwargs):
    """A snippet, image, document, the site settings or a site deleted. A live page is
    unpublished before Wagtail deletes it (page_unpublished above)."""
    if isinstance(instance, shown_models()) and not isinstance(instance, Page):
        purge_what_shows(instance)


@receiver(post_save)
def object_saved(sender, instance, created, update_fields, raw=False, **kwargs):
    """A live page saved whole (published, or saved by code: an import, a command), a
    snippet (published, unpublished or without drafts), an image, a document, the site
    settings or a site saved. Saving a draft writes only some fields, and shows nothing.
    Rows loaded as they are (loaddata, a restore) are not there yet to look at: whatever
    loads them drops every cache after."""
    if raw:
        return
    if isinstance(instance, Page):
        if instance.live and update_fields is None:
            purge_what_shows(instance, again_when_committed=True)
        return
    if not isinstance(instance, shown_models()):
        return
    # The settings are made, empty, the first time a page asks for them.
    if created and isinstance(instance, SiteSettings):
        return
    if update_fields is not None and set(update_fields) <= UNSEEN_FIELDS:
        return
    purge_what_shows(instance, again_when_committed=True)
