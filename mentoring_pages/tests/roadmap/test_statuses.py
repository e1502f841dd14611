"""The status rules of a roadmap event (mentoring_pages.roadmap): when an event is overdue,
what counts towards progress, the day a status changed, and the filter a visitor asks for."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import OVERDUE, EventStatus
from mentoring_pages.tests.factories import (
    RoadmapEventFactory,
    RoadmapPageFactory,
    RoadmapStageFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 3, 15)
PLANNED, IN_PROGRESS, DONE, CANCELLED = (
    EventStatus.PLANNED,
    EventStatus.IN_PROGRESS,
    EventStatus.DONE,
    EventStatus.CANCELLED,
)


def days(offset):
    """A date `offset` days from TODAY; None stays None (no end date)."""
    return None if offset is None else TODAY + datetime.timedelta(days=offset)


# (end, in days from today; status) → overdue?
OVERDUE_TABLE = [
    (None, PLANNED, False),  # no end date: never overdue
    (None, IN_PROGRESS, False),
    (-1, PLANNED, True),  # ended yesterday
    (-1, IN_PROGRESS, True),
    (-400, PLANNED, True),
    (0, PLANNED, False),  # ends today: still in time
    (0, IN_PROGRESS, False),
    (1, PLANNED, False),
    (-1, DONE, False),  # closed events never are
    (-1, CANCELLED, False),
    (-400, DONE, False),
    (1, CANCELLED, False),
]


@pytest.mark.parametrize(("end", "status", "overdue"), OVERDUE_TABLE)
def test_is_overdue(end, status, overdue):
    assert statuses.is_overdue(status, days(end), on=TODAY) is overdue
    expected = OVERDUE if overdue else status
    assert statuses.display_status(status, days(end), on=TODAY) == expected


def test_each_overdue_case_counts_in_progress_as_it_is_shown():
    """progress() agrees with is_overdue() on every row of the table."""
    events = [SimpleNamespace(status=s, end=days(e)) for e, s, _ in OVERDUE_TABLE]

    result = statuses.progress(events, on=TODAY)

    assert result.overdue == sum(1 for *_, overdue in OVERDUE_TABLE if overdue)


def event(status, end=None):
    return SimpleNamespace(status=status, end=days(end))


# events → (done, total, overdue, percent)
PROGRESS_TABLE = [
    ([], (0, 0, 0, 0)),
    ([event(PLANNED, 10)], (0, 1, 0, 0)),
    ([event(DONE, -10), event(PLANNED, 10)], (1, 2, 0, 50)),
    ([event(DONE), event(CANCELLED)], (1, 1, 0, 100)),  # cancelled: out of the total
    ([event(CANCELLED, -10)], (0, 0, 0, 0)),
    ([event(PLANNED, -1), event(IN_PROGRESS, -1), event(DONE, -1), event(CANCELLED, -1)], (1, 3, 2, 33)),
    ([event(DONE), event(DONE), event(PLANNED)], (2, 3, 0, 66)),  # rounded down
    ([event(DONE)] * 199 + [event(PLANNED)], (199, 200, 0, 99)),  # 100 % only when all done
    ([event(PLANNED, 0), event(IN_PROGRESS)], (0, 2, 0, 0)),  # today, and no end date
]  # fmt: skip


@pytest.mark.parametrize(("events", "expected"), PROGRESS_TABLE)
def test_progress(events, expected):
    result = statuses.progress(events, on=TODAY)

    assert (result.done, result.total, result.overdue, result.percent) == expected


def test_progress_reads_a_generator_once():
    events = (item for item in [event(DONE), event(PLANNED, -1)])

    result = statuses.progress(events, on=TODAY)

    assert (result.done, result.total, result.overdue) == (1, 2, 1)


def test_today_is_the_schools_date_not_utcs(settings):
    settings.TIME_ZONE = "Asia/Anadyr"  # UTC+12
    instant = datetime.datetime(2024, 3, 15, 13, 0, tzinfo=datetime.UTC)  # 01:00 on the 16th

    with mock.patch("django.utils.timezone.now", return_value=instant):
        assert statuses.today() == datetime.date(2024, 3, 16)
        # A deadline of the 15th passed at local midnight, though it is still the 15th in UTC.
        assert statuses.is_overdue(PLANNED, datetime.date(2024, 3, 15))
        assert not statuses.is_overdue(PLANNED, datetime.date(2024, 3, 16))


def test_an_event_is_overdue_from_the_day_after_its_end():
    today = timezone.localdate()
    yesterday, tomorrow = today - datetime.timedelta(1), today + datetime.timedelta(1)

    def shown(status, end):
        return RoadmapEvent(status=status, end=end).display_status

    assert shown(PLANNED, yesterday) == OVERDUE
    assert shown(IN_PROGRESS, yesterday) == OVERDUE
    assert shown(PLANNED, today) == PLANNED
    assert shown(IN_PROGRESS, tomorrow) == IN_PROGRESS
    assert shown(DONE, yesterday) == DONE
    assert shown(PLANNED, None) == PLANNED


# The day a status changed


def test_changing_the_status_records_the_day():
    item = RoadmapEvent(status=PLANNED, status_changed_at=None)

    statuses.change_status(item, DONE, on=TODAY)

    assert item.status == DONE
    assert item.status_changed_at == TODAY


def test_the_same_status_again_keeps_the_day_it_changed():
    item = RoadmapEvent(status=DONE, status_changed_at=days(-30))

    statuses.change_status(item, DONE, note="Протокол № 3", on=TODAY)

    assert item.status_changed_at == days(-30)
    assert item.status_note == "Протокол № 3"


def test_a_status_change_without_a_date_is_dated_today():
    item = RoadmapEvent(status=PLANNED, status_note="Ждём приказ")

    statuses.change_status(item, IN_PROGRESS)

    assert item.status_changed_at == timezone.localdate()
    assert item.status_note == "Ждём приказ"  # no note given: the old one stays


# The status filter a visitor asks for


@pytest.mark.parametrize(
    ("values", "wanted"),
    [
        ([], ""),
        ([""], ""),
        (["done"], "done"),
        (["overdue"], "overdue"),
        (["in_progress"], "in_progress"),
        (["<script>"], ""),
        (["DONE"], ""),
        (["done", "planned"], ""),
        (["done", "done"], ""),
    ],
)
def test_status_filter_accepts_one_known_value_only(values, wanted):
    assert statuses.status_filter(values) == wanted


def test_every_filter_value_has_a_label():
    with translation.override("en"):
        labels = [str(statuses.status_label(value)) for value in statuses.STATUS_FILTERS]

    assert labels == ["planned", "in progress", "done", "cancelled", "overdue"]


# Stages and their events


def test_events_of_a_missing_stage_are_kept_after_the_stages(home_page):
    page = RoadmapPageFactory(parent=home_page)
    first = RoadmapStageFactory(page=page, number="1", sort_order=0)
    RoadmapStageFactory(page=page, number="2", sort_order=1)
    in_first = RoadmapEventFactory(page=page, stage_number="1", sort_order=0)
    stray = RoadmapEventFactory(page=page, stage_number="7", sort_order=1)
    page = RoadmapPage.objects.get(pk=page.pk)

    stages = page.stages_with_events(page.all_events, strays=True)

    assert [(stage and stage.number, events) for stage, events in stages] == [
        ("1", [in_first]),
        ("2", []),
        (None, [stray]),
    ]
    assert stages[0][0] == first
    # Without `strays` (the landing's summary), only real stages.
    assert [stage for stage, _ in page.stages_with_events(page.all_events)] == list(
        page.stages.all()
    )


def test_a_translation_keeps_the_numbers_that_tie_events_to_stages():
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    synchronised = {
        field.field_name
        for field in get_translatable_fields(RoadmapEvent)
        if isinstance(field, SynchronizedField)
    }

    assert {"stage_number", "number", "status", "status_changed_at", "end"} <= synchronised


# The page editor


def editor_data(page, stages, events, **fields):
    """What the page editor posts for `page`: its stages and events as inline formsets."""

    def text(value):
        return "" if value is None else str(value)

    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "first_year": page.first_year,
            "last_year": page.last_year,
            "programme": "",
            "intro": rich_text(page.intro),
            "stages": inline_formset(
                [{"id": s.pk, "number": s.number, "title": s.title} for s in stages],
                initial=len(stages),
            ),
            "events": inline_formset(
                [
                    {
                        "id": e.pk,
                        "stage_number": e.stage_number,
                        "number": e.number,
                        "title": e.title,
                        "deadline_text": e.deadline_text,
                        "start": text(e.start),
                        "end": text(e.end),
                        "recurrence": e.recurrence,
                        "responsible": e.responsible,
                        "expected_result": e.expected_result,
                        "indicator": e.indicator,
                        "status": e.status,
                        "status_note": e.status_note,
                    }
                    for e in events
                ],
                initial=len(events),
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
            **fields,
        }
    )


@pytest.fixture
def edited_roadmap(section):
    page = RoadmapPageFactory(parent=section.roadmaps)
    stage = RoadmapStageFactory(page=page, number="1", sort_order=0)
    changing = RoadmapEventFactory(page=page, status=PLANNED, sort_order=0)
    staying = RoadmapEventFactory(page=page, status=DONE, status_changed_at=days(-30), sort_order=1)
    return page, stage, changing, staying


def test_the_editor_dates_a_status_change_and_only_that(admin_client, edited_roadmap):
    page, stage, changing, staying = edited_roadmap
    changing.status = DONE  # what the editor picks in the form
    staying.title = "Новое название"

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        editor_data(page, [stage], [changing, staying]),
    )

    assert response.status_code == 302, response.context["form"].errors
    changing.refresh_from_db()
    staying.refresh_from_db()
    assert (changing.status, changing.status_changed_at) == (DONE, timezone.localdate())
    assert (staying.title, staying.status_changed_at) == ("Новое название", days(-30))


def test_the_editor_refuses_an_event_of_a_stage_that_does_not_exist(admin_client, edited_roadmap):
    page, stage, changing, staying = edited_roadmap
    changing.stage_number = "9"

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        editor_data(page, [stage], [changing, staying]),
    )

    assert response.status_code == 200  # the editor again, with the error
    event_forms = response.context["form"].formsets["events"].forms
    with translation.override("en"):
        errors = {name: list(messages) for name, messages in event_forms[0].errors.items()}
    assert errors == {"stage_number": ["There is no stage with this number in the roadmap."]}
    assert not event_forms[1].errors
    changing.refresh_from_db()
    assert changing.stage_number == "1"
