"""The quarterly execution report: which events a quarter holds, the counts, and the XLSX
from the board and from `manage.py roadmap_report`."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import reports
from mentoring_pages.roadmap.reports import Quarter
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import roadmap_with_events
from mentoring_pages.tests.roadmap.board import make_user, messages_of, soup_of
from programmes.roles import CURATOR, EDITOR
from site_project.tests.admin_refusals import NO_PERMISSION

pytestmark = pytest.mark.django_db

D = datetime.date
REPORT = "/admin/roadmap-board/report/"
# The day the statuses are judged on, in the tests that fix it.
ON = D(2024, 10, 5)

# Title, start, end, status: which belong to 2024 Q3 (1 July – 30 September).
EVENTS = [
    ("Срок в квартале", None, D(2024, 8, 15), EventStatus.DONE),
    ("Первый день квартала", None, D(2024, 7, 1), EventStatus.PLANNED),  # overdue on ON
    # Overdue on ON too: in progress, but its end has passed.
    ("Последний день квартала", D(2024, 9, 1), D(2024, 9, 30), EventStatus.IN_PROGRESS),
    ("Весь год", D(2024, 1, 1), D(2024, 12, 31), EventStatus.IN_PROGRESS),
    ("Начато в квартале", D(2024, 9, 15), D(2025, 3, 31), EventStatus.PLANNED),
    ("Отменено в квартале", None, D(2024, 9, 10), EventStatus.CANCELLED),
    ("Только начало в квартале", D(2024, 7, 20), None, EventStatus.DONE),
    ("Закончено раньше", D(2024, 4, 1), D(2024, 6, 30), EventStatus.DONE),
    ("Начнётся позже", D(2024, 10, 1), D(2024, 12, 31), EventStatus.PLANNED),
    ("Без дат", None, None, EventStatus.PLANNED),
]
IN_Q3 = [title for title, *_ in EVENTS[:7]]


@pytest.fixture
def roadmap_page(section):
    page = roadmap_with_events(
        section.roadmaps,
        [
            {
                "title": title,
                "number": f"1.{index + 1}.",
                "start": start,
                "end": end,
                "status": status,
                "status_note": "Протокол" if status == EventStatus.DONE else "",
            }
            for index, (title, start, end, status) in enumerate(EVENTS)
        ],
        stages=[("1", "Подготовка")],
        title="Карта школы",
        slug="karta",
    )
    return RoadmapPage.objects.get(pk=page.pk)


# Quarters


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024Q1", D(2024, 1, 1), D(2024, 3, 31)),
        ("2024Q3", D(2024, 7, 1), D(2024, 9, 30)),
        ("2024-q4", D(2024, 10, 1), D(2024, 12, 31)),
        (" 2023Q2 ", D(2023, 4, 1), D(2023, 6, 30)),
    ],
)
def test_a_quarter_is_read_from_its_name(text, first, last):
    quarter = Quarter.parse(text)

    assert (quarter.first, quarter.last) == (first, last)


@pytest.mark.parametrize("text", ["2024Q5", "2024Q0", "abc", "", "24Q3", "2024", "0000Q1"])
def test_a_bad_quarter_name_is_refused(text):
    with pytest.raises(ValueError):
        Quarter.parse(text)


def test_the_default_quarter_is_the_last_finished_one():
    assert reports.default_quarter(D(2024, 10, 5)) == Quarter(2024, 3)
    assert reports.default_quarter(D(2025, 1, 9)) == Quarter(2024, 4)


def test_the_quarters_to_choose_from_follow_the_roadmaps_periods():
    class Page:
        def __init__(self, first_year, last_year):
            self.first_year, self.last_year = first_year, last_year

    on = D(2024, 10, 5)
    quarters = reports.report_quarters([Page(2023, 2027), Page(2022, 2023)], on)
    assert quarters[0] == Quarter(2024, 4)  # none after today's
    assert quarters[-1] == Quarter(2022, 1)
    assert len(quarters) == 12
    # A mistyped year lists a bounded choice, never an error.
    assert len(reports.report_quarters([Page(0, 2024)], on)) == 4 * (reports.MAX_YEARS_BACK + 1)
    assert reports.report_quarters([Page(2030, 2035)], on) == [Quarter(2024, 4)]


# What a quarter holds


def test_the_report_holds_the_events_whose_dates_meet_the_quarter(roadmap_page):
    report = reports.build_report(roadmap_page, Quarter(2024, 3), on=ON)

    assert [event.title for event in report.events] == IN_Q3


def test_the_summary_counts_each_event_once_as_a_reader_sees_it(roadmap_page):
    report = reports.build_report(roadmap_page, Quarter(2024, 3), on=ON)

    assert report.summary == reports.Summary(
        total=7, done=2, in_progress=1, planned=1, overdue=2, cancelled=1
    )


def test_an_event_is_overdue_in_the_report_only_once_its_end_has_passed(roadmap_page):
    report = reports.build_report(roadmap_page, Quarter(2024, 3), on=D(2024, 7, 1))

    assert report.summary.overdue == 0
    assert report.summary.planned == 2


# The spreadsheet


def sheet_rows(content):
    book = load_workbook(io.BytesIO(content))
    events, summary = book.worksheets
    rows = list(events.iter_rows(values_only=True))
    counts = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row[0]}
    return rows[0], rows[1:], counts


def test_the_workbook_holds_the_rows_and_the_counts(roadmap_page):
    report = reports.build_report(roadmap_page, Quarter(2024, 3), on=ON)

    header, rows, summary = sheet_rows(reports.xlsx_bytes(report))

    assert len(header) == 11
    assert [row[2] for row in rows] == IN_Q3
    by_title = {row[2]: row for row in rows}
    assert by_title["Срок в квартале"][5] == datetime.datetime(2024, 8, 15)
    assert by_title["Срок в квартале"][8] == "Протокол"
    # Due in the quarter: marked; started or running through it: not.
    assert by_title["Срок в квартале"][10]
    assert not by_title["Весь год"][10]
    assert list(summary.values())[:2] == ["Карта школы", Quarter(2024, 3).label]
    assert [value for value in summary.values() if isinstance(value, int)] == [7, 2, 1, 1, 2, 1]


def test_a_curator_downloads_the_report_from_the_board(client, django_user_model, roadmap_page):
    client.force_login(make_user(django_user_model, "curator", CURATOR))

    board = soup_of(client.get(reverse("mentoring_pages_board")))
    response = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q3"})

    form = board.select_one(f'form[action="{REPORT}"]')
    assert form["method"] == "get"
    assert [option["value"] for option in form.select("select[name=page] option")] == [
        str(roadmap_page.pk)
    ]
    assert response.status_code == 200
    assert response["Content-Type"] == reports.exports.XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="karta-2024Q3.xlsx"'
    _header, rows, summary = sheet_rows(response.content)
    assert [row[2] for row in rows] == IN_Q3
    assert [value for value in summary.values() if isinstance(value, int)][0] == 7


@pytest.mark.parametrize(
    "params",
    [
        {"page": "PAGE", "quarter": "2024Q5"},
        {"page": "PAGE", "quarter": "abc"},
        {"page": "abc", "quarter": "2024Q3"},
        {"page": "999999", "quarter": "2024Q3"},
        {},
    ],
)
def test_a_bad_report_request_goes_back_to_the_board(
    client, django_user_model, roadmap_page, params
):
    if params.get("page") == "PAGE":
        params["page"] = roadmap_page.pk
    client.force_login(make_user(django_user_model, "curator", CURATOR))

    response = client.get(REPORT, params)

    assert response.status_code == 302
    assert response["Location"] == reverse("mentoring_pages_board")
    assert messages_of(response) == ["Choose one of your roadmaps and a quarter."]


def test_an_editor_is_sent_to_the_dashboard_without_a_report(
    client, django_user_model, roadmap_page
):
    client.force_login(make_user(django_user_model, "editor", EDITOR))
    # Wagtail says so in the site's language: the user's own applies only inside the view.
    with translation.override("ru"):
        denied = gettext(NO_PERMISSION)

    response = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q3"})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert messages_of(response) == [denied]


# The command


def test_the_command_writes_the_same_report(roadmap_page, tmp_path):
    out = tmp_path / "report.xlsx"
    stdout = io.StringIO()

    call_command(
        "roadmap_report",
        "--page",
        str(roadmap_page.pk),
        "--quarter",
        "2024Q3",
        "--out",
        str(out),
        stdout=stdout,
    )

    _header, rows, summary = sheet_rows(out.read_bytes())
    assert [row[2] for row in rows] == IN_Q3
    assert [value for value in summary.values() if isinstance(value, int)][0] == 7
    # Statuses as of today, as in the file.
    counts = reports.build_report(roadmap_page, Quarter(2024, 3)).summary
    assert stdout.getvalue() == (
        f"{out}: «Карта школы», 2024Q3: 7 events, {counts.done} done, {counts.overdue} overdue\n"
    )


@pytest.mark.parametrize(
    ("page", "quarter"),
    [
        ("PAGE", "2024Q5"),
        ("PAGE", "abc"),
        ("999999", "2024Q3"),
        ("NEWS", "2024Q3"),
        ("x", "2024Q3"),
    ],
)
def test_bad_command_arguments_are_refused_and_write_nothing(
    roadmap_page, section, tmp_path, page, quarter
):
    page = {"PAGE": str(roadmap_page.pk), "NEWS": str(section.news.pk)}.get(page, page)
    out = tmp_path / "report.xlsx"

    with pytest.raises(CommandError) as error:
        call_command("roadmap_report", "--page", page, "--quarter", quarter, "--out", str(out))

    assert "\n" not in str(error.value).strip()
    assert not out.exists()
