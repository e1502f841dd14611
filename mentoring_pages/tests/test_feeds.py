"""The news feeds: RSS and Atom, one per language, newest first, with absolute links."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from home.models import SiteSettings
from mentoring_pages.feeds import FEED_LENGTH
from mentoring_pages.tests.factories import NewsPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def news(section, title, date, **fields):
    return NewsPageFactory(parent=section.news, title=title, date=date, **fields)


def parse(response):
    # The site's own output, not untrusted input: the standard library's parser will do.
    return ET.fromstring(response.content)  # noqa: S314


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return parse(response).find("channel")


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return parse(response)


@pytest.fixture
def three_news(section):
    news(section, "Осень", datetime.date(2024, 10, 1), lead="Осенние итоги.")
    news(section, "Зима", datetime.date(2024, 12, 1), lead="Зимние итоги.")
    news(section, "Лето", datetime.date(2024, 7, 1), lead="Летние итоги.")
    NewsPageFactory(parent=section.news, title="Черновик", live=False)
    return section


@pytest.fixture
def english_news(three_news, home_page, english):
    translate(home_page, english, {"Главная": "Home"})
    translate(three_news.landing, english, {"Наставничество": "Mentoring"})
    translate(three_news.news, english, {"Новости": "News"})
    for item in three_news.news.get_children().live().specific():
        translate(item, english, {"Осень": "Autumn", "Зима": "Winter", "Лето": "Summer"})
    return three_news


def test_rss_lists_the_news_newest_first_with_absolute_links(client, three_news):
    channel = rss(client, "/nastavnichestvo/news/rss/")

    assert channel.findtext("title") == "Новости"
    assert channel.findtext("link") == "http://testserver/nastavnichestvo/news/"
    assert channel.findtext("language") == "ru"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Зима", "Осень", "Лето"]
    assert items[0].findtext("description") == "Зимние итоги."
    for item in items:
        assert item.findtext("link").startswith("http://testserver/nastavnichestvo/news/")
    assert items[0].findtext("pubDate").startswith("Sun, 01 Dec 2024")


def test_atom_lists_the_news_newest_first_with_absolute_links(client, three_news):
    feed = atom(client, "/nastavnichestvo/news/atom/")

    assert feed.get(XML_LANG) == "ru"
    assert feed.findtext(f"{ATOM}title") == "Новости"
    assert feed.find(f"{ATOM}author/{ATOM}name").text  # Atom requires an author
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Зима", "Осень", "Лето"]
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("http://testserver/nastavnichestvo/news/")
    assert entries[0].findtext(f"{ATOM}published").startswith("2024-12-01")


def test_feeds_carry_the_tags_as_categories(client, section):
    item = news(section, "Конкурс", datetime.date(2024, 1, 1))
    item.tags.add("конкурс")
    item.save_revision().publish()

    channel = rss(client, "/nastavnichestvo/news/rss/")

    assert channel.find("item").findtext("category") == "конкурс"


@pytest.mark.parametrize(
    ("url", "parse"),
    [("/en/nastavnichestvo/news/rss/", "rss"), ("/en/nastavnichestvo/news/atom/", "atom")],
)
def test_the_english_feeds_are_in_english(client, english_news, url, parse):
    if parse == "rss":
        channel = rss(client, url)
        language = channel.findtext("language")
        titles = [item.findtext("title") for item in channel.findall("item")]
        links = [item.findtext("link") for item in channel.findall("item")]
    else:
        feed = atom(client, url)
        language = feed.get(XML_LANG)
        titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
        links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]

    assert language == "en"
    assert titles == ["Winter", "Autumn", "Summer"]
    assert all(link.startswith("http://testserver/en/nastavnichestvo/news/") for link in links)


def test_the_russian_feed_stays_russian_when_english_exists(client, english_news):
    channel = rss(client, "/nastavnichestvo/news/rss/")

    assert channel.findtext("language") == "ru"
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Зима",
        "Осень",
        "Лето",
    ]


def test_a_feed_is_limited_to_the_latest_items(client, section):
    first = datetime.date(2024, 1, 1)
    for number in range(FEED_LENGTH + 5):
        news(section, f"Новость {number:02}", first + datetime.timedelta(days=number))

    items = rss(client, "/nastavnichestvo/news/rss/").findall("item")

    assert len(items) == FEED_LENGTH
    assert items[0].findtext("title") == f"Новость {FEED_LENGTH + 4:02}"


@pytest.mark.parametrize("url", ["/nastavnichestvo/news/rss/", "/nastavnichestvo/news/atom/"])
def test_an_empty_feed_is_still_valid_xml(client, section, url):
    response = client.get(url)

    assert response.status_code == 200
    parse(response)


@pytest.mark.parametrize("url", ["/nastavnichestvo/news/rss/", "/nastavnichestvo/news/atom/"])
def test_control_characters_pasted_into_a_news_item_are_left_out_of_the_feeds(client, section, url):
    item = news(section, "Конкурс\x0bнаставников", datetime.date(2024, 1, 1), lead="Итоги\x01")
    item.tags.add("конкурс\x08")
    item.save_revision().publish()

    response = client.get(url)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Конкурс наставников" in text and "Итоги" in text and "конкурс" in text
    assert "\x0b" not in text and "\x01" not in text and "\x08" not in text


def test_control_characters_pasted_into_the_schools_name_are_left_out_of_the_atom_feed(
    client, section, site
):
    news(section, "Конкурс", datetime.date(2024, 1, 1))
    SiteSettings.objects.update_or_create(site=site, defaults={"full_name": "Школа\x0b№ 1"})

    feed = atom(client, "/nastavnichestvo/news/atom/")

    assert feed.find(f"{ATOM}author").findtext(f"{ATOM}name") == "Школа № 1"
