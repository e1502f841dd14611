"""The bulk change of statuses: one revision per roadmap, then published, sent to
moderation or left as a draft; locked pages skipped; and what the curator is told."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowPage

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.changes import change_events
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.schools import default_school

from . import BOARD, build_roadmap, days, events_of, messages_of, reloaded, revisions_by, soup_of

pytestmark = pytest.mark.django_db


def test_curator_changes_two_events_on_two_roadmaps_at_once(client, curator, two_roadmaps):
    a, b = two_roadmaps
    first, second = events_of(a)["Просрочено"], events_of(b)["Б: завуч"]
    untouched = events_of(a)["Сегодня"]
    client.force_login(curator)

    response = client.post(
        BOARD + "?deadline=overdue",
        {"event": [first.pk, second.pk], "new_status": "done", "note": "Протокол № 3"},
    )

    assert response.status_code == 302
    assert response["Location"] == BOARD + "?deadline=overdue"
    for event in (first, second):
        event = reloaded(event)
        assert event.status == EventStatus.DONE
        assert event.status_note == "Протокол № 3"
        assert event.status_changed_at == statuses.today()
    assert reloaded(untouched).status == EventStatus.PLANNED
    for page in (a, b):
        assert len(revisions_by(page, curator)) == 1
        page = RoadmapPage.objects.get(pk=page.pk)
        assert page.live
        assert not page.has_unpublished_changes
        assert page.live_revision.user == curator
    assert messages_of(response) == ["Saved: 2 events on 2 pages. Published: «Карта А», «Карта Б»."]
    # The public page shows the new status.
    public = soup_of(client.get(RoadmapPage.objects.get(pk=a.pk).url))
    article = next(
        article
        for article in public.select("article.roadmap-event")
        if "Просрочено" in article.h3.get_text() and "В работе" not in article.h3.get_text()
    )
    assert article["data-status"] == "done"


def test_status_only_keeps_notes_and_note_only_keeps_statuses(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Через 20 дней"]
    RoadmapEvent.objects.filter(pk=event.pk).update(status_note="Было")
    client.force_login(curator)

    client.post(BOARD, {"event": [event.pk], "new_status": "in_progress", "note": ""})
    assert (reloaded(event).status, reloaded(event).status_note) == ("in_progress", "Было")

    client.post(BOARD, {"event": [event.pk], "new_status": "", "note": "Перенесено"})
    event = reloaded(event)
    assert (event.status, event.status_note) == ("in_progress", "Перенесено")
    assert len(revisions_by(a, curator)) == 2


def test_an_event_that_already_has_the_status_and_note_is_counted_apart(
    client, curator, two_roadmaps
):
    a, _b = two_roadmaps
    done, planned = events_of(a)["Выполнено"], events_of(a)["Просрочено"]
    client.force_login(curator)

    response = client.post(BOARD, {"event": [done.pk, planned.pk], "new_status": "done"})

    assert messages_of(response) == [
        "Saved: 1 event on 1 page. Published: «Карта А».",
        "1 selected event already had this status and note.",
    ]
    assert len(revisions_by(a, curator)) == 1


def test_the_change_is_made_on_the_latest_draft(client, curator, two_roadmaps, django_user_model):
    """Someone's unpublished edit of the page is kept (and, published by the curator, goes
    live with the change, as the message says)."""
    a, _b = two_roadmaps
    event = events_of(a)["Сегодня"]
    other = events_of(a)["Через 40 дней"]
    author = django_user_model.objects.create_user(username="author")
    draft = RoadmapPage.objects.get(pk=a.pk)
    draft.intro = "<p>Новое введение</p>"
    events = list(draft.events.all())
    for item in events:
        if item.pk == other.pk:
            item.status_note = "Заметка из черновика"
    draft.events = events
    draft.save_revision(user=author)
    assert reloaded(other).status_note == ""  # only in the draft so far
    client.force_login(curator)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    page = RoadmapPage.objects.get(pk=a.pk)
    assert page.intro == "<p>Новое введение</p>"
    assert reloaded(other).status_note == "Заметка из черновика"
    assert reloaded(event).status == EventStatus.DONE
    assert messages_of(response) == [
        "Saved: 1 event on 1 page. Published: «Карта А».",
        "«Карта А» also had unpublished changes in the page editor: they were published too.",
    ]


def test_a_change_saved_meanwhile_in_another_tab_is_kept(curator, two_roadmaps, monkeypatch):
    """Two changes of one roadmap at the same moment (two curators, two tabs): the later
    builds on the earlier, instead of publishing the page as it was before it."""
    a, _b = two_roadmaps
    RoadmapPage.objects.get(pk=a.pk).save_revision().publish()  # the page has a history
    ours, theirs = events_of(a)["Сегодня"], events_of(a)["Через 40 дней"]
    meanwhile = [lambda: change_events(curator, [theirs], status=EventStatus.DONE)]
    permissions_for_user = RoadmapPage.permissions_for_user

    def a_save_lands_meanwhile(page, user):
        if meanwhile:
            meanwhile.pop()()
        return permissions_for_user(page, user)

    monkeypatch.setattr(RoadmapPage, "permissions_for_user", a_save_lands_meanwhile)

    change_events(curator, [ours], note="Протокол № 4")

    assert reloaded(theirs).status == EventStatus.DONE
    assert reloaded(ours).status_note == "Протокол № 4"


def test_without_publish_permission_the_change_goes_to_moderation(client, writer, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    WorkflowPage.objects.create(page=a, workflow=default_school().moderation_workflow)
    client.force_login(writer)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done", "note": "Готово"})

    page = RoadmapPage.objects.get(pk=a.pk)
    # The live page is unchanged; the change waits in a revision for the moderators.
    assert reloaded(event).status == EventStatus.PLANNED
    assert page.has_unpublished_changes
    assert page.workflow_in_progress
    [revision] = revisions_by(a, writer)
    latest = revision.as_object()
    changed = next(item for item in latest.events.all() if item.pk == event.pk)
    assert (changed.status, changed.status_note) == (EventStatus.DONE, "Готово")
    assert changed.status_changed_at == statuses.today()
    assert messages_of(response) == [
        "Saved: 1 event on 1 page. Submitted for moderation: «Карта А»."
    ]


def test_without_publish_permission_or_workflow_the_change_stays_a_draft(
    client, writer, two_roadmaps
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(writer)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    page = RoadmapPage.objects.get(pk=a.pk)
    assert reloaded(event).status == EventStatus.PLANNED
    assert page.has_unpublished_changes
    assert not page.workflow_in_progress
    assert len(revisions_by(a, writer)) == 1
    assert messages_of(response) == [
        "Saved: 1 event on 1 page.",
        "Left as a draft, not published: «Карта А». You may not publish these pages and they "
        "have no moderation workflow; ask someone who may publish them.",
    ]


def test_a_roadmap_not_yet_published_is_changed_but_stays_a_draft(client, curator, section):
    page = build_roadmap(section.roadmaps, [{"title": "Черновое", "end": days(5)}], live=False)
    event = events_of(page)["Черновое"]
    client.force_login(curator)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "in_progress"})

    page = RoadmapPage.objects.get(pk=page.pk)
    assert not page.live
    assert len(revisions_by(page, curator)) == 1
    # As in Wagtail's editor, a page that is not live keeps its draft in its rows.
    assert reloaded(event).status == EventStatus.IN_PROGRESS
    assert messages_of(response) == [
        "Saved: 1 event on 1 page.",
        f"Saved as drafts, since these pages are not published: «{page.title}».",
    ]


def test_a_page_locked_by_someone_else_is_skipped(client, curator, django_user_model, two_roadmaps):
    a, b = two_roadmaps
    locked_event, free_event = events_of(a)["Просрочено"], events_of(b)["Б: завуч"]
    colleague = django_user_model.objects.create_user(
        username="colleague", first_name="Анна", last_name="Петрова"
    )
    RoadmapPage.objects.filter(pk=a.pk).update(
        locked=True, locked_by=colleague, locked_at=timezone.now()
    )
    client.force_login(curator)

    response = client.post(BOARD, {"event": [locked_event.pk, free_event.pk], "new_status": "done"})

    assert reloaded(locked_event).status == EventStatus.PLANNED
    assert not revisions_by(a, curator)
    assert reloaded(free_event).status == EventStatus.DONE
    assert messages_of(response) == [
        "Saved: 1 event on 1 page. Published: «Карта Б».",
        "«Карта А» was not changed: Анна Петрова has locked it for editing.",
    ]


def test_a_page_awaiting_moderation_is_skipped_for_a_curator_who_is_not_a_reviewer(
    client, curator, writer, two_roadmaps
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    WorkflowPage.objects.create(page=a, workflow=default_school().moderation_workflow)
    client.force_login(writer)
    client.post(BOARD, {"event": [event.pk], "new_status": "in_progress"}, follow=True)
    client.force_login(curator)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    assert not revisions_by(a, curator)
    assert reloaded(event).status == EventStatus.PLANNED
    assert messages_of(response) == [
        "«Карта А» was not changed: it is awaiting moderation, and only its reviewers may edit "
        "it now."
    ]


def test_a_page_locked_by_the_curator_themselves_is_changed(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    RoadmapPage.objects.filter(pk=a.pk).update(
        locked=True, locked_by=curator, locked_at=timezone.now()
    )
    client.force_login(curator)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    assert reloaded(event).status == EventStatus.DONE
    assert messages_of(response) == ["Saved: 1 event on 1 page. Published: «Карта А»."]


def bulk_change_queries(client, section, count):
    """Queries of one bulk change of `count` events of a roadmap of 20."""
    page = build_roadmap(section.roadmaps, [{"end": days(-1 - i)} for i in range(20)])
    chosen = list(RoadmapEvent.objects.filter(page=page).order_by("sort_order"))[:count]
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            BOARD, {"event": [event.pk for event in chosen], "new_status": "done", "note": "Итог"}
        )
    assert response.status_code == 302
    done = RoadmapEvent.objects.filter(page=page, status=EventStatus.DONE)
    assert set(done.values_list("pk", flat=True)) == {event.pk for event in chosen}
    return len(queries)


def test_a_bulk_change_of_20_events_makes_as_many_queries_as_one_of_2(client, curator, section):
    client.force_login(curator)
    bulk_change_queries(client, section, 1)  # warm up: content types, permissions, workflows

    two, twenty = bulk_change_queries(client, section, 2), bulk_change_queries(client, section, 20)

    assert two == twenty
