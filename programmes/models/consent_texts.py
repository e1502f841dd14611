"""The text a person agrees to when a form takes their personal data (152-ФЗ ст. 9).

Each wording is a version of its own: a submission points at the exact version it agreed
to, so a version people have agreed to is never changed — a new one is added instead."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.models import TranslationSource

from programmes.admin_forms import SchoolOwnedAdminForm

from .schools import school_foreign_key

# What a person agrees to; changing any of it makes a new wording.
WORDING_FIELDS = ("title", "summary", "text")


class ConsentText(TranslatableMixin, models.Model):
    """One version of the consent to processing that the site's forms ask for."""

    school = school_foreign_key(related_name="consent_texts")
    title = models.CharField(_("title"), max_length=255)
    version = models.PositiveIntegerField(
        _("version"),
        help_text=_("Forms show the highest version in force. Add a new one to change the text."),
    )
    in_force_from = models.DateField(_("in force from"), default=timezone.localdate)
    summary = models.TextField(
        _("summary"),
        help_text=_("Shown next to the checkbox: who processes what data, for what, how long."),
    )
    text = RichTextField(
        _("full text"), features=["bold", "italic", "ol", "ul", "link"], blank=True
    )

    base_form_class = SchoolOwnedAdminForm
    panels = [
        FieldPanel("school"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("version"), FieldPanel("in_force_from")]),
        FieldPanel("summary"),
        FieldPanel("text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "locale", "version"],
                name="unique_consent_text_version_per_locale",
                violation_error_message=_("This version already exists: use the next number."),
            )
        ]

    def __str__(self):
        return _("%(title)s, version %(version)s") % {"title": self.title, "version": self.version}

    def is_translation_source(self):
        """Whether wagtail-localize translates from this version (its translations follow
        it when it is saved)."""
        return TranslationSource.objects.filter(
            object_id=self.translation_key, locale_id=self.locale_id
        ).exists()

    def wording_fingerprint(self):
        """This version's record and words: a form sends back the one it showed, and an
        application records the version only if its words are still those read (a version
        nobody has agreed to yet may still be corrected in place)."""
        words = "\x1f".join([str(self.pk), self.title, self.summary, self.text])
        return hashlib.sha256(words.encode()).hexdigest()[:32]

    def is_agreed_to(self):
        """Whether some record (a form submission) points at this version."""
        return any(
            relation.related_model._default_manager.filter(**{relation.field.name: self}).exists()
            for relation in self._meta.related_objects
        )

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        saved = type(self)._default_manager.filter(pk=self.pk).values(*WORDING_FIELDS).first()
        changed = saved and any(saved[name] != getattr(self, name) for name in WORDING_FIELDS)
        # Saving the source rewrites its translations (wagtail-localize): one agreed to holds
        # the source's wording too. A translation may still be corrected until agreed to.
        held = [self, *self.get_translations()] if self.is_translation_source() else [self]
        if changed and any(text.is_agreed_to() for text in held):
            raise ValidationError(
                _(
                    "People have agreed to this version: it cannot change. "
                    "Add a new version with the new text instead."
                )
            )

    @classmethod
    def current(cls, school, language_code):
        """The school's highest version in force today, in `language_code` if translated, else
        in the site's default language; None if there is none. One query."""
        in_force = cls.objects.filter(school=school, in_force_from__lte=timezone.localdate())
        latest = in_force.order_by("-version").values("version")[:1]
        texts = {
            text.locale.language_code: text
            for text in in_force.filter(version=Subquery(latest)).select_related("locale")
        }
        return texts.get(language_code) or texts.get(settings.LANGUAGE_CODE)
