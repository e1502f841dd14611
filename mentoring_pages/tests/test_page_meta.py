"""What search engines read of every page type, in both languages: the sitemap lists every
live public page with its last change, and each page names its canonical address, its
translations with Russian as the default, and a description."""

import html5lib
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    return {url.loc.get_text(): url for url in sitemap.find_all("url")}


def head_of(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").head


def test_the_sitemap_lists_every_page_in_both_languages_with_its_last_change(
    client, every_page_type
):
    entries = sitemap_entries(client)

    for page in every_page_type:
        entry = entries[f"http://testserver{page.url}"]
        # The sitemap gives the day in the site's time zone (TIME_ZONE), not UTC's.
        published = timezone.localdate(page.last_published_at)
        assert entry.lastmod.get_text() == published.isoformat(), page.url
    languages = {page.locale.language_code for page in every_page_type}
    assert languages == {"ru", "en"}


def test_a_page_behind_a_restriction_stays_out_of_the_sitemap(client, every_page_type):
    news = next(page for page in every_page_type if page.specific_class.__name__ == "NewsPage")
    PageViewRestriction.objects.create(page=news, restriction_type="login")

    entries = sitemap_entries(client)
    assert f"http://testserver{news.url}" not in entries
    assert f"http://testserver{every_page_type[0].url}" in entries


def test_every_page_says_what_it_is_and_where_it_lives(client, every_page_type):
    for page in every_page_type:
        head = head_of(client, page.url + "?utm_source=vk")
        address = f"http://testserver{page.url}"
        assert head.find("link", rel="canonical")["href"] == address, page.url
        assert head.find("meta", property="og:url")["content"] == address, page.url
        assert head.find("meta", attrs={"name": "description", "content": True}), page.url
        links = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True)}
        assert set(links) == {"ru", "en", "x-default"}, page.url
        assert links["x-default"] == links["ru"], page.url


def test_a_page_with_nothing_to_say_borrows_the_sites_description(client, home_page):
    home_page.intro = "<p>Официальный сайт школы: новости и наставничество.</p>"
    home_page.save_revision().publish()
    page = ContentPageFactory(parent=home_page, title="Контакты", slug="contacts", intro="")

    description = head_of(client, page.url).find("meta", attrs={"name": "description"})
    assert description["content"] == "Официальный сайт школы: новости и наставничество."


def test_every_page_parses_as_html_without_an_error(client, every_page_type):
    """The HTML standard's own parsing rules (html5lib): no stray or misnested tag, no
    duplicate attribute, in every page type, in both languages and as a list."""
    roadmap = next(
        page for page in every_page_type if page.specific_class.__name__ == "RoadmapPage"
    )
    urls = [page.url for page in every_page_type] + [f"{roadmap.url}?view=list", "/search/?q=школа"]

    for url in urls:
        parser = html5lib.HTMLParser()
        parser.parse(client.get(url).content)
        assert parser.errors == [], url


def test_every_card_is_an_item_of_a_list(client, every_page_type):
    """A screen reader announces a list of cards and how many there are, and lets its
    reader skip past it."""
    cards_seen = 0
    for page in every_page_type:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        for card in soup.main.select(".card"):
            cards_seen += 1
            assert card.parent.name == "li", (page.url, card["class"])
            assert card.parent.parent.name in ("ul", "ol"), (page.url, card["class"])
    assert cards_seen >= 10  # the home page's and the landing's, the indexes'
