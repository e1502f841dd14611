"""The API's OpenAPI schema and its page for people, in Russian and English, from our own
server only."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# What the API is for: each of these has a list and one object by id.
PROMISED = [
    "schools",
    "programmes",
    "roadmaps",
    "events",
    "indicators",
    "participants",
    "news",
    "cases",
]


def test_the_schema_lists_every_endpoint_with_its_filters_and_errors(client):
    response = client.get("/api/v1/schema/", {"lang": "en"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for name in PROMISED:
        assert f"/api/v1/{name}/" in paths and f"/api/v1/{name}/{{id}}/" in paths
    assert all(path.startswith("/api/v1/") for path in paths)  # not the admin's own APIs
    events = paths["/api/v1/events/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in events["parameters"]}
    assert {"school", "year", "status", "language", "roadmap", "page", "page_size"} <= set(
        parameters
    )
    assert "overdue" in parameters["status"]["schema"]["enum"]
    assert set(events["responses"]) == {"200", "400", "404", "429"}
    assert events["summary"] == "Roadmap events"
    assert schema["info"]["title"] == "Mentoring: open API"
    russian = client.get("/api/v1/schema/", {"lang": "ru"}).json()
    assert russian["paths"]["/api/v1/events/"]["get"]["summary"] == "Мероприятия дорожных карт"
    assert russian["info"]["title"] == "Наставничество: открытый API"
    by_client = client.get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert by_client["paths"]["/api/v1/events/"]["get"]["summary"] == "Roadmap events"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lang": "zz"}, "Выберите одно из значений: ru, en."),
        ({"format": "yaml"}, "У этого адреса API нет такого параметра."),
        ({"lang": ""}, "Укажите значение или уберите параметр."),
        # The last one given would otherwise win, silently.
        ({"lang": ["en", "ru"]}, "Укажите этот параметр один раз."),
    ],
)
def test_the_schema_refuses_what_it_does_not_know(client, params, message):
    response = client.get("/api/v1/schema/", params, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 400
    assert response.json() == {name: [message] for name in params}


@pytest.mark.parametrize(
    ("address", "heading", "summary"),
    [
        ("/api/", "Открытый API", "Мероприятия дорожных карт"),
        ("/en/api/", "Open API", "Roadmap events"),
    ],
)
def test_the_documentation_page_reads_in_each_language(client, address, heading, summary):
    response = client.get(address)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == heading
    sections = [section.h2.get_text(strip=True) for section in page.select("main section")]
    assert summary in sections
    assert "GET /api/v1/events/" in page.get_text()
    # Nothing from another host.
    addresses = [tag.get("src") or tag.get("href") for tag in page.select("[src], link[href]")]
    assert addresses and {urlsplit(url).netloc for url in addresses} <= {"", "testserver"}


def test_the_documentation_reads_in_the_routers_order(client):
    page = BeautifulSoup(client.get("/en/api/").content, "html.parser")

    paths = [code.get_text() for code in page.select("main section > p > code")]

    assert paths[:2] == ["GET /api/v1/schools/", "GET /api/v1/schools/{id}/"]
    assert page.select("table thead th")[1].get_text() == "When it happens"
