"""Private pages stay private though their restrictions are looked up in the cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    section = ContentPageFactory(parent=home_page, title="Для учителей", slug="teachers")
    inner = ContentPageFactory(parent=section, title="Методички", slug="methods")
    public = ContentPageFactory(parent=home_page, title="Для всех", slug="all")
    return section, inner, public


def restrict(page):
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def asks_to_log_in(client, page):
    response = client.get(page.url)
    assert response.status_code in {200, 302}
    return response.status_code == 302 and "login" in response["Location"]


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_page_made_private_and_the_pages_below_it_ask_to_log_in_at_once(client, pages):
    section, inner, public = pages
    for page in pages:
        assert not asks_to_log_in(client, page)

    restriction = restrict(section)

    assert asks_to_log_in(client, section)
    assert asks_to_log_in(client, inner)
    assert not asks_to_log_in(client, public)

    restriction.delete()

    assert not asks_to_log_in(client, inner)


def test_a_page_moved_under_a_private_page_becomes_private_at_once(client, pages):
    section, inner, public = pages
    restrict(section)
    assert not asks_to_log_in(client, public)

    Page.objects.get(pk=public.pk).move(section, pos="last-child")

    assert asks_to_log_in(client, Page.objects.get(pk=public.pk))


def test_an_alias_of_a_page_made_private_is_private_as_wagtail_has_it(client, pages):
    section, inner, public = pages
    alias = inner.create_alias(parent=public, update_slug="methods-copy")
    assert not asks_to_log_in(client, alias)

    restrict(inner)

    assert asks_to_log_in(client, alias)


def test_pages_of_a_site_without_private_pages_are_served_without_looking_for_them(client, pages):
    url = pages[1].url
    client.get(url)

    assert restriction_queries(client, url) == []


def test_a_public_page_is_served_without_looking_for_restrictions_elsewhere(client, pages):
    section, inner, public = pages
    restrict(section)
    client.get(public.url)

    assert restriction_queries(client, public.url) == []
