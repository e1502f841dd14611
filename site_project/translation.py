"""Translate pages and snippets through wagtail-localize from code (demo content, tests).

Going through wagtail-localize, rather than copying objects by hand, keeps the English
version linked to its Russian source, so editors can later update it in the admin's
translation editor and synchronised fields follow the source on every publish."""

from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


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
    # wagtail-localize would publish a draftable object when the transaction commits,
    # from an in-memory copy: a page translated before its children were would then be
    # saved with a stale child count and lose them. Save a draft and publish it now.
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not draftable)
    target = instance.get_translation(locale)
    if draftable:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
