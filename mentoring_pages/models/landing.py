"""The section's landing, and what it shows: each piece fetched once, whatever its size."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import BodyBlock
from mentoring_pages import roadmap
from programmes.coverage import indicator_rows
from programmes.models import MentoringForm, Programme

from .base import SectionPage
from .cases import CasePage
from .documents import DocumentsPageItem
from .mentors import MentorPage
from .news import NewsPage
from .roadmap import RoadmapPage


class MentoringIndexPage(SectionPage):
    """«Наставничество»: the section's landing, a link to everything deeper."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    how_to_take_part = RichTextField(
        _("how to take part"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("more"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("programme"),
        FieldPanel("how_to_take_part"),
        FieldPanel("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "mentoring_pages.RoadmapIndexPage",
        "mentoring_pages.MentorIndexPage",
        "mentoring_pages.CaseIndexPage",
        "mentoring_pages.NewsIndexPage",
        "mentoring_pages.DocumentsPage",
        "home.ContentPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mentoring section")
        verbose_name_plural = _("mentoring sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(landing_context(self))
        return context


LATEST = 3
MENTORS_SHOWN = 4
DOCUMENTS_SHOWN = 5


def live_descendants(model, page):
    return model.objects.live().public().descendant_of(page)


def programme_of(page):
    if not page.programme_id:
        return None
    forms = MentoringForm.objects.prefetch_related("role_models")
    return (
        Programme.objects.filter(pk=page.programme_id, live=True)
        .prefetch_related(Prefetch("forms", queryset=forms))
        .first()
    )


def roadmap_summaries(page):
    """[(roadmap, overall progress, [(stage, stage progress)])] of the live roadmaps."""
    roadmaps = live_descendants(RoadmapPage, page).prefetch_related("stages", "events")
    summaries = []
    for roadmap_page in roadmaps:
        events = roadmap_page.events.all()
        stages = roadmap_page.stages_with_events(events)
        summaries.append(
            (
                roadmap_page,
                roadmap.progress(events),
                [(stage, roadmap.progress(stage_events)) for stage, stage_events in stages],
            )
        )
    return summaries


def landing_context(page):
    programme = programme_of(page)
    return {
        "programme": programme,
        "indicators": indicator_rows(programme) if programme else [],
        "roadmaps": roadmap_summaries(page),
        "latest_news": live_descendants(NewsPage, page).order_by("-date", "-pk")[:LATEST],
        "latest_cases": live_descendants(CasePage, page)
        .select_related("form")
        .order_by("-first_published_at")[:LATEST],
        "mentors": live_descendants(MentorPage, page)
        .select_related("form", "image")
        .prefetch_related("image__renditions")
        .order_by("-award_year", "title")[:MENTORS_SHOWN],
        "documents": DocumentsPageItem.objects.filter(
            page__live=True, page__path__startswith=page.path
        )
        .select_related("document")
        .order_by("-date", "pk")[:DOCUMENTS_SHOWN],
        "sections": page.get_children().live().public(),
    }
