"""Translate pages and snippets through wagtail-localize, and keep translations current.

Going through wagtail-localize, rather than copying objects by hand, keeps the English
version linked to its Russian source: editors can update it in the admin's translation
editor, and synchronised fields (statuses, dates, numbers, links) follow the source each
time it is published (`sync_translations`)."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from wagtail import hooks
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, extract_strings

logger = logging.getLogger(__name__)

# Hooks `fn(translation, target_page) -> bool` that hold a translated page back from being
# written: home.publishing registers the rule on text nobody who may publish has seen.
HOLD_PAGE_TRANSLATION_HOOK = "hold_page_translation"


def held_back(translation, target):
    return any(hold(translation, target) for hold in hooks.get_hooks(HOLD_PAGE_TRANSLATION_HOOK))


class TranslationMemory:
    """Source text paired with its translation, kept under each string wagtail-localize
    extracts from it — a plain field's whole text, or each block element (a paragraph, a
    list item) of rich text — ready to pass to `translate`."""

    def __init__(self):
        self.english = {}

    def plain(self, pair):
        """Remember (source, translation) of a plain text field; return the source."""
        source, translated = pair
        key = StringValue.from_plaintext(source).data
        self.english[key] = StringValue.from_plaintext(translated).data
        return source

    def rich(self, pair):
        """Remember (source HTML, translated HTML) block by block; return the source."""
        source, translated = pair
        source_strings = [string.data for string, _attrs in extract_strings(source)[1]]
        translated_strings = [string.data for string, _attrs in extract_strings(translated)[1]]
        if len(source_strings) != len(translated_strings):
            raise ValueError(f"The translation does not match the source: {source[:60]}")
        self.english.update(zip(source_strings, translated_strings, strict=True))
        return source


def _save_target(translation, instance):
    """Write the translation from the current source and translation memory, and publish it.

    wagtail-localize would publish a draftable object when the transaction commits, from an
    in-memory copy: a page translated before its children were would then be saved with a
    stale child count and lose them. Save a draft and publish it now instead. A translated
    page holding text that nobody who may publish it has seen is left as it is until
    someone who may publishes it in the translation editor (HOLD_PAGE_TRANSLATION_HOOK)."""
    target = instance.get_translation_or_none(translation.target_locale)
    if isinstance(target, Page) and held_back(translation, target):
        # Saving even a draft of a translated page writes its text to the live row.
        return target
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not draftable)
    target = instance.get_translation(translation.target_locale)
    if draftable:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def translate(instance, locale, strings):
    """Create or update the `locale` translation of `instance` and publish it.

    `strings` maps source text to its translation; a string not in it keeps the source
    text, as wagtail-localize does for an unfinished translation."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    return _save_target(translation, instance)


def create_draft_translations(page, user=None):
    """Draft translations of a new, unpublished `page` into every language its parent page
    is translated into, so that the translated section does not silently lack it; none is
    published. Text not yet translated shows the source until a translator catches up."""
    locales = [parent.locale for parent in page.get_parent().get_translations()]
    if not locales:
        return
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for locale in locales:
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        translation.save_target(user=user, publish=False)


def sync_translations(instance):
    """Bring every existing translation of `instance` up to date with it.

    Text already translated stays translated; changed text shows the source until a
    translator catches up; synchronised fields are copied at once.

    A source published for later (Wagtail sends its publication signal while it is still
    offline) leaves its translations as they are: going live on schedule is a publication
    too, which syncs them then, in the same run of publish_scheduled."""
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return
    has_translations = Translation.objects.filter(
        source__object_id=instance.translation_key,
        source__locale_id=instance.locale_id,
        enabled=True,
    ).exists()
    if not has_translations:
        return
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            with transaction.atomic():
                _save_target(translation, instance)
        except (ValidationError, DatabaseError, PermissionDenied) as error:
            # The source is already published: its translation waits for a translator
            # (the translation editor checks no length; a record with drafts is saved
            # unchecked, and PostgreSQL refuses a value too long), as wagtail-localize's own
            # update view leaves it, or for someone who may publish it (the publishing
            # and consent rules refuse it alone).
            logger.warning(
                "The %s translation of %r was not updated: %s",
                translation.target_locale.language_code,
                instance,
                error,
            )


def unpublish_translations(instance, user=None):
    """Take offline the live translations of `instance`, a source-language page or record
    with drafts just taken offline, however it went (the admin, a bulk action, expiry in
    publish_scheduled, code): the English version must not outlive its source. A
    translation taken offline alone leaves its source."""
    if instance.locale_id != Locale.get_default().pk:
        return
    for translation in instance.get_translations().filter(live=True):
        # As the source went: an expired source's translation shows as expired too.
        translation.unpublish(set_expired=instance.expired, user=user)
