"""Every page type is in the sitemap and carries OpenGraph tags for sharing."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from mentoring_pages.tests.factories import (
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    RoadmapPageFactory,
)
from programmes.tests.factories import ProgrammeFactory
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


def test_sitemap_lists_the_programme_page_with_its_translation(client, section, english):
    programme = ProgrammeFactory()
    programme.save_revision().publish()
    section.landing.programme = programme
    section.landing.save_revision().publish()
    translate(section.landing, english, {})

    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    entry = next(
        url
        for url in sitemap.find_all("url")
        if url.loc.get_text() == f"http://testserver{section.landing.url}programme/"
    )

    assert {link["hreflang"]: link["href"] for link in entry.find_all("link")} == {
        "ru": f"http://testserver{section.landing.url}programme/",
        "en": "http://testserver/en/nastavnichestvo/programme/",
    }


def test_a_draft_programme_has_no_page_in_the_sitemap(client, section):
    section.landing.programme = ProgrammeFactory(live=False)
    section.landing.save_revision().publish()

    assert "/programme/" not in client.get("/sitemap.xml").content.decode()


def head_of(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").head


def meta_description(client, url):
    head = head_of(client, url)
    tags = [head.find("meta", attrs={"name": "description"})]
    tags.append(head.find("meta", attrs={"property": "og:description"}))
    contents = {tag["content"] if tag else None for tag in tags}
    assert len(contents) == 1, contents  # search engines and shared links read the same
    return contents.pop()


def test_every_page_type_has_a_meta_description(client, pages):
    section_text = "Наставничество в нашей школе: пары, кейсы и дорожная карта."
    section = pages[0]
    section.intro = f"<p>{section_text}</p>"
    section.save_revision().publish()

    for page in pages:
        assert meta_description(client, page.url), page.url


def test_a_page_describes_itself_by_its_own_text_before_its_sections(client, section):
    section.landing.intro = "<p>Раздел о наставничестве.</p>"
    section.landing.save_revision().publish()
    long_lead = "Пары " + "подготовились к олимпиаде " * 20
    news = NewsPageFactory(parent=section.news, lead=long_lead)
    case = CasePageFactory(parent=section.cases, summary="", search_description="Кейс для поиска.")

    lead = meta_description(client, news.url)
    kept = lead.removesuffix(" …")
    assert len(lead) <= 160 and lead.endswith(" …")
    assert long_lead.startswith(kept + " ")  # cut between words, not inside one
    assert meta_description(client, case.url) == "Кейс для поиска."
    assert meta_description(client, section.mentors.url) == "Раздел о наставничестве."


def test_a_pages_borrowed_description_follows_its_section_at_once(client, section):
    section.landing.intro = "<p>Раздел о наставничестве.</p>"
    section.landing.save_revision().publish()
    assert meta_description(client, section.mentors.url) == "Раздел о наставничестве."

    section.landing.intro = "<p>Наставничество в нашей школе.</p>"
    section.landing.save_revision().publish()

    assert meta_description(client, section.mentors.url) == "Наставничество в нашей школе."


def test_the_canonical_address_drops_filters_but_keeps_the_page_number(client, section):
    def canonical(query):
        return head_of(client, section.news.url + query).find("link", rel="canonical")["href"]

    address = f"http://testserver{section.news.url}"
    assert canonical("") == address
    assert canonical("?utm_source=vk&tag=olimpiada") == address
    assert canonical("?page=2") == address + "?page=2"
    assert canonical("?page=²") == address


def test_x_default_points_at_the_russian_page(client, section, english):
    translate(section.news, english, {})
    head = head_of(client, "/en/nastavnichestvo/news/")

    links = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
    assert links["x-default"] == links["ru"] == f"http://testserver{section.news.url}"
    assert links["en"] == "http://testserver/en/nastavnichestvo/news/"


def test_a_pages_own_description_follows_its_publication_at_once(client, section):
    news = NewsPageFactory(parent=section.news, lead="Пары подготовились к олимпиаде.")
    assert meta_description(client, news.url) == "Пары подготовились к олимпиаде."

    news.lead = "Пары победили на олимпиаде."
    news.save_revision().publish()

    assert meta_description(client, news.url) == "Пары победили на олимпиаде."


def test_a_preview_describes_the_draft_and_keeps_nothing(client, section):
    news = NewsPageFactory(parent=section.news, lead="Опубликованный текст.")
    news.lead = "Текст черновика."

    def previewed():
        head = BeautifulSoup(news.make_preview_request().content, "html.parser").head
        return head.find("meta", attrs={"name": "description"})["content"]

    # Before the live page is kept and after: the preview neither keeps nor reads it.
    assert previewed() == "Текст черновика."
    assert meta_description(client, news.url) == "Опубликованный текст."
    assert previewed() == "Текст черновика."
    assert meta_description(client, news.url) == "Опубликованный текст."
