"""The cached header and footer change as soon as what they show changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings
from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def nav(client, url="/"):
    content = client.get(url).content.decode()
    return (
        content.split('<nav class="main-nav"')[1].split("</nav>")[0]
        if "main-nav" in content
        else ""
    )


def test_a_newly_published_section_appears_in_the_menu_at_once(client, home_page):
    ContentPageFactory(parent=home_page, title="Старый раздел", slug="old", show_in_menus=True)
    assert "Старый раздел" in nav(client)

    new = ContentPageFactory(parent=home_page, title="Новый раздел", slug="new", live=False)
    new.show_in_menus = True
    new.save_revision().publish()

    assert "Новый раздел" in nav(client)


def test_an_unpublished_section_leaves_the_menu_at_once(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Раздел", slug="section", show_in_menus=True)
    assert "Раздел" in nav(client)

    page.unpublish()

    assert "Раздел" not in nav(client)


def test_a_deleted_section_leaves_the_menu_at_once(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Раздел", slug="section", show_in_menus=True)
    assert "Раздел" in nav(client)

    page.delete()

    assert "Раздел" not in nav(client)


def test_changed_school_details_show_in_the_footer_at_once(client, site):
    settings = SiteSettings.for_site(site)
    settings.full_name = "Школа № 3"
    settings.save()
    assert "Школа № 3" in client.get("/").content.decode()

    settings.full_name = "Лицей № 3"
    settings.save()

    assert "Лицей № 3" in client.get("/").content.decode()


def test_the_shell_costs_no_queries_once_cached(client, home_page):
    for n in range(5):
        ContentPageFactory(parent=home_page, slug=f"s{n}", show_in_menus=True)
    client.get("/s0/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/s0/")

    sql = [query["sql"] for query in queries.captured_queries]
    assert not any("home_sitesettings" in query for query in sql)
    assert not any("show_in_menus" in query.partition("WHERE")[2] for query in sql)
