"""The demo's roadmap for the current school year (content/roadmap.json, "current_roadmap").

Its texts name the school year's years as {first}, {second} and {short} (2026, 2027, "27"),
and its events' dates are read from their deadlines as the importer reads a Word file's. The
statuses are what a curator keeping it up to date would have marked by the day the demo is
built: past events done, except the few the data says ran late (overdue), current ones in
progress, future ones planned. So the demo looks current whenever it is built."""

import datetime

from django.utils import timezone

from mentoring_pages import models
from mentoring_pages.roadmap.deadlines import parse_deadline
from mentoring_pages.roadmap.statuses import EventStatus, change_status, school_year
from site_project.demo_content import orderables


def year_words(first):
    """The values of the placeholders for the school year beginning in `first`."""
    return {"first": first, "second": first + 1, "short": f"{(first + 1) % 100:02d}"}


def in_year(pair, words):
    """A {"ru", "en"} text of the data with the school year's years filled in."""
    return {language: text.format(**words) for language, text in pair.items()}


def scheduled_status(spec, start, end, on):
    """(status, the data's note for it or None, the day it was marked) of the event `spec`
    running from `start` to `end`, as of `on`."""
    if "cancelled_note" in spec:
        return EventStatus.CANCELLED, spec["cancelled_note"], min(start, on)
    if end is not None and end < on:
        if "late_note" in spec:
            return EventStatus.IN_PROGRESS, spec["late_note"], start
        return EventStatus.DONE, spec.get("done_note"), end
    if start <= on:
        return EventStatus.IN_PROGRESS, None, start
    return EventStatus.PLANNED, None, None


def current_events(spec, on, text):
    """The roadmap's events for the school year of `on`, with their statuses as of `on`;
    `text` turns a {"ru", "en"} text into the stored (Russian) one."""
    words = year_words(school_year(on))
    year_start = datetime.date(words["first"], 9, 1)
    events = []
    for number, event in enumerate(spec["events"], start=1):
        deadline = in_year(event["deadline"], words)
        dates = parse_deadline(deadline["ru"])
        row = models.RoadmapEvent(
            stage_number=event["stage"],
            number=f"{number}.",
            title=text(event["title"]),
            deadline_text=text(deadline),
            start=dates.start,
            end=dates.end,
            recurrence=dates.recurrence,
            responsible=text(event["responsible"]),
            sort_order=number - 1,
        )
        # «до 25 декабря»: an event given only an end runs from the start of the year.
        status, note, marked_on = scheduled_status(event, dates.start or year_start, dates.end, on)
        change_status(row, status, text(note) if note else None, on=marked_on)
        events.append(row)
    return events


def build_current_roadmap(section, parent, programme, spec, on=None):
    """The roadmap of the school year of `on` (today) under `parent`, if it is missing."""
    on = on or timezone.localdate()
    words = year_words(school_year(on))
    texts = section.texts

    def text(pair):
        return texts.text(in_year(pair, words))

    def fill(page):
        page.stages = orderables(
            models.RoadmapStage,
            page.locale,
            (
                {"number": stage["number"], "title": text(stage["title"])}
                for stage in spec["stages"]
            ),
        )
        events = current_events(spec, on, text)
        for event in events:
            event.locale = page.locale
        page.events = events

    return section.page(
        parent,
        models.RoadmapPage,
        spec["slug"].format(**words),
        {
            "title": text(spec["title"]),
            "intro": texts.rich_text([in_year(paragraph, words) for paragraph in spec["intro"]]),
            "first_year": words["first"],
            "last_year": words["second"],
            "programme": programme,
        },
        prepare=fill,
    )
