"""No personal data through the API: a walk over every endpoint, in both languages, and over
every object it lists, finds no e-mail address, no phone number, no applicant's answer, no
consent, no mentor or head of a school by name; and no draft, no page behind a password,
no programme not yet published."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from mentoring_pages.models import ApplicationSubmission, RoadmapEvent
from mentoring_pages.tests.applications import application_form
from mentoring_pages.tests.factories import MentorIndexPageFactory, MentorPageFactory
from programmes.tests.factories import ConsentFactory, ConsentTextFactory, ProgrammeFactory

from .conftest import ENDPOINTS

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"\+?\d[\d\s()-]{9,}\d")


@pytest.fixture
def people(two_schools):
    """Everyone the schools' data know of, and what must stay unpublished."""
    gymnasium, _ = two_schools
    school = gymnasium.school
    school.head = "Директор Зиновьева Алла Борисовна"
    school.curator_contact = "+7 (912) 345-67-89, kurator@gymnasium.example"
    # Twelve digits: a person's INN (a sole trader's), which the phone pattern finds.
    school.inn = "500100732259"
    school.save()
    landing = gymnasium.roadmap.get_parent().get_parent()
    form = application_form(landing)
    ApplicationSubmission.objects.create(
        page=form,
        form_data={
            form.fields["name"].clean_name: "Заявитель Сидорова",
            form.fields["email"].clean_name: "sidorova@example.org",
        },
        consent_text=ConsentTextFactory(school=school),
        consented_at="2026-03-01T10:00:00+03:00",
    )
    MentorPageFactory(
        parent=MentorIndexPageFactory(parent=landing),
        title="Наставница Кузнецова",
        consent__school=school,
    )
    ConsentFactory(
        school=school,
        person="Ученица Белова",
        withdrawn_at=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
    )
    ProgrammeFactory(school=school, title="Черновик программы", live=False)
    # Drafts are «Черновик…»/«Черновое…», what is behind a password «Закрытая/Закрытое…».
    hidden = ["Черновик", "Черновое", "Закрытая", "Закрытое", "secret"]
    return ["Зиновьева", "Сидорова", "Кузнецова", "Белова", *hidden]


def walk(client):
    """Every answer of the API: each list in each language, and each object it lists; the
    API's page and every open dataset's files."""
    for address in ("/api/", "/en/api/", "/opendata/", "/opendata/list.csv"):
        yield address, client.get(address).content.decode()
    for passport in re.findall(
        r"http://testserver(/opendata/[^,\s]+/meta\.csv)", walked_list(client)
    ):
        meta = client.get(passport).content.decode()
        yield passport, meta
        for file in re.findall(r"http://testserver(/opendata/\S+\.csv)", meta):
            yield file, client.get(file).content.decode()
    for endpoint in ENDPOINTS:
        for language in ("ru", "en"):
            listed = client.get(f"/api/v1/{endpoint}/", {"language": language, "page_size": 200})
            assert listed.status_code == 200, endpoint
            yield f"{endpoint} ({language})", as_text(listed.json())
            for item in listed.json()["results"]:
                one = client.get(f"/api/v1/{endpoint}/{item['id']}/")
                assert one.status_code == 200
                yield f"{endpoint}/{item['id']}", as_text(one.json())


def as_text(data):
    return json.dumps(data, ensure_ascii=False)


def walked_list(client):
    response = client.get("/opendata/list.csv")
    assert response.status_code == 200
    return response.content.decode()


def test_no_endpoint_gives_a_person_or_what_is_not_public(api_client, people, english):
    seen = 0
    for where, text in walk(api_client):
        assert not EMAIL.search(text), where
        assert not PHONE.search(text), where
        for word in people:
            assert word not in text, (where, word)
        seen += 1
    assert seen > len(ENDPOINTS) * 2  # the objects were walked too


def test_the_walk_would_see_a_person(api_client, people):
    """The walk's own check: an event naming a person is found in the API and in the open
    data files."""
    event = RoadmapEvent.objects.filter(page__live=True).first()
    RoadmapEvent.objects.filter(pk=event.pk).update(title="Встреча с Сидоровой")

    found = {where for where, text in walk(api_client) if "Сидоровой" in text}

    assert "events (ru)" in found
    assert any("/data-" in where for where in found)


def test_the_schema_has_no_personal_field(client):
    schema = json.dumps(client.get(reverse("api-schema")).json())
    for field in ("head", "curator_contact", "person", "consent", "form_data", "email"):
        assert f'"{field}"' not in schema, field
