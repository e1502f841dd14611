"""The quarterly execution report: which events a quarter holds, their statuses as the
public saw them at the quarter's end, the counts, and the XLSX and PDF from the board and
from `manage.py roadmap_report`."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from pypdf import PdfReader
from wagtail.models import PageLogEntry

from home.models import SiteSettings
from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import report_files, reports, statuses
from mentoring_pages.roadmap.board.changes import change_events
from mentoring_pages.roadmap.reports import Quarter
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import roadmap_with_events
from mentoring_pages.tests.roadmap.board import make_user, messages_of, soup_of
from programmes.roles import CURATOR, EDITOR
from programmes.tests.factories import ProgrammeFactory, TargetIndicatorFactory
from site_project.tests.admin_refusals import NO_PERMISSION

pytestmark = pytest.mark.django_db

D = datetime.date
REPORT = "/admin/roadmap-board/report/"
SCHOOL = "МБОУ «Средняя общеобразовательная школа № 7»"
Q3 = Quarter(2024, 3)

# Title, start, end, status: which belong to 2024 Q3 (1 July – 30 September).
EVENTS = [
    ("Срок в квартале", None, D(2024, 8, 15), EventStatus.DONE),
    ("Первый день квартала", None, D(2024, 7, 1), EventStatus.PLANNED),  # overdue by 30.09
    # In time: the end day itself is not overdue.
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
# As the public saw them on 30 September 2024.
Q3_SUMMARY = reports.Summary(total=7, done=2, in_progress=2, planned=1, overdue=1, cancelled=1)
OVERDUE_NOTE = "Перенесено: нет помещения"


def moment(day):
    """Noon of `day` in the school's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def publish_on(page, day, user=None):
    """Publish the page's content as a new revision, recorded in its history as published
    on `day` (as if the curator had published it then)."""
    revision = RoadmapPage.objects.get(pk=page.pk).save_revision(user=user)
    revision.publish(user=user)
    PageLogEntry.objects.filter(revision=revision, action="wagtail.publish").update(
        timestamp=moment(day)
    )
    return revision


def events_for(rows):
    return [
        {
            "title": title,
            "number": f"1.{index + 1}.",
            "start": start,
            "end": end,
            "status": status,
            "status_note": OVERDUE_NOTE if title == "Первый день квартала" else "",
        }
        for index, (title, start, end, status) in enumerate(rows)
    ]


@pytest.fixture
def school(site):
    settings = SiteSettings.for_site(site)
    settings.full_name = SCHOOL
    settings.save()
    return settings


@pytest.fixture
def programme():
    programme = ProgrammeFactory(first_year=2020, last_year=2025)
    TargetIndicatorFactory(programme=programme, year=2024, target_percent=70, actual_percent=65)
    TargetIndicatorFactory(programme=programme, year=2023, target_percent=55)
    return programme


@pytest.fixture
def roadmap_page(section, school, programme):
    """The roadmap as published in September 2024."""
    page = roadmap_with_events(
        section.roadmaps,
        events_for(EVENTS),
        stages=[("1", "Подготовка")],
        title="Карта школы",
        slug="karta",
        programme=programme,
    )
    publish_on(page, D(2024, 9, 20))
    return RoadmapPage.objects.get(pk=page.pk)


@pytest.fixture
def curator(django_user_model):
    return make_user(django_user_model, "curator", CURATOR)


def change_later(page, user, titles, status):
    """The board's change of `titles` to `status`, published today."""
    events = RoadmapEvent.objects.filter(page=page, title__in=titles)
    change_events(user, events, status=status, note="Сделано позже")


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


def test_the_quarters_run_up_to_the_current_one_whatever_the_roadmaps_periods():
    class Page:
        def __init__(self, first_year, last_year):
            self.first_year, self.last_year = first_year, last_year

    on = D(2026, 12, 5)
    quarters = reports.report_quarters([Page(2023, 2024), Page(2022, 2023)], on)
    assert quarters[0] == Quarter(2026, 4)  # the roadmaps ended in 2024: still offered
    assert quarters[-1] == Quarter(2022, 1)
    assert len(quarters) == 20
    # A mistyped year lists a bounded choice, never an error.
    assert len(reports.report_quarters([Page(0, 2024)], on)) == 4 * (reports.MAX_YEARS_BACK + 1)
    assert reports.report_quarters([Page(2030, 2035)], on) == [Quarter(2026, 4)]


