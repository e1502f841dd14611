import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import PageViewRestriction

from mentoring_pages.tests.centre.conftest import TODAY, add_school
from mentoring_pages.tests.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    RoadmapPageFactory,
)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr("mentoring_pages.roadmap.statuses.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def api_client(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "gymnasium.localhost", "lyceum.localhost"]
    return client


def school_pages(school):
    """A live news item and case, a draft news item and a news item behind a password."""
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
    return SimpleNamespace(
        news=published, draft=draft, private=private, case=case, hidden_roadmap=hidden_roadmap
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
