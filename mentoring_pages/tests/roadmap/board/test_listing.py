"""What the board lists: every event of the user's roadmaps, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring_pages.models import RoadmapEvent, RoadmapPage

from . import BOARD, build_roadmap, days, shown, soup_of

pytestmark = pytest.mark.django_db


def test_curator_sees_every_event_of_the_roadmaps_they_may_edit(client, curator, two_roadmaps):
    client.force_login(curator)

    response = client.get(BOARD)

    assert shown(response) == set(RoadmapEvent.objects.values_list("pk", flat=True))
    soup = soup_of(response)
    assert soup.select_one("table.listing caption").get_text(strip=True)
    assert soup.select_one("[data-total]")["data-total"] == "10"


def test_rows_follow_the_roadmaps_order_and_name_their_stage(client, curator, two_roadmaps):
    a, b = two_roadmaps
    client.force_login(curator)

    soup = soup_of(client.get(BOARD))
    rows = soup.select("#board-events tr[data-event]")

    expected = [
        *RoadmapEvent.objects.filter(page=a).order_by("sort_order"),
        *RoadmapEvent.objects.filter(page=b).order_by("sort_order"),
    ]
    assert [int(row["data-event"]) for row in rows] == [event.pk for event in expected]
    # Each event under its stage's heading.
    stage_titles = {"1": "1. Подготовка", "2": "2. Реализация"}
    assert [row.find_previous("tr", class_="board-stage").get_text(strip=True) for row in rows] == [
        stage_titles[event.stage_number] for event in expected
    ]
    # Each roadmap is named once, over its events, not on every row.
    headings = soup.select("#board-events tr.board-roadmap th")
    assert [heading.a.get_text() for heading in headings] == [a.title, b.title]
    assert [
        len(tbody.select("tr[data-event]")) for tbody in soup.select("#board-events tbody")
    ] == [RoadmapEvent.objects.filter(page=page).count() for page in (a, b)]


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
    # One of them names each roadmap's school; one narrows the forms in the menu to the
    # curator's own schools.
    assert five <= 22