# What a quarter holds, as it stood at its end


def test_the_report_holds_the_events_whose_dates_meet_the_quarter(roadmap_page):
    report = reports.build_report(roadmap_page, Q3)

    assert [event.title for event in report.events] == IN_Q3
    assert report.on == Q3.last


def test_a_past_quarter_keeps_its_statuses_after_later_changes_and_publications(
    roadmap_page, django_user_model
):
    curator = make_user(django_user_model, "curator", CURATOR)
    change_later(roadmap_page, curator, ["Первый день квартала", "Весь год"], EventStatus.DONE)
    RoadmapEvent.objects.filter(page=roadmap_page, title="Начато в квартале").delete()
    RoadmapPage.objects.get(pk=roadmap_page.pk).save_revision().publish()

    report = reports.build_report(RoadmapPage.objects.get(pk=roadmap_page.pk), Q3)

    assert [event.title for event in report.events] == IN_Q3
    assert report.summary == Q3_SUMMARY
    overdue = report.overdue_events
    assert [(event.title, event.status_note) for event in overdue] == [
        ("Первый день квартала", OVERDUE_NOTE)
    ]
    # Today the live page says otherwise.
    today = reports.build_report(RoadmapPage.objects.get(pk=roadmap_page.pk), Q3, on=Q3.last)
    assert today.summary.done == 4


def test_a_publication_after_the_quarter_does_not_count_for_it(roadmap_page):
    RoadmapEvent.objects.filter(page=roadmap_page).update(status=EventStatus.DONE)
    publish_on(roadmap_page, D(2024, 10, 1))

    report = reports.build_report(roadmap_page, Q3)

    assert report.summary == Q3_SUMMARY


def test_a_roadmap_not_yet_published_at_the_quarters_end_has_nothing_to_report(section, school):
    page = roadmap_with_events(section.roadmaps, events_for(EVENTS), stages=[("1", "Этап")])
    publish_on(page, D(2024, 10, 2))

    report = reports.build_report(page, Q3)

    assert report.events == []
    assert report.summary.total == 0
    with translation.override("en"):
        assert "was not published on 30.09.2024" in reports.missing_text(report)


def test_a_roadmap_unpublished_before_the_quarters_end_has_nothing_to_report(roadmap_page):
    roadmap_page.unpublish()
    PageLogEntry.objects.filter(page=roadmap_page, action="wagtail.unpublish").update(
        timestamp=moment(D(2024, 9, 25))
    )

    assert reports.build_report(roadmap_page, Q3).events == []


def test_a_version_no_longer_in_the_history_is_not_replaced_by_todays(roadmap_page):
    september = roadmap_page.live_revision
    RoadmapPage.objects.get(pk=roadmap_page.pk).save_revision().publish()
    september.delete()  # as `purge_revisions` may do

    report = reports.build_report(roadmap_page, Q3)

    assert report.events == []
    with translation.override("en"):
        assert "is no longer kept in the page's history" in reports.missing_text(report)


def test_the_current_quarter_is_reported_as_of_today(roadmap_page):
    report = reports.build_report(roadmap_page, Quarter(2024, 4), on=D(2024, 10, 5))

    assert report.on == D(2024, 10, 5)
    assert [event.title for event in report.events] == [
        "Весь год",
        "Начато в квартале",
        "Начнётся позже",
    ]


def test_the_counts_by_stage_add_up_to_the_events(section, school):
    rows = events_for(EVENTS)
    for row in rows[3:]:
        row["stage_number"] = "2"
    rows[5]["stage_number"] = "9"  # no such stage: counted last, not lost
    page = roadmap_with_events(
        section.roadmaps, rows, stages=[("1", "Подготовка"), ("2", "Реализация")]
    )
    publish_on(page, D(2024, 9, 1))

    report = reports.build_report(page, Q3)

    stages = report.stage_summaries
    assert [title for title, _summary in stages] == ["1. Подготовка", "2. Реализация", "Без этапа"]
    assert sum(summary.total for _title, summary in stages) == len(report.events) == 7
    for _title, summary in [*stages, (None, report.summary)]:
        assert summary.total == sum(summary.counts[1:])
    assert report.summary == reports.Summary(
        total=7, done=2, in_progress=2, planned=1, overdue=1, cancelled=1
    )


