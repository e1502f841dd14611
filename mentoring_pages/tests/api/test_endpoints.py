"""What each endpoint of /api/v1/ gives: the public pages' data, filtered by school, year,
status and language, paginated; anything else refused with a 4xx in JSON."""

import pytest
from django.test import Client

from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import RoadmapEventFactory, RoadmapStageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def get(client, url, params=None, status=200, **headers):
    response = client.get(f"/api/v1/{url}", params or {}, **headers)
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["results"])


def test_schools_are_listed_with_their_sites_and_without_their_people(api_client, two_schools):
    gymnasium, lyceum = two_schools
    gymnasium.school.head = "Директор Иванова Мария Петровна"
    gymnasium.school.curator_contact = "kurator@example.org"
    gymnasium.school.inn = "7701234567"
    gymnasium.school.save()
    lyceum.school.inn = "770123456789"  # a person's INN, 12 digits, typed by mistake
    lyceum.school.save()

    data = get(api_client, "schools/")

    # The migrations' first school, then these two.
    by_name = {school["short_name"]: school for school in data["results"]}
    assert {"gymnasium", "lyceum"} < set(by_name) and data["count"] == 3
    assert by_name["gymnasium"]["url"] == "http://gymnasium.localhost/"
    assert by_name["lyceum"]["full_name"] == "Школа lyceum"
    assert (by_name["gymnasium"]["inn"], by_name["lyceum"]["inn"]) == ("7701234567", "")
    assert "head" not in by_name["gymnasium"] and "curator_contact" not in by_name["gymnasium"]
    assert "Иванова" not in str(data) and "kurator@" not in str(data)


def test_a_roadmaps_counts_are_the_ones_its_page_shows(client, api_client, two_schools):
    """A cancelled event counts neither as done nor towards the whole, on the page as in
    the API: «Выполнено: 2 из 4», not «2 из 5»."""
    gymnasium, _ = two_schools
    RoadmapEventFactory(page=gymnasium.roadmap, status=EventStatus.CANCELLED)
    gymnasium.roadmap.save_revision().publish()

    summary = get(api_client, f"roadmaps/{gymnasium.roadmap.pk}/")
    page = client.get(gymnasium.roadmap.url, HTTP_HOST="gymnasium.localhost")

    assert (summary["events_total"], summary["events_done"]) == (4, 2)
    assert "Выполнено: 2 из 4" in page.content.decode()


def test_roadmaps_count_their_events_and_one_gives_its_stages_and_events(api_client, two_schools):
    gymnasium, _ = two_schools
    RoadmapStageFactory(page=gymnasium.roadmap, number="1", title="Подготовка")

    data = get(api_client, "roadmaps/")

    by_school = {item["school"]: item for item in data["results"]}
    assert set(by_school) == {gymnasium.school.pk, two_schools[1].school.pk}
    summary = by_school[gymnasium.school.pk]
    assert (summary["events_total"], summary["events_done"], summary["events_overdue"]) == (4, 2, 1)
    assert summary["url"] == "http://gymnasium.localhost/nastavnichestvo/roadmaps/" + (
        gymnasium.roadmap.slug + "/"
    )

    detail = get(api_client, f"roadmaps/{gymnasium.roadmap.pk}/")
    assert detail["stages"] == [{"number": "1", "title": "Подготовка"}]
    statuses = sorted((event["status"], event["overdue"]) for event in detail["events"])
    assert statuses == [
        ("done", False),
        ("done", False),
        ("in_progress", False),
        ("planned", True),
    ]
    overdue = next(event for event in detail["events"] if event["overdue"])
    assert overdue["status_label"] == "просрочено"


def test_a_roadmaps_programme_is_named_only_once_it_is_live(api_client, two_schools):
    gymnasium, _ = two_schools
    gymnasium.roadmap.programme = gymnasium.programme
    gymnasium.roadmap.save()

    def programme_shown():
        data = get(api_client, "roadmaps/")
        return next(item for item in data["results"] if item["school"] == gymnasium.school.pk)[
            "programme"
        ]

    assert programme_shown() == gymnasium.programme.pk
    gymnasium.programme.live = False
    gymnasium.programme.save()
    assert programme_shown() is None


def test_events_are_filtered_by_school_status_and_year(api_client, two_schools):
    gymnasium, lyceum = two_schools

    assert get(api_client, "events/")["count"] == 7
    assert get(api_client, "events/", {"school": lyceum.school.pk})["count"] == 3
    overdue = get(api_client, "events/", {"status": "overdue"})
    assert overdue["count"] == 4 and all(event["overdue"] for event in overdue["results"])
    assert get(api_client, "events/", {"status": EventStatus.DONE})["count"] == 2
    assert get(api_client, "events/", {"year": 2026})["count"] == 7
    assert get(api_client, "events/", {"year": 2025})["count"] == 0
    assert get(api_client, "events/", {"roadmap": lyceum.roadmap.pk})["count"] == 3


