"""The coordinator reads every school's roadmap board and downloads any school's quarterly
report, but changes nothing there: no bulk change, no import, no link into the editor."""

import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from mentoring_pages.models import RoadmapEvent
from mentoring_pages.roadmap.board.views import BOARD_URL_NAME, REPORT_URL_NAME
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.roles import CURATOR
from programmes.schools import COORDINATOR

pytestmark = pytest.mark.django_db


def board(client, **params):
    response = client.get(reverse(BOARD_URL_NAME), params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def roadmap_headings(page):
    return [row.get_text(" ", strip=True) for row in page.select("tr.board-roadmap th")]


def test_the_coordinator_reads_every_schools_roadmap_named_by_its_school(login_as, two_schools):
    client = login_as(COORDINATOR)

    page = board(client)

    headings = roadmap_headings(page)
    assert len(headings) == 2
    assert headings[0].startswith("gymnasium —") and headings[1].startswith("lyceum —")
    assert len(page.select("#board-events tr[data-event]")) == 6
    # The filters tell the schools' roadmaps apart by name too.
    options = [option.get_text() for option in page.select("#board-filter-roadmap option")]
    assert any(option.startswith("lyceum —") for option in options)
    # Nothing to change with: no boxes to tick, no bulk form, no import, no editor link.
    assert not page.select("input[name=event]") and not page.select("form[method=post]")
    assert not page.select('a[href*="/admin/pages/"]')
    assert not page.select('a[href*="import"]')
    # The menu leads there.
    menu = client.get("/admin/").content.decode()
    assert reverse(BOARD_URL_NAME) in menu


def test_the_coordinators_filters_narrow_to_one_schools_roadmap(login_as, two_schools):
    _, lyceum = two_schools
    client = login_as(COORDINATOR)

    page = board(client, roadmap=lyceum.roadmap.pk)

    assert [heading.split(" — ")[0] for heading in roadmap_headings(page)] == ["lyceum"]
    assert len(page.select("#board-events tr[data-event]")) == 3


def test_the_coordinator_cannot_change_an_event(login_as, two_schools):
    gymnasium, _ = two_schools
    event = gymnasium.roadmap.events.filter(status=EventStatus.PLANNED).first()
    client = login_as(COORDINATOR)

    versions = gymnasium.roadmap.revisions.count()

    response = client.post(
        reverse(BOARD_URL_NAME), {"event": [event.pk], "new_status": EventStatus.DONE}
    )

    # Wagtail's answer to a permission denied in its admin: back to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert RoadmapEvent.objects.get(pk=event.pk).status == EventStatus.PLANNED
    assert gymnasium.roadmap.revisions.count() == versions


def test_the_coordinator_downloads_any_schools_quarterly_report(login_as, two_schools):
    _, lyceum = two_schools
    client = login_as(COORDINATOR)

    response = client.get(
        reverse(REPORT_URL_NAME), {"page": lyceum.roadmap.pk, "quarter": "2026Q1", "format": "xlsx"}
    )

    assert response.status_code == 200
    cells = [
        str(value)
        for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
        for value in row
        if value
    ]
    assert any(lyceum.roadmap.title in cell for cell in cells)


def test_a_curator_still_sees_only_their_own_school_and_may_change_it(client, user_in, two_schools):
    gymnasium, _ = two_schools
    client.force_login(user_in(CURATOR, school=gymnasium.school))

    page = board(client)

    headings = roadmap_headings(page)
    assert len(headings) == 1 and "lyceum" not in headings[0]
    assert len(page.select("input[name=event]")) == 3
