import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from mentoring_pages.api.urls import router
from mentoring_pages.tests.centre.conftest import add_school
from mentoring_pages.tests.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    RoadmapEventFactory,
    RoadmapIndexPageFactory,
    RoadmapPageFactory,
)
from site_project.settings.base import cache_settings
from site_project.tests.processes import free_port

# Every list of the API, as its router has them: a new one is walked and counted too.
ENDPOINTS = [prefix for prefix, _viewset, _basename in router.registry]


@pytest.fixture
def api_client(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "gymnasium.localhost", "lyceum.localhost"]
    return client


def school_pages(school):
    """A live news item and case; and what no visitor sees: a draft news item, a news item
    behind a password, a draft roadmap and a live roadmap under a roadmap index behind a
    password, each with an event."""
    landing = school.roadmap.get_parent().get_parent()
    news = NewsIndexPageFactory(parent=landing)
    cases = CaseIndexPageFactory(parent=landing)
    published = NewsPageFactory(
        parent=news, title=f"Новость {school.school}", date=datetime.date(2026, 2, 1)
    )
    draft = NewsPageFactory(parent=news, title=f"Черновик {school.school}", live=False)
    private = NewsPageFactory(parent=news, title=f"Закрытая {school.school}")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    case = CasePageFactory(parent=cases, title=f"Кейс {school.school}")
    hidden_roadmap = RoadmapPageFactory(
        parent=school.roadmap.get_parent(), title=f"Черновик карты {school.school}", live=False
    )
    RoadmapEventFactory(page=hidden_roadmap, title=f"Черновое мероприятие {school.school}")
    private_index = RoadmapIndexPageFactory(parent=landing, slug="private-roadmaps")
    PageViewRestriction.objects.create(
        page=private_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private_roadmap = RoadmapPageFactory(
        parent=private_index, title=f"Закрытая карта {school.school}", last_year=2027
    )
    RoadmapEventFactory(page=private_roadmap, title=f"Закрытое мероприятие {school.school}")
    return SimpleNamespace(
        news=published,
        draft=draft,
        private=private,
        case=case,
        hidden_roadmap=hidden_roadmap,
        private_roadmap=private_roadmap,
    )


@pytest.fixture
def two_schools(db, today):
    schools = [
        add_school("gymnasium", done=2, overdue=1, planned=1),
        add_school("lyceum", done=0, overdue=3),
    ]
    for school in schools:
        school.pages = school_pages(school)
    return schools


@pytest.fixture
def cache_down(settings):
    """Django's cache as production sets it up, pointed at a Redis that is not there."""
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{free_port()}/0")
    caches.close_all()