# The files


def xlsx_rows(content):
    sheet = load_workbook(io.BytesIO(content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return sheet, rows


def table_after(rows, heading):
    """The rows of the table under `heading`: its header, then rows to the blank line."""
    start = next(index for index, row in enumerate(rows) if row[0] == heading) + 1
    table = []
    for row in rows[start:]:
        if not any(value not in (None, "") for value in row):
            break
        table.append(row)
    return table


def pdf_text(content):
    """The PDF's reader and its text, lines wrapped in a cell joined by spaces."""
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_workbook_is_a_report_ready_to_print(roadmap_page):
    with translation.override("ru"):
        report = reports.build_report(roadmap_page, Q3)
        sheet, rows = xlsx_rows(report_files.xlsx_bytes(report))
        events_heading = gettext("Events of the quarter")
        summary_heading = gettext("Summary by stage and status")

    firsts = [row[0] for row in rows if row[0]]
    assert firsts[:5] == [
        SCHOOL,
        "Отчёт об исполнении дорожной карты",
        "«Карта школы»",
        "3-й квартал 2024 г. (01.07.2024 – 30.09.2024)",
        "по состоянию на 30 сентября 2024",
    ]
    events = table_after(rows, events_heading)
    assert [row[2] for row in events[1:]] == IN_Q3
    by_title = {row[2]: row for row in events[1:]}
    assert by_title["Первый день квартала"][7] == "Просрочено"
    assert by_title["Первый день квартала"][8] == OVERDUE_NOTE
    assert by_title["Срок в квартале"][10] == "да"
    assert not by_title["Весь год"][10]
    summary = table_after(rows, summary_heading)
    assert summary[-1] == ["Итого", *Q3_SUMMARY.counts, *[None] * 4]
    indicators = table_after(rows, "Целевые показатели на 2024 г.: план и факт")
    assert [row[:3] for row in indicators[1:]] == [["обучающиеся", 70, 65]]
    assert any(str(row[0]).startswith("Куратор") for row in rows if row[0])
    assert any(str(row[0]).startswith("Директор") for row in rows if row[0])
    # A4 landscape, one page wide, the events' header on every page.
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    header_row = rows.index(events[0]) + 1
    assert sheet.print_title_rows == f"${header_row}:${header_row}"


def test_the_pdf_says_the_same_on_a4(roadmap_page):
    with translation.override("ru"):
        report = reports.build_report(roadmap_page, Q3)
        reader, text = pdf_text(report_files.pdf_bytes(report))

    page = reader.pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (842, 595)
    for expected in [
        SCHOOL,
        "Отчёт об исполнении дорожной карты",
        "3-й квартал 2024 г.",
        "по состоянию на 30 сентября 2024",
        *IN_Q3,
        OVERDUE_NOTE,
        "Целевые показатели на 2024 г.",
        "Куратор",
        "Директор",
    ]:
        assert expected in text
    assert "Закончено раньше" not in text


def test_a_report_without_a_published_version_says_so_in_both_files(section, school):
    page = roadmap_with_events(section.roadmaps, events_for(EVENTS), title="Новая карта")
    publish_on(page, D(2025, 2, 1))

    with translation.override("ru"):
        report = reports.build_report(page, Q3)
        _sheet, rows = xlsx_rows(report_files.xlsx_bytes(report))
        _reader, text = pdf_text(report_files.pdf_bytes(report))

    said = "«Новая карта» не была опубликована на 30.09.2024"
    assert any(said in str(row[0]) for row in rows)
    assert said in text
    assert "Срок в квартале" not in text


def test_an_event_with_text_taller_than_a_page_is_cut_in_the_pdf_and_whole_in_the_xlsx(
    section, school
):
    # Unbounded text fields: a row taller than a page used to stop the PDF with an error.
    responsible = "Заместитель директора по воспитательной работе " * 44
    title = "Проведение совместных мероприятий наставников и наставляемых " * 50
    page = roadmap_with_events(
        section.roadmaps,
        events_for([(title, None, D(2024, 8, 15), EventStatus.DONE)]),
        stages=[("1", "Подготовка")],
        title="Длинная карта",
    )
    RoadmapEvent.objects.filter(page=page).update(responsible=responsible)
    publish_on(page, D(2024, 9, 20))
    assert len(responsible) > 2000 and len(title) > 3000

    with translation.override("ru"):
        report = reports.build_report(RoadmapPage.objects.get(pk=page.pk), Q3)
        _reader, text = pdf_text(report_files.pdf_bytes(report))
        _sheet, rows = xlsx_rows(report_files.xlsx_bytes(report))
        events_heading = gettext("Events of the quarter")

    assert title[:200].strip() in text
    assert "…" in text
    assert "Сокращённые тексты «…» полностью приведены в файле отчёта XLSX." in text
    event_row = table_after(rows, events_heading)[1]
    assert event_row[2] == title
    assert responsible in event_row


def test_a_pdf_of_short_texts_says_nothing_about_cut_text(roadmap_page):
    with translation.override("ru"):
        report = reports.build_report(roadmap_page, Q3)
        _reader, text = pdf_text(report_files.pdf_bytes(report))

    assert "XLSX" not in text


def bold_texts(content):
    """The PDF's text set in the bold font, lines joined by spaces."""
    texts = []

    def visit(text, _cm, _tm, font, _size):
        if font and "Bold" in str(font.get("/BaseFont", "")):
            texts.append(text)

    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=visit)
    return " ".join("".join(texts).split())


def test_the_same_title_lines_are_bold_in_both_files(roadmap_page):
    with translation.override("ru"):
        report = reports.build_report(roadmap_page, Q3)
        bold_in_pdf = bold_texts(report_files.pdf_bytes(report))
        sheet, _rows = xlsx_rows(report_files.xlsx_bytes(report))

    bold_in_xlsx = [sheet.cell(row, 1).value for row in range(1, 6) if sheet.cell(row, 1).font.b]
    assert bold_in_xlsx == [SCHOOL, "Отчёт об исполнении дорожной карты", "«Карта школы»"]
    for line in bold_in_xlsx:
        assert line in bold_in_pdf
    assert "по состоянию на" not in bold_in_pdf


def test_a_school_name_like_a_formula_stays_text_in_the_workbook(roadmap_page, school):
    school.full_name = '=HYPERLINK("http://example.com")'
    school.save()

    report = reports.build_report(roadmap_page, Q3)
    sheet, rows = xlsx_rows(report_files.xlsx_bytes(report))

    assert rows[0][0] == school.full_name
    assert sheet.cell(1, 1).data_type == "s"


def test_pasted_control_characters_are_left_out_of_the_workbook(roadmap_page):
    """XLSX cannot hold them: openpyxl refused the whole report (a 500 from the board)."""
    RoadmapEvent.objects.filter(page=roadmap_page, title="Срок в квартале").update(
        title="Срок\x01 в квартале", status_note="Готово\x02"
    )
    publish_on(roadmap_page, D(2024, 9, 25))

    with translation.override("ru"):
        report = reports.build_report(roadmap_page, Q3)
        _sheet, rows = xlsx_rows(report_files.xlsx_bytes(report))
        events = table_after(rows, gettext("Events of the quarter"))[1:]

    assert events[0][2] == "Срок в квартале"
    assert "Готово" in events[0]


# From the board


def test_a_curator_downloads_both_files_from_the_board(client, curator, roadmap_page):
    """In the site's language, as the command writes them, though the curator reads the
    admin in English: the report is the school's document."""
    client.force_login(curator)

    board = soup_of(client.get(reverse("mentoring_pages_board")))
    xlsx = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q3", "format": "xlsx"})
    pdf = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q3", "format": "pdf"})

    form = board.select_one(f'form[action="{REPORT}"]')
    assert form["method"] == "get"
    assert [button["value"] for button in form.select("button[name=format]")] == ["xlsx", "pdf"]
    current = Quarter.containing(statuses.today())
    assert form.select("select[name=quarter] option")[0]["value"] == str(current)
    assert xlsx.status_code == pdf.status_code == 200
    assert xlsx["Content-Disposition"] == 'attachment; filename="karta-2024Q3.xlsx"'
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="karta-2024Q3.pdf"'
    _sheet, rows = xlsx_rows(xlsx.content)
    assert [row[2] for row in table_after(rows, "Мероприятия квартала")[1:]] == IN_Q3
    assert "Отчёт об исполнении дорожной карты" in [row[0] for row in rows]
    _reader, text = pdf_text(pdf.content)
    with translation.override("ru"):
        as_of = reports.title_lines(reports.build_report(roadmap_page, Q3))[-1]
    assert as_of.startswith("по состоянию на") and " ".join(as_of.split()) in text
    assert "Events of the quarter" not in text


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"quarter": "2024Q5"}, "Choose a quarter from the list: up to the current one."),
        ({"quarter": "abc"}, "Choose a quarter from the list: up to the current one."),
        ({"quarter": "FUTURE"}, "Choose a quarter from the list: up to the current one."),
        ({"page": "abc"}, "Choose one of your roadmaps."),
        ({"page": "999999"}, "Choose one of your roadmaps."),
        ({"format": "docx"}, "The report is made as XLSX or PDF."),
        ({"page": "", "quarter": ""}, "This field is required."),
    ],
)
def test_a_bad_report_request_is_refused_with_the_reason(
    client, curator, roadmap_page, params, error
):
    query = {"page": roadmap_page.pk, "quarter": "2024Q3", "format": "pdf", **params}
    if query["quarter"] == "FUTURE":
        query["quarter"] = str(Quarter.containing(statuses.today() + datetime.timedelta(92)))
    client.force_login(curator)
    logged = PageLogEntry.objects.count()

    response = client.get(REPORT, query)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert messages_of(response) == ["The report was not made: see the form below."]
    assert error in response.content.decode()
    assert PageLogEntry.objects.count() == logged


