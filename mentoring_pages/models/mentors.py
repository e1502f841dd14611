import copy

from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.page_cache import lazy_context
from home.search import searchable
from mentoring_pages.consent.rules import check_consent, consent_problems
from mentoring_pages.listing import filter_by_form, index_url, visible_children

from .base import MentoringFormMixin, PhotoMixin, SectionIndexPage, SectionPage

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


# The buttons that make a page public, or put it on the way to being public.
PUBLISHING_ACTIONS = {"action-publish", "action-submit"}


class MentorPageForm(WagtailAdminPageForm):
    """Refuses to publish or submit for moderation, with the reason beside the consent
    fields, while the consent is not recorded. Saving a draft stays possible."""

    def clean(self):
        cleaned_data = super().clean()
        if PUBLISHING_ACTIONS & set(self.data):
            page = copy.copy(self.instance)
            page.consent = cleaned_data.get("consent")
            page.slug = cleaned_data.get("slug") or page.slug
            for problem in consent_problems(page, parent=self.parent_page):
                self.add_error("consent", problem)
        return cleaned_data


class MentorPage(PhotoMixin, MentoringFormMixin, SectionPage):
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

    consent = models.ForeignKey(
        "programmes.Consent",
        verbose_name=_("consent to dissemination"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The person's consent from the consent registry. It must be valid and list this "
            "page's address; for a minor, record the parent who signed it."
        ),
    )

    search_fields = searchable(
        index.SearchField("position"),
        index.SearchField("achievements"),
        index.SearchField("quote"),
    )
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("position"), FieldPanel("form")]),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("achievements"),
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("award"), FieldPanel("award_year")]),
        FieldPanel("consent", heading=_("Consent to dissemination (152-FZ, art. 10.1)")),
    ]
    base_form_class = MentorPageForm
    # A consent is a fact about a person, the same in every language.
    override_translatable_fields = [SynchronizedField("consent")]
    parent_page_types = ["mentoring_pages.MentorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The form links to the index filtered by it.
        context.update(
            lazy_context(lambda: {"index_url": index_url(self, request)}, ("index_url",))
        )
        return context

    def publish(self, revision, *args, **kwargs):
        # Refuse before anything changes, whatever publishes through the page: a workflow
        # approval, a scheduled go-live, a bulk action or code.
        check_consent(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        # The last line of defence: the page editor's "Publish" button and the admin API
        # publish through PublishPageRevisionAction directly, not through publish(). A
        # live page is never written without the consent; a save that only touches
        # revision bookkeeping (update_fields without them) is not a publication.
        update_fields = kwargs.get("update_fields")
        if self.live and (update_fields is None or {"live", "consent"} & set(update_fields)):
            check_consent(self)
        return super().save(*args, **kwargs)


def consent_saved(sender, instance, created, raw=False, **kwargs):
    """Withdrawing (or ending) a consent in the admin unpublishes its pages at once."""
    if raw or instance.is_valid():
        return
    from mentoring_pages.consent.enforcement import enforce_consents

    enforce_consents(consents=[instance])


post_save.connect(consent_saved, sender="programmes.Consent", dispatch_uid="consent_saved")
