import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import Page

from home.page_types import public_page_models
from home.tests.factories import ContentPageFactory
from mentoring_pages.models import MunicipalCentrePage
from mentoring_pages.tests.factories import (
    ApplicationPageFactory,
    CaseIndexPageFactory,
    CasePageFactory,
    DocumentsPageFactory,
    MentorIndexPageFactory,
    MentoringIndexPageFactory,
    MentorPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    QuestionnairePageFactory,
    RoadmapIndexPageFactory,
    RoadmapPageFactory,
)
from programmes.tests.factories import MentoringFormFactory
from site_project.translation import translate

TODAY = datetime.date(2026, 3, 10)  # in the school year 2025/26
# What a public page may ask of the database with the page cache off (issue «Caching the
# Wagtail way»), whatever the amount of content.
PAGE_QUERY_LIMIT = 15
# ... and on its first visit after a change, while its kept fragments and head are rebuilt.
FIRST_VISIT_QUERY_LIMIT = 25


@pytest.fixture
def today(monkeypatch):
    """The roadmaps' statuses as of TODAY, whatever day the tests run."""
    monkeypatch.setattr("mentoring_pages.roadmap.statuses.today", lambda: TODAY)
    return TODAY


@pytest.fixture
def section(home_page):
    """The «Наставничество» section with its index pages, all live, in Russian."""
    landing = MentoringIndexPageFactory(parent=home_page, show_in_menus=True)
    return SimpleNamespace(
        landing=landing,
        roadmaps=RoadmapIndexPageFactory(parent=landing),
        mentors=MentorIndexPageFactory(parent=landing),
        cases=CaseIndexPageFactory(parent=landing),
        news=NewsIndexPageFactory(parent=landing),
        documents=DocumentsPageFactory(parent=landing),
    )


@pytest.fixture
def english_section(section, home_page, english):
    """The section and its index pages translated into English."""
    translate(home_page, english, {"Главная": "Home"})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    for index, title in [
        (section.cases, "Cases"),
        (section.mentors, "Our mentors"),
        (section.news, "News"),
    ]:
        translate(index, english, {index.title: title})
    return section


@pytest.fixture
def forms():
    """Two forms of mentoring of one programme, in the order they are listed."""
    pupils = MentoringFormFactory(title="Ученик – ученик", sort_order=1)
    teachers = MentoringFormFactory(
        programme=pupils.programme, title="Учитель – учитель", kind="teacher_teacher", sort_order=2
    )
    return pupils, teachers


@pytest.fixture
def every_page_type(home_page, section, english):
    """One live page of each public page type, each translated into English."""
    home_page.intro = "<p>Официальный сайт школы.</p>"
    home_page.save()
    ContentPageFactory(parent=home_page, title="О школе", slug="about")
    RoadmapPageFactory(parent=section.roadmaps)
    MentorPageFactory(parent=section.mentors)
    CasePageFactory(parent=section.cases)
    NewsPageFactory(parent=section.news)
    ApplicationPageFactory(parent=section.landing)
    QuestionnairePageFactory(parent=section.landing)
    pages = list(Page.objects.live().filter(depth__gt=1).order_by("path").specific())
    for page in pages:  # parents first; published as editors do, which dates them
        page.save_revision().publish()
        translate(page, english, {})
    # The municipal centre is the root of a site of its own: tests/centre/test_page_meta.py.
    assert {type(page) for page in pages} == set(public_page_models()) - {MunicipalCentrePage}
    return list(Page.objects.live().filter(depth__gt=1).order_by("path").specific())