def test_the_refusal_is_in_russian_for_a_russian_curator(client, django_user_model, roadmap_page):
    client.force_login(make_user(django_user_model, "ru-curator", CURATOR, language="ru"))

    response = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q5"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Отчёт не составлен" in page
    assert "<title>Дорожные карты: статусы" in page


def test_after_a_refused_request_the_bulk_change_still_changes_events(
    client, curator, roadmap_page
):
    event = RoadmapEvent.objects.get(page=roadmap_page, title="Без дат")
    client.force_login(curator)

    refused = client.get(REPORT, {"page": roadmap_page.pk, "quarter": "2024Q5"})
    bulk_form = BeautifulSoup(refused.content.decode(), "html.parser").select_one(
        "form[method=post]"
    )
    response = client.post(bulk_form["action"], {"event": [event.pk], "new_status": "done"})

    assert refused.status_code == 400
    assert bulk_form["action"] == reverse("mentoring_pages_board")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.DONE


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


@pytest.mark.parametrize("file_format", report_files.FORMATS)
def test_the_report_takes_as_many_queries_for_100_events_as_for_5(
    client, curator, section, school, programme, file_format
):
    def roadmap(count, slug):
        rows = [
            {"title": f"Мероприятие {n}", "number": str(n), "end": D(2024, 8, 1 + n % 28)}
            for n in range(count)
        ]
        page = roadmap_with_events(
            section.roadmaps, rows, stages=[("1", "Этап")], slug=slug, programme=programme
        )
        publish_on(page, D(2024, 9, 1))
        return page

    small, large = roadmap(5, "small"), roadmap(100, "large")
    client.force_login(curator)

    def queries(page):
        with CaptureQueriesContext(connection) as context:
            response = client.get(
                REPORT, {"page": page.pk, "quarter": "2024Q3", "format": file_format}
            )
        assert response.status_code == 200
        return len(context.captured_queries)

    queries(small)  # caches warmed
    assert queries(large) == queries(small)


