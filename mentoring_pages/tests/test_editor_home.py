"""The editor's home on the dashboard: where to start writing, their drafts, and what came
back from moderation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from mentoring_pages.tests.factories import (
    MentoringIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from programmes.roles import CURATOR, EDITOR, MODERATOR, group_of

pytestmark = pytest.mark.django_db


def panel_of(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return soup.select_one("#editor-home-section")


def titles(panel, attribute):
    listed = panel.select_one(f"[{attribute}]")
    return [link.get_text(strip=True) for link in listed.select("a")] if listed else []


def test_an_editor_starts_a_news_item_a_case_or_a_profile_from_the_dashboard(login_as, section):
    panel = panel_of(login_as(EDITOR))

    hrefs = [link["href"] for link in panel.select("a.button")]
    assert hrefs == [
        reverse("wagtailadmin_pages:add", args=("mentoring_pages", page_type, index.pk))
        for page_type, index in (
            ("newspage", section.news),
            ("casepage", section.cases),
            ("mentorpage", section.mentors),
        )
    ]


def test_curators_who_write_nothing_get_no_writing_panel(login_as, section):
    assert panel_of(login_as(CURATOR)) is None


def test_an_editors_drafts_and_what_moderation_sent_back_are_listed(client, user_in, section):
    editor = user_in(EDITOR)
    moderator = user_in(MODERATOR)
    draft = NewsPageFactory(parent=section.news, title="Черновик новости", live=False)
    draft.save_revision(user=editor)
    returned = NewsPageFactory(parent=section.news, title="Новость на доработку", live=False)
    waiting = NewsPageFactory(parent=section.news, title="Новость на модерации", live=False)
    for page in (returned, waiting):
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
    task_state = returned.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    other = NewsPageFactory(parent=section.news, title="Чужой черновик", live=False)
    other.save_revision(user=moderator)

    client.force_login(editor)
    panel = panel_of(client)

    assert titles(panel, "data-drafts") == ["Черновик новости"]
    assert titles(panel, "data-returned") == ["Новость на доработку"]


def test_an_editor_moved_to_another_school_no_longer_sees_the_first_ones_pages(
    client, user_in, section, other_school
):
    """A page's title may name a person: it is the first school's, not theirs any more."""
    editor = user_in(EDITOR)
    moderator = user_in(MODERATOR)
    draft = NewsPageFactory(parent=section.news, title="Черновик: Иванова Мария", live=False)
    draft.save_revision(user=editor)
    returned = NewsPageFactory(parent=section.news, title="На доработку: Петров Пётр", live=False)
    returned.save_revision(user=editor)
    returned.get_workflow().start(returned, editor)
    task_state = returned.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    editor.groups.set([group_of(other_school, EDITOR)])
    # Somewhere to write in the new school.
    NewsIndexPageFactory(parent=MentoringIndexPageFactory(parent=other_school.home_page))

    client.force_login(editor)
    panel = panel_of(client)

    assert titles(panel, "data-drafts") == []
    assert titles(panel, "data-returned") == []
