"""The demo's roadmap of the current school year: its statuses are those of the day the demo
is built, whatever that day, read from content/roadmap.json. The day is passed in."""

import datetime

import pytest

from mentoring_pages.demo.builders import read_content
from mentoring_pages.demo.current_roadmap import current_rows, events_by_stage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import EventStatus

SPEC = read_content()["roadmap"]["current_roadmap"]
# The days the tests look at the roadmap on: the school year's first days, December, June.
SEPTEMBER = datetime.date(2026, 9, 2)
DECEMBER = datetime.date(2026, 12, 5)
JUNE = datetime.date(2027, 6, 20)


def events_on(on):
    _stages, events = current_rows(SPEC, statuses.school_year(on), on, lambda pair: pair["ru"])
    return list(zip(events_by_stage(SPEC), events, strict=True))


@pytest.mark.parametrize("on", [SEPTEMBER, DECEMBER, JUNE], ids=str)
def test_the_statuses_are_those_of_the_day(on):
    for spec, event in events_on(on):
        if "cancelled_note" in spec:
            expected = EventStatus.CANCELLED
        elif event.end < on:
            expected = EventStatus.IN_PROGRESS if "late_note" in spec else EventStatus.DONE
        elif (event.start or datetime.date(2026, 9, 1)) <= on:
            expected = EventStatus.IN_PROGRESS
        else:
            expected = EventStatus.PLANNED
        assert event.status == expected, (event.title, on)
        # Marked no later than the day, and not at all while planned.
        assert (event.status_changed_at is None) == (event.status == EventStatus.PLANNED)
        assert event.status_changed_at is None or event.status_changed_at <= on


def test_in_december_the_roadmap_has_every_status_and_a_few_overdue():
    events = [event for _spec, event in events_on(DECEMBER)]
    counts = {status: [e.status for e in events].count(status) for status in EventStatus}
    assert all(counts.values()), counts
    overdue = [e for e in events if statuses.is_overdue(e.status, e.end, DECEMBER)]
    late = [spec for spec, _event in events_on(DECEMBER) if "late_note" in spec]
    assert len(overdue) == len(late) >= 1
    assert all(event.status_note for event in overdue)


def test_on_the_second_of_september_nothing_is_done_or_overdue_yet():
    events = [event for _spec, event in events_on(SEPTEMBER)]
    progress = statuses.progress(events, SEPTEMBER)
    assert (progress.done, progress.overdue) == (0, 0)
    assert EventStatus.IN_PROGRESS in {event.status for event in events}


def test_the_dates_follow_the_school_year_of_the_day():
    for on, first in [(DECEMBER, 2026), (JUNE, 2026), (datetime.date(2027, 9, 1), 2027)]:
        events = [event for _spec, event in events_on(on)]
        assert all(event.start or event.end for event in events)
        years = {date.year for e in events for date in (e.start, e.end) if date}
        assert years == {first, first + 1}, on
        assert str(first) in events[0].deadline_text


def test_a_roadmap_is_finished_once_its_last_school_year_is_over():
    assert statuses.school_year(datetime.date(2026, 8, 31)) == 2025
    assert statuses.school_year(datetime.date(2026, 9, 1)) == 2026
    assert statuses.is_finished(2024, DECEMBER)
    assert statuses.is_finished(2026, DECEMBER)  # 2025/26 ended in the summer
    assert not statuses.is_finished(2027, DECEMBER)
    assert not statuses.is_finished(2026, datetime.date(2026, 6, 1))


def test_events_listed_out_of_their_stages_order_keep_their_own_statuses():
    """The roadmap lists events stage by stage: data giving them in another order makes the
    same roadmap, each event with its own status and note."""
    last = SPEC["stages"][-1]["number"]
    last_first = sorted(SPEC["events"], key=lambda event: event["stage"] != last)
    shuffled = {**SPEC, "events": last_first}

    def rows(spec):
        _stages, events = current_rows(spec, 2026, DECEMBER, lambda pair: pair["ru"])
        return [(e.number, e.stage_number, e.title, e.status, e.status_note) for e in events]

    assert rows(shuffled) == rows(SPEC)