# The command


def run_report(page, quarter, out, *options):
    stdout = io.StringIO()
    call_command(
        "roadmap_report",
        "--page",
        str(page),
        "--quarter",
        quarter,
        "--out",
        str(out),
        *options,
        stdout=stdout,
    )
    return stdout.getvalue()


def test_the_command_writes_the_same_report_in_the_sites_language(roadmap_page, tmp_path):
    out = tmp_path / "report.xlsx"

    said = run_report(roadmap_page.pk, "2024Q3", out)

    _sheet, rows = xlsx_rows(out.read_bytes())
    assert [row[2] for row in table_after(rows, "Мероприятия квартала")[1:]] == IN_Q3
    assert said == (
        f"{out}: «Карта школы», 2024Q3, на 30.09.2024: мероприятий — 7, выполнено — 2, "
        "просрочено — 1\n"
    )


@pytest.mark.parametrize("options", [("--format", "pdf"), ()])
def test_the_command_writes_a_pdf(roadmap_page, tmp_path, options):
    out = tmp_path / ("report.bin" if options else "report.pdf")

    run_report(roadmap_page.pk, "2024Q3", out, *options)

    _reader, text = pdf_text(out.read_bytes())
    assert SCHOOL in text
    assert "по состоянию на 30 сентября 2024" in text
    assert "Куратор" in text


