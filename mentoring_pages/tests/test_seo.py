"""Every page type is in the sitemap and carries OpenGraph tags for sharing."""

import pytest
import wagtail_factories

from mentoring_pages.tests.factories import (
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    RoadmapPageFactory,
)
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(section):
    image = wagtail_factories.ImageFactory()
    return [
        section.landing,
        section.roadmaps,
        section.mentors,
        section.cases,
        section.news,
        section.documents,
        RoadmapPageFactory(parent=section.roadmaps),
        MentorPageFactory(parent=section.mentors, image=image, image_alt="Портрет"),
        CasePageFactory(parent=section.cases),
        NewsPageFactory(parent=section.news, image=image, image_alt="Фото"),
    ]


def test_sitemap_lists_every_page_type(client, pages):
    content = client.get("/sitemap.xml").content.decode()

    for page in pages:
        assert f"<loc>http://testserver{page.url}</loc>" in content


def test_sitemap_lists_the_english_section_too(client, section, english):
    for page in (section.landing, section.news):
        translate(page, english, {})

    assert "<loc>http://testserver/en/nastavnichestvo/news/</loc>" in (
        client.get("/sitemap.xml").content.decode()
    )


def test_every_page_type_has_opengraph_tags(client, pages):
    for page in pages:
        content = client.get(page.url).content.decode()
        assert f'<meta property="og:title" content="{page.title}">' in content, page.url
        assert f'<meta property="og:url" content="http://testserver{page.url}">' in content


@pytest.mark.parametrize("index", [7, 9])
def test_pages_with_a_photo_share_it(client, pages, index):
    content = client.get(pages[index].url).content.decode()

    assert '<meta property="og:image" content="http://testserver/media/images/' in content
