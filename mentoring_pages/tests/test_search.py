"""Site search finds the section's pages, roadmap events included, by Russian words."""

import pytest

from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.tests.factories import (
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    RoadmapPageFactory,
)

pytestmark = pytest.mark.django_db


def found(client, query):
    return client.get("/search/", {"q": query}).content.decode()


def test_search_finds_a_roadmap_by_an_events_title(client, section):
    roadmap = RoadmapPageFactory(parent=section.roadmaps, title="Дорожная карта", live=False)
    roadmap.stages = [RoadmapStage(number="1", title="Подготовка")]
    roadmap.events = [RoadmapEvent(stage_number="1", title="Анкетирование наставляемых")]
    roadmap.save_revision().publish()

    assert "Дорожная карта" in found(client, "Анкетирование")


@pytest.mark.parametrize(
    ("factory", "index", "fields", "query"),
    [
        (NewsPageFactory, "news", {"lead": "Школьная олимпиада прошла успешно."}, "олимпиада"),
        (CasePageFactory, "cases", {"summary": "Пара готовилась к экзамену."}, "экзамену"),
        (MentorPageFactory, "mentors", {"title": "Светлана Орлова"}, "Орлова"),
    ],
)
def test_search_finds_the_sections_pages(client, section, factory, index, fields, query):
    page = factory(parent=getattr(section, index), **fields)

    assert f">{page.title}</a>" in found(client, query)