@pytest.mark.parametrize(
    ("page", "quarter", "options"),
    [
        ("PAGE", "2024Q5", ()),
        ("PAGE", "abc", ()),
        ("PAGE", "FUTURE", ()),
        ("PAGE", "2024Q3", ("--format", "docx")),
        ("999999", "2024Q3", ()),
        ("99999999999999999999", "2024Q3", ()),
        ("NEWS", "2024Q3", ()),
    ],
)
def test_bad_command_arguments_are_refused_and_write_nothing(
    roadmap_page, section, tmp_path, page, quarter, options
):
    page = {"PAGE": roadmap_page.pk, "NEWS": section.news.pk}.get(page, page)
    if quarter == "FUTURE":
        quarter = str(Quarter.containing(statuses.today() + datetime.timedelta(92)))
    out = tmp_path / "report.xlsx"

    with pytest.raises(CommandError) as error:
        run_report(page, quarter, out, *options)

    assert "\n" not in str(error.value).strip()
    assert not out.exists()


@pytest.mark.parametrize(
    ("quarter", "refusal"),
    [
        ("abc", "Это не квартал: «abc»; напишите его так: 2024Q3."),
        ("2024Q5", "Такого квартала нет: 2024Q5."),
        ("FUTURE", "{quarter} ещё не начался: последний отчёт — за {current}."),
    ],
)
def test_a_bad_quarter_is_refused_in_the_sites_language(roadmap_page, tmp_path, quarter, refusal):
    current = Quarter.containing(statuses.today())
    future = Quarter.containing(statuses.today() + datetime.timedelta(92))

    with translation.override("en"), pytest.raises(CommandError) as error:
        run_report(
            roadmap_page.pk, str(future) if quarter == "FUTURE" else quarter, tmp_path / "r.xlsx"
        )

    assert str(error.value) == refusal.format(quarter=future, current=current)


def test_the_signature_lines_stay_together_on_one_page_however_long_the_report(section, school):
    """Whatever the number of events, the curator and the head sign on the same page."""
    signed_on = {}  # number of events: (pages, the page of each signature)
    for count in range(4, 30, 2):
        rows = [(f"Мероприятие {n}", None, D(2024, 8, 15), EventStatus.DONE) for n in range(count)]
        page = roadmap_with_events(section.roadmaps, events_for(rows), title=f"Карта {count}")
        publish_on(page, D(2024, 9, 20))
        with translation.override("ru"):
            reader, _text = pdf_text(report_files.pdf_bytes(reports.build_report(page, Q3)))
        texts = [reader_page.extract_text() for reader_page in reader.pages]
        signed_on[count] = (
            len(texts),
            [
                index
                for caption in ("Куратор", "Директор")
                for index, text in enumerate(texts)
                if re.search(caption + r"\s+_", text)
            ],
        )
    assert all(len(set(signatures)) == 1 for _pages, signatures in signed_on.values()), signed_on
    # The reports grew over more than one page: the check above was put to the test.
    assert len({pages for pages, _signatures in signed_on.values()}) > 1
