"""A roadmap downloaded as CSV and XLSX, and its calendar feed (ICS), in each language."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone, translation
from icalendar import Calendar

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import exports
from mentoring_pages.roadmap.deadlines import Recurrence
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import RoadmapEventFactory, roadmap_with_events
from site_project.translation import translate

pytestmark = pytest.mark.django_db

ENGLISH_HEADER = [
    "Stage",
    "No.",
    "Event",
    "Deadline",
    "Start",
    "End",
    "Recurrence",
    "Responsible",
    "Expected result",
    "Indicator",
    "Status",
    "Overdue",
    "Status note",
    "Status changed on",
]
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
D = datetime.date

# The roadmap's events, one a line; the first also has every other field (FIRST_EVENT_MORE).
EVENT_FIELDS = (
    "stage_number", "number", "title", "deadline_text", "start", "end", "recurrence",
    "responsible", "status",
)  # fmt: skip
EVENTS = [
    ("I", "1.", "Издание приказа о внедрении", "Сентябрь 2020 г.", D(2020, 9, 1), D(2020, 9, 30), Recurrence.ONCE, "Директор", EventStatus.DONE),
    ("I", "2.", "Анкетирование; «наставники» и ученики", "Сентябрь, далее\nежегодно", D(2020, 9, 1), D(2020, 9, 30), Recurrence.YEARLY, "Куратор", EventStatus.IN_PROGRESS),
    ("II", "3.", "Мониторинг", "Ежеквартально", D(2021, 1, 1), YESTERDAY, Recurrence.QUARTERLY, "Куратор", EventStatus.PLANNED),
    ("II", "4.", "Консультации по запросу", "По мере необходимости", None, None, Recurrence.AS_NEEDED, "Наставники", EventStatus.PLANNED),
]  # fmt: skip
FIRST_EVENT_MORE = {
    "expected_result": "Приказ",
    "indicator": "Приказ издан",
    "status_note": "Приказ № 12",
    "status_changed_at": D(2020, 9, 20),
}


@pytest.fixture
def roadmap_page(section):
    events = [dict(zip(EVENT_FIELDS, row, strict=True)) for row in EVENTS]
    events[0].update(FIRST_EVENT_MORE)
    return roadmap_with_events(
        section.roadmaps,
        events,
        stages=[("I", "Подготовка условий"), ("II", "Формирование базы")],
        title="Дорожная карта",
        slug="karta",
        last_year=2024,
    )


@pytest.fixture
def english_page(roadmap_page, section, home_page, english):
    translate(home_page, english, {})
    translate(section.landing, english, {})
    translate(section.roadmaps, english, {})
    return translate(
        roadmap_page,
        english,
        {
            "Подготовка условий": "Preparing the ground",
            "Издание приказа о внедрении": "Order on the introduction",
            "Мониторинг": "Monitoring",
        },
    )


def url(page, route):
    """The file's address as a visitor sees it: the page's address and a file name."""
    filename = {route: name for name, route in RoadmapPage.FILE_ROUTES.items()}[route]
    return page.url + filename


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def ics_events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


# CSV


def test_csv_has_a_header_and_every_events_fields(client, roadmap_page):
    response = client.get(url(roadmap_page, "export_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="karta.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel's cue for UTF-8
    header, *rows = csv_rows(response)
    with translation.override("ru"):
        assert header == exports.header()
        done, in_progress, overdue = (
            str(s.label) for s in (EventStatus.DONE, EventStatus.IN_PROGRESS, EventStatus.PLANNED)
        )
        once, yearly, quarterly, as_needed = (
            str(r.label)
            for r in (
                Recurrence.ONCE,
                Recurrence.YEARLY,
                Recurrence.QUARTERLY,
                Recurrence.AS_NEEDED,
            )
        )
        yes = exports._("yes")
    assert rows == [
        [
            "I. Подготовка условий", "1.", "Издание приказа о внедрении", "Сентябрь 2020 г.",
            "2020-09-01", "2020-09-30", once, "Директор", "Приказ", "Приказ издан",
            done, "", "Приказ № 12", "2020-09-20",
        ],
        [
            "I. Подготовка условий", "2.", "Анкетирование; «наставники» и ученики",
            "Сентябрь, далее\nежегодно", "2020-09-01", "2020-09-30", yearly, "Куратор", "", "",
            in_progress, yes, "", "",  # its first September has passed
        ],
        [
            "II. Формирование базы", "3.", "Мониторинг", "Ежеквартально",
            "2021-01-01", YESTERDAY.isoformat(), quarterly, "Куратор", "", "",
            overdue, yes, "", "",
        ],
        [
            "II. Формирование базы", "4.", "Консультации по запросу", "По мере необходимости",
            "", "", as_needed, "Наставники", "", "", overdue, "", "", "",
        ],
    ]  # fmt: skip


@pytest.mark.parametrize("text", ["=1+1", "+7 (900) 000-00-00", "-2+3", "@SUM(A1)", "\tcalc"])
def test_csv_cells_that_look_like_formulas_stay_text(client, roadmap_page, text):
    RoadmapEventFactory(page=roadmap_page, title=text, responsible=text)

    response = client.get(url(roadmap_page, "export_csv"))

    row = next(row for row in csv_rows(response) if row[2].endswith(text))
    assert row[2] == row[7] == "'" + text


def test_csv_of_the_english_page_speaks_english(client, english_page):
    response = client.get(url(english_page, "export_csv"))

    header, first, second, third, fourth = csv_rows(response)
    assert header == ENGLISH_HEADER
    assert first[:3] == ["I. Preparing the ground", "1.", "Order on the introduction"]
    assert (first[6], first[10], first[11]) == ("once", "done", "")
    assert (third[2], third[6], third[10], third[11]) == (
        "Monitoring",
        "every quarter",
        "planned",
        "yes",
    )


# XLSX


def test_xlsx_has_a_header_and_every_events_fields(client, roadmap_page):
    response = client.get(url(roadmap_page, "export_xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="karta.xlsx"'
    header, *rows = xlsx_rows(response)
    with translation.override("ru"):
        assert header == exports.header()
    assert len(rows) == 4
    first = rows[0]
    assert first[:4] == [
        "I. Подготовка условий",
        "1.",
        "Издание приказа о внедрении",
        "Сентябрь 2020 г.",
    ]
    assert (first[4].date(), first[5].date()) == (
        datetime.date(2020, 9, 1),
        datetime.date(2020, 9, 30),
    )
    assert first[7:10] == ["Директор", "Приказ", "Приказ издан"]
    assert first[12:] == ["Приказ № 12", datetime.datetime(2020, 9, 20)]
    assert rows[1][3] == "Сентябрь, далее\nежегодно"
    assert rows[3][4:6] == [None, None]
    assert [row[2] for row in rows] == [
        "Издание приказа о внедрении",
        "Анкетирование; «наставники» и ученики",
        "Мониторинг",
        "Консультации по запросу",
    ]


def test_xlsx_dates_are_dates_and_text_is_never_a_formula(client, roadmap_page):
    RoadmapEventFactory(page=roadmap_page, title="=1+1 приказ", sort_order=9)

    response = client.get(url(roadmap_page, "export_xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["E2"].is_date and sheet["E2"].number_format == "DD.MM.YYYY"
    assert sheet["C6"].value == "=1+1 приказ"
    assert sheet["C6"].data_type == "s"


def test_xlsx_of_an_event_with_pasted_control_characters_leaves_them_out(client, roadmap_page):
    """Pasted text carries control characters; XLSX cannot hold them (it was a 500). Word's
    line break (a vertical tab) becomes a space, not words run together."""
    RoadmapEventFactory(
        page=roadmap_page,
        title="Встреча\x01 пар",
        status_note="Итоги\x0bвстречи\x02",
        sort_order=9,
    )

    response = client.get(url(roadmap_page, "export_xlsx"))

    assert response.status_code == 200
    last = xlsx_rows(response)[-1]
    assert (last[2], last[12]) == ("Встреча пар", "Итоги встречи")


def test_xlsx_of_the_english_page_speaks_english(client, english_page):
    response = client.get(url(english_page, "export_xlsx"))

    header, first, *_ = xlsx_rows(response)
    assert header == ENGLISH_HEADER
    assert first[2] == "Order on the introduction"
    assert first[10] == "done"
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Roadmap"


# The calendar feed


def test_calendar_has_one_event_per_dated_event(client, roadmap_page):
    response = client.get(url(roadmap_page, "calendar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = ics_events(response)
    assert sorted(events) == [
        "1. Издание приказа о внедрении",
        "2. Анкетирование; «наставники» и ученики",
        "3. Мониторинг",
    ]  # «Консультации по запросу» has no date: left out
    order = events["1. Издание приказа о внедрении"]
    assert order.decoded("dtstart") == datetime.date(2020, 9, 1)
    assert order.decoded("dtend") == datetime.date(2020, 10, 1)  # all-day, end exclusive
    assert "RRULE" not in order
    # "Label: value" lines: the deadline as written, who is responsible, status, note.
    with translation.override("ru"):
        done = str(EventStatus.DONE.label)
    assert [line.split(": ", 1)[1] for line in str(order["description"]).splitlines()] == [
        "Сентябрь 2020 г.",
        "Директор",
        done,
        "Приказ № 12",
    ]
    assert str(order["url"]) == f"http://testserver{roadmap_page.url}"


def test_calendar_repeats_yearly_and_quarterly_events_until_the_last_year(client, roadmap_page):
    events = ics_events(client.get(url(roadmap_page, "calendar")))

    yearly = events["2. Анкетирование; «наставники» и ученики"]["RRULE"]
    assert yearly["FREQ"] == ["YEARLY"]
    assert yearly["UNTIL"] == [datetime.date(2024, 12, 31)]
    quarterly = events["3. Мониторинг"]["RRULE"]
    assert (quarterly["FREQ"], quarterly["INTERVAL"]) == (["MONTHLY"], [3])


def test_calendar_uids_survive_an_edit_and_republish(client, roadmap_page):
    before = {
        str(event["uid"])
        for event in ics_events(client.get(url(roadmap_page, "calendar"))).values()
    }
    page = RoadmapPage.objects.get(pk=roadmap_page.pk)
    events = list(page.events.all())
    events[0].title = "Издание приказа (новая редакция)"
    page.events = events
    page.title = "Дорожная карта (ред. 2)"
    page.save_revision().publish()

    after = ics_events(client.get(url(roadmap_page, "calendar")))

    assert "1. Издание приказа (новая редакция)" in after
    assert {str(event["uid"]) for event in after.values()} == before
    keys = {e.translation_key for e in page.events.all() if e.start or e.end}
    assert before == {f"{key}@testserver" for key in keys}


def test_calendar_of_the_english_page_speaks_english(client, english_page, roadmap_page):
    events = ics_events(client.get(url(english_page, "calendar")))

    monitoring = events["3. Monitoring"]
    assert str(monitoring["description"]).splitlines() == [
        "Deadline: Ежеквартально",
        "Responsible: Куратор",
        "Status: overdue",
    ]


def test_an_end_before_the_start_still_makes_a_valid_event(client, roadmap_page):
    RoadmapEventFactory(
        page=roadmap_page,
        number="5.",
        title="Опечатка в сроке",
        start=datetime.date(2021, 5, 10),
        end=datetime.date(2021, 5, 1),
        sort_order=9,
    )

    event = ics_events(client.get(url(roadmap_page, "calendar")))["5. Опечатка в сроке"]

    assert event.decoded("dtstart") == datetime.date(2021, 5, 10)
    assert event.decoded("dtend") == datetime.date(2021, 5, 11)


@pytest.mark.parametrize("route", ["export_csv", "export_xlsx", "calendar"])
def test_exports_answer_get_only(client, roadmap_page, route):
    assert client.head(url(roadmap_page, route)).status_code == 200
    assert client.post(url(roadmap_page, route)).status_code == 405


def test_exports_of_an_unpublished_roadmap_are_not_found(client, roadmap_page):
    roadmap_page.unpublish()

    assert client.get(url(roadmap_page, "calendar")).status_code == 404
    assert client.get(url(roadmap_page, "export_csv")).status_code == 404


@pytest.mark.parametrize("filename", ["calendar.txt", "export.ics", "other.csv"])
def test_unknown_file_names_are_404(client, roadmap_page, filename):
    assert client.get(roadmap_page.url + filename).status_code == 404


def test_file_names_under_a_page_without_files_are_404(client, home_page):
    assert client.get("/calendar.ics").status_code == 404
