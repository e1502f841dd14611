"""home.routing: an address below the home page is routed in one query for the pages on its
way, and every page type's own route() still answers what it routes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.url_routing import RouteResult

from home.models import ContentPage
from home.tests.factories import ContentPageFactory
from mentoring_pages.tests.factories import (
    MentoringIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def nested(home_page):
    """Content pages four levels deep: /a/b/c/d/."""
    parent, pages = home_page, []
    for slug in "abcd":
        parent = ContentPageFactory(parent=parent, slug=slug, title=f"Страница {slug}")
        pages.append(parent)
    return pages


def test_a_deep_page_costs_the_queries_of_a_shallow_one(queries_of, nested):
    shallow, deep = queries_of("/a/"), queries_of("/a/b/c/d/")

    assert "Страница d" in deep.response.content.decode()
    assert len(deep) == len(shallow)


@pytest.mark.parametrize("address", ["/a/x/", "/x/", "/a/b/c/d/e/", "/b/"])
def test_an_address_leading_nowhere_is_not_found(client, nested, address):
    assert client.get(address).status_code == 404


def test_a_very_long_address_is_not_found_in_one_small_query(client, nested):
    """Two thousand levels: no page lies deeper than the tree's paths allow (63 levels),
    so no more are looked up."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/a/" + "b/" * 2000)

    assert response.status_code == 404
    assert max(len(query["sql"]) for query in captured.captured_queries) < 20_000


def test_a_draft_is_not_found_but_the_live_pages_below_it_are(client, nested):
    draft = nested[1]
    draft.unpublish()

    assert client.get("/a/b/").status_code == 404
    assert client.get("/a/b/c/").status_code == 200


def test_the_same_slug_under_another_parent_is_another_page(client, home_page, nested):
    ContentPageFactory(parent=home_page, slug="c", title="Другая страница")

    assert "Другая страница" in client.get("/c/").content.decode()
    assert "Страница c" in client.get("/a/b/c/").content.decode()


def test_routable_pages_on_the_way_answer_their_own_addresses(client, home_page):
    landing = MentoringIndexPageFactory(parent=home_page, slug="section")
    news = NewsIndexPageFactory(parent=landing, slug="news")
    NewsPageFactory(parent=news, slug="rss-item", title="Новость о кружке")

    feed = client.get("/section/news/rss/")
    item = client.get("/section/news/rss-item/")

    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/rss+xml")
    assert "Новость о кружке" in item.content.decode()


def test_a_page_type_with_its_own_route_is_asked(client, nested, monkeypatch):
    """A page type that routes the addresses below it itself (here: every one to itself)
    is handed the rest of the address, as Wagtail's Page.route would."""

    def route_everything_to_self(page, request, path_components):
        return RouteResult(page)

    monkeypatch.setattr(ContentPage, "route", route_everything_to_self)

    response = client.get("/a/no-such-page/")

    assert response.status_code == 200
    assert "Страница a" in response.content.decode()
    monkeypatch.undo()
    assert client.get("/a/no-such-page/").status_code == 404
