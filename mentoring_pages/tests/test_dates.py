"""One date format per language on every public page: «5 марта 2026», "5 March 2026"."""

import datetime

import pytest
from bs4 import BeautifulSoup

from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.tests.factories import NewsPageFactory, RoadmapPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def times_on(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return {time.get_text(strip=True) for time in page.main.find_all("time")}


def main_text(client, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.main.get_text(" ", strip=True)


def test_news_dates_read_the_same_way_on_the_item_and_in_the_list(client, section, english):
    news = NewsPageFactory(parent=section.news, date=datetime.date(2026, 3, 5))
    translate(section.news, english, {})
    translate(news, english, {})

    assert "5 марта 2026" in times_on(client, news.url)
    assert "5 марта 2026" in times_on(client, section.news.url)
    assert "5 March 2026" in times_on(client, f"/en/nastavnichestvo/news/{news.slug}/")
    assert "5 March 2026" in times_on(client, "/en/nastavnichestvo/news/")


def test_roadmap_deadlines_read_like_news_dates(client, section, english):
    roadmap = RoadmapPageFactory(parent=section.roadmaps, live=False)
    roadmap.stages = [RoadmapStage(number="1", title="Подготовка")]
    roadmap.events = [
        RoadmapEvent(
            stage_number="1",
            title="Анкетирование",
            start=datetime.date(2025, 10, 1),
            end=datetime.date(2025, 10, 15),
        )
    ]
    roadmap.save_revision().publish()
    translate(section.roadmaps, english, {})
    translate(roadmap, english, {})

    english_url = f"/en/nastavnichestvo/{section.roadmaps.slug}/{roadmap.slug}/"
    assert "1 октября 2025 – 15 октября 2025" in main_text(client, roadmap.url)
    assert "1 October 2025 – 15 October 2025" in main_text(client, english_url)
