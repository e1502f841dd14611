"""A page's privacy holds in every language at once (home.restrictions): its English
translation, its files and its sitemap entry are private the moment the Russian page is,
and public again the moment it is."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from mentoring_pages.tests.factories import RoadmapEventFactory, RoadmapPageFactory
from programmes.roles import MODERATOR, group_of
from programmes.schools import default_school
from site_project.translation import translate

pytestmark = pytest.mark.django_db

FILES = ["calendar.ics", "export.csv", "export.xlsx"]


@pytest.fixture
def roadmaps(section, home_page, english):
    """A live roadmap and its live English translation: (Russian, English)."""
    russian = RoadmapPageFactory(parent=section.roadmaps, title="Дорожная карта", slug="karta")
    RoadmapEventFactory(page=russian, title="Издание приказа")
    russian.save_revision().publish()
    for page in (home_page, section.landing, section.roadmaps):
        translate(page, english, {})
    return russian, translate(russian, english, {"Издание приказа": "The order"})


def set_privacy(admin_client, page, **choice):
    return admin_client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), choice)


def public_addresses(client, page):
    """Which of the page's address, its files and its sitemap entry a visitor gets."""
    url = page.get_url()
    shown = [
        address
        for address in [url, *(url + name for name in FILES)]
        if client.get(address).status_code == 200 and b"password" not in client.get(address).content
    ]
    if url in client.get("/sitemap.xml").content.decode():
        shown.append("sitemap")
    return shown


def test_a_password_on_the_russian_page_closes_the_english_one_and_its_files(
    admin_client, client, roadmaps
):
    russian, english = roadmaps
    assert len(public_addresses(client, english)) == 5

    set_privacy(admin_client, russian, restriction_type="password", password="секрет-123")

    assert public_addresses(client, russian) == []
    assert public_addresses(client, english) == []
    assert english.view_restrictions.get().password == "секрет-123"


def test_lifting_it_opens_every_language_again(admin_client, client, roadmaps):
    russian, english = roadmaps
    set_privacy(admin_client, russian, restriction_type="login")
    assert public_addresses(client, english) == []

    set_privacy(admin_client, russian, restriction_type="none")

    assert len(public_addresses(client, english)) == 5
    assert not PageViewRestriction.objects.exists()


def test_a_restriction_set_on_the_english_page_holds_for_the_russian_one_too(
    admin_client, client, roadmaps
):
    russian, english = roadmaps
    moderators = group_of(default_school(), MODERATOR)

    set_privacy(admin_client, english, restriction_type="groups", groups=[moderators.pk])

    assert public_addresses(client, russian) == []
    assert list(russian.view_restrictions.get().groups.all()) == [moderators]


def test_changing_the_password_changes_it_in_every_language(admin_client, roadmaps):
    russian, english = roadmaps
    set_privacy(admin_client, russian, restriction_type="password", password="первый-1")

    set_privacy(admin_client, russian, restriction_type="password", password="второй-2")

    assert russian.view_restrictions.get().password == "второй-2"
    assert english.view_restrictions.get().password == "второй-2"


def test_deleting_a_translation_leaves_the_other_language_private(admin_client, client, roadmaps):
    russian, english = roadmaps
    set_privacy(admin_client, russian, restriction_type="login")

    english.delete()

    assert public_addresses(client, russian) == []
