"""The board's filters: each narrows the list, the form shows what was chosen, and a bad
value counts as not given."""

import calendar
import datetime

import pytest

from mentoring_pages.models import RoadmapEvent
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.filters import is_due_this_month

from . import BOARD, events_of, shown, soup_of

pytestmark = pytest.mark.django_db


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
    # Shown as "all", not as an error.
    soup = soup_of(response)
    assert not soup.select(".error-message")
    assert not soup.select("#board-filter-status option[selected][value!='']")


def test_one_bad_filter_does_not_drop_the_good_ones(client, curator, two_roadmaps):
    a, _b = two_roadmaps
    client.force_login(curator)

    response = client.get(BOARD, {"status": "done", "roadmap": "nonsense"})

    assert shown(response) == {events_of(a)["Выполнено"].pk}


def test_due_this_month_means_open_and_ending_in_the_calendar_month():
    last_day = calendar.monthrange(2024, 2)[1]
    on = datetime.date(2024, 2, 10)
    assert is_due_this_month("planned", datetime.date(2024, 2, last_day), on)
    assert is_due_this_month("planned", datetime.date(2024, 2, 1), on)
    assert not is_due_this_month("planned", datetime.date(2024, 3, 1), on)
    assert not is_due_this_month("done", datetime.date(2024, 2, 20), on)
