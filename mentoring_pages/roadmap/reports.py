"""The quarterly execution report of a roadmap (отчёт об исполнении дорожной карты за
квартал), which the school sends every quarter by the 10th, as XLSX or PDF: the school, the
roadmap, the quarter and the day the statuses are given for («по состоянию на»); the counts
by stage and status; the quarter's events with their status and note; the programme's
target indicators for the year; lines for the curator's and the head's signatures.

Which events belong to a quarter: those whose dates meet it. An event with a start and an
end belongs to every quarter its span overlaps, so a deadline in the quarter, work started
in it and work running through it («в течение года», «постоянно») are all reported; an
event with one date belongs to that date's quarter; an event without dates to none. The
report marks which events fall due in the quarter.

Statuses are those the public saw on the report's day: the quarter's last day for a past
quarter, today for the current one. For a past quarter they come from the page's history:
the revision made live by the last publication before that day ended (Wagtail's log of
publications), so later changes and publications do not rewrite a report already sent. A
roadmap not public on that day (not yet published, or unpublished) has no events to report,
and the report says so rather than show today's. An event is overdue if its end had passed
by the report's day and it was neither done nor cancelled; the counts split the events the
way a reader sees them: overdue ones as overdue, not as planned or in progress."""

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import PageLogEntry, Site

from home.models import SiteSettings
from mentoring_pages.roadmap import exports, statuses
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.coverage import indicator_rows

QUARTER_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*(\d)\s*$")
# Characters per column of the events' table, in the order of `header()`: dates and
# statuses whole on one line in the PDF's landscape A4 too.
COLUMN_WIDTHS = (18, 6, 40, 20, 15, 15, 20, 19, 28, 15, 12)
MAX_YEARS_BACK = 20


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    def __post_init__(self):
        if not 1 <= self.number <= 4 or not 1 <= self.year <= 9999:
            raise ValueError(
                gettext("No such quarter: %(year)dQ%(number)d.")
                % {"year": self.year, "number": self.number}
            )

    @classmethod
    def parse(cls, text):
        """A quarter from «2024Q3» (also «2024-Q3», «2024q3»); ValueError otherwise."""
        match = QUARTER_PATTERN.match(text or "")
        if not match:
            raise ValueError(
                gettext("Not a quarter: «%(text)s»; write it as 2024Q3.") % {"text": text}
            )
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
    """The quarters a report may be asked for, newest first: from the current quarter back
    to the first quarter of the earliest roadmap's period, but none more than
    MAX_YEARS_BACK years ago (a year mistyped as 202 lists no 7,000 years)."""
    on = on or statuses.today()
    first_year = min((page.first_year for page in pages), default=on.year)
    first = Quarter(max(first_year, on.year - MAX_YEARS_BACK), 1)
    quarter = Quarter.containing(on)
    quarters = []
    while quarter >= first:
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters or [Quarter.containing(on)]


def check_not_future(quarter, on=None):
    """ValueError for a quarter that has not begun yet: it has nothing to report."""
    current = Quarter.containing(on or statuses.today())
    if quarter > current:
        raise ValueError(
            gettext("%(quarter)s has not begun yet: the latest report is for %(current)s.")
            % {"quarter": quarter, "current": current}
        )


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


# The log entries that make a page public, or stop it being public.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
UNPUBLISH_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")

# Why a report has no version of the roadmap to give statuses from.
NOT_PUBLISHED = "not_published"
NOT_KEPT = "not_kept"  # published, but that revision has since been removed


