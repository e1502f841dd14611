import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", verbosity=0)


def test_load_demo_builds_a_bilingual_school_site(client, site):
    load_demo()

    assert ContentPage.objects.filter(locale__language_code="ru").live().count() >= 3
    for url in ("/", "/about/", "/en/", "/en/about/"):
        assert client.get(url).status_code == 200, url
    assert "About the school" in client.get("/en/about/").content.decode()
    settings = SiteSettings.for_site(site)
    assert settings.full_name
    assert settings.privacy_policy_page is not None


def test_load_demo_twice_leaves_the_same_pages(site):
    load_demo()
    first = sorted(Page.objects.values_list("url_path", "locale__language_code"))

    load_demo()

    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == first


def test_load_demo_keeps_what_an_editor_changed(site):
    load_demo()
    about = ContentPage.objects.get(slug="about", locale__language_code="ru")
    about.title = "Об учреждении"
    about.save_revision().publish()

    load_demo()

    about.refresh_from_db()
    assert about.title == "Об учреждении"
