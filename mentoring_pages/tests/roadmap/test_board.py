"""The curator's board in the admin: who may use it, what it lists and filters, and the
bulk change of statuses (revisions, publishing, moderation, locks)."""

import calendar
import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage
from wagtail.users.models import UserProfile

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board import is_due_this_month
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import (
    RoadmapEventFactory,
    RoadmapPageFactory,
    RoadmapStageFactory,
)
from programmes.roles import CURATOR, EDITOR
from site_project.translation import translate

pytestmark = pytest.mark.django_db

BOARD = "/admin/roadmap-board/"


def days(offset):
    return None if offset is None else statuses.today() + datetime.timedelta(days=offset)


def make_user(django_user_model, username, *groups, language="en", **fields):
    """An admin user in `groups`, reading the admin in `language` (English: the messages
    asserted here are the source strings)."""
    user = django_user_model.objects.create_user(
        username=username, password="x", email=f"{username}@school.example", **fields
    )
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def curator(django_user_model):
    return make_user(django_user_model, "curator", CURATOR)


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", EDITOR)


def writers_group(page, *permissions):
    """A group with admin access and only `permissions` (codenames) on `page`'s subtree."""
    group = Group.objects.create(name=f"Roadmap writers {page.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


def build_roadmap(parent, events, stages=("Подготовка", "Реализация"), **fields):
    """A live roadmap with `stages` (numbered 1, 2, …) and `events`: dicts of event fields."""
    page = RoadmapPageFactory(parent=parent, **fields)
    for index, title in enumerate(stages):
        RoadmapStageFactory(page=page, number=str(index + 1), title=title, sort_order=index)
    for index, values in enumerate(events):
        RoadmapEventFactory(page=page, sort_order=index, **{"start": None, **values})
    return page


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def shown(response):
    """The pks of the events the board lists."""
    return {int(row["data-event"]) for row in soup_of(response).select("tbody tr[data-event]")}


def pks(*events):
    return {event.pk for event in events}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def reloaded(event):
    return RoadmapEvent.objects.get(pk=event.pk)


# What the board lists


@pytest.fixture
def two_roadmaps(section):
    """Roadmap A (two stages) and B, with one event of each kind the filters tell apart."""
    a = build_roadmap(
        section.roadmaps,
        [
            {"title": "Просрочено", "end": days(-1), "responsible": "Куратор"},
            {
                "title": "В работе, просрочено",
                "end": days(-10),
                "status": EventStatus.IN_PROGRESS,
                "responsible": "Заместитель директора, ЗАВУЧ",
            },
            {"title": "Сегодня", "end": days(0), "stage_number": "2"},
            {"title": "Через 20 дней", "end": days(20), "stage_number": "2"},
            {"title": "Через 40 дней", "end": days(40)},
            {"title": "Выполнено", "end": days(3), "status": EventStatus.DONE},
            {"title": "Отменено", "end": days(-3), "status": EventStatus.CANCELLED},
            {"title": "Без срока", "end": None, "stage_number": "2"},
        ],
        title="Карта А",
    )
    b = build_roadmap(
        section.roadmaps,
        [
            {"title": "Б: этап 2", "end": days(400), "stage_number": "2"},
            {"title": "Б: завуч", "end": days(5), "responsible": "завуч"},
        ],
        title="Карта Б",
    )
    return a, b


def events_of(page):
    return {event.title: event for event in RoadmapEvent.objects.filter(page=page)}


def test_curator_sees_every_event_of_the_roadmaps_they_may_edit(client, curator, two_roadmaps):
    client.force_login(curator)

    response = client.get(BOARD)

    assert shown(response) == set(RoadmapEvent.objects.values_list("pk", flat=True))
    soup = soup_of(response)
    assert soup.select_one("table.listing caption").get_text(strip=True)
    assert soup.select_one("[data-total]")["data-total"] == "10"


def test_the_board_leaves_out_english_translations(
    client, curator, two_roadmaps, section, home_page, english
):
    a, _b = two_roadmaps
    translate(home_page, english, {})
    translate(section.landing, english, {"Наставничество": "Mentoring"})
    translate(section.roadmaps, english, {"Дорожные карты": "Roadmaps"})
    english_a = translate(a, english, {"Просрочено": "Overdue"})
    english_events = set(RoadmapEvent.objects.filter(page=english_a).values_list("pk", flat=True))
    assert len(english_events) == 8
    client.force_login(curator)

    listed = shown(client.get(BOARD))

    assert listed == set(
        RoadmapEvent.objects.filter(locale__language_code="ru").values_list("pk", flat=True)
    )
    assert not listed & english_events


def test_a_user_sees_only_the_roadmaps_they_may_edit(client, django_user_model, two_roadmaps):
    a, b = two_roadmaps
    user = make_user(django_user_model, "writer", writers_group(b, "change_page"))
    client.force_login(user)

    soup = soup_of(client.get(BOARD))

    assert {int(row["data-event"]) for row in soup.select("tbody tr")} == pks(
        *RoadmapEvent.objects.filter(page=b)
    )
    roadmap_choices = [option.get_text() for option in soup.select("#board-filter-roadmap option")]
    assert "Карта А" not in roadmap_choices
    assert "Карта Б" in roadmap_choices


def month_of_today(event):
    today = statuses.today()
    return (
        event.status not in statuses.CLOSED
        and event.end is not None
        and (event.end.year, event.end.month) == (today.year, today.month)
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "done"}, lambda a, b: {a["Выполнено"]}),
        ({"status": "in_progress"}, lambda a, b: {a["В работе, просрочено"]}),
        ({"deadline": "overdue"}, lambda a, b: {a["Просрочено"], a["В работе, просрочено"]}),
        (
            {"deadline": "soon"},
            lambda a, b: {a["Сегодня"], a["Через 20 дней"], b["Б: завуч"]},
        ),
        (
            {"deadline": "month"},
            lambda a, b: {e for e in [*a.values(), *b.values()] if month_of_today(e)},
        ),
        ({"responsible": "завуч"}, lambda a, b: {a["В работе, просрочено"], b["Б: завуч"]}),
        ({"responsible": "  ЗаВуЧ "}, lambda a, b: {a["В работе, просрочено"], b["Б: завуч"]}),
        (
            {"roadmap": "B", "status": "planned"},
            lambda a, b: {b["Б: этап 2"], b["Б: завуч"]},
        ),
        (
            {"stage": "A2"},
            lambda a, b: {a["Сегодня"], a["Через 20 дней"], a["Без срока"]},
        ),
        (
            {"roadmap": "A", "deadline": "overdue", "status": "planned"},
            lambda a, b: {a["Просрочено"]},
        ),
    ],
)
def test_each_filter_narrows_the_list(client, curator, two_roadmaps, params, expected):
    a, b = two_roadmaps
    if params.get("roadmap"):
        params["roadmap"] = {"A": a.pk, "B": b.pk}[params["roadmap"]]
    if params.get("stage") == "A2":
        # Stage 2 of A, not stage 2 of B, which has the same number.
        params["stage"] = a.stages.get(number="2").pk
    client.force_login(curator)

    response = client.get(BOARD, params)

    want = {event.pk for event in expected(events_of(a), events_of(b))}
    assert shown(response) == want
    assert soup_of(response).select_one("[data-shown]")["data-shown"] == str(len(want))


