"""The bulk change's form: what it refuses, and why it says so. A refused change changes
nothing."""

import pytest
from django.utils import translation

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus

from . import BOARD, events_of, make_user, messages_of, reloaded, writers_group

pytestmark = pytest.mark.django_db

NOT_ON_THE_BOARD = "Some of the selected events are not on your board."


def form_errors(response):
    """The bulk form's errors as the curator read them (in English, their admin language)."""
    with translation.override("en"):
        return {name: list(errors) for name, errors in response.context["bulk_form"].errors.items()}


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({"new_status": "done"}, {"event": ["Select at least one event."]}),
        (
            {"event": ["EVENT"], "new_status": "", "note": ""},
            {"__all__": ["Choose a new status or write a note."]},
        ),
        (
            {"event": ["EVENT"], "new_status": "finished"},
            {
                "new_status": [
                    "Select a valid choice. finished is not one of the available choices."
                ],
                # With no valid status, the change asks for a note too.
                "__all__": ["Choose a new status or write a note."],
            },
        ),
        ({"event": ["abc"], "new_status": "done"}, {"event": [NOT_ON_THE_BOARD]}),
        # An id beyond any database's integer.
        ({"event": ["9" * 20], "new_status": "done"}, {"event": [NOT_ON_THE_BOARD]}),
        (
            {"event": ["EVENT"], "new_status": "done", "note": "я" * 501},
            {"note": ["Ensure this value has at most 500 characters (it has 501)."]},
        ),
    ],
)
def test_a_bad_change_changes_nothing_and_says_why(client, curator, two_roadmaps, data, errors):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    if "event" in data:
        data["event"] = [str(event.pk) if value == "EVENT" else value for value in data["event"]]
    client.force_login(curator)

    response = client.post(BOARD, data)

    assert response.status_code == 400
    assert form_errors(response) == errors
    assert messages_of(response) == ["The events were not changed: see the form."]
    assert reloaded(event).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()


def test_events_not_on_the_users_board_cannot_be_changed(client, django_user_model, two_roadmaps):
    a, b = two_roadmaps
    writer = make_user(django_user_model, "writer", writers_group(b, "change_page", "publish_page"))
    foreign = events_of(a)["Просрочено"]
    client.force_login(writer)

    response = client.post(BOARD, {"event": [foreign.pk], "new_status": "done"})

    assert response.status_code == 400
    assert form_errors(response) == {"event": [NOT_ON_THE_BOARD]}
    assert reloaded(foreign).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()
