"""Turn a roadmap read from a document into the stages and events of a RoadmapPage, with
each deadline parsed into dates. Used by the admin import, the command line and the demo."""

import dataclasses
import itertools
import re

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext

from home.publishing import save_draft
from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.permissions import source_language_code
from mentoring_pages.roadmap.deadlines import parse_deadline
from mentoring_pages.roadmap.reader import (
    ImportedEvent,
    ImportedRoadmap,
    ImportedStage,
    RoadmapImportError,
    read_roadmap,
)
from site_project.translation import create_draft_translations


def stage_numbers(imported):
    """A unique number per stage: its own where it has one, else its position."""
    numbers, seen = [], set()
    for position, stage in enumerate(imported.stages, start=1):
        number = stage.number.strip() if stage.number.strip() not in seen else ""
        number = number or str(position)
        while number in seen:
            number = f"{number}*"
        seen.add(number)
        numbers.append(number)
    return numbers


# A number too long for its field is quoted this far in the message: it may be a whole
# cell of digits.
NUMBER_SHOWN = 40


def read_for_import(file, filename):
    """The roadmap `file` holds, refused (RoadmapImportError) if a number or a stage's title
    is longer than its field holds: saving it would fail, on PostgreSQL with a 500."""
    imported = read_roadmap(file, filename)
    stage_number_length = RoadmapStage.number.field.max_length
    title_length = RoadmapStage.title.field.max_length
    number_length = RoadmapEvent.number.field.max_length
    too_long = []
    for stage, number in zip(imported.stages, stage_numbers(imported), strict=True):
        if len(number) > stage_number_length:
            too_long.append(
                ngettext(
                    "The stage number “%(number)s” is longer than %(limit)d character.",
                    "The stage number “%(number)s” is longer than %(limit)d characters.",
                    stage_number_length,
                )
                % {"number": Truncator(number).chars(NUMBER_SHOWN), "limit": stage_number_length}
            )
        if len(stage.title) > title_length:
            too_long.append(
                ngettext(
                    "The stage heading “%(start)s” is longer than %(limit)d character: "
                    "a note in the table may have been read as a stage.",
                    "The stage heading “%(start)s” is longer than %(limit)d characters: "
                    "a note in the table may have been read as a stage.",
                    title_length,
                )
                % {"start": Truncator(stage.title).chars(60), "limit": title_length}
            )
        too_long.extend(
            ngettext(
                "The number “%(number)s” of the event “%(event)s” is longer than "
                "%(limit)d character.",
                "The number “%(number)s” of the event “%(event)s” is longer than "
                "%(limit)d characters.",
                number_length,
            )
            % {
                "number": Truncator(event.number).chars(NUMBER_SHOWN),
                "event": Truncator(event.title).chars(60),
                "limit": number_length,
            }
            for event in stage.events
            if len(event.number) > number_length
        )
    if too_long:
        raise RoadmapImportError(
            " ".join([*too_long, gettext("Shorten the file's text there and upload it again.")])
        )
    return imported


def roadmap_rows(imported, first_year, locale_id=None):
    """(stages, events): the rows of a roadmap beginning in `first_year` that `imported`
    holds, each deadline parsed into dates. The one builder of event rows from a document.

    A month without a year takes the year of the event before it, or the roadmap's first."""
    stages, events = [], []
    year = first_year
    for stage, number in zip(imported.stages, stage_numbers(imported), strict=True):
        stages.append(
            RoadmapStage(
                locale_id=locale_id, number=number, title=stage.title, sort_order=len(stages)
            )
        )
        for item in stage.events:
            deadline = parse_deadline(item.deadline_text, default_year=year)
            known = deadline.end or deadline.start
            year = known.year if known else year
            events.append(
                RoadmapEvent(
                    locale_id=locale_id,
                    sort_order=len(events),
                    stage_number=number,
                    number=item.number,
                    title=item.title,
                    deadline_text=item.deadline_text,
                    start=deadline.start,
                    end=deadline.end,
                    recurrence=deadline.recurrence,
                    responsible=item.responsible,
                    expected_result=item.expected_result,
                    indicator=item.indicator,
                )
            )
    return stages, events


def fill_roadmap(page, imported):
    """Replace `page`'s stages and events (in memory: saving a revision writes them)."""
    page.stages, page.events = roadmap_rows(imported, page.first_year, page.locale_id)
    return page


# «на 2020- 2024 гг.», «2023-2024гг.»: the period a roadmap's heading names.
YEAR_RANGE = re.compile(r"(20\d{2})\s*[-–—]\s*(20\d{2})")


def guess_period(imported):
    """(first year, last year): from the heading if it names them, else from the deadlines,
    else this year."""
    match = YEAR_RANGE.search(imported.title)
    if match:
        first, last = sorted(int(year) for year in match.groups())
        return first, last
    years = [
        date.year
        for stage in imported.stages
        for event in stage.events
        for date in (
            parse_deadline(event.deadline_text).start,
            parse_deadline(event.deadline_text).end,
        )
        if date
    ]
    this_year = timezone.localdate().year
    return (min(years), max(years)) if years else (this_year, this_year)


def as_data(page):
    """The page's stages and events as plain data (the command line's --json)."""
    events = list(page.events.all())
    return {
        "stages": [
            {
                "title": stage.title,
                "events": [
                    {name: getattr(event, name) for name in RoadmapEvent.PLANNED_FIELDS}
                    for event in events
                    if event.stage_number == stage.number
                ],
            }
            for stage in page.stages.all()
        ]
    }


