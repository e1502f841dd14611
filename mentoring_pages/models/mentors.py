from types import SimpleNamespace

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from mentoring_pages.consent import check_consent, consent_problems
from mentoring_pages.listing import filter_by_form, visible_children

from .base import PhotoMixin, SectionIndexPage, SectionPage

# The latest awards first; mentors without an award year last on every database.
MENTOR_ORDER = (F("award_year").desc(nulls_last=True), "title")


class MentorIndexPage(SectionIndexPage):
    """«Наши наставники»: the best mentors, filterable by form of mentoring."""

    subpage_types = ["mentoring_pages.MentorPage"]

    class Meta:
        verbose_name = _("mentor index")
        verbose_name_plural = _("mentor indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        mentors = (
            visible_children(MentorPage, self)
            .select_related("form", "image")
            .prefetch_related("image__renditions")
            .order_by(*MENTOR_ORDER)
        )
        context.update(filter_by_form(request, mentors))
        return context


CONSENT_FIELDS = (
    "is_minor",
    "consent_given_by",
    "consent_date",
    "consent_scope",
    "parent_consent_given_by",
    "parent_consent_date",
)
# The buttons that make a page public, or put it on the way to being public.
PUBLISHING_ACTIONS = {"action-publish", "action-submit"}


class MentorPageForm(WagtailAdminPageForm):
    """Refuses to publish or submit for moderation, with the reason beside the consent
    fields, while the consent is not recorded. Saving a draft stays possible."""

    def clean(self):
        cleaned_data = super().clean()
        if PUBLISHING_ACTIONS & set(self.data):
            values = {field: cleaned_data.get(field) or "" for field in CONSENT_FIELDS}
            for problem in consent_problems(SimpleNamespace(**values)):
                self.add_error("consent_given_by", problem)
        return cleaned_data


class MentorPage(PhotoMixin, SectionPage):
    """A best mentor's profile. Published only with a recorded consent to dissemination
    (152-ФЗ ст. 10.1), and a parent's too for a minor."""

    position = models.CharField(_("position or class"), max_length=255)
    form = models.ForeignKey(
        "programmes.MentoringForm",
        verbose_name=_("form of mentoring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    achievements = RichTextField(
        _("achievements"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    quote = models.TextField(_("quote"), blank=True)
    award = models.CharField(_("award"), max_length=255, blank=True)
    award_year = models.PositiveSmallIntegerField(_("award year"), null=True, blank=True)

    # Interim consent record; the consent registry replaces it.
    is_minor = models.BooleanField(_("the mentor is under 18"), default=False)
    consent_given_by = models.CharField(
        _("consent to dissemination given by"), max_length=255, blank=True
    )
    consent_date = models.DateField(_("date of the consent"), null=True, blank=True)
    consent_scope = models.TextField(
        _("what the consent allows"),
        blank=True,
        help_text=_("Which data may be shown and where, as the signed consent says."),
    )
    parent_consent_given_by = models.CharField(
        _("parent's consent given by"), max_length=255, blank=True
    )
    parent_consent_date = models.DateField(_("date of the parent's consent"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("position"), FieldPanel("form")]),
        FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
        FieldPanel("achievements"),
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("award"), FieldPanel("award_year")]),
        MultiFieldPanel(
            [
                FieldPanel("is_minor"),
                FieldRowPanel([FieldPanel("consent_given_by"), FieldPanel("consent_date")]),
                FieldPanel("consent_scope"),
                FieldRowPanel(
                    [FieldPanel("parent_consent_given_by"), FieldPanel("parent_consent_date")]
                ),
            ],
            heading=_("Consent to dissemination (152-FZ, art. 10.1)"),
        ),
    ]
    base_form_class = MentorPageForm
    # A consent is a fact about a person, the same in every language.
    override_translatable_fields = [SynchronizedField(field) for field in CONSENT_FIELDS]
    parent_page_types = ["mentoring_pages.MentorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent()
        # The form links to the index filtered by it.
        context["index_url"] = index.get_url(request) if index else None
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
        if self.live and (update_fields is None or {"live", *CONSENT_FIELDS} & set(update_fields)):
            check_consent(self)
        return super().save(*args, **kwargs)
