"""The section's landing, and what it shows: each piece fetched once, whatever its size."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.page_cache import seconds_until_midnight
from home.photos import PhotoMixin, photo_at_the_top_panel
from home.search import searchable
from mentoring_pages.roadmap import statuses
from programmes.coverage import indicator_rows
from programmes.models import MentoringForm, Programme

from .base import ProgrammeMixin, SectionPage
from .cases import CasePage
from .documents import DocumentsPage, DocumentsPageItem
from .forms import ApplicationPage
from .mentors import MENTOR_ORDER, MentorPage
from .news import NewsPage
from .roadmap import RoadmapPage


class MentoringIndexPage(RoutablePageMixin, PhotoMixin, ProgrammeMixin, SectionPage):
    """«Наставничество»: the section's landing, a link to everything deeper."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    how_to_take_part = RichTextField(
        _("how to take part"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    body = StreamField(BodyBlock(), verbose_name=_("more"), blank=True)

    search_fields = searchable(
        index.SearchField("intro"),
        index.SearchField("how_to_take_part"),
        index.SearchField("body"),
    )
    content_panels = Page.content_panels + [
        photo_at_the_top_panel(),
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

    def get_cached_paths(self):
        return ["/", "programme/"]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if Programme.objects.filter(pk=self.programme_id, live=True).exists():
            landing = urls[0]
            urls.append({**landing, "location": landing["location"] + "programme/"})
        return urls

    @path("")
    def landing(self, request):
        """What the landing shows is read only when its fragment is not kept (the template's
        {% wagtailpagecache %})."""
        return self.render(
            request,
            context_overrides={
                "landing": SimpleLazyObject(lambda: landing_context(self)),
                "today": statuses.today(),
                "fragment_timeout": fragment_timeout(),
            },
        )

    @path("programme/")
    def programme_details(self, request):
        """The whole programme as its document states it; read only when the template's
        {% wagtailpagecache %} is not kept."""
        title = (
            Programme.objects.filter(pk=self.programme_id, live=True)
            .values_list("title", flat=True)
            .first()
        )
        if title is None:
            raise Http404
        return self.render(
            request,
            template="mentoring_pages/programme.html",
            context_overrides={
                "programme_title": title,
                "details": SimpleLazyObject(lambda: programme_context(self)),
                "fragment_timeout": fragment_timeout(),
                "sub_route_languages": SimpleLazyObject(
                    lambda: programme_languages(self.programme_id)
                ),
            },
        )


def programme_languages(programme_id):
    """The languages in which the programme is live: the page's language links lead to the
    programme only in those (in another, to the section)."""
    key = Programme.objects.filter(pk=programme_id).values("translation_key")
    live = Programme.objects.filter(translation_key__in=key, live=True)
    return set(live.values_list("locale__language_code", flat=True))


LATEST = 3
LANDING_TIMEOUT = 6 * 60 * 60


def fragment_timeout():
    """The landing's fragments end within hours, and at midnight, when overdue counts
    change."""
    return min(LANDING_TIMEOUT, seconds_until_midnight())


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
    # The current roadmaps before the finished ones.
    roadmaps = (
        live_descendants(RoadmapPage, page, private)
        .order_by("-last_year", "-first_year", "path")
        .prefetch_related("stages", "events")
    )
    summaries = []
    for roadmap_page in roadmaps:
        events = roadmap_page.events.all()
        stages = roadmap_page.stages_with_events(events)
        summaries.append(
            (
                roadmap_page,
                statuses.progress(events),
                [(stage, statuses.progress(stage_events)) for stage, stage_events in stages],
            )
        )
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
            .select_related("form", "role_model", "image")
            .prefetch_related("image__renditions")
            .order_by("-first_published_at")[:LATEST]
        ),
        "mentors": list(
            live_descendants(MentorPage, page, private)
            .select_related("form", "image")
            .prefetch_related("image__renditions")
            .order_by(*MENTOR_ORDER)[:MENTORS_SHOWN]
        ),
        "documents": list(
            DocumentsPageItem.objects.filter(
                page__in=live_descendants(DocumentsPage, page, private)
            )
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
