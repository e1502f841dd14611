from urllib.parse import quote

import pytest

from home.accessibility import SETTINGS
from home.tests.test_views import ODD_VALUES
from mentoring_pages.tests.factories import (
    RoadmapEventFactory,
    RoadmapPageFactory,
)

RAW = [
    "%ED%A0%80",
    "%FF",
    "%",
    "%00",
    "%C0%80",
    "%E2%80%AE",
    "%0A",
    "%0D%0A",
    "%2F%2Fevil.example",
    "%5C%5Cevil",
]
NAMES = ["q", "page", "form", "tag", "status", "next", "version", "p", *(s.name for s in SETTINGS)]


@pytest.mark.parametrize("cache_on", [False, True])
def test_probe(client, section, settings, cache_on):
    if cache_on:
        settings.PAGE_CACHE_TIMEOUT = 60
    roadmap = RoadmapPageFactory(parent=section.roadmaps)
    RoadmapEventFactory(page=roadmap)
    roadmap.save_revision().publish()
    urls = [
        "/",
        "/search/",
        "/accessibility/",
        "/sitemap.xml",
        "/robots.txt",
        section.news.url,
        section.news.url + "rss/",
        section.news.url + "atom/",
        section.cases.url,
        section.mentors.url,
        roadmap.url,
        roadmap.url + "calendar.ics",
        roadmap.url + "export.csv",
        roadmap.url + "export.xlsx",
        section.landing.url,
        section.landing.url + "programme/",
        section.documents.url,
        "/en/",
        "/en/search/",
    ]
    values = (
        [quote(v, safe="") for v in ODD_VALUES]
        + RAW
        + ["-99999999999999999999", "0", "%2B1", "1%2C2"]
    )
    failures = []
    for url in urls:
        for name in NAMES:
            for v in values:
                for qs in (
                    f"{name}={v}",
                    f"{name}={v}&{name}=1",
                    f"{name}=1&{name}={v}",
                    f"{name}[]={v}",
                    f"{v}={v}",
                ):
                    r = client.get(f"{url}?{qs}")
                    if r.status_code >= 500:
                        failures.append((url, qs[:40], r.status_code))
    assert failures == []
