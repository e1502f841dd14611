import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from home.routing import route_key
from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(home_page):
    """Pages four levels deep below the home page."""
    pages, parent = [], home_page
    for level in range(4):
        parent = ContentPageFactory(parent=parent, title=f"Уровень {level}", slug=f"l{level}")
        pages.append(parent)
    return pages


def queries_for(client, url):
    client.get(url)  # the site shell and root paths are cached after this
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_a_deeper_page_costs_no_more_queries(client, chain):
    assert queries_for(client, chain[-1].url) == queries_for(client, chain[0].url)


def test_the_page_and_its_breadcrumbs_are_served(client, chain):
    content = client.get(chain[-1].url).content.decode()

    assert "<h1>Уровень 3</h1>" in content
    for ancestor in chain[:-1]:
        assert f'href="{ancestor.url}"' in content


@pytest.mark.parametrize("url", ["/l0/nope/l2/", "/l0/l1/l2/l3/nope/", "/nope/"])
def test_an_address_with_an_unknown_part_is_not_found(client, chain, url):
    assert client.get(url).status_code == 404


def test_a_draft_is_not_found_but_a_live_page_below_it_is(client, chain):
    chain[1].unpublish()

    assert client.get(chain[1].url).status_code == 404
    assert client.get(chain[2].url).status_code == 200  # as Wagtail's own routing does


def test_a_slug_used_at_several_levels_finds_the_page_at_its_own_address(client, home_page):
    outer = ContentPageFactory(parent=home_page, title="Внешняя", slug="same")
    inner = ContentPageFactory(parent=outer, title="Внутренняя", slug="same")
    elsewhere = ContentPageFactory(parent=home_page, title="Другая ветка", slug="other")
    ContentPageFactory(parent=elsewhere, title="Тёзка", slug="leaf")

    assert "<h1>Внутренняя</h1>" in client.get(inner.url).content.decode()
    assert "<h1>Внешняя</h1>" in client.get(outer.url).content.decode()
    assert client.get("/same/leaf/").status_code == 404


def test_a_repeat_visit_finds_the_pages_on_the_path_without_a_query(client, chain):
    client.get(chain[-1].url)

    with CaptureQueriesContext(connection) as queries:
        content = client.get(chain[-1].url).content.decode()

    assert "<h1>Уровень 3</h1>" in content
    assert f'href="{chain[0].url}"' in content  # breadcrumbs
    assert not [q for q in queries.captured_queries if '"url_path" IN' in q["sql"]]


def test_a_page_changed_after_a_visit_is_served_as_it_is_now(client, chain):
    old_url = chain[-1].url
    client.get(old_url)

    chain[1].slug = "renamed"
    chain[1].save_revision().publish()
    chain[3].refresh_from_db()

    assert client.get(old_url).status_code in (301, 404)
    assert client.get(chain[3].url).status_code == 200
    chain[3].unpublish()
    assert client.get(chain[3].url).status_code == 404


def test_an_address_that_leads_nowhere_is_not_kept(client, chain):
    request = RequestFactory().get("/l0/nope/")

    assert client.get("/l0/nope/").status_code == 404
    assert client.get(chain[0].url).status_code == 200

    assert cache.get(route_key(request)) is None
    assert cache.get(route_key(RequestFactory().get(chain[0].url))) is not None
