"""The API's answers are kept and dropped under the same rule as pages (home.purging):
conditional requests get a 304 while nothing changed, a change shows at once; a rate limit
per address; CORS for GET only; a cache gone away slows the API down, never breaks it."""

import time
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.http import http_date

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap.statuses import EventStatus

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/events/"


@pytest.fixture(autouse=True)
def kept_answers(settings):
    """The API keeps its answers as long as the page cache keeps pages (off in the tests)."""
    settings.PAGE_CACHE_TIMEOUT = 3600


def test_a_conditional_request_gets_a_304_until_the_data_change(api_client, two_schools):
    gymnasium, _ = two_schools
    first = api_client.get(EVENTS, {"status": "done"})
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert "no-cache" in first["Cache-Control"]

    again = api_client.get(EVENTS, {"status": "done"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    since = api_client.get(
        EVENTS, {"status": "done"}, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert since.status_code == 304

    # The curator marks one more event done and publishes the roadmap.
    event = gymnasium.roadmap.events.exclude(status=EventStatus.DONE).first()
    RoadmapEvent.objects.filter(pk=event.pk).update(status=EventStatus.DONE)
    RoadmapPage.objects.get(pk=gymnasium.roadmap.pk).save_revision().publish()

    changed = api_client.get(EVENTS, {"status": "done"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["count"] == first.json()["count"] + 1
    assert changed["ETag"] != first["ETag"]


def test_a_kept_answer_costs_no_query(api_client, two_schools, django_assert_num_queries):
    api_client.get(EVENTS)

    with django_assert_num_queries(0):
        assert api_client.get(EVENTS).status_code == 200


def test_without_a_cache_the_api_still_answers(api_client, two_schools, cache_down):
    response = api_client.get(EVENTS)

    assert response.status_code == 200 and response.json()["count"] == 7
    assert "Last-Modified" not in response


def test_an_address_over_its_rate_waits(api_client, two_schools, settings):
    settings.API_RATE = "3/minute"

    answers = [api_client.get("/api/v1/schools/").status_code for _ in range(4)]

    assert answers == [200, 200, 200, 429]
    refused = api_client.get("/api/v1/schools/", HTTP_ACCEPT_LANGUAGE="ru")
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "Запрос был проигнорирован" in refused.json()["detail"]
    # Another address has its own count.
    assert api_client.get("/api/v1/schools/", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_any_site_may_read_it_from_a_browser_but_only_read(api_client, two_schools):
    origin = {"HTTP_ORIGIN": "https://iro.example.ru"}

    assert api_client.get(EVENTS, **origin)["Access-Control-Allow-Origin"] == "*"
    preflight = api_client.options(EVENTS, HTTP_ACCESS_CONTROL_REQUEST_METHOD="DELETE", **origin)
    assert "DELETE" not in preflight.get("Access-Control-Allow-Methods", "")
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    # The site's own pages are not opened to other sites.
    assert "Access-Control-Allow-Origin" not in api_client.get("/", **origin)


def test_a_status_is_worded_in_the_events_language_whatever_the_client_asks(
    api_client, two_schools
):
    in_english = api_client.get(EVENTS, {"status": "overdue"}, HTTP_ACCEPT_LANGUAGE="en")
    in_russian = api_client.get(EVENTS, {"status": "overdue"}, HTTP_ACCEPT_LANGUAGE="ru")

    for response in (in_english, in_russian):
        labels = {event["status_label"] for event in response.json()["results"]}
        assert labels == {"просрочено"}


def test_what_was_kept_before_midnight_is_as_new_as_midnight(api_client, two_schools, monkeypatch):
    """Overdue statuses change at midnight: a client that read the data yesterday gets
    them again, not a 304."""
    yesterday = time.time() - 2 * 24 * 60 * 60
    with monkeypatch.context() as patched:
        patched.setattr("home.page_cache.time", SimpleNamespace(time=lambda: yesterday))
        first = api_client.get(EVENTS)

    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert first["Last-Modified"] == http_date(midnight.timestamp())
    yesterdays_copy = http_date(yesterday)
    assert api_client.get(EVENTS, HTTP_IF_MODIFIED_SINCE=yesterdays_copy).status_code == 200


def test_a_renamed_school_is_given_at_once(api_client, two_schools):
    gymnasium, _ = two_schools
    api_client.get("/api/v1/schools/")

    gymnasium.school.full_name = "Гимназия имени Пушкина"
    gymnasium.school.save()

    names = [school["full_name"] for school in api_client.get("/api/v1/schools/").json()["results"]]
    assert "Гимназия имени Пушкина" in names


def test_an_answer_kept_for_http_does_not_give_https_its_links(api_client, two_schools):
    """Where the site answers on both schemes (SECURE_SSL_REDIRECT off), the next page's
    link keeps the scheme the reader asked with."""
    api_client.get(EVENTS, {"page_size": 2})

    secure = api_client.get(EVENTS, {"page_size": 2}, secure=True)

    assert secure.json()["next"].startswith("https://")
