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
