"""The open datasets: per school and for the municipality, in the format of the open-data
recommendations (version 3.0), listed on «Открытые данные» and renewed when the data change."""

import csv
import io
import time
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site

from home.models import SiteSettings
from mentoring_pages.models import MunicipalCentrePage, RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.centre.conftest import CENTRE_HOST

pytestmark = pytest.mark.django_db


def read_csv(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def passport(client, identifier):
    rows = read_csv(client, f"/opendata/{identifier}/meta.csv")
    assert rows[0] == ["property", "value"]
    return dict(rows[1:])


def file_of(meta, prefix):
    """The address of the data or structure file the passport names."""
    [name] = [name for name in meta if name.startswith(prefix)]
    return name, meta[name].removeprefix("http://testserver")


@pytest.fixture
def schools(two_schools):
    gymnasium, lyceum = two_schools
    gymnasium.school.inn = "7701234567"
    gymnasium.school.save()
    return gymnasium, lyceum


def test_a_schools_events_have_a_passport_data_and_structure(api_client, schools):
    gymnasium, _ = schools

    meta = passport(api_client, "7701234567-roadmapevents")

    properties = list(meta)
    assert properties[:10] == [
        "standardversion",
        "identifier",
        "title",
        "description",
        "creator",
        "created",
        "modified",
        "subject",
        "format",
        properties[9],
    ]
    assert properties[9].startswith("data-") and properties[10].startswith("structure-")
    assert properties[11:] == ["publishername", "publisherphone", "publishermbox"]
    assert meta["standardversion"] == "http://opendata.gosmonitor.ru/standard/3.0"
    assert meta["identifier"] == "7701234567-roadmapevents"
    assert meta["title"] == "Мероприятия дорожных карт наставничества"
    assert meta["creator"] == "Школа gymnasium" and meta["format"] == "csv"
    for key in ("description", "created", "modified", "subject", "publishername"):
        assert meta[key], key
    data_name, data_url = file_of(meta, "data-")
    structure_name, structure_url = file_of(meta, "structure-")
    assert data_name.endswith(f"-{structure_name}")
    structure = read_csv(api_client, structure_url)
    assert structure[0] == ["field name", "english description", "russian description", "format"]
    data = read_csv(api_client, data_url)
    assert data[0] == [row[0] for row in structure[1:]]
    rows = [dict(zip(data[0], row, strict=True)) for row in data[1:]]
    assert len(rows) == 4 and {row["school"] for row in rows} == {"Школа gymnasium"}
    assert sorted(row["overdue"] for row in rows) == ["да", "нет", "нет", "нет"]
    assert {row["status"] for row in rows} >= {"выполнено", "запланировано"}
    assert rows[0]["roadmap_url"].startswith("http://gymnasium.localhost/")


def test_the_municipalitys_datasets_hold_every_school(api_client, schools):
    meta = passport(api_client, "municipality-roadmapevents")
    data = read_csv(api_client, file_of(meta, "data-")[1])
    assert {row[0] for row in data[1:]} == {"Школа gymnasium", "Школа lyceum"}
    assert len(data) == 1 + 7  # no draft roadmap's events

    meta = passport(api_client, "municipality-indicators")
    data = read_csv(api_client, file_of(meta, "data-")[1])
    assert data[0][:4] == ["school", "school_inn", "programme", "year"]
    assert sorted(row[0] for row in data[1:]) == ["Школа gymnasium", "Школа lyceum"]


def test_a_school_without_an_inn_is_named_by_its_number(api_client, schools):
    _, lyceum = schools
    meta = passport(api_client, f"school{lyceum.school.pk}-indicators")
    assert meta["creator"] == "Школа lyceum"


def test_a_change_makes_a_new_version_and_the_old_name_leads_to_it(
    api_client, schools, monkeypatch
):
    gymnasium, _ = schools
    before = passport(api_client, "7701234567-roadmapevents")
    old_name, old_url = file_of(before, "data-")

    later = time.time() + 3600
    monkeypatch.setattr("home.page_cache.time", SimpleNamespace(time=lambda: later))
    event = gymnasium.roadmap.events.filter(status=EventStatus.PLANNED).first()
    RoadmapEvent.objects.filter(pk=event.pk).update(status=EventStatus.DONE)
    RoadmapPage.objects.get(pk=gymnasium.roadmap.pk).save_revision().publish()

    after = passport(api_client, "7701234567-roadmapevents")
    new_name, new_url = file_of(after, "data-")
    assert new_name != old_name
    assert api_client.get(old_url)["Location"].endswith(new_url)
    statuses = [row[-2] for row in read_csv(api_client, new_url)[1:]]
    assert statuses.count("выполнено") == 3


@pytest.mark.parametrize(
    "address",
    [
        "/opendata/7701234567-unknown/meta.csv",
        "/opendata/0000000000-roadmapevents/meta.csv",
        "/opendata/school999999-indicators/meta.csv",
        "/opendata/municipality-indicators/other.csv",
        "/opendata/municipality-indicators/data-1-structure-2.csv",
    ],
)
def test_no_such_dataset_or_file_is_a_404(api_client, schools, address):
    assert api_client.get(address).status_code == 404


@pytest.mark.parametrize(
    ("language", "heading"), [("ru", "Страница не найдена"), ("en", "Page not found")]
)
def test_a_missing_file_is_explained_in_the_visitors_language(
    api_client, schools, language, heading
):
    """A file's address carries no language: its 404 page speaks the one the browser asks for."""
    response = api_client.get(
        "/opendata/municipality-indicators/other.csv", HTTP_ACCEPT_LANGUAGE=language
    )

    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading


def test_the_open_data_page_lists_every_dataset(api_client, schools, site):
    SiteSettings.objects.update_or_create(site=site, defaults={"full_name": "Демо-школа"})
    page = BeautifulSoup(api_client.get("/opendata/").content, "html.parser")

    rows = page.select("table.open-data tbody tr")
    identifiers = [row.code.get_text() for row in rows]
    assert identifiers[:2] == ["municipality-roadmapevents", "municipality-indicators"]
    assert "7701234567-indicators" in identifiers
    assert len(rows) == 2 * 4  # the municipality and three schools
    for link in rows[2].select("a"):
        assert api_client.get(link["href"]).status_code == 200
    english = BeautifulSoup(api_client.get("/en/opendata/").content, "html.parser")
    assert english.h1.get_text(strip=True) == "Open data"


def test_without_a_cache_the_files_are_made_on_each_request(api_client, schools, cache_down):
    meta = passport(api_client, "municipality-indicators")

    assert len(read_csv(api_client, file_of(meta, "data-")[1])) == 3
    assert api_client.get("/opendata/").status_code == 200


def test_the_list_names_every_dataset_and_its_passport(api_client, schools):
    rows = read_csv(api_client, "/opendata/list.csv")

    assert rows[0] == ["property", "title", "value", "format"]
    by_identifier = {row[0]: row for row in rows[1:]}
    assert len(by_identifier) == 2 * 4
    row = by_identifier["7701234567-indicators"]
    assert row[1] == "Целевые показатели наставничества" and row[3] == "csv"
    meta = read_csv(api_client, row[2].removeprefix("http://testserver"))
    assert ["identifier", row[0]] in meta


def test_schools_sharing_an_inn_are_told_apart_by_their_number(api_client, schools):
    gymnasium, lyceum = schools
    lyceum.school.inn = gymnasium.school.inn
    lyceum.school.save()

    identifiers = {row[0] for row in read_csv(api_client, "/opendata/list.csv")[1:]}

    assert f"school{gymnasium.school.pk}-indicators" in identifiers
    assert f"school{lyceum.school.pk}-indicators" in identifiers
    assert api_client.get("/opendata/7701234567-indicators/meta.csv").status_code == 404


def test_the_municipalitys_publisher_is_the_centre_from_any_host(api_client, schools, site):
    centre = Page.get_first_root_node().add_child(
        instance=MunicipalCentrePage(title="Центр", slug="centre")
    )
    SiteSettings.objects.create(
        site=Site.objects.create(hostname=CENTRE_HOST, root_page=centre),
        full_name="Муниципальный центр наставничества",
        email="centre@example.org",
    )

    meta = passport(api_client, "municipality-indicators")
    from_a_school = api_client.get(
        "/opendata/municipality-indicators/meta.csv", HTTP_HOST="gymnasium.localhost"
    ).content.decode()

    assert meta["publishername"] == "Муниципальный центр наставничества"
    assert meta["publishermbox"] == "centre@example.org"
    assert "Муниципальный центр наставничества" in from_a_school


def test_a_passport_kept_for_http_does_not_give_https_its_links(api_client, schools, settings):
    settings.PAGE_CACHE_TIMEOUT = 3600  # kept as pages are
    address = "/opendata/7701234567-indicators/meta.csv"
    api_client.get(address)

    secure = dict(csv.reader(io.StringIO(api_client.get(address, secure=True).text)))

    assert file_of(secure, "data-")[1].startswith("https://testserver/opendata/")
