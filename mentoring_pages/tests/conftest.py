from types import SimpleNamespace

import pytest

from mentoring_pages.tests.factories import (
    CaseIndexPageFactory,
    DocumentsPageFactory,
    MentorIndexPageFactory,
    MentoringIndexPageFactory,
    NewsIndexPageFactory,
    RoadmapIndexPageFactory,
)
from programmes.tests.factories import MentoringFormFactory
from site_project.translation import translate


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
