"""Who may write where in the section, and what goes through moderation."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ContentPage
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.schools import default_school
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db


def can(user, permission, page):
    return getattr(Page.objects.get(pk=page.pk).permissions_for_user(user), permission)()


@pytest.mark.parametrize(
    ("role", "index", "may_add", "may_publish"),
    [
        (EDITOR, "news", True, False),
        (EDITOR, "cases", True, False),
        (EDITOR, "mentors", True, False),
        (EDITOR, "roadmaps", False, False),
        (EDITOR, "landing", False, False),
        (EDITOR, "documents", False, False),
        (CURATOR, "roadmaps", True, True),
        (CURATOR, "news", False, False),
        (MODERATOR, "news", True, True),
        (MODERATOR, "landing", True, True),
    ],
)
def test_page_permissions_by_role(section, user_in, role, index, may_add, may_publish):
    user = user_in(role)
    page = getattr(section, index)

    assert can(user, "can_add_subpage", page) is may_add
    assert can(user, "can_publish", page) is may_publish


def test_editor_cannot_open_the_add_page_form_outside_their_indexes(section, client, user_in):
    client.force_login(user_in(EDITOR))
    add_news = reverse(
        "wagtailadmin_pages:add", args=["mentoring_pages", "newspage", section.news.pk]
    )
    add_content = reverse(
        "wagtailadmin_pages:add", args=["home", "contentpage", section.landing.pk]
    )

    assert client.get(add_news).status_code == 200
    assert outcome(client.get(add_content)) == sent_to_the_dashboard()
    page = {"title": "Страница редактора", "slug": "redaktor", "intro": "", "body": streamfield([])}
    posted = client.post(add_content, nested_form_data(page))
    assert outcome(posted) == sent_to_the_dashboard()
    assert not ContentPage.objects.filter(slug="redaktor").exists()


@pytest.mark.parametrize("index", ["news", "cases", "mentors"])
def test_what_editors_write_goes_through_moderation(section, index):
    workflow = getattr(section, index).get_workflow()

    assert workflow == default_school().moderation_workflow


def test_curators_roadmap_changes_are_not_held_for_moderation(section):
    assert section.roadmaps.get_workflow() is None