def test_the_filters_show_what_was_chosen(client, curator, two_roadmaps):
    _a, b = two_roadmaps
    client.force_login(curator)

    soup = soup_of(client.get(BOARD, {"roadmap": b.pk, "deadline": "overdue"}))

    assert soup.select_one("#board-filter-roadmap option[selected]")["value"] == str(b.pk)
    assert soup.select_one("#board-filter-deadline option[selected]")["value"] == "overdue"
    # Every filter and bulk control has its label.
    for control in soup.select("form select, form input[type=text]"):
        assert soup.select_one(f"label[for={control['id']}]"), control["name"]


@pytest.mark.parametrize(
    "params",
    [
        {"roadmap": "abc"},
        {"roadmap": "999999"},
        {"stage": "x"},
        {"stage": "999999"},
        {"status": "overdue"},
        {"status": ["done", "planned"]},
        {"deadline": "yesterday"},
        {"responsible": "я" * 1000},
        {"roadmap": "1e3", "stage": "-1", "status": "<script>", "deadline": "%00"},
    ],
)
def test_bad_filter_values_show_everything(client, curator, two_roadmaps, params):
    client.force_login(curator)

    response = client.get(BOARD, params)

    assert shown(response) == set(RoadmapEvent.objects.values_list("pk", flat=True))


