import pytest
from django.urls import reverse

from home.models import SiteSettings
from home.tests.factories import ContentPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(site):
    settings = SiteSettings.for_site(site)
    settings.full_name = "Школа № 5"
    settings.full_name_en = "School No. 5"
    settings.short_name = "Школа № 5"
    settings.address = "ул. Ленина, 1"
    settings.save()
    return settings


def test_organisation_is_shown_in_english_where_given(site_settings):
    organisation = site_settings.localized("en")

    assert organisation.full_name == "School No. 5"
    assert organisation.short_name == "Школа № 5"  # no English short name: Russian stands


def test_footer_shows_the_organisation_in_the_visitors_language(client, site_settings):
    site_settings.phone = "+7 900 000-00-00"
    site_settings.save()

    russian = client.get("/").content.decode()
    english = client.get("/en/").content.decode()

    assert '<p class="site-footer__name">Школа № 5</p>' in russian
    assert '<p class="site-footer__name">School No. 5</p>' in english
    assert '<a href="tel:+7900000-00-00">+7 900 000-00-00</a>' in russian


def test_the_home_page_is_headed_with_the_organisations_name_in_each_language(
    client, home_page, site_settings, english
):
    translate(home_page, english, {})

    for address, name in (("/", "Школа № 5"), ("/en/", "School No. 5")):
        assert f"<h1>{name}</h1>" in client.get(address).content.decode()


def test_policy_link_in_footer_points_to_the_policy_page(client, home_page, site_settings):
    policy = ContentPageFactory(parent=home_page, title="Политика", slug="privacy")
    site_settings.privacy_policy_page = policy
    site_settings.save()

    assert '<a href="/privacy/">Политика обработки персональных данных</a>' in (
        client.get("/").content.decode()
    )


def test_english_pages_link_the_russian_policy_until_its_translation_is_published(
    client, home_page, site_settings, english
):
    policy = ContentPageFactory(parent=home_page, title="Политика", slug="privacy")
    site_settings.privacy_policy_page = policy
    site_settings.save()
    translate(home_page, english, {})
    translation = policy.copy_for_translation(english)

    assert 'href="/privacy/"' in client.get("/en/").text

    translation.save_revision().publish()

    assert 'href="/en/privacy/"' in client.get("/en/").text


def test_an_editor_may_add_content_pages_and_the_mentoring_section_under_the_home_page(
    admin_client, home_page
):
    # Each page type's parent_page_types decides, not a list in home: nothing else offered.
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk]))

    offered = {(app, model) for _name, app, model, _help in response.context["page_types"]}
    assert offered == {("home", "contentpage"), ("mentoring_pages", "mentoringindexpage")}