def free_slug(parent, base):
    """`base`, or `base-2`, `base-3`… whichever no child of `parent` has: Wagtail would make
    the slug of the Russian title, and with Latin slugs (WAGTAIL_ALLOW_UNICODE_SLUGS) keep
    only its digits, or nothing at all."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidates = itertools.chain([base], (f"{base}-{n}" for n in itertools.count(2)))
    return next(slug for slug in candidates if slug not in taken)


def new_roadmap_page(parent, imported, title=None, user=None):
    """An unsaved RoadmapPage under `parent` for the imported roadmap: its title and period
    from the file; a file without a title line is named after its school year, in the
    language of the pages it joins."""
    from mentoring_pages.models import RoadmapPage

    first_year, last_year = guess_period(imported)
    # A roadmap of one calendar year still runs to the end of that school year.
    school_years = {"first": first_year, "last": max(last_year, first_year + 1)}
    with translation.override(parent.locale.language_code):
        if not (title or imported.title):
            title = gettext("Roadmap for the %(first)s/%(last)s school year") % school_years
        # The address in Latin letters, in the language of the pages it joins.
        slug = pgettext("page address", "roadmap-%(first)s-%(last)s") % school_years
    # A file's heading may run over three lines: the page's title holds what it can.
    longest = RoadmapPage.title.field.max_length
    return RoadmapPage(
        title=Truncator(title or imported.title).chars(longest),
        slug=free_slug(parent, slug),
        first_year=first_year,
        last_year=last_year,
        live=False,
        locale=parent.locale,
        owner=user,
    )


NOT_INTO_A_TRANSLATION = gettext_lazy(
    "“%(title)s” is a translation: import the roadmap into the original page, "
    "which its translations follow each time it is published."
)


def in_source_language(page):
    """Whether a roadmap may be imported into `page`, or under it: not into a translation,
    which the next publication of its source overwrites (home/signals.py), import and all.
    The board lists only the source language's roadmaps too (board.permissions)."""
    return page.locale.language_code == source_language_code()


@transaction.atomic
def create_roadmap_page(parent, imported, title=None, user=None, past_done=False, on=None):
    """A new draft RoadmapPage under `parent` holding the imported roadmap, and its draft
    translations into the languages of the roadmap index: all or nothing."""
    page = new_roadmap_page(parent, imported, title, user)
    fill_roadmap(page, imported)
    if past_done:
        mark_past_done(page, on)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    create_draft_translations(page, user)
    return page


def imported_to_data(imported):
    """A read roadmap as JSON-ready data, to keep between the preview and the confirmation."""
    return dataclasses.asdict(imported)


def imported_from_data(data):
    return ImportedRoadmap(
        title=data["title"],
        stages=[
            ImportedStage(
                title=stage["title"],
                number=stage["number"],
                events=[ImportedEvent(**event) for event in stage["events"]],
            )
            for stage in data["stages"]
        ],
    )


@dataclasses.dataclass(frozen=True)
class PreviewRow:
    """A row of the file and the event it would become: the dates read from its deadline,
    and whether that deadline has already passed."""

    read: ImportedEvent
    event: RoadmapEvent
    is_past: bool


@dataclasses.dataclass(frozen=True)
class ImportPreview:
    """What confirming the import of `imported` into a roadmap would write, for the curator
    to check first: per stage its rows, and the counts the summary gives."""

    stages: list  # [(ImportedStage, [PreviewRow])]
    event_count: int
    doubtful_count: int
    past_count: int


def preview_import(page, imported, on=None):
    """The preview of importing `imported` into `page`, read by the same rule the import
    writes by (fill_roadmap), nothing saved."""
    on = on or statuses.today()
    events = iter(fill_roadmap(page.get_latest_revision_as_object(), imported).events.all())
    stages = [
        (
            stage,
            [
                PreviewRow(read, event, is_past(event, on))
                # `events` runs on through every stage: each takes its own rows' events.
                for read, event in zip(stage.events, events, strict=False)
            ],
        )
        for stage in imported.stages
    ]
    rows = [row for _stage, stage_rows in stages for row in stage_rows]
    return ImportPreview(
        stages=stages,
        event_count=len(rows),
        doubtful_count=sum(1 for row in rows if row.read.doubts),
        past_count=sum(1 for row in rows if row.is_past),
    )


def is_past(event, on):
    """Whether a newly imported (planned) event would be overdue at once."""
    return statuses.is_overdue(statuses.EventStatus.PLANNED, event.end, on)


@transaction.atomic
def import_into_draft(page, imported, user, past_done=False, on=None):
    """Replace the roadmap's stages and events with the imported ones in a new draft
    revision of `page`: the live page is unchanged until someone publishes it, and so are
    its translations, which follow when it is published (home.signals): even a draft of a
    translated page would write to its live row. With
    `past_done`, events whose deadline has already passed are marked done, the day of the
    import noted (an old plan, imported after the fact, is not a list of failures)."""
    draft = page.get_latest_revision_as_object()
    fill_roadmap(draft, imported)
    if past_done:
        mark_past_done(draft, on)
    return save_draft(draft, user)


def mark_past_done(page, on=None):
    """Mark done the events of `page` (filled, not yet saved) whose deadline has passed,
    noting the day, in the page's language."""
    on = on or statuses.today()
    with translation.override(page.locale.language_code):
        note = gettext("Marked done when the roadmap was imported on %(date)s.") % {
            "date": formats.date_format(on)
        }
    for event in page.events.all():
        if is_past(event, on):
            statuses.change_status(event, statuses.EventStatus.DONE, note, on)
