"""The coordinator's admin: the roll-up panel, the schools' last changes, the workbooks of
reports and of participants; nobody else reaches them."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from mentoring_pages.centre.admin import CentrePanel, sheet_name
from mentoring_pages.models import RoadmapPage
from mentoring_pages.tests.factories import RoadmapPageFactory
from programmes.models import ParticipationFigures, School
from programmes.roles import EDITOR
from programmes.schools import COORDINATOR
from site_project.translation import translate

pytestmark = pytest.mark.django_db

User = get_user_model()
LATER_CHANGE = datetime.datetime(2027, 1, 2, 12, 0)  # after anything the set-up did


def panel_rows(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.find(id="municipal-centre-content")
    if panel is None:
        return None
    return {
        row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row.find_all("td")]
        for row in panel.tbody.find_all("tr")
    }


def workbook(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_coordinator_sees_every_schools_progress_and_last_change(
    login_as, two_schools, django_user_model, english
):
    client = login_as(COORDINATOR)
    gymnasium, lyceum = two_schools
    curator = django_user_model.objects.create_user("someone")
    figures = ParticipationFigures.objects.get(programme=gymnasium.programme)
    log(figures, "wagtail.edit", user=curator, timestamp=timezone.make_aware(LATER_CHANGE))

    rows = panel_rows(client)

    assert rows["gymnasium"][:2] == ["2 / 3", "1"]
    assert rows["lyceum"][:2] == ["0 / 3", "3"]
    assert rows["gymnasium"][3] == "02.01.2027 12:00"
    assert "2027" not in rows["lyceum"][3]

    english_page = translate(lyceum.home, english, {})
    a_day_later = timezone.make_aware(LATER_CHANGE + datetime.timedelta(days=1))
    log(english_page, "wagtail.edit", user=curator, timestamp=a_day_later)

    assert panel_rows(client)["lyceum"][3] == "03.01.2027 12:00"


def test_the_panel_costs_the_same_queries_for_3_and_20_schools(add_schools, rf, today):
    def panel_queries():
        with CaptureQueriesContext(connection) as captured:
            html = CentrePanel().render_html()
        return len(captured), html.count("<tr>") - 1

    add_schools(2)  # and the installation's own school
    few, few_rows = panel_queries()
    add_schools(17)
    many, many_rows = panel_queries()

    assert (few_rows, many_rows) == (3, 20)
    assert few == many


def test_one_workbook_holds_every_schools_report_and_a_summary(login_as, two_schools):
    client = login_as(COORDINATOR)

    book = workbook(client.get("/admin/centre/reports.xlsx", {"quarter": "2026Q1"}))

    assert book.sheetnames == ["Все школы", "gymnasium", "lyceum"]
    summary = list(book["Все школы"].iter_rows(min_row=2, values_only=True))
    assert [row[:2] for row in summary] == [
        ("gymnasium", two_schools[0].roadmap.title),
        ("lyceum", two_schools[1].roadmap.title),
    ]


def test_the_workbook_is_in_the_sites_language_whatever_the_coordinators(login_as, two_schools):
    """As each school's own report file: the coordinator may read the admin in English."""
    client = login_as(COORDINATOR)
    profile = UserProfile.get_for_user(User.objects.get(username=COORDINATOR))
    profile.preferred_language = "en"
    profile.save()

    book = workbook(client.get("/admin/centre/reports.xlsx", {"quarter": "2026Q1"}))

    assert book.sheetnames[0] == "Все школы"
    assert next(book["Все школы"].iter_rows(values_only=True))[:2] == ("Школа", "Дорожная карта")
    gymnasium = [row[0] for row in book["gymnasium"].iter_rows(values_only=True)]
    assert "Отчёт об исполнении дорожной карты" in gymnasium
    assert "Events of the quarter" not in gymnasium


def test_each_sheet_is_named_for_its_own_school_within_excels_limit(login_as, two_schools):
    """openpyxl numbered a school's second roadmap «gymnasium1» and cut nothing: a name of
    31 characters and a digit is one Excel calls damage."""
    gymnasium, lyceum = two_schools
    RoadmapPageFactory(parent=gymnasium.roadmap.get_parent(), first_year=2025, last_year=2027)
    long_name = "Лицей имени М. В. Ломоносова г. Примерного"
    School.objects.filter(pk=lyceum.school.pk).update(short_name=long_name)
    RoadmapPageFactory(parent=lyceum.roadmap.get_parent(), first_year=2025, last_year=2027)
    client = login_as(COORDINATOR)

    book = workbook(client.get("/admin/centre/reports.xlsx", {"quarter": "2026Q1"}))

    assert book.sheetnames == [
        "Все школы",
        "gymnasium",
        "gymnasium (2)",
        long_name[:31],
        long_name[:27] + " (2)",
    ]


def test_a_roadmap_finished_since_is_reported_for_the_quarters_it_ran(login_as, two_schools):
    """Asked in March 2026 for the second quarter of 2025, the lyceum's 2024/25 roadmap
    (finished since June 2025) is in the municipality's workbook; the gymnasium's, begun
    in September 2025, is not."""
    RoadmapPage.objects.filter(pk=two_schools[1].roadmap.pk).update(first_year=2024, last_year=2025)
    client = login_as(COORDINATOR)

    book = workbook(client.get("/admin/centre/reports.xlsx", {"quarter": "2025Q2"}))

    summary = list(book["Все школы"].iter_rows(min_row=2, values_only=True))
    assert [row[:2] for row in summary] == [("lyceum", two_schools[1].roadmap.title)]


def test_a_bad_quarter_is_refused_with_a_message(login_as, two_schools):
    client = login_as(COORDINATOR)

    for quarter, refusal in [
        ("2026Q7", "2026Q1"),
        ("вчера", "2026Q1"),
        ("2030Q1", "2026Q1"),
        (["2025Q1", "2024Q4"], "Укажите один квартал, а не несколько."),
    ]:
        response = client.get("/admin/centre/reports.xlsx", {"quarter": quarter})
        assert response.status_code == 400
        assert refusal in response.content.decode()


def test_a_sheet_name_neither_begins_nor_ends_with_what_excel_refuses():
    taken = set()

    assert sheet_name("'Школа: № 1'", taken) == "Школа  № 1"
    assert sheet_name("ШКОЛА  № 1", taken) == "ШКОЛА  № 1 (2)"
    assert sheet_name("Школа № 1 " + "я" * 16 + " '", taken) == "Школа № 1 " + "я" * 16
    assert sheet_name("Школа\x01 № 2\x0b", taken) == "Школа № 2"


def test_the_participants_table_lists_every_schools_figures(login_as, two_schools):
    client = login_as(COORDINATOR)

    book = workbook(client.get("/admin/centre/participants.xlsx"))

    rows = list(book.active.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[2], row[4], row[5]) for row in rows] == [
        ("gymnasium", 2025, 10, 20),
        ("lyceum", 2025, 10, 20),
    ]


def test_a_schools_staff_reach_none_of_it(login_as, client, two_schools):
    assert panel_rows(login_as(EDITOR)) is None
    for url in ("/admin/centre/reports.xlsx", "/admin/centre/participants.xlsx"):
        # Wagtail's answer to a permission denied in its admin: back to the dashboard.
        assert client.get(url)["Location"] == "/admin/"
    client.logout()
    assert client.get("/admin/centre/participants.xlsx")["Location"].startswith("/admin/login/")
