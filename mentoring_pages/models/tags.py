"""Tags of news and cases, in every language.

Editors tag pages in the source language. wagtail-localize synchronises a page's tags (the
`tagged_items` rows are copied, not translated), so a translated page links the same tags
as its source; a tag's name is translated as a snippet, and a page shows each tag's
translation in the page's language. A tag's slug is synchronised too: `?tag=<slug>` filters
an index in any language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class SectionTag(TranslatableMixin, TagBase):
    """A tag and its translations (a snippet: «Теги»)."""

    # Unique within a language: a translation starts as a copy of its source.
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)

    override_translatable_fields = [SynchronizedField("slug")]
    # Names repeat across languages: a backup (dumpdata with natural foreign keys) names a
    # tag by its translation and language.
    natural_key_fields = ["translation_key", "locale_id"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        unique_together = [("translation_key", "locale"), ("locale", "name"), ("locale", "slug")]


class SourceTagManager(NaturalKeyManager):
    def get_queryset(self):
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return super().get_queryset().filter(locale__language_code=language)


class SourceTag(SectionTag):
    """The tags editors put on pages: those of the source language only, so that a name
    typed in the tag field (or offered by its autocompletion) never finds a translation."""

    objects = SourceTagManager()

    class Meta:
        proxy = True
        verbose_name = _("tag")
        verbose_name_plural = _("tags")


class TaggedPageBase(TaggedItemBase):
    """A page's link to one of its tags; the page type names it `tagged_items`."""

    tag = models.ForeignKey(
        SourceTag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True
        verbose_name = _("tag of a page")
        verbose_name_plural = _("tags of a page")


def in_language(tags, locale_id):
    """`tags` (source tags) as a page in locale `locale_id` shows them: each one's
    translation, or the tag itself where there is none yet (as wagtail-localize shows
    untranslated text), sorted by name. One query, none in the source language."""
    tags = list(tags)
    translations = {}
    if any(tag.locale_id != locale_id for tag in tags):
        translations = {
            tag.translation_key: tag
            for tag in SectionTag.objects.filter(
                translation_key__in=[tag.translation_key for tag in tags], locale_id=locale_id
            )
        }
    return sorted(
        (translations.get(tag.translation_key, tag) for tag in tags),
        key=lambda tag: tag.name.casefold(),
    )
