"""The municipal centre's roll-up of every school: roadmap progress, coverage of pupils and
teachers against the targets, participant counts by form. The public page and the
coordinator's dashboard show the same numbers from here.

Each figure is one query over all schools, grouped in the database: a constant number of
queries whatever the number of schools."""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import chain, repeat

from django.db.models import Count
from wagtail.models import Page

from mentoring_pages.models.roadmap import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from programmes.coverage import IndicatorRow, coverage_by_year
from programmes.models import ParticipationFigures, School, TargetIndicator
from programmes.publication import of_public_programmes
from programmes.schools import school_of_path


@dataclass
class SchoolSummary:
    school: School
    home: Page | None  # its live home page in the language shown, the link to its site
    progress: statuses.Progress
    indicators: list = field(default_factory=list)  # [IndicatorRow]
    figures_year: int | None = None
    figures: list = field(default_factory=list)  # [ParticipationFigures] of figures_year


def progress_by_school(on, schools=None):
    """{school id: Progress} of the events of the schools' live, public, current roadmaps:
    events are counted in the database by roadmap, status and end date, and each school's
    are judged by the status rules (statuses.progress)."""
    if schools is None:
        schools = School.objects.select_related("home_page")
    school_id_of = school_of_path(schools)
    current = RoadmapPage.objects.live().public().filter(statuses.current_roadmaps(on))
    groups = (
        RoadmapEvent.objects.filter(page__in=current)
        .values_list("page__path", "status", "end")
        .annotate(count=Count("pk"))
        .order_by()
    )
    states = defaultdict(list)
    for path, status, end, count in groups:
        school_id = school_id_of(path)
        if school_id is not None:
            states[school_id].append(repeat(statuses.EventState(status, end), count))
    return {
        school_id: statuses.progress(chain.from_iterable(events), on)
        for school_id, events in states.items()
    }


def by_school(rows):
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.programme.school_id].append(row)
    return grouped


def school_summaries(locale, on=None):
    """[SchoolSummary] of every school, by name; the programmes' numbers in `locale`."""
    on = on or statuses.today()
    schools = list(School.objects.select_related("home_page"))
    homes = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            locale=locale,
            translation_key__in=[school.home_page.translation_key for school in schools],
        )
    }
    progress = progress_by_school(on, schools)
    public = of_public_programmes(locale)
    indicators = by_school(
        TargetIndicator.objects.filter(public)
        .select_related("programme")
        .order_by("category", "year")
    )
    figures = by_school(
        ParticipationFigures.objects.filter(public).select_related("programme", "form")
    )
    summaries = []
    for school in schools:
        rows = figures[school.pk]
        coverage = coverage_by_year(rows)
        latest = max((row.year for row in rows), default=None)
        summaries.append(
            SchoolSummary(
                school=school,
                home=homes.get(school.home_page.translation_key),
                progress=progress.get(school.pk, statuses.progress([], on)),
                indicators=[
                    IndicatorRow(indicator, coverage.get((indicator.category, indicator.year)))
                    for indicator in indicators[school.pk]
                ],
                figures_year=latest,
                figures=[row for row in rows if row.year == latest],
            )
        )
    return summaries
