"""Publishing a roadmap with overdue events asks once more, in the page editor."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowPage, WorkflowState

from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import (
    RoadmapEventFactory,
    RoadmapPageFactory,
    RoadmapStageFactory,
)
from mentoring_pages.tests.roadmap.test_statuses import editor_data
from programmes.schools import default_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_roadmap(section):
    """A roadmap never published, with one overdue event (its 2020 deadline has passed)
    and one done."""
    page = RoadmapPageFactory(parent=section.roadmaps, live=False)
    stage = RoadmapStageFactory(page=page, number="1", sort_order=0)
    overdue = RoadmapEventFactory(page=page, title="Анкетирование учителей", sort_order=0)
    done = RoadmapEventFactory(page=page, status=EventStatus.DONE, sort_order=1)
    return page, [stage], [overdue, done]


def publish(client, page, stages, events, **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        editor_data(page, stages, events, **fields),
    )


def test_publishing_with_overdue_events_asks_first_and_publishes_nothing(
    admin_client, draft_roadmap
):
    page, stages, events = draft_roadmap

    response = publish(admin_client, page, stages, events)

    assert response.status_code == 200  # the editor again, asking
    html = response.content.decode()
    assert "1 мероприятие просрочено: Анкетирование учителей. Опубликовать всё равно?" in html
    assert 'name="publish_with_overdue"' in html
    page.refresh_from_db()
    assert not page.live


def test_publishing_again_with_the_box_ticked_publishes(admin_client, draft_roadmap):
    page, stages, events = draft_roadmap

    response = publish(admin_client, page, stages, events, publish_with_overdue="on")

    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.live


def test_saving_a_draft_with_overdue_events_does_not_ask(admin_client, draft_roadmap):
    page, stages, events = draft_roadmap
    data = editor_data(page, stages, events)
    del data["action-publish"]

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.latest_revision is not None
    assert not page.live


def test_the_box_is_not_offered_before_publishing_asks(admin_client, draft_roadmap):
    page, _stages, _events = draft_roadmap

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))

    assert 'name="publish_with_overdue"' not in response.content.decode()


def test_a_roadmap_without_overdue_events_publishes_at_once(admin_client, draft_roadmap):
    page, stages, (overdue, done) = draft_roadmap
    overdue.status = EventStatus.CANCELLED

    response = publish(admin_client, page, stages, [overdue, done])

    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.live


@pytest.fixture
def moderated(section):
    """The roadmaps go through the school's moderation."""
    WorkflowPage.objects.create(
        page=section.roadmaps, workflow=default_school().moderation_workflow
    )


def test_submitting_to_moderation_with_overdue_events_asks_first(
    admin_client, draft_roadmap, moderated
):
    page, stages, events = draft_roadmap
    data = editor_data(page, stages, events)
    del data["action-publish"]
    data["action-submit"] = "1"

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    assert response.status_code == 200
    assert "Опубликовать всё равно?" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def test_approving_in_the_editor_with_overdue_events_asks_first(
    admin_client, draft_roadmap, moderated
):
    page, stages, events = draft_roadmap
    admin = get_user_model().objects.get(username="admin")
    page.save_revision(user=admin)
    state = page.get_workflow().start(page, admin)
    data = editor_data(page, stages, events)
    del data["action-publish"]
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)

    assert response.status_code == 200
    assert "Опубликовать всё равно?" in response.content.decode()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live


def test_two_versions_of_a_roadmap_can_be_compared(admin_client, draft_roadmap):
    page, _stages, _events = draft_roadmap
    first = page.save_revision()
    page.title = "Дорожная карта, исправленная"
    second = page.save_revision()

    response = admin_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, first.pk, second.pk))
    )

    assert response.status_code == 200
    assert "Дорожная карта, исправленная" in response.content.decode()
