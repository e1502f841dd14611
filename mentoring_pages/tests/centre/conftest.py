import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import Page, Site

from home.models import HomePage
from mentoring_pages.models import MunicipalCentrePage
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import (
    MentoringIndexPageFactory,
    RoadmapEventFactory,
    RoadmapIndexPageFactory,
    RoadmapPageFactory,
)
from programmes.models import School
from programmes.roles import create_school
from programmes.tests.factories import (
    MentoringFormFactory,
    ParticipationFiguresFactory,
    ProgrammeFactory,
    TargetIndicatorFactory,
)

CENTRE_HOST = "centre.localhost"
PAST = datetime.date(2026, 1, 31)
LATER = datetime.date(2026, 5, 31)


@pytest.fixture
def two_schools(db, today):
    """A gymnasium with two events done and one overdue, a lyceum with three overdue."""
    return add_school("gymnasium", done=2, overdue=1), add_school("lyceum", done=0, overdue=3)


@pytest.fixture
def centre(db, client, settings):
    """The centre's page, the root of its own site, which the test client visits."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, CENTRE_HOST]
    page = Page.get_first_root_node().add_child(
        instance=MunicipalCentrePage(title="Муниципальный центр наставничества", slug="centre")
    )
    Site.objects.create(hostname=CENTRE_HOST, root_page=page)
    client.defaults["HTTP_HOST"] = CENTRE_HOST
    return page


def add_school(name, *, done=1, overdue=1, planned=0, figures=True, under=None):
    """A school with its own site and home page (or its home at a path under the page
    `under`), a live programme with a pupils' target and a form's figures for 2025, and a
    live current roadmap with `done` events done, `overdue` overdue and `planned` due
    later."""
    home = (under or Page.get_first_root_node()).add_child(
        instance=HomePage(title=f"Главная {name}", slug=f"home-{name}")
    )
    if under is None:
        Site.objects.create(hostname=f"{name}.localhost", root_page=home)
    school = create_school(short_name=name, full_name=f"Школа {name}", home_page=home)
    programme = ProgrammeFactory(school=school, title=f"Программа {name}", last_year=2027)
    TargetIndicatorFactory(programme=programme, year=2025, target_percent=30)
    if figures:
        form = MentoringFormFactory(programme=programme, title=f"Ученик – ученик {name}")
        ParticipationFiguresFactory(form=form, year=2025, mentors=10, mentees=20, pupils_total=300)
    landing = MentoringIndexPageFactory(parent=home, programme=programme)
    roadmap = RoadmapPageFactory(
        parent=RoadmapIndexPageFactory(parent=landing), first_year=2025, last_year=2027
    )
    for count, status, end in [
        (done, EventStatus.DONE, PAST),
        (overdue, EventStatus.PLANNED, PAST),
        (planned, EventStatus.IN_PROGRESS, LATER),
    ]:
        RoadmapEventFactory.create_batch(count, page=roadmap, status=status, end=end)
    return SimpleNamespace(school=school, home=home, programme=programme, roadmap=roadmap)


@pytest.fixture
def add_schools(db):
    """`add_schools(n)`: n more schools («s0», «s1» …) as add_school makes them."""

    def add(count):
        start = School.objects.count()
        return [add_school(f"s{number}") for number in range(start, start + count)]

    return add