def end_of_day(day):
    """The moment `day` ends in the school's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    )


def published_version(page, as_of, today):
    """(the roadmap as published at the end of `as_of`, None), or (None, why there is none).

    Today's is the page itself when it is live: a live page's rows are its published
    content. An earlier day's is the revision of the last publication before that day
    ended, unless the page was unpublished after it."""
    if as_of >= today:
        return (page, None) if page.live else (None, NOT_PUBLISHED)
    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk,
            action__in=(*PUBLISH_ACTIONS, *UNPUBLISH_ACTIONS),
            timestamp__lt=end_of_day(as_of),
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None or entry.action in UNPUBLISH_ACTIONS:
        return None, NOT_PUBLISHED
    if entry.revision is None:
        return None, NOT_KEPT
    # Read without checking each event's keys (a query per event); the report needs only
    # the roadmap's own fields and rows, not the objects they point to.
    return type(page).from_serializable_data(entry.revision.content, check_fks=False), None


@dataclass(frozen=True)
class Summary:
    total: int
    done: int
    in_progress: int
    planned: int
    overdue: int
    cancelled: int

    @classmethod
    def of(cls, events, on):
        counts = Counter(statuses.display_status(e.status, e.end, on) for e in events)
        return cls(
            total=len(events),
            done=counts[EventStatus.DONE],
            in_progress=counts[EventStatus.IN_PROGRESS],
            planned=counts[EventStatus.PLANNED],
            overdue=counts[statuses.OVERDUE],
            cancelled=counts[EventStatus.CANCELLED],
        )

    @property
    def counts(self):
        """The counts in the order of `summary_header()`."""
        return [
            self.total,
            self.done,
            self.in_progress,
            self.planned,
            self.overdue,
            self.cancelled,
        ]


@dataclass(frozen=True)
class QuarterReport:
    page: object  # the roadmap page as it is today
    quarter: Quarter
    on: datetime.date  # «по состоянию на»: the day the statuses are given for
    version: object  # the roadmap as published on `on`, or None
    missing: str | None  # why there is no version: NOT_PUBLISHED or NOT_KEPT
    school: str
    indicators: list | None  # IndicatorRows of the quarter's year; None: no programme

    @property
    def title(self):
        return (self.version or self.page).title

    @cached_property  # the tables, the counts and the overdue list all read them
    def events(self):
        if self.version is None:
            return []
        return [event for event in self.version.all_events if in_quarter(event, self.quarter)]

    @property
    def summary(self):
        return Summary.of(self.events, self.on)

    @property
    def stage_summaries(self):
        """[(stage title, Summary)] of the stages with events in the quarter, in order;
        events of no stage last."""
        if self.version is None:
            return []
        return [
            (str(stage) if stage else gettext("No stage"), Summary.of(events, self.on))
            for stage, events in self.version.stages_with_events(self.events, strays=True)
            if events
        ]

    def display_status(self, event):
        return statuses.display_status(event.status, event.end, self.on)

    def status_label(self, event):
        return statuses.status_label(self.display_status(event))

    @property
    def overdue_events(self):
        return [event for event in self.events if self.display_status(event) == statuses.OVERDUE]


def school_name(page):
    """The school's full name in the active language, from the site settings of the
    roadmap's site (or of the default site); "" if it is not set."""
    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return SiteSettings.for_site(site).localized().full_name


def year_indicators(page, year):
    """The target indicators of the roadmap's programme for `year`, with their actuals;
    None if the roadmap belongs to no programme."""
    if page.programme_id is None:
        return None
    return [row for row in indicator_rows(page.programme) if row.indicator.year == year]


def in_report_language():
    """Where a report is made from the admin: in the site's language, as `roadmap_report`
    writes it, whatever the admin language of whoever downloads it. It is the school's
    document, sent on as it is."""
    return translation.override(settings.LANGUAGE_CODE)


def build_report(page, quarter, on=None):
    """The report of `page` (a RoadmapPage) for `quarter`, in the roadmap's order. `on` is
    today (by default, the real one)."""
    today = on or statuses.today()
    as_of = min(quarter.last, today)
    version, missing = published_version(page, as_of, today)
    return QuarterReport(
        page=page,
        quarter=quarter,
        on=as_of,
        version=version,
        missing=missing,
        school=school_name(page),
        indicators=year_indicators(page, quarter.year),
    )


# What the report says, for the XLSX and the PDF alike.


def short_date(day):
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def title_lines(report):
    """The lines above the tables: the school, what this is, the roadmap, the quarter, the
    day the statuses are given for."""
    return [
        report.school or gettext("The school's full name is not set in the site settings."),
        gettext("Report on the execution of the roadmap"),
        f"«{report.title}»",
        gettext("%(quarter)s (%(first)s – %(last)s)")
        % {
            "quarter": report.quarter.label,
            "first": short_date(report.quarter.first),
            "last": short_date(report.quarter.last),
        },
        gettext("as of %(date)s") % {"date": formats.date_format(report.on, "DATE_FORMAT")},
    ]


