"""Each host gets its own site's pages, found without a query, and a new site at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home import page_cache
from home.models import HomePage
from home.sites import find_site
from home.tests.counting import CountingCache
from home.tests.factories import ContentPageFactory
from site_project.translation import translate

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


def test_a_page_reads_the_site_its_shell_and_the_private_paths_in_one_round_trip(
    client, home_page, monkeypatch
):
    page = ContentPageFactory(parent=home_page, slug="about", show_in_menus=True)
    client.get(page.url)
    counting = CountingCache(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", counting)

    response = client.get(page.url)

    assert response.status_code == 200
    assert len(counting.reads) == 1
    assert any(key.startswith("shell:") for key in counting.reads[0])


def test_what_a_request_changes_it_no_longer_reads_from_what_it_read_ahead(home_page):
    request = RequestFactory().get("/")
    with page_cache.reading_ahead([page_cache.EVERYTHING_KEY, "piece"]):
        assert find_site(request).root_page.title == home_page.title
        built = page_cache.site_wide("piece", lambda: "before", 60)

        page_cache.invalidate_everything()

        assert built == "before"
        assert page_cache.site_wide("piece", lambda: "after", 60) == "after"


def test_a_new_translation_of_the_home_page_is_routed_to_at_once(client, home_page, english):
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about")
    assert client.get("/en/").context["page"].title == home_page.title  # no English yet

    translate(home_page, english, {home_page.title: "Home"})
    translate(page, english, {"О школе": "About the school"})

    assert client.get("/en/").context["page"].title == "Home"
    assert client.get("/en/about/").context["page"].title == "About the school"


def test_a_draft_translation_of_the_home_page_changes_the_root_paths_at_once(home_page, english):
    request = RequestFactory().get("/")
    find_site(request)

    home_page.copy_for_translation(english)

    assert find_site(request).root_paths == Site.get_site_root_paths()
    assert {path.language_code for path in find_site(request).root_paths} == {"ru", "en"}
