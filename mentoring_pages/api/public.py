"""What the open API may show: only what the public pages show, the one rule every endpoint
reads. Pages live, with no view restriction on them or above them (Wagtail's `public()`),
in the language asked for (filters.py); a programme's data only from a live programme. Never an
applicant, a mentee, a consent or a mentor's profile: no endpoint reads those models."""

from django.conf import settings
from django.db.models import Case, Count, Q, When
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from mentoring_pages.models import CasePage, NewsPage, RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from programmes.models import ParticipationFigures, School, TargetIndicator
from programmes.publication import of_public_programmes, public_programmes

ORGANISATION_INN_LENGTH = 10


def source_language():
    """The site's default language, the one content is written in first."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def public_pages(model):
    return model.objects.live().public()


def organisation_inn(school):
    """The school's INN if it is an organisation's (10 digits): 12 digits would be a
    person's, never published."""
    return school.inn if len(school.inn) == ORGANISATION_INN_LENGTH else ""


def schools():
    return School.objects.select_related("home_page").order_by("short_name")


def homes(language_code):
    """{translation key: the schools' live home pages in that language}."""
    pages = Page.objects.live().filter(
        locale__language_code=language_code,
        translation_key__in=School.objects.values("home_page__translation_key"),
    )
    return {page.translation_key: page for page in pages}


def programmes():
    return (
        public_programmes()
        .select_related("locale")
        .prefetch_related("forms")
        .order_by("school__short_name", "-first_year", "pk")
    )


def roadmaps(on=None):
    """Roadmaps with their events counted: all, done and overdue (statuses.py's rules)."""
    on = on or statuses.today()
    return (
        public_pages(RoadmapPage)
        .annotate(
            events_total=Count("events", filter=statuses.counted_events("events__")),
            events_done=Count("events", filter=Q(events__status=statuses.EventStatus.DONE)),
            events_overdue=Count("events", filter=statuses.overdue_events(on, "events__")),
            # The site names a roadmap's programme only once it is live: so does the API.
            public_programme=Case(When(programme__in=public_programmes(), then="programme")),
        )
        .order_by("path")
    )


def events():
    return RoadmapEvent.objects.filter(page__in=public_pages(RoadmapPage)).order_by(
        "page__path", "sort_order", "pk"
    )


def indicators():
    return (
        TargetIndicator.objects.filter(of_public_programmes())
        .select_related("programme")
        .order_by("programme__school__short_name", "year", "category", "pk")
    )


def participants():
    return (
        ParticipationFigures.objects.filter(of_public_programmes())
        .select_related("programme", "form")
        .order_by("programme__school__short_name", "year", "form__sort_order", "pk")
    )


def news():
    return public_pages(NewsPage).order_by("-date", "-pk")


def cases():
    return public_pages(CasePage).order_by("-first_published_at", "-pk")
