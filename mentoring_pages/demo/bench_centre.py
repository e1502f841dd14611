"""The municipal centre of `make bench`: many schools, each with its own site, a programme
with its targets and figures and a current roadmap, and the centre's page rolling them up.
Built for speed, like bench_site: pages added live, without revisions."""

import datetime
import itertools

from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from mentoring_pages.models import (
    MentoringIndexPage,
    RoadmapEvent,
    RoadmapIndexPage,
    RoadmapPage,
)
from mentoring_pages.roadmap import statuses
from programmes.categories import IndicatorCategory, Participant
from programmes.models import MentoringForm, ParticipationFigures, Programme, TargetIndicator
from programmes.models.forms import FormKind
from programmes.roles import create_school

from .bench_site import SIZES, STATUS_CYCLE, add_live
from .centre import build_centre

EVENTS_PER_SCHOOL = 20


def build_bench_centre(log=print):
    """The centre and SIZES["schools"] schools; returns how many pages were added."""
    count = SIZES["schools"]
    added = 0
    with transaction.atomic():
        build_centre(log=lambda message: None)
        for n in range(count):
            added += add_school(n)
        log(f"municipal centre: {count} schools, {EVENTS_PER_SCHOOL} events each")
    return added + 1


def add_school(n):
    locale = Locale.get_default()
    year = statuses.today().year
    home = add_live(
        Page.get_first_root_node(), HomePage(title=f"Школа № {n + 1}", slug=f"bench-school-{n}")
    )
    Site.objects.create(hostname=f"bench-school-{n}.localhost", root_page=home)
    school = create_school(
        short_name=f"Школа № {n + 1}", full_name=f"МБОУ «Школа № {n + 1}»", home_page=home
    )
    programme = Programme.objects.create(
        school=school,
        title="Программа наставничества",
        first_year=year - 1,
        last_year=year + 2,
        goal="Раскрыть потенциал каждого.",
        locale=locale,
    )
    form = MentoringForm.objects.create(
        programme=programme,
        title="Ученик – ученик",
        kind=FormKind.PUPIL_PUPIL,
        mentor_category=Participant.PUPIL,
        mentee_category=Participant.PUPIL,
        goal="Поддержка обучающихся.",
        locale=locale,
    )
    for category in (IndicatorCategory.PUPILS, IndicatorCategory.TEACHERS):
        TargetIndicator.objects.create(
            programme=programme, category=category, year=year, target_percent=30, locale=locale
        )
    ParticipationFigures.objects.create(
        programme=programme,
        form=form,
        year=year,
        mentors=10 + n % 7,
        mentees=15 + n % 11,
        pairs=10,
        pupils_total=400,
        teachers_total=40,
        locale=locale,
    )
    landing = add_live(home, MentoringIndexPage(title="Наставничество", slug="nastavnichestvo"))
    index = add_live(landing, RoadmapIndexPage(title="Дорожные карты", slug="roadmaps"))
    roadmap = add_live(
        index,
        RoadmapPage(
            title="Дорожная карта",
            slug="roadmap",
            first_year=year - 1,
            last_year=year + 2,
            programme=programme,
        ),
    )
    start = datetime.date(year, 1, 1)
    RoadmapEvent.objects.bulk_create(
        RoadmapEvent(
            page=roadmap,
            stage_number="1",
            number=f"{i + 1}.",
            title=f"Мероприятие {i + 1}",
            end=start + datetime.timedelta(days=30 * i),
            status=status,
            locale=locale,
            sort_order=i,
        )
        for i, status in zip(range(EVENTS_PER_SCHOOL), itertools.cycle(STATUS_CYCLE))
    )
    return 4
