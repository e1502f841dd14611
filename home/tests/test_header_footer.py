"""The cached header and footer (home.header_footer) change as soon as what they show
changes."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home.header_footer import header_footer
from home.models import SiteSettings
from home.tests.factories import ContentPageFactory
from site_project.translation import translate

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


def test_the_header_and_footer_cost_no_queries_once_cached(rf, home_page):
    for n in range(5):
        ContentPageFactory(parent=home_page, slug=f"s{n}", title=f"Раздел {n}", show_in_menus=True)
    header_footer(rf.get("/s0/"))  # kept in the cache
    request = rf.get("/s0/")
    Site.find_for_request(request)  # as Wagtail has when it serves the page

    with CaptureQueriesContext(connection) as queries:
        kept = header_footer(request)

    assert queries.captured_queries == []
    assert [item.title for item in kept.menu] == [f"Раздел {n}" for n in range(5)]


def test_with_several_sites_the_menu_leads_to_the_same_host(client, home_page, other_school):
    # Wagtail gives a page's full URL once there are several sites; the menu is for the
    # visitor's own site, whatever host and port it is served at.
    Site.objects.create(hostname="shkola2.localhost", root_page=other_school.home_page)
    ContentPageFactory(parent=home_page, title="Раздел", slug="section", show_in_menus=True)

    assert 'href="/section/"' in nav(client)


def test_a_logo_whose_file_is_missing_leaves_the_pages_standing(client, site):
    # As after a restore without the media: the logo's file is gone and no rendition of it
    # is stored yet. Degrade, never fail: the header names the school all the same.
    settings = SiteSettings.for_site(site)
    settings.short_name = "Школа № 3"
    settings.logo = wagtail_factories.ImageFactory()
    settings.save()
    settings.logo.file.delete(save=False)

    response = client.get("/")

    assert response.status_code == 200
    content = response.content.decode()
    assert '<span class="site-brand__name">Школа № 3</span>' in content
    # The emblem and the default icons stand in, never a broken picture.
    assert "img/emblem.svg" in content
    assert "not-found" not in content


def test_a_name_not_given_in_english_is_marked_russian_on_english_pages(
    client, site, home_page, english
):
    """A screen reader reads Russian words inside an English page with a Russian voice only
    when the page says they are Russian."""
    details = SiteSettings.for_site(site)
    details.short_name, details.full_name = "Школа № 3", "МБОУ «Средняя школа № 3»"
    details.address, details.full_name_en = "ул. Ленина, 1", "Secondary School No. 3"
    details.save()
    translate(home_page, english, {home_page.title: "Home"})

    english_page = BeautifulSoup(client.get("/en/").content, "html.parser")
    russian_page = BeautifulSoup(client.get("/").content, "html.parser")

    footer = english_page.select(".site-footer p")
    assert english_page.select_one(".site-brand__name").get("lang") == "ru"
    assert [(p.get_text(), p.get("lang")) for p in footer] == [
        ("Secondary School No. 3", None),
        ("ул. Ленина, 1", "ru"),
    ]
    assert english_page.h1.get("lang") is None
    assert not russian_page.select(".site-brand__name[lang], .site-footer p[lang], h1[lang]")
