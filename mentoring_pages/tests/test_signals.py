"""Cached whole pages of the section follow every change at once, on every page that shows
it, and no further."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.page_cache import STATUS_HEADER
from mentoring_pages.models import MentorPage, RoadmapPage
from mentoring_pages.roadmap import EventStatus
from mentoring_pages.tests.factories import (
    MentorPageFactory,
    NewsPageFactory,
    RoadmapEventFactory,
    RoadmapPageFactory,
)
from programmes.tests.factories import ProgrammeFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 3600


@pytest.fixture
def site_pages(section, home_page):
    """A page of each kind, all published, the landing showing a programme."""
    programme = ProgrammeFactory(goal="Старая цель.")
    programme.save_revision().publish()
    section.landing.programme = programme
    section.landing.save_revision().publish()
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    RoadmapEventFactory(page=roadmap, title="Анкетирование", status=EventStatus.PLANNED)
    roadmap.save_revision().publish()
    return {
        "programme": programme,
        "roadmap": RoadmapPage.objects.get(pk=roadmap.pk),
        "news": NewsPageFactory(parent=section.news, title="Старая новость"),
        "mentor": MentorPageFactory(parent=section.mentors),
        "other_mentor": MentorPageFactory(parent=section.mentors),
        "programme_page": section.landing.url + "programme/",
    }


def url_of(item):
    return item if isinstance(item, str) else item.url


def warm(client, *items):
    for item in items:
        assert client.get(url_of(item)).status_code == 200


def served_from_cache_without_a_query(client, item):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url_of(item))
    return response[STATUS_HEADER] == "hit" and not queries.captured_queries


def test_a_published_news_item_shows_on_its_page_index_landing_and_home(
    client, section, home_page, site_pages
):
    news = site_pages["news"]
    unrelated = (site_pages["roadmap"], site_pages["mentor"])
    warm(client, news, section.news, section.landing, home_page, *unrelated)

    news.title = "Новая новость"
    news.save_revision().publish()

    for page in (news, section.news, section.landing):
        assert "Новая новость" in client.get(page.url).content.decode()
    assert client.get(home_page.url)[STATUS_HEADER] == "miss"
    for item in unrelated:
        assert served_from_cache_without_a_query(client, item)


def test_a_roadmap_status_shows_at_once_in_both_languages(
    client, section, site_pages, english_section, english
):
    roadmap = site_pages["roadmap"]
    translate(section.roadmaps, english, {})
    translate(roadmap, english, {"Анкетирование": "Survey"})
    english_roadmap = roadmap.get_translation(english)
    warm(client, roadmap, english_roadmap, section.roadmaps, site_pages["news"])
    assert "roadmap-event--done" not in client.get(english_roadmap.url).content.decode()

    event = roadmap.events.get()
    event.status = EventStatus.DONE
    roadmap.events = [event]
    roadmap.save_revision().publish()

    for page in (roadmap, english_roadmap):
        assert "roadmap-event--done" in client.get(page.url).content.decode()
    assert client.get(section.roadmaps.url)[STATUS_HEADER] == "miss"
    assert served_from_cache_without_a_query(client, site_pages["news"])


def test_a_changed_programme_shows_on_the_landing_and_programme_page_only(
    client, section, site_pages
):
    unrelated = (site_pages["news"], site_pages["roadmap"], section.news)
    warm(client, section.landing, site_pages["programme_page"], *unrelated)

    programme = site_pages["programme"]
    programme.goal = "Новая цель."
    programme.save_revision().publish()

    for url in (section.landing.url, site_pages["programme_page"]):
        assert "Новая цель." in client.get(url).content.decode()
    for item in unrelated:
        assert served_from_cache_without_a_query(client, item)


def test_a_withdrawn_consent_takes_the_mentor_off_at_once(client, section, site_pages):
    mentor, other = site_pages["mentor"], site_pages["other_mentor"]
    warm(client, mentor, other, section.mentors)

    consent = MentorPage.objects.get(pk=mentor.pk).consent
    consent.withdrawn_at = timezone.now()
    consent.save()

    assert client.get(mentor.url).status_code == 404
    assert mentor.title not in client.get(section.mentors.url).content.decode()
    assert served_from_cache_without_a_query(client, other)
