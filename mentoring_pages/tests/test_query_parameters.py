"""No query parameter a page reads, of any characters or length, breaks the page (quotes, NUL,
odd Unicode, huge numbers): the visitor gets the page (200), the odd filter ignored."""

import pytest

from mentoring_pages.tests.factories import RoadmapEventFactory, RoadmapPageFactory
from site_project.tests.odd_input import ODD_VALUES

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages_and_parameters(section):
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    RoadmapEventFactory(page=roadmap)
    roadmap.save_revision().publish()
    pages = [section.news, section.cases, section.mentors, roadmap]
    return [
        (page.url, name)
        for page in pages
        for name in getattr(page.specific, "cache_query_parameters", ())
    ]


def test_every_public_filter_survives_odd_values(client, pages_and_parameters):
    assert pages_and_parameters, "the pages read some parameters"
    failures = [
        (url, name, value[:20])
        for url, name in pages_and_parameters
        for value in ODD_VALUES
        if client.get(url, {name: value}).status_code != 200
    ]

    assert failures == []


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF", "%", "%00"])
def test_every_public_filter_survives_broken_percent_escapes(client, pages_and_parameters, raw):
    failures = [
        (url, name)
        for url, name in pages_and_parameters
        if client.get(f"{url}?{name}={raw}").status_code != 200
    ]

    assert failures == []
