from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_slug_changed, post_page_move
from wagtail_localize.fields import SynchronizedField

from home.page_cache import lazy_context
from home.photos import PhotoMixin
from home.search import searchable
from mentoring_pages.consent.enforcement import enforce_consents
from mentoring_pages.consent.pages import ShowsPersonMixin, consent_link
from mentoring_pages.listing import filter_by_form, index_url, visible_children

from .base import MentoringFormMixin, SectionIndexPage, SectionPage

# The latest awards first; mentors without an award year last on every database.
MENTOR_ORDER = (F("award_year").desc(nulls_last=True), "title")


class MentorIndexPage(SectionIndexPage):
    """«Наши наставники»: the best mentors, filterable by form of mentoring."""

    subpage_types = ["mentoring_pages.MentorPage"]

    class Meta:
        verbose_name = _("mentor index")
        verbose_name_plural = _("mentor indexes")

    cache_query_parameters = ("form",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        mentors = (
            visible_children(MentorPage, self)
            .select_related("form", "image")
            .prefetch_related("image__renditions")
            .order_by(*MENTOR_ORDER)
        )
        names = ("items", "forms", "selected_form", "form_links")
        context.update(lazy_context(lambda: filter_by_form(request, mentors), names))
        return context


class MentorPage(ShowsPersonMixin, PhotoMixin, MentoringFormMixin, SectionPage):
    """A best mentor's profile. Published only with a recorded consent to dissemination
    (152-ФЗ ст. 10.1), and a parent's too for a minor."""

    description_fields = ("quote", "achievements")

    position = models.CharField(_("position or class"), max_length=255)
    achievements = RichTextField(
        _("achievements"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    quote = models.TextField(_("quote"), blank=True)
    award = models.CharField(_("award"), max_length=255, blank=True)
    award_year = models.PositiveSmallIntegerField(_("award year"), null=True, blank=True)

    consent = consent_link()

    search_fields = searchable(
        index.SearchField("position"),
        index.SearchField("achievements"),
        index.SearchField("quote"),
        index.SearchField("award"),
    )
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("position"), FieldPanel("form")]),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("achievements"),
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("award"), FieldPanel("award_year")]),
        FieldPanel("consent", heading=_("Consent to dissemination (152-FZ, art. 10.1)")),
    ]
    # A consent is a fact about a person, the same in every language.
    # The translation shows the photo on the consent: neither is a translator's to change.
    override_translatable_fields = [
        SynchronizedField("image", overridable=False),
        SynchronizedField("consent", overridable=False),
    ]
    parent_page_types = ["mentoring_pages.MentorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The form links to the index filtered by it.
        context["index_url"] = SimpleLazyObject(lambda: index_url(self, request))
        return context


def consent_saved(sender, instance, created, raw=False, **kwargs):
    """A consent withdrawn, ended or narrowed in the admin unpublishes at once the pages it
    no longer allows."""
    if raw or created:
        return
    enforce_consents(consents=[instance])


post_save.connect(consent_saved, sender="programmes.Consent", dispatch_uid="consent_saved")


def enforce_below(page):
    """`page` and the pages below it have new addresses, and so, as a consent reads them
    (consent.rules), do their translations: those whose consent lists only the old one are
    unpublished at once."""
    enforce_consents(within=page.get_translations(inclusive=True))


def page_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    # Reordering among siblings changes no address.
    if url_path_before != url_path_after:
        enforce_below(instance)


def page_renamed(sender, instance, **kwargs):
    enforce_below(instance)


post_page_move.connect(page_moved, dispatch_uid="consent_page_moved")
page_slug_changed.connect(page_renamed, dispatch_uid="consent_page_renamed")
