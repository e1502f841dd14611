from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.descriptions import DescribedPageMixin
from home.page_cache import FragmentCacheMixin
from home.search import StemmedSearchMixin, searchable
from programmes.admin_forms import SchoolPageForm
from programmes.fields import optional_link


class SectionPage(DescribedPageMixin, StemmedSearchMixin, FragmentCacheMixin, Page):
    """A page of the «Наставничество» section."""

    base_form_class = SchoolPageForm

    # The image shown when the page is shared (OpenGraph): a PhotoMixin's photo.
    og_image = None
    search_fields = searchable()

    class Meta:
        abstract = True

    def describing_page_types(self):
        from .landing import MentoringIndexPage

        return [MentoringIndexPage, *super().describing_page_types()]


class SectionIndexPage(SectionPage):
    """One of the section's index pages (roadmaps, mentors, cases, documents): an
    introduction, one per section, right under its landing."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = searchable(index.SearchField("intro"))
    parent_page_types = ["mentoring_pages.MentoringIndexPage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ProgrammeMixin(models.Model):
    """A page of one programme of mentoring: the landing, a roadmap, a questionnaire."""

    programme = optional_link("programmes.Programme", _("programme"))

    class Meta:
        abstract = True


class MentoringFormMixin(models.Model):
    """A page filed under a form of mentoring (a case, a mentor): its index's list filters
    by it (?form=)."""

    form = optional_link("programmes.MentoringForm", _("form of mentoring"))

    class Meta:
        abstract = True
