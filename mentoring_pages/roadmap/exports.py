"""A roadmap as a spreadsheet (CSV, XLSX) and as a calendar a parent can subscribe to."""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from mentoring_pages.roadmap.deadlines import Recurrence
from site_project.spreadsheets import BYTE_ORDER_MARK, csv_safe
from site_project.xml_text import xml_text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters per column, in the order of `event_header()`, then of `header()`'s own.
EVENT_COLUMN_WIDTHS = (30, 8, 50, 25, 12, 12)
COLUMN_WIDTHS = (*EVENT_COLUMN_WIDTHS, 16, 30, 35, 35, 14, 12, 30, 14)

# How a recurring event repeats in a calendar; the others happen once or have no rhythm.
RRULES = {
    Recurrence.YEARLY: {"FREQ": "YEARLY"},
    Recurrence.QUARTERLY: {"FREQ": "MONTHLY", "INTERVAL": 3},
    Recurrence.MONTHLY: {"FREQ": "MONTHLY"},
}


def event_header():
    """The first columns of every table of events (this export, the quarterly report):
    which event, and when."""
    return [_("Stage"), _("No."), _("Event"), _("Deadline"), _("Start"), _("End")]


def titles_by_stage_number(page):
    return {stage.number: str(stage) for stage in page.all_stages}


def event_cells(event, stage_titles):
    """The event's cells under `event_header()`; a stage number no stage has stands as is."""
    return [
        stage_titles.get(event.stage_number, event.stage_number),
        event.number,
        event.title,
        event.deadline_text,
        event.start,
        event.end,
    ]


def header():
    return [
        *event_header(),
        _("Recurrence"),
        _("Responsible"),
        _("Expected result"),
        _("Indicator"),
        _("Status"),
        _("Overdue"),
        _("Status note"),
        _("Status changed on"),
    ]


def rows(page):
    """One row per event, in the roadmap's order, as a person reads the page."""
    stage_titles = titles_by_stage_number(page)
    for event in page.all_events:
        yield [
            *event_cells(event, stage_titles),
            event.get_recurrence_display(),
            event.responsible,
            event.expected_result,
            event.indicator,
            event.get_status_display(),
            _("yes") if event.is_overdue else "",
            event.status_note,
            event.status_changed_at,
        ]


def filename(page, extension):
    return f"{slugify(page.slug) or 'roadmap'}.{extension}"


def attachment(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def roadmap_csv(page):
    buffer = io.StringIO()
    # A byte-order mark and semicolons: what Excel in a Russian locale opens correctly.
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header())
    for row in rows(page):
        writer.writerow(["" if value is None else csv_safe(value) for value in row])
    return attachment(buffer.getvalue(), "text/csv; charset=utf-8", filename(page, "csv"))


def tidy(sheet, first_row=1, last_row=None):
    """Readable cells: wrapped text at the top, dates as dates, text as text."""
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
            else:
                keep_as_text(cell)


def keep_as_text(cell):
    """Text that begins with «=» kept as text: openpyxl would store «= 100 %» as a formula,
    and it is the school's text."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def append_row(sheet, row):
    """`row` appended to `sheet` by every XLSX the site writes, each cell as XML holds it."""
    sheet.append([xml_text(value) for value in row])


def fill_table(sheet, title, header_row, rows, widths):
    """A sheet holding one table: a bold, frozen header row, then the rows."""
    sheet.title = title[:31]  # Excel's limit for a sheet's name
    append_row(sheet, header_row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        append_row(sheet, row)
    tidy(sheet, first_row=2)
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    return sheet


def roadmap_xlsx(page):
    workbook = Workbook()
    fill_table(workbook.active, _("Roadmap"), header(), rows(page), COLUMN_WIDTHS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_TYPE, filename(page, "xlsx"))


def calendar_event(event, page, host, url=None, stamp=None):
    """An all-day calendar event for a dated roadmap event. Its UID is the event's
    translation key, which never changes, so a subscriber's calendar updates in place."""
    first = event.start or event.end
    # An end typed before the start would make an invalid event: it lasts its first day.
    last = max(event.end or first, first)
    entry = Event()
    entry.add("uid", f"{event.translation_key}@{host}")
    entry.add("summary", f"{event.number} {event.title}".strip())
    entry.add("dtstart", first)
    entry.add("dtend", last + datetime.timedelta(days=1))
    entry.add("dtstamp", stamp or datetime.datetime.now(tz=datetime.UTC))
    description = [
        (_("Deadline"), event.deadline_text),
        (_("Responsible"), event.responsible),
        (_("Status"), event.display_status_label),
        (_("Status note"), event.status_note),
    ]
    entry.add("description", "\n".join(f"{label}: {text}" for label, text in description if text))
    if url:
        entry.add("url", url)
    until = datetime.date(page.last_year, 12, 31)
    if event.recurrence in RRULES and until >= first:
        entry.add("rrule", vRecur({**RRULES[event.recurrence], "UNTIL": until}))
    return entry


def roadmap_calendar(page, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Nastavnichestvo//roadmap//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", page.title)
    host = request.get_host().split(":")[0]
    page_url = page.get_url(request)
    url = request.build_absolute_uri(page_url) if page_url else None
    stamp = datetime.datetime.now(tz=datetime.UTC)
    for event in page.all_events:
        if event.start or event.end:
            calendar.add_component(calendar_event(event, page, host, url, stamp))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename(page, "ics")}"'
    return response
