"""Pages that may show a person (a mentor's profile, a case or a news item with a photo of
people): the rule of `rules` asked on every way to publish them, and the page types
enforcement and the report go through."""

import copy
import logging

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import get_page_models
from wagtail_localize.fields import SynchronizedField

from mentoring_pages.consent.rules import check_consent, consent_problems
from programmes.admin_forms import SchoolPageForm
from programmes.fields import optional_link

logger = logging.getLogger(__name__)

# What Wagtail's publish_scheduled command logs its publications as.
SCHEDULED_PUBLICATION = "wagtail.publish.scheduled"

# The buttons that make a page public, or put it on the way to being public.
PUBLISHING_ACTIONS = {"action-publish", "action-submit"}

CONSENT_HELP_TEXT = _(
    "The person's consent from the consent registry. It must be valid and list this page's "
    "address; for a minor, record the parent who signed it."
)


def consent_link():
    """The `consent` field of a page that may show a person: the consent to dissemination
    it relies on, which cannot be deleted while a page names it."""
    return optional_link(
        "programmes.Consent",
        _("consent to dissemination"),
        on_delete=models.PROTECT,
        help_text=CONSENT_HELP_TEXT,
    )


class ConsentPageForm(SchoolPageForm):
    """Refuses to publish or submit for moderation, with the reason beside the consent
    field, while the consent is not recorded. Saving a draft stays possible."""

    def clean(self):
        cleaned_data = super().clean()
        if PUBLISHING_ACTIONS & set(self.data):
            page = copy.copy(self.instance)
            page.slug = cleaned_data.get("slug") or page.slug
            # The rule judges the page as posted: whether it shows a person, and on what.
            for name in page.consent_fields:
                if name in cleaned_data:
                    setattr(page, name, cleaned_data[name])
            for problem in consent_problems(page, parent=self.parent_page):
                self.add_error("consent", problem)
        return cleaned_data


class ShowsPersonMixin:
    """A page type that may show a person: it has a `consent` field, says whether it shows
    a person (`shows_person`), and is never live unless the rule allows it."""

    # The fields the rule reads: a save writing any of them on a live page is checked.
    consent_fields = ("consent",)
    base_form_class = ConsentPageForm

    @property
    def shows_person(self):
        return True

    def publish(self, revision, *args, **kwargs):
        # Refuse before anything changes, whatever publishes through the page: a workflow
        # approval, a scheduled go-live, a bulk action or code.
        page = revision.as_object()
        scheduled = kwargs.get("log_action") == SCHEDULED_PUBLICATION
        if scheduled and (problems := consent_problems(page)):
            # Wagtail's publish_scheduled stops at a refusal, leaving every later go-live of
            # every school waiting, and meets the same refusal on its next run: the go-live
            # is called off instead, and the page stays as it was.
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            logger.warning(
                "Called off the scheduled publication of %s (%s): %s",
                page.title,
                page.url_path,
                " ".join(str(problem) for problem in problems),
            )
            return None
        check_consent(page)
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        # The last line of defence: the page editor's "Publish" button and the admin API
        # publish through PublishPageRevisionAction directly, not through publish(). A
        # live page is never written without the consent; a save that only touches
        # revision bookkeeping (update_fields without them) is not a publication.
        update_fields = kwargs.get("update_fields")
        if self.live and (
            update_fields is None or {"live", *self.consent_fields} & set(update_fields)
        ):
            check_consent(self)
        return super().save(*args, **kwargs)


class PhotoOfPeopleMixin(ShowsPersonMixin, models.Model):
    """A page whose photo (home.photos.PhotoMixin) may show people: a case, a news item. With
    people in it, the page is published only on the consent of the person shown.

    Who is in the photo, and on what consent, is the same in every language: the translation
    shows the photo on the consent, and neither is a translator's to change."""

    image_shows_people = models.BooleanField(
        _("there are people in the photo"),
        default=False,
        help_text=_(
            "Tick it if anyone can be recognised in the photo: then the page is published only "
            "with the consent to dissemination of the person shown."
        ),
    )
    consent = consent_link()

    consent_fields = ("consent", "image", "image_shows_people")
    override_translatable_fields = [
        SynchronizedField("image", overridable=False),
        SynchronizedField("image_shows_people", overridable=False),
        SynchronizedField("consent", overridable=False),
    ]

    class Meta:
        abstract = True

    @property
    def shows_person(self):
        return bool(self.image_id and self.image_shows_people)


def photo_of_people_panel():
    """The editor's panel for such a photo: the image, its alt text, whether it shows people,
    and the consent it is shown on."""
    return MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")]),
            FieldPanel("image_shows_people"),
            FieldPanel("consent"),
        ],
        heading=_("Photo"),
    )


def page_types_showing_people():
    """The page models that may show a person, each checked by the rule."""
    return [model for model in get_page_models() if issubclass(model, ShowsPersonMixin)]
