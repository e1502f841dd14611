"""Each host gets its own site's pages, found without a query, and a new site at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage
from home.sites import find_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_home(home_page):
    root = Page.get_first_root_node()
    return root.add_child(instance=HomePage(title="Вторая школа", slug="school-2"))


@pytest.fixture
def allow_any_host(settings):
    settings.ALLOWED_HOSTS = ["*"]


def title_on(client, host, port=80):
    response = client.get("/", HTTP_HOST=f"{host}:{port}" if port != 80 else host)
    assert response.status_code == 200
    return response.context["page"].title


def site_queries(client, host):
    with CaptureQueriesContext(connection) as queries:
        client.get("/", HTTP_HOST=host)
    return [q for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


def test_each_host_is_answered_by_its_own_site(client, site, second_home, allow_any_host):
    Site.objects.create(hostname="school2.example", root_page=second_home)

    assert title_on(client, "school2.example") == "Вторая школа"
    assert title_on(client, "other.example") == site.root_page.title


def test_a_new_site_answers_its_host_at_once(client, site, second_home, allow_any_host):
    assert title_on(client, "school2.example") == site.root_page.title

    Site.objects.create(hostname="school2.example", root_page=second_home)

    assert title_on(client, "school2.example") == "Вторая школа"


def test_a_removed_site_no_longer_answers_its_host(client, site, second_home, allow_any_host):
    school2 = Site.objects.create(hostname="school2.example", root_page=second_home)
    assert title_on(client, "school2.example") == "Вторая школа"

    school2.delete()

    assert title_on(client, "school2.example") == site.root_page.title


def test_the_site_of_a_host_is_found_once_not_on_every_request(client, site, allow_any_host):
    client.get("/", HTTP_HOST="localhost")

    assert site_queries(client, "localhost") == []


@pytest.mark.parametrize(
    "host",
    ["school2.example", "school2.example:8080", "school3.example", "school3.example:81", "x.org"],
)
def test_the_same_site_as_wagtail_finds(site, second_home, allow_any_host, host):
    """Wagtail's rules: host and port, then host on the default, then a single host match,
    then the default site."""
    Site.objects.create(hostname="school2.example", port=8080, root_page=second_home)
    Site.objects.create(hostname="school3.example", port=80, root_page=second_home)
    Site.objects.create(hostname="school3.example", port=81, root_page=second_home)

    request = RequestFactory().get("/", HTTP_HOST=host)

    assert find_site(request) == Site._find_for_request(request)