def missing_text(report):
    """Why the report lists no events, or "" if it has a version to list them from."""
    values = {"title": report.title, "date": short_date(report.on)}
    if report.missing == NOT_PUBLISHED:
        return (
            gettext(
                "«%(title)s» was not published on %(date)s: there are no statuses to report "
                "as of that day."
            )
            % values
        )
    if report.missing == NOT_KEPT:
        return (
            gettext(
                "The version of «%(title)s» published on %(date)s is no longer kept in the "
                "page's history: its statuses cannot be reported."
            )
            % values
        )
    return ""


@dataclass(frozen=True)
class Table:
    heading: str
    header: list
    rows: list
    widths: tuple  # characters per column
    empty: str = ""  # said instead of a table without rows
    repeat_header: bool = False  # printed atop every page the table runs onto


def summary_header():
    return [
        gettext("Stage"),
        gettext("Events"),
        *(
            capfirst(str(statuses.status_label(value)))
            for value in (
                EventStatus.DONE,
                EventStatus.IN_PROGRESS,
                EventStatus.PLANNED,
                statuses.OVERDUE,
                EventStatus.CANCELLED,
            )
        ),
    ]


def summary_table(report):
    rows = [[title, *summary.counts] for title, summary in report.stage_summaries]
    if rows:
        rows.append([gettext("Total"), *report.summary.counts])
    return Table(
        gettext("Summary by stage and status"),
        summary_header(),
        rows,
        (30, 19, 19, 19, 19, 19, 19),
        empty=gettext("No events of the roadmap fall in the quarter."),
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


def rows(report, events, no_note=""):
    """The rows of `events` under `header()`; `no_note` stands for an empty note."""
    stage_titles = exports.titles_by_stage_number(report.version) if report.version else {}
    for event in events:
        yield [
            *exports.event_cells(event, stage_titles),
            event.responsible,
            capfirst(str(report.status_label(event))),
            event.status_note or no_note,
            event.status_changed_at,
            gettext("yes") if due_in_quarter(event, report.quarter) else "",
        ]


def events_table(report):
    return Table(
        gettext("Events of the quarter"),
        header(),
        list(rows(report, report.events)),
        COLUMN_WIDTHS,
        empty=missing_text(report) or gettext("No events of the roadmap fall in the quarter."),
        repeat_header=True,
    )


def overdue_table(report):
    """The overdue events again, on their own: what the reader of the report asks about,
    each with the curator's note on why."""
    return Table(
        gettext("Overdue at the end of the quarter, with the curator's notes"),
        header(),
        list(rows(report, report.overdue_events, no_note=gettext("no note"))),
        COLUMN_WIDTHS,
        empty=gettext("No event was overdue."),
    )


def indicators_table(report):
    if report.indicators is None:
        empty = gettext("The roadmap is not linked to a programme: there are no indicators.")
    else:
        empty = gettext("The programme has no target indicators for %(year)d.") % {
            "year": report.quarter.year
        }
    no_data = gettext("no data")
    return Table(
        gettext("Target indicators for %(year)d: target and actual")
        % {"year": report.quarter.year},
        [
            gettext("Participants"),
            gettext("Target") + ", %",
            gettext("Actual") + ", %",
            gettext("Coverage from the figures") + ", %",
        ],
        [
            [
                row.indicator.get_category_display(),
                row.indicator.target_percent,
                no_data if row.indicator.actual_percent is None else row.indicator.actual_percent,
                no_data if row.coverage_percent is None else row.coverage_percent,
            ]
            for row in report.indicators or []
        ],
        (30, 14, 14, 24),
        empty=empty,
    )


def tables(report):
    return [
        summary_table(report),
        events_table(report),
        overdue_table(report),
        indicators_table(report),
    ]


def signature_lines():
    """A line to sign on for each who signs the report. The settings name no one, so the
    names are written by hand too."""
    return [
        f"{caption}  ______________________  /  ______________________  /"
        for caption in (gettext("Curator"), gettext("Head of the school"))
    ]
