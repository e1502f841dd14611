"""The demo's roadmap for the current school year (content/roadmap.json, "current_roadmap").

Its texts name the school year's years as {first}, {second} and {short} (2026, 2027, "27").
Its stages and events are built by the importer, as from a school's Word file. The
statuses are what a curator keeping it up to date would have marked by the day the demo is
built: past events done, except the few the data says ran late (overdue), current ones in
progress, future ones planned. So the demo looks current whenever it is built."""

import datetime

from django.utils import timezone

from mentoring_pages import models
from mentoring_pages.roadmap.importer import roadmap_rows
from mentoring_pages.roadmap.reader import ImportedEvent, ImportedRoadmap, ImportedStage
from mentoring_pages.roadmap.statuses import EventStatus, change_status, school_year


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


def events_by_stage(spec):
    """The data's events stage by stage, in the stages' order: as the roadmap numbers and
    lists them, whatever order the data gives them in."""
    position = {stage["number"]: index for index, stage in enumerate(spec["stages"])}
    return sorted(spec["events"], key=lambda event: position[event["stage"]])


def imported_roadmap(spec, words, text):
    """The data as the importer reads a school's Word file: numbered events under their
    stages; `text` turns a {"ru", "en"} text into the stored (Russian) one."""
    stages = [
        ImportedStage(title=text(stage["title"]), number=stage["number"])
        for stage in spec["stages"]
    ]
    stage_of = {stage.number: stage for stage in stages}
    for number, event in enumerate(events_by_stage(spec), start=1):
        stage_of[event["stage"]].events.append(
            ImportedEvent(
                number=f"{number}.",
                title=text(event["title"]),
                deadline_text=text(in_year(event["deadline"], words)),
                responsible=text(event["responsible"]),
            )
        )
    return ImportedRoadmap(title=text(spec["title"]), stages=stages)


def current_rows(spec, first_year, on, text, locale_id=None):
    """(stages, events) of the school year beginning in `first_year`, the events with their
    statuses as of `on`."""
    words = year_words(first_year)
    stages, events = roadmap_rows(imported_roadmap(spec, words, text), first_year, locale_id)
    year_start = datetime.date(first_year, 9, 1)
    for event, row in zip(events_by_stage(spec), events, strict=True):
        # «до 25 декабря»: an event given only an end runs from the start of the year.
        status, note, marked_on = scheduled_status(event, row.start or year_start, row.end, on)
        change_status(row, status, text(note) if note else None, on=marked_on)
    return stages, events


def build_current_roadmap(section, parent, programme, spec, on=None):
    """The roadmap of the school year of `on` (today) under `parent`, if it is missing."""
    on = on or timezone.localdate()
    words = year_words(school_year(on))
    texts = section.texts

    def text(pair):
        return texts.text(in_year(pair, words))

    def fill(page):
        page.stages, page.events = current_rows(spec, page.first_year, on, text, page.locale_id)

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
