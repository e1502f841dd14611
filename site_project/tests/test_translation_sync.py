"""Translations follow their source when it is published (site_project.translation)."""

import datetime
import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation

from home.models import ContentPage
from home.tests.factories import ContentPageFactory
from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from site_project.tests.admin_refusals import outcome
from site_project.translation import create_draft_translations, translate

pytestmark = pytest.mark.django_db


def test_a_translation_that_cannot_be_saved_leaves_the_publication_standing(
    home_page, english, caplog
):
    """The translation editor checks no length: a title too long for the English page
    must not turn publishing the Russian one into an error after it went live."""
    translate(home_page, english, {})
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about", intro="Было")
    translate(page, english, {"О школе": "About the school"})
    StringTranslation.objects.filter(data="About the school").update(data="A" * 300)
    page = ContentPage.objects.get(pk=page.pk)
    page.intro = "Стало"

    with caplog.at_level(logging.WARNING):
        page.save_revision().publish()

    assert ContentPage.objects.get(pk=page.pk).intro == "Стало"
    translation = ContentPage.objects.get(pk=page.get_translation(english).pk)
    assert (translation.title, translation.intro) == ("About the school", "Было")
    assert "was not updated" in caplog.text


def passes_the_time_of(page):
    """Moves the time `page` is scheduled to go live at (or expire at) into the past."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.objects.filter(approved_go_live_at__isnull=False):
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save()
    Page.objects.filter(pk=page.pk, expire_at__isnull=False).update(expire_at=past)


def english_page(page, english):
    return ContentPage.objects.get(pk=page.get_translation(english).pk)


@pytest.fixture
def about(home_page, english):
    """A live Russian page and its live English translation."""
    translate(home_page, english, {})
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about")
    translate(page, english, {"О школе": "About the school"})
    return page


def test_a_page_scheduled_for_later_goes_live_in_both_languages_when_its_time_comes(
    home_page, english, client
):
    translate(home_page, english, {})
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about", live=False)
    create_draft_translations(page)
    title = StringSegment.objects.get(string__data="О школе")
    StringTranslation.objects.create(
        translation_of=title.string, locale=english, context=title.context, data="About the school"
    )
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)

    page.save_revision().publish()

    translation = english_page(page, english)
    assert not translation.live
    assert client.get(translation.url).status_code == 404

    passes_the_time_of(page)
    call_command("publish_scheduled", verbosity=0)

    assert ContentPage.objects.get(pk=page.pk).live
    translation = english_page(page, english)
    assert translation.live
    assert client.get(translation.url).content.decode().count("About the school")


def test_unpublishing_a_page_in_the_admin_takes_its_english_translation_offline(
    about, english, admin_client, admin_user, client
):
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))

    assert response.status_code == 302
    assert client.get(about.url).status_code == 404
    translation = english_page(about, english)
    assert client.get(translation.url).status_code == 404
    # The history says who took the English page offline.
    logged = PageLogEntry.objects.get(page=translation, action="wagtail.unpublish")
    assert logged.user == admin_user


def test_unpublishing_the_english_page_alone_leaves_the_russian_one_live(
    about, english, admin_client, client
):
    translation = english_page(about, english)

    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[translation.pk]))

    assert client.get(translation.url).status_code == 404
    assert client.get(about.url).status_code == 200


def test_a_page_that_expires_takes_its_english_translation_offline(about, english, client):
    ContentPage.objects.filter(pk=about.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    call_command("publish_scheduled", verbosity=0)

    translation = english_page(about, english)
    assert client.get(translation.url).status_code == 404
    assert translation.expired


def test_unpublishing_a_programme_in_the_admin_takes_its_english_version_offline(
    english, admin_client
):
    programme = ProgrammeFactory()
    programme.save_revision().publish()
    translate(programme, english, {"Программа наставничества": "Mentoring programme"})
    url = reverse(Programme.snippet_viewset.get_url_name("unpublish"), args=[programme.pk])

    response = admin_client.post(url)

    assert response.status_code == 302
    assert not Programme.objects.get(pk=programme.pk).live
    assert not programme.get_translation(english).live


def test_a_translation_its_publisher_may_not_publish_leaves_the_publication_standing(
    home_page, about, english, client, django_user_model, caplog
):
    """Someone who may publish the Russian page but not its English translation publishes
    the Russian page: the English one waits, as it was, for someone who may."""
    group = Group.objects.create(name="Публикует одну страницу")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=about, permission=Permission.objects.get(codename=codename)
        )
    publisher = django_user_model.objects.create_user(username="publisher")
    publisher.groups.add(group)
    client.force_login(publisher)
    form = nested_form_data(
        {
            "title": "О школе",
            "slug": "about",
            "intro": "Стало",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), form)

    # Back to the section, as after any publication, not to the dashboard with an error.
    assert outcome(response)[:2] == (302, reverse("wagtailadmin_explore", args=[home_page.pk]))
    assert ContentPage.objects.get(pk=about.pk).intro == "Стало"
    translation = english_page(about, english)
    assert (translation.title, translation.intro, translation.live) == (
        "About the school",
        "Вступление",
        True,
    )
    assert "The en translation of <ContentPage: О школе> was not updated" in caplog.text


def test_moving_a_page_in_the_admin_moves_its_english_translation_along(
    home_page, about, english, admin_client, client
):
    section = ContentPageFactory(parent=home_page, title="Раздел", slug="section")
    translate(section, english, {"Раздел": "Section"})

    response = admin_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[about.pk, section.pk])
    )

    assert response.status_code == 302
    assert client.get("/section/about/").status_code == 200
    assert client.get("/en/section/about/").status_code == 200


def test_deleting_a_page_in_the_admin_deletes_its_english_translation_too(
    about, english, admin_client, client
):
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[about.pk]))

    assert response.status_code == 302
    assert client.get("/en/about/").status_code == 404
    assert not ContentPage.objects.filter(translation_key=about.translation_key).exists()
