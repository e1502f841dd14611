"""A curator imports a roadmap from a file as a new draft, from the board's «Новая дорожная
карта из Word/Excel»: the preview shows the dates read and how many deadlines have already
passed; past events can be marked done in one step; the English draft comes with the Russian
one; nothing is published by the import."""

import csv
import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from playwright.sync_api import expect

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus, today
from programmes.roles import CURATOR

SAMPLE_2023 = Path(__file__).resolve().parent.parent / "mentoring_pages/tests/data/roadmap_003.docx"


@pytest.fixture
def new_roadmaps(demo_database):
    """The roadmaps a test adds, deleted after it so that other tests see the demo's."""
    before = set(RoadmapPage.objects.values_list("pk", flat=True))

    def russian_added():
        return list(RoadmapPage.objects.exclude(pk__in=before).filter(locale__language_code="ru"))

    yield russian_added
    for page in RoadmapPage.objects.exclude(pk__in=before):
        page.delete()


def preview(curator, path):
    """Upload `path` as a new roadmap from the board and wait for the preview."""
    curator.goto(reverse("mentoring_pages_board"))
    curator.get_by_role("link", name=gettext("New roadmap from Word/Excel")).first.click()
    curator.locator("input[type=file]").set_input_files(path)
    curator.get_by_role("button", name=gettext("Upload and preview")).click()
    expect(curator.get_by_role("button", name=gettext("Import into a draft"))).to_be_visible()


def current_year_csv(folder):
    """A roadmap file of this school year: one deadline a week ago, two ahead."""
    on = today()
    rows = [
        ["№", "Содержание", "Срок", "Ответственные"],
        ["I этап. Подготовка", "", "", ""],
        [
            "1.",
            "Приказ о наставничестве",
            f"{on - datetime.timedelta(days=7):%d.%m.%Y}",
            "Директор",
        ],
        ["2.", "Формирование пар", f"{on + datetime.timedelta(days=30):%d.%m.%Y}", "Куратор"],
        ["3.", "Итоговая конференция", f"{on + datetime.timedelta(days=90):%d.%m.%Y}", "Куратор"],
    ]
    path = folder / "roadmap.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=";").writerows(rows)
    return path


def test_a_past_years_plan_is_imported_with_its_past_events_marked_done(logged_in, new_roadmaps):
    live_before = RoadmapPage.objects.filter(live=True).count()
    curator = logged_in(CURATOR)

    preview(curator, SAMPLE_2023)

    # Every deadline of the 2023–24 plan is past, and the preview says so before saving.
    expect(curator.locator("li[data-past]")).to_have_attribute("data-past", "45")
    expect(curator.locator("tr[data-past='1']")).to_have_count(45)
    expect(curator.locator(".roadmap-import__dates time").first).to_be_visible()
    curator.get_by_label(gettext("Mark them done, noting the date of the import")).check()
    curator.get_by_role("button", name=gettext("Import into a draft")).click()
    curator.wait_for_load_state()

    [page] = new_roadmaps()
    assert not page.live
    # Its English draft comes with it, unpublished too.
    [english] = RoadmapPage.objects.filter(
        translation_key=page.translation_key, locale__language_code="en"
    )
    assert not english.live
    events = RoadmapEvent.objects.filter(page=page)
    assert events.count() == 45
    assert set(events.values_list("status", flat=True)) == {EventStatus.DONE}
    assert RoadmapPage.objects.filter(live=True).count() == live_before


def test_this_years_plan_keeps_its_one_past_event_planned_by_default(
    logged_in, new_roadmaps, tmp_path
):
    curator = logged_in(CURATOR)

    preview(curator, current_year_csv(tmp_path))

    expect(curator.locator("li[data-past]")).to_have_attribute("data-past", "1")
    expect(curator.locator("tr[data-past='1']")).to_contain_text("Приказ о наставничестве")
    curator.get_by_role("button", name=gettext("Import into a draft")).click()
    curator.wait_for_load_state()

    [page] = new_roadmaps()
    assert not page.live
    statuses = dict(RoadmapEvent.objects.filter(page=page).values_list("title", "status"))
    assert statuses == {
        "Приказ о наставничестве": EventStatus.PLANNED,
        "Формирование пар": EventStatus.PLANNED,
        "Итоговая конференция": EventStatus.PLANNED,
    }