def test_programme_data_by_school_and_year(api_client, two_schools):
    gymnasium, _ = two_schools

    programmes = get(api_client, "programmes/", {"school": gymnasium.school.pk})
    assert titles(programmes) == ["Программа gymnasium"]
    assert programmes["results"][0]["forms"][0]["title"] == "Ученик – ученик gymnasium"
    indicators = get(api_client, "indicators/", {"year": 2025})
    assert [row["target_percent"] for row in indicators["results"]] == [30, 30]
    participants = get(api_client, "participants/", {"school": gymnasium.school.pk})
    assert [(row["year"], row["mentors"], row["mentees"]) for row in participants["results"]] == [
        (2025, 10, 20)
    ]
    assert get(api_client, "participants/", {"year": 2024})["count"] == 0


def test_news_and_cases_are_only_the_live_public_ones(api_client, two_schools):
    gymnasium, _ = two_schools

    news = get(api_client, "news/", {"school": gymnasium.school.pk})
    assert titles(news) == ["Новость gymnasium"]
    assert news["results"][0]["date"] == "2026-02-01"
    assert news["results"][0]["summary"] == gymnasium.pages.news.lead
    assert titles(get(api_client, "cases/", {"school": gymnasium.school.pk})) == ["Кейс gymnasium"]
    for page in (gymnasium.pages.draft, gymnasium.pages.private, gymnasium.pages.hidden_roadmap):
        get(api_client, f"news/{page.pk}/", status=404)
        get(api_client, f"roadmaps/{page.pk}/", status=404)


def test_the_english_content_is_asked_for_by_language(api_client, two_schools, english):
    gymnasium, _ = two_schools
    translate(gymnasium.pages.news, english, {gymnasium.pages.news.title: "News of the gymnasium"})

    news = get(api_client, "news/", {"language": "en"})

    assert titles(news) == ["News of the gymnasium"]
    assert news["results"][0]["language"] == "en"
    assert titles(get(api_client, "news/")) == ["Новость gymnasium", "Новость lyceum"]


def test_lists_are_paginated(api_client, two_schools):
    first = get(api_client, "events/", {"page_size": 5})

    assert (first["count"], len(first["results"])) == (7, 5)
    second = get(api_client, "events/", {"page_size": 5, "page": 2})
    assert len(second["results"]) == 2 and second["next"] is None
    assert get(api_client, "events/", {"page": 3, "page_size": 5}, status=404)["detail"]


@pytest.mark.parametrize(
    ("url", "params", "parameter", "status"),
    [
        ("events/", {"status": "soon"}, "status", 400),
        ("events/", {"year": "прошлый"}, "year", 400),
        ("events/", {"year": "1812"}, "year", 400),
        ("events/", {"school": "0"}, "school", 400),
        ("events/", {"school": "999999"}, "school", 404),
        ("events/", {"roadmap": "x"}, "roadmap", 400),
        ("news/", {"language": "de"}, "language", 400),
        ("news/", {"language": ""}, "language", 400),
        ("news/", {"page_size": "500"}, "page_size", 400),
        ("news/", {"page": "первая"}, "page", 400),
        ("news/", {"sort": "title"}, "sort", 400),
        ("news/?year=2026&year=2025", {}, "year", 400),
        ("roadmaps/1/", {"language": "en"}, "language", 400),
    ],
)
def test_a_bad_parameter_is_refused_in_the_visitors_language(
    api_client, two_schools, url, params, parameter, status
):
    refused = get(api_client, url, params, status=status)
    assert list(refused) == [parameter]

    in_english = get(api_client, url, params, status=status, HTTP_ACCEPT_LANGUAGE="en")
    assert in_english[parameter] != refused[parameter]


def test_other_addresses_and_methods_answer_in_json(api_client, two_schools):
    assert get(api_client, "nothing-here/", status=404)["detail"]
    assert api_client.get("/api/v1/events")["Location"] == "/api/v1/events/"
    assert get(api_client, "roadmaps/99999999999999999999/", status=404)["detail"]
    assert get(api_client, "roadmaps/1%0A2/", status=404)["detail"]
    assert get(api_client, "roadmaps/abc/", status=404)["detail"]
    response = api_client.post("/api/v1/news/", {"title": "x"})
    assert response.status_code == 405
    assert response.json()["detail"]
    # A client of the API sends no CSRF token: any other address is a JSON 404 all the same.
    response = Client(enforce_csrf_checks=True).post("/api/v1/nothing-here/", {"title": "x"})
    assert response.status_code == 404
    assert response.json()["detail"]
