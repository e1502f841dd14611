"""A page a superuser moves into another school's tree belongs to that school from then on:
its staff have the permissions and the moderation workflow the page type gives, the old
school's have none, and what waited for the old school's moderators waits no more."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from mentoring_pages.tests.factories import MentoringIndexPageFactory, NewsPageFactory
from programmes.roles import EDITOR, MODERATOR
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved(section, other_school, user_in):
    """Our school's news index, with a news item waiting for our moderators, moved under
    the other school's section."""
    superuser = get_user_model().objects.create_superuser("admin")
    ours = {role: user_in(role, f"our-{role}") for role in (EDITOR, MODERATOR)}
    theirs = {
        role: user_in(role, f"their-{role}", school=other_school) for role in (EDITOR, MODERATOR)
    }
    news = NewsPageFactory(parent=section.news, title="Встреча наставников")
    revision = news.save_revision(user=ours[EDITOR])
    news.get_workflow().start(news, ours[EDITOR])
    their_section = MentoringIndexPageFactory(parent=other_school.home_page)

    section.news.move(their_section, pos="last-child", user=superuser)

    news.refresh_from_db()
    return news, revision, ours, theirs


def test_the_other_schools_editors_write_there_and_ours_no_longer(section, moved):
    news, _, ours, theirs = moved
    index = news.get_parent()

    assert index.permissions_for_user(theirs[EDITOR]).can_add_subpage()
    assert not index.permissions_for_user(ours[EDITOR]).can_add_subpage()
    assert not news.permissions_for_user(ours[EDITOR]).can_edit()


def test_the_page_goes_through_the_other_schools_moderation(section, other_school, moved):
    news, _, ours, _ = moved

    assert news.get_workflow() == other_school.moderation_workflow
    # Our moderators can no longer approve what was sent to them before the move.
    assert not news.workflow_in_progress


def test_the_admin_moves_the_translation_along_and_it_follows_too(
    admin_client, english_section, other_school, english, user_in
):
    ours, theirs = user_in(EDITOR, "ours"), user_in(EDITOR, "theirs", school=other_school)
    their_section = MentoringIndexPageFactory(parent=other_school.home_page)
    translate(other_school.home_page, english, {})
    translate(their_section, english, {})
    news_index = english_section.news

    response = admin_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[news_index.pk, their_section.pk])
    )

    assert response.status_code == 302
    english_index = news_index.get_translation(english)
    assert english_index.get_parent().pk == their_section.get_translation(english).pk
    assert english_index.permissions_for_user(theirs).can_add_subpage()
    assert not english_index.permissions_for_user(ours).can_add_subpage()
