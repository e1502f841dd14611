"""The fragments kept with {% wagtailpagecache %} (home.page_cache.FragmentCacheMixin): with
the page cache off — as behind nginx, where a miss renders the page — a list shows what was
published a moment ago, and each page of a list or filter is its own."""

import pytest
from wagtail.documents import get_document_model

from mentoring_pages.tests.factories import (
    CasePageFactory,
    NewsPageFactory,
    RoadmapPageFactory,
)
from programmes.models.programme import DocumentKind

pytestmark = pytest.mark.django_db

NEW_CHILD = {
    "news": NewsPageFactory,
    "cases": CasePageFactory,
    "roadmaps": RoadmapPageFactory,
}


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_TIMEOUT = 0


@pytest.mark.parametrize("index", NEW_CHILD)
def test_a_published_page_shows_on_its_index_and_the_home_page(client, section, home_page, index):
    parent = getattr(section, index)
    NEW_CHILD[index](parent=parent, title="Прежняя страница").save_revision().publish()
    assert "Прежняя страница" in client.get(parent.url).content.decode()
    client.get(home_page.url)

    new = NEW_CHILD[index](parent=parent, title="Свежая страница", live=False)
    new.save_revision().publish()

    assert "Свежая страница" in client.get(parent.url).content.decode()
    if index == "news":
        assert "Свежая страница" in client.get(home_page.url).content.decode()


def test_each_page_of_the_news_is_its_own(client, section):
    for number in range(13):
        NewsPageFactory(parent=section.news, title=f"Новость {number:02}")

    first = client.get(section.news.url).content.decode()
    second = client.get(section.news.url, {"page": 2}).content.decode()

    assert "Новость 12" in first and "Новость 12" not in second
    assert "Новость 00" in second and "Новость 00" not in first


def test_each_tag_of_the_cases_is_its_own(client, section):
    olympiad = CasePageFactory(parent=section.cases, title="Кейс об олимпиаде")
    olympiad.tags.add("Олимпиада")
    olympiad.save_revision().publish()
    CasePageFactory(parent=section.cases, title="Кейс о проекте").save_revision().publish()

    every = client.get(section.cases.url).content.decode()
    tagged = client.get(section.cases.url, {"tag": "олимпиада"}).content.decode()

    assert "Кейс о проекте" in every and "Кейс о проекте" not in tagged
    assert "Кейс об олимпиаде" in tagged


def test_a_documents_new_title_shows_on_the_documents_page(client, section):
    document = get_document_model().objects.create(title="Старое положение", file="doc.pdf")
    section.documents.documents.create(kind=DocumentKind.choices[0][0], document=document)
    section.documents.save_revision().publish()  # the reference index
    assert "Старое положение" in client.get(section.documents.url).content.decode()

    document.title = "Новое положение"
    document.save()

    assert "Новое положение" in client.get(section.documents.url).content.decode()


def test_a_fragment_rendered_while_the_cache_could_not_say_its_generation_is_not_kept(
    client, section, monkeypatch
):
    """A cache that fails a read and takes the write after it (a moment's time-out) kept
    the list under a key no change drops, to be served at the next failed read."""
    monkeypatch.setattr("home.page_cache.current_generation", lambda name: None)
    NewsPageFactory(parent=section.news, title="Прежняя новость").save_revision().publish()
    assert "Прежняя новость" in client.get(section.news.url).content.decode()

    NewsPageFactory(parent=section.news, title="Свежая новость").save_revision().publish()

    assert "Свежая новость" in client.get(section.news.url).content.decode()
