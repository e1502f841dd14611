"""The section's landing, and what it shows: each piece fetched once, whatever its size."""

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.blocks import BodyBlock
from home.page_cache import (
    invalidate_pages,
    kept_until_dropped,
    page_token_key,
    seconds_until_midnight,
)
from mentoring_pages import roadmap
from programmes.coverage import indicator_rows
from programmes.models import MentoringForm, Programme

from .base import SectionPage
from .cases import CasePage
from .documents import DocumentsPageItem
from .forms import ApplicationPage
from .mentors import MENTOR_ORDER, MentorPage
from .news import NewsPage
from .roadmap import RoadmapPage


class MentoringIndexPage(RoutablePageMixin, SectionPage):
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
        "mentoring_pages.ApplicationPage",
        "mentoring_pages.QuestionnairePage",
        "home.ContentPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mentoring section")
        verbose_name_plural = _("mentoring sections")

    @path("")
    def landing(self, request):
        return self.render(
            request, context_overrides=cached_content(self, "landing", landing_context)
        )

    @path("programme/")
    def programme_details(self, request):
        """The whole programme as its document states it."""
        context = cached_content(self, "programme", programme_context)
        if context["programme"] is None:
            raise Http404
        return self.render(
            request, template="mentoring_pages/programme.html", context_overrides=context
        )


LATEST = 3
LANDING_TIMEOUT = 6 * 60 * 60
MENTORS_SHOWN = 4
DOCUMENTS_SHOWN = 5


def live_descendants(model, page, private):
    return model.objects.live().exclude(private).descendant_of(page)


# What the programme's own page shows beyond what the landing does.
PROGRAMME_DETAILS = ("legal_acts", "management_roles", "stages", "documents__document")


def programme_of(page, details=()):
    """The page's programme, published, with its forms and their role models."""
    if not page.programme_id:
        return None
    forms = MentoringForm.objects.prefetch_related("role_models")
    return (
        Programme.objects.filter(pk=page.programme_id, live=True)
        .prefetch_related(Prefetch("forms", queryset=forms), *details)
        .first()
    )


def roadmap_summaries(page, private):
    """[(roadmap, overall progress, [(stage, stage progress)])] of the live roadmaps."""
    roadmaps = live_descendants(RoadmapPage, page, private).prefetch_related("stages", "events")
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
        # Only the counts are shown: the cached landing need not carry (and unpickle on
        # every visit) each roadmap's hundred events.
        roadmap_page._prefetched_objects_cache.pop("events")
    return summaries


def landing_context(page):
    """Everything the landing shows, fetched: about twenty queries whatever the size."""
    # Pages under a view restriction, looked up once for every listing below.
    private = Page.objects.all().private_q()
    programme = programme_of(page)
    return {
        "programme": programme,
        "indicators": indicator_rows(programme) if programme else [],
        "roadmaps": roadmap_summaries(page, private),
        "latest_news": list(
            live_descendants(NewsPage, page, private)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:LATEST]
        ),
        "latest_cases": list(
            live_descendants(CasePage, page, private)
            .select_related("form", "role_model")
            .order_by("-first_published_at")[:LATEST]
        ),
        "mentors": list(
            live_descendants(MentorPage, page, private)
            .select_related("form", "image")
            .prefetch_related("image__renditions")
            .order_by(*MENTOR_ORDER)[:MENTORS_SHOWN]
        ),
        "documents": list(
            DocumentsPageItem.objects.filter(page__live=True, page__path__startswith=page.path)
            .select_related("document")
            .order_by("-date", "pk")[:DOCUMENTS_SHOWN]
        ),
        "sections": list(page.get_children().live().exclude(private)),
        "application_pages": list(
            ApplicationPage.objects.live().child_of(page).exclude(private).order_by("path")
        ),
    }


def programme_context(page):
    programme = programme_of(page, PROGRAMME_DETAILS)
    return {
        "programme": programme,
        "indicators": indicator_rows(programme) if programme else [],
    }


def cached_content(page, part, build):
    """What `build(page)` fetches for the landing, kept in the cache until the landing's
    page-cache token is dropped — when something it shows changes (home.signals,
    mentoring_pages.signals) — or the day ends."""
    return kept_until_dropped(
        f"landing-content:{page.pk}:{get_language()}:{part}",
        lambda: build(page),
        min(LANDING_TIMEOUT, seconds_until_midnight()),
        page_token_key(page.pk),
    )


def invalidate_landings(page_ids=None):
    """Forget these landings (all of them if None): their cached content and the landings
    themselves as cached whole pages."""
    if page_ids is None:
        page_ids = MentoringIndexPage.objects.values_list("pk", flat=True)
    invalidate_pages(list(page_ids))