def test_one_bad_filter_does_not_drop_the_good_ones(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    client.force_login(curator)

    response = client.get(BOARD, {"status": "done", "roadmap": "nonsense"})

    assert shown(response) == {events_of(a)["Выполнено"].pk}


# Who may use the board


def test_editor_cannot_open_or_post_to_the_board(client, editor, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(editor)

    get = client.get(BOARD)
    post = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    for response in (get, post):
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")
    assert reloaded(event).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, two_roadmaps):
    response = client.get(BOARD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_menu_offers_the_board_only_to_those_who_may_use_it(
    client, curator, editor, two_roadmaps
):
    client.force_login(curator)
    assert BOARD in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(editor)
    assert BOARD not in client.get(reverse("wagtailadmin_home")).content.decode()


# Changing statuses


def revisions_by(page, user):
    return list(RoadmapPage.objects.get(pk=page.pk).revisions.filter(user=user))


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
    [message] = messages_of(response)
    assert "Saved: 2 events on 2 pages." in message
    assert "Published: «Карта А», «Карта Б»." in message
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
    assert any("«Карта А» also had unpublished changes" in m for m in messages_of(response))


def test_without_publish_permission_the_change_goes_to_moderation(
    client, django_user_model, two_roadmaps, section
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    writer = make_user(django_user_model, "writer", writers_group(section.roadmaps, "change_page"))
    WorkflowPage.objects.create(page=a, workflow=Workflow.objects.get(name="Модерация"))
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
    [message] = messages_of(response)
    assert "Submitted for moderation: «Карта А»." in message
    assert "Published" not in message


def test_without_publish_permission_or_workflow_the_change_stays_a_draft(
    client, django_user_model, two_roadmaps, section
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    writer = make_user(django_user_model, "writer", writers_group(section.roadmaps, "change_page"))
    client.force_login(writer)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    page = RoadmapPage.objects.get(pk=a.pk)
    assert reloaded(event).status == EventStatus.PLANNED
    assert page.has_unpublished_changes
    assert not page.workflow_in_progress
    assert len(revisions_by(a, writer)) == 1
    assert any("Left as a draft, not published: «Карта А»" in m for m in messages_of(response))


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
    assert any(
        "Saved as drafts, since these pages are not published" in m for m in messages_of(response)
    )


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
    messages = messages_of(response)
    assert any(
        "«Карта А» was not changed: Анна Петрова has locked it for editing." in m for m in messages
    )
    assert any("Saved: 1 event on 1 page." in m for m in messages)


def test_a_page_locked_by_the_curator_themselves_is_changed(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    RoadmapPage.objects.filter(pk=a.pk).update(
        locked=True, locked_by=curator, locked_at=timezone.now()
    )
    client.force_login(curator)

    client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    assert reloaded(event).status == EventStatus.DONE


def test_a_page_awaiting_moderation_is_skipped_for_a_curator_who_is_not_a_reviewer(
    client, curator, django_user_model, two_roadmaps, section
):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    writer = make_user(django_user_model, "writer", writers_group(section.roadmaps, "change_page"))
    WorkflowPage.objects.create(page=a, workflow=Workflow.objects.get(name="Модерация"))
    client.force_login(writer)
    client.post(BOARD, {"event": [event.pk], "new_status": "in_progress"})
    client.force_login(curator)

    response = client.post(BOARD, {"event": [event.pk], "new_status": "done"})

    assert not revisions_by(a, curator)
    assert reloaded(event).status == EventStatus.PLANNED
    assert any(
        "«Карта А» was not changed: it is awaiting moderation" in m for m in messages_of(response)
    )


@pytest.mark.parametrize(
    "data",
    [
        {"new_status": "done"},  # no event selected
        {"event": ["EVENT"], "new_status": "", "note": ""},  # nothing to change
        {"event": ["EVENT"], "new_status": "finished"},
        {"event": ["abc"], "new_status": "done"},
        {"event": ["EVENT"], "new_status": "done", "note": "я" * 501},
    ],
)
def test_a_bad_change_changes_nothing_and_says_why(client, curator, two_roadmaps, data):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    if "event" in data:
        data["event"] = [str(event.pk) if value == "EVENT" else value for value in data["event"]]
    client.force_login(curator)

    response = client.post(BOARD, data)

    soup = soup_of(response)
    assert soup.select(".error-message, .help-critical, .messages .error")
    assert reloaded(event).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()


def test_events_not_on_the_users_board_cannot_be_changed(client, django_user_model, two_roadmaps):
    a, b = two_roadmaps
    writer = make_user(django_user_model, "writer", writers_group(b, "change_page", "publish_page"))
    foreign = events_of(a)["Просрочено"]
    client.force_login(writer)

    response = client.post(BOARD, {"event": [foreign.pk], "new_status": "done"})

    assert response.status_code == 200
    assert reloaded(foreign).status == EventStatus.PLANNED
    assert not RoadmapPage.objects.get(pk=a.pk).revisions.exists()


def test_selected_events_stay_selected_after_an_error(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Просрочено"]
    client.force_login(curator)

    soup = soup_of(client.post(BOARD, {"event": [event.pk], "new_status": ""}))

    assert soup.select_one(f"#board-event-{event.pk}").has_attr("checked")


def test_each_checkbox_has_a_label_naming_its_event(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    event = events_of(a)["Через 40 дней"]
    client.force_login(curator)

    soup = soup_of(client.get(BOARD))

    label = soup.select_one(f"label[for=board-event-{event.pk}]")
    assert "Через 40 дней" in label.get_text()
    assert soup.select_one("form[method=post] input[name=csrfmiddlewaretoken]")


# Queries


def board_queries(client, section, count):
    RoadmapPage.objects.all().delete()
    events = [{"end": days(i - count // 2), "stage_number": str(1 + i % 2)} for i in range(count)]
    build_roadmap(section.roadmaps, events[: count // 2])
    build_roadmap(section.roadmaps, events[count // 2 :])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(BOARD)
    assert len(shown(response)) == count
    return len(queries)


def test_the_board_makes_as_many_queries_for_60_events_as_for_5(client, curator, section):
    client.force_login(curator)
    client.get(BOARD)  # warm up: content types and the like are cached after one request

    five, sixty = board_queries(client, section, 5), board_queries(client, section, 60)

    assert five == sixty
    assert five <= 20


# The dashboard


def test_the_dashboard_shows_a_curator_the_overdue_count_and_next_deadlines(
    client, curator, two_roadmaps
):
    client.force_login(curator)

    soup = soup_of(client.get(reverse("wagtailadmin_home")))

    panel = soup.select_one("#roadmap-deadlines-section")
    assert panel is not None
    assert panel.select_one("[data-overdue]")["data-overdue"] == "2"
    titles = [row.select("td")[0].get_text(strip=True) for row in panel.select("tbody tr")]
    assert len(titles) == 5
    # The earliest open deadlines from today, done and cancelled ones left out.
    assert [title.split(" ", 1)[1] for title in titles] == [
        "Сегодня",
        "Б: завуч",
        "Через 20 дней",
        "Через 40 дней",
        "Б: этап 2",
    ]


def test_the_dashboard_has_no_roadmap_panel_for_an_editor(client, editor, two_roadmaps):
    client.force_login(editor)

    soup = soup_of(client.get(reverse("wagtailadmin_home")))

    assert soup.select_one("#roadmap-deadlines-section") is None


def test_due_this_month_means_open_and_ending_in_the_calendar_month():
    last_day = calendar.monthrange(2024, 2)[1]
    on = datetime.date(2024, 2, 10)
    assert is_due_this_month("planned", datetime.date(2024, 2, last_day), on)
    assert is_due_this_month("planned", datetime.date(2024, 2, 1), on)
    assert not is_due_this_month("planned", datetime.date(2024, 3, 1), on)
    assert not is_due_this_month("done", datetime.date(2024, 2, 20), on)
