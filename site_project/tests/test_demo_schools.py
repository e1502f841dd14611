"""The demo municipality's other schools (demo_data/schools.json): each a working school at its
own *.localhost host, with a current roadmap and news in both languages, built once."""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from mentoring_pages.models import NewsPage, RoadmapPage
from site_project.demo_content import read_demo_data
from site_project.demo_schools import SCHOOLS_DATA, build_demo_schools

pytestmark = pytest.mark.django_db

SPECS = read_demo_data(SCHOOLS_DATA)["schools"]


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, *(spec["hostname"] for spec in SPECS)]


def test_the_other_schools_are_built_once_with_their_roadmap_and_news(client, english):
    schools = build_demo_schools(log=lambda message: None)
    pages = Page.objects.count()

    assert build_demo_schools(log=pytest.fail) == schools
    assert Page.objects.count() == pages
    assert [suffix for _school, suffix in schools] == [spec["users_suffix"] for spec in SPECS]
    for (school, _suffix), spec in zip(schools, SPECS, strict=True):
        assert school.short_name == spec["school"]["short_name"]
        roadmaps = RoadmapPage.objects.descendant_of(school.home_page).live()
        assert roadmaps.count() == 1
        events = roadmaps.get().events.all()
        assert len(events) == len(spec["current_roadmap"]["events"])
        assert len(roadmaps.get().get_translation(english).events.all()) == len(events)
        news = NewsPage.objects.descendant_of(school.home_page).live().get()
        for page in (roadmaps.get(), news):
            for translation in (page, page.get_translation(english)):
                _site, _root, path = translation.get_url_parts()
                response = client.get(path, HTTP_HOST=spec["hostname"])
                assert response.status_code == 200
                assert escape(translation.title) in response.text
