"""The quarterly execution report of a roadmap (отчёт об исполнении дорожной карты за
квартал), which the school sends every quarter by the 10th: the quarter's events with their
status and note, and how many are done, in progress, planned, overdue and cancelled.

Which events belong to a quarter: those whose dates meet it. An event with a start and an
end belongs to every quarter its span overlaps, so a deadline in the quarter, work started
in it and work running through it («в течение года», «постоянно») are all reported; an
event with one date belongs to that date's quarter; an event without dates to none. The
report marks which events fall due in the quarter.

Statuses are today's: an event is overdue if its end has passed, as of the day the report
is made, and it is neither done nor cancelled. The summary splits the events the way a
reader sees them: overdue ones are counted as overdue, not as planned or in progress."""

import datetime
import io
import re
from collections import Counter
from dataclasses import dataclass

from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from mentoring_pages.roadmap import exports, statuses
from mentoring_pages.roadmap.statuses import EventStatus

QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*(\d)\s*$")
# Characters per column of the events sheet, in the order of `header()`.
COLUMN_WIDTHS = (*exports.EVENT_COLUMN_WIDTHS, 30, 14, 30, 14, 14)
MAX_YEARS_BACK = 20


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self):
        if not 1 <= self.number <= 4 or not 1 <= self.year <= 9999:
            raise ValueError(f"No such quarter: {self.year}Q{self.number}")

    @classmethod
    def parse(cls, text):
        """A quarter from «2024Q3» (also «2024-Q3», «2024q3»); ValueError otherwise."""
        match = QUARTER_PATTERN.match(text or "")
        if not match:
            raise ValueError(f"Not a quarter: {text!r}; write it as 2024Q3.")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day):
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def first(self):
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def last(self):
        if self.number == 4:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, 3 * self.number + 1, 1) - datetime.timedelta(days=1)

    def previous(self):
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def __str__(self):
        return f"{self.year}Q{self.number}"

    @property
    def label(self):
        return gettext("Q%(number)d %(year)d") % {"number": self.number, "year": self.year}


def report_quarters(pages, on=None):
    """The quarters a report may be asked for, newest first: from the first quarter of the
    earliest roadmap's period to the last of the latest one's, but none after today's and
    none more than MAX_YEARS_BACK years ago (a year mistyped as 202 lists no 7,000 years)."""
    on = on or statuses.today()
    current = Quarter.containing(on)
    first_year = min((page.first_year for page in pages), default=on.year)
    first = Quarter(max(first_year, on.year - MAX_YEARS_BACK), 1)
    quarter = min(Quarter(max((page.last_year for page in pages), default=on.year), 4), current)
    quarters = []
    while quarter >= first:
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters or [current]


def default_quarter(on=None):
    """The quarter the next report is due for: the one that ended last."""
    return Quarter.containing(on or statuses.today()).previous()


def event_span(event):
    """(first, last) day of an event, or None for an event without dates. An end typed
    before the start counts as a one-day event, as in the calendar feed."""
    first = event.start or event.end
    if first is None:
        return None
    return first, max(event.end or first, first)


def in_quarter(event, quarter):
    span = event_span(event)
    return span is not None and span[0] <= quarter.last and span[1] >= quarter.first


def due_in_quarter(event, quarter):
    return event.end is not None and quarter.first <= event.end <= quarter.last


@dataclass(frozen=True)
class Summary:
    total: int
    done: int
    in_progress: int
    planned: int
    overdue: int
    cancelled: int


@dataclass(frozen=True)
class QuarterReport:
    page: object
    quarter: Quarter
    on: datetime.date
    events: list

    @property
    def summary(self):
        counts = Counter(statuses.display_status(e.status, e.end, self.on) for e in self.events)
        return Summary(
            total=len(self.events),
            done=counts[EventStatus.DONE],
            in_progress=counts[EventStatus.IN_PROGRESS],
            planned=counts[EventStatus.PLANNED],
            overdue=counts[statuses.OVERDUE],
            cancelled=counts[EventStatus.CANCELLED],
        )

    def status_label(self, event):
        return statuses.status_label(statuses.display_status(event.status, event.end, self.on))


def build_report(page, quarter, on=None):
    """The report of `page` (a RoadmapPage) for `quarter`, in the roadmap's order."""
    on = on or statuses.today()
    return QuarterReport(
        page=page,
        quarter=quarter,
        on=on,
        events=[event for event in page.all_events if in_quarter(event, quarter)],
    )


def header():
    return [
        *exports.event_header(),
        gettext("Responsible"),
        gettext("Status"),
        gettext("Status note"),
        gettext("Status changed on"),
        gettext("Due in the quarter"),
    ]


def rows(report):
    stage_titles = exports.titles_by_stage_number(report.page)
    for event in report.events:
        yield [
            *exports.event_cells(event, stage_titles),
            event.responsible,
            capfirst(str(report.status_label(event))),
            event.status_note,
            event.status_changed_at,
            gettext("yes") if due_in_quarter(event, report.quarter) else "",
        ]


def summary_rows(report):
    summary = report.summary
    return [
        [gettext("Roadmap"), report.page.title],
        [gettext("Quarter"), report.quarter.label],
        [gettext("First day of the quarter"), report.quarter.first],
        [gettext("Last day of the quarter"), report.quarter.last],
        [gettext("Statuses as of"), report.on],
        [],
        [gettext("Events in the quarter"), summary.total],
        [capfirst(str(statuses.status_label(EventStatus.DONE))), summary.done],
        [capfirst(str(statuses.status_label(EventStatus.IN_PROGRESS))), summary.in_progress],
        [capfirst(str(statuses.status_label(EventStatus.PLANNED))), summary.planned],
        [capfirst(str(statuses.status_label(statuses.OVERDUE))), summary.overdue],
        [capfirst(str(statuses.status_label(EventStatus.CANCELLED))), summary.cancelled],
    ]


def workbook(report):
    """Two sheets: the quarter's events (header in the first row, ready for a filter) and
    the summary."""
    book = Workbook()
    events = exports.fill_table(
        book.active, gettext("Events"), header(), rows(report), COLUMN_WIDTHS
    )
    events.auto_filter.ref = events.dimensions

    summary = book.create_sheet(gettext("Summary")[:31])
    for row in summary_rows(report):
        summary.append(row)
    for row in summary.iter_rows():
        row[0].font = Font(bold=True)
    exports.tidy(summary)
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 50
    return book


def xlsx_bytes(report):
    buffer = io.BytesIO()
    workbook(report).save(buffer)
    return buffer.getvalue()


def filename(report):
    return f"{slugify(report.page.slug) or 'roadmap'}-{report.quarter}.xlsx"


def xlsx_response(report):
    return exports.attachment(xlsx_bytes(report), exports.XLSX_TYPE, filename(report))
