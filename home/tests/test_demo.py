"""The demo school's site, as `load_demo` builds it from demo_data/site.json: what is
expected is read from that file, so editing the demo's text breaks no test."""

from html import unescape

import pytest
from django.utils.html import escape
from wagtail.models import Locale, Page

from home.demo import SITE_DATA, build_school_site, school
from home.models import ContentPage, SiteSettings
from site_project.demo_content import read_demo_data

pytestmark = pytest.mark.django_db


def build():
    """The messages of a run."""
    messages = []
    build_school_site(log=messages.append)
    return messages


def test_school_site_has_the_schools_pages_and_settings_in_both_languages(client, site):
    data = read_demo_data(SITE_DATA)
    build()

    for spec in data["pages"]:
        page = ContentPage.objects.get(slug=spec["slug"], locale__language_code="ru")
        assert page.live and page.get_parent().pk == site.root_page_id
        assert (page.title, page.show_in_menus) == (spec["title"]["ru"], spec["show_in_menus"])
        assert len(page.body) == len(spec["body"])
        assert client.get(f"/{spec['slug']}/").status_code == 200
        english = client.get(f"/en/{spec['slug']}/")
        assert english.status_code == 200
        assert escape(spec["title"]["en"]) in english.content.decode()
    for url in ("/", "/en/"):
        assert client.get(url).status_code == 200, url
    english_home = site.root_page.get_translation(Locale.objects.get(language_code="en"))
    assert english_home.title == data["home_page"]["title"]["en"]
    assert data["home_page"]["intro"][0]["en"] in unescape(english_home.specific.intro)

    settings = SiteSettings.for_site(site)
    assert {field: getattr(settings, field) for field in school()} == school()
    assert settings.full_name == data["school"]["full_name"]["ru"]
    assert settings.full_name_en == data["school"]["full_name"]["en"]
    assert settings.privacy_policy_page.slug == data["privacy_policy_page"]


def test_school_site_built_again_keeps_the_pages_and_what_editors_changed(site):
    build()
    pages = sorted(Page.objects.values_list("url_path", "locale__language_code"))
    slug = read_demo_data(SITE_DATA)["pages"][0]["slug"]
    page = ContentPage.objects.get(slug=slug, locale__language_code="ru")
    page.title = "Об учреждении"
    page.save_revision().publish()

    assert build() == []

    page.refresh_from_db()
    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == pages
    assert page.title == "Об учреждении"
