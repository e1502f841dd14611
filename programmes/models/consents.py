"""The consent registry: what each person allowed, signed and scanned (152-ФЗ ст. 9, 10.1).

A consent is a legal record in Russian, the same for every language of the site: it is not
translatable. Its scan lives in the school's private collection only its curators may open."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from programmes.admin_forms import SchoolOwnedAdminForm
from programmes.fields import optional_link

from .schools import school_foreign_key


class ConsentKind(models.TextChoices):
    PROCESSING = "processing", _("processing of personal data")
    DISSEMINATION = "dissemination", _("dissemination of personal data")


def normalise_path(path):
    """A URL path as the registry compares them: with a leading and a trailing slash."""
    path = path.strip()
    if not path:
        return ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


class ConsentQuerySet(models.QuerySet):
    def valid(self, on=None):
        """The consents in force on `on` (today): the rule of Consent.is_valid, in SQL."""
        on = on or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True, valid_from__lte=on).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on)
        )

    def usable_on_pages(self):
        """What a page showing a person may rely on: valid consents to dissemination."""
        return self.valid().filter(kind=ConsentKind.DISSEMINATION)


class Consent(index.Indexed, models.Model):
    """A person's signed consent, with what it allows, where, and until when."""

    school = school_foreign_key(related_name="consents")
    person = models.CharField(
        _("person"), max_length=255, help_text=_("The name as it will be shown.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ConsentKind.choices)
    data_categories = models.TextField(
        _("categories of data it allows"),
        help_text=_("For example: surname, first name, position, photo, achievements."),
    )
    pages = models.TextField(
        _("pages it allows"),
        blank=True,
        help_text=_(
            "One address per line, as in the Russian version of the site, for example "
            "/nastavnichestvo/nastavniki/ivanova/. The English translation of a listed page "
            "is covered too."
        ),
    )
    conditions = models.TextField(
        _("conditions and prohibitions"),
        blank=True,
        help_text=_("What the person set: conditions, prohibitions, limits."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it has no end.")
    )
    withdrawn_at = models.DateTimeField(
        _("withdrawn at"),
        null=True,
        blank=True,
        help_text=_("Saving a withdrawal unpublishes the pages that rely on the consent at once."),
    )
    is_minor = models.BooleanField(_("the person is under 18"), default=False)
    parent_name = models.CharField(
        _("parent who signed"),
        max_length=255,
        blank=True,
        help_text=_("For a person under 18: the parent or guardian who signed the consent."),
    )
    document = optional_link(
        "wagtaildocs.Document",
        _("signed document (scan)"),
        on_delete=models.PROTECT,
        help_text=_("Upload it to the private collection of consents: only curators can open it."),
    )

    objects = ConsentQuerySet.as_manager()
    base_form_class = SchoolOwnedAdminForm
    panels = [
        FieldPanel("school"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("kind")]),
        FieldPanel("data_categories"),
        FieldPanel("pages"),
        FieldPanel("conditions"),
        FieldRowPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until"), FieldPanel("withdrawn_at")]
        ),
        MultiFieldPanel(
            [FieldPanel("is_minor"), FieldPanel("parent_name")], heading=_("A person under 18")
        ),
        FieldPanel("document"),
    ]
    search_fields = [
        index.SearchField("person"),
        index.AutocompleteField("person"),
        # The admin searches only the user's schools' consents (school_records).
        index.FilterField("school"),
    ]

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["person", "-valid_from"]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}, {self.valid_from:%d.%m.%Y}"

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("A consent cannot end before it begins.")
        private = self.school.private_collection if self.school_id else None
        if self.document_id and private and self.document.collection_id != private.pk:
            errors["document"] = _(
                "Put the scan in the collection «%(collection)s»: documents elsewhere can be "
                "opened by anyone with the link."
            ) % {"collection": private.name}
        if errors:
            raise ValidationError(errors)

    @property
    def page_paths(self):
        return [normalise_path(line) for line in self.pages.splitlines() if line.strip()]

    def allows_page(self, url_path):
        return normalise_path(url_path) in self.page_paths

    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def has_started(self, on=None):
        return self.valid_from <= (on or timezone.localdate())

    def has_expired(self, on=None):
        return self.valid_until is not None and self.valid_until < (on or timezone.localdate())

    def is_valid(self, on=None):
        on = on or timezone.localdate()
        if isinstance(on, datetime.datetime):
            on = timezone.localdate(on)
        return not self.is_withdrawn() and self.has_started(on) and not self.has_expired(on)
