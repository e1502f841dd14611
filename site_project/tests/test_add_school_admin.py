"""«Добавить школу» in the admin: a superuser adds a school as the command does; bad input is
answered in Russian with nothing made; nobody else may reach it."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from programmes.models import School
from programmes.roles import CURATOR
from programmes.schools import COORDINATOR
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db

URL = reverse("add_school")
NEW_SCHOOL = {
    "full_name": "Муниципальное общеобразовательное учреждение «Школа № 7»",
    "short_name": "Школа № 7",
    "inn": "7701234567",
    "curator_contact": "kurator@example.org",
    "hostname": "shkola7.localhost",
}


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "shkola7.localhost"]


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("администратор"))
    return client


def test_a_superuser_adds_a_school_that_answers_at_its_host(superuser_client):
    response = superuser_client.post(URL, NEW_SCHOOL, follow=True)

    school = School.objects.get(short_name="Школа № 7")
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_explore", args=[school.home_page_id]
    )
    assert "Школа добавлена: Школа № 7" in response.content.decode()
    assert Site.objects.get(hostname="shkola7.localhost").root_page_id == school.home_page_id
    assert superuser_client.get("/", HTTP_HOST="shkola7.localhost").status_code == 200
    assert school.roles.count() == 3


def test_a_superuser_names_the_school_in_english_for_its_english_pages(superuser_client):
    superuser_client.post(URL, {**NEW_SCHOOL, "short_name_en": "School No. 7"})

    english = superuser_client.get("/en/", HTTP_HOST="shkola7.localhost").content.decode()

    assert "<title>School No. 7 — School No. 7</title>" in english


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"inn": "12345"}, "inn", "ИНН организации — 10 цифр"),
        ({"path": "shkola-7"}, "hostname", "либо собственное имя сайта, либо путь"),
        ({"hostname": ""}, "hostname", "либо собственное имя сайта, либо путь"),
        ({"hostname": "localhost"}, "hostname", "Сайт localhost уже есть"),
    ],
)
def test_bad_input_is_answered_in_russian_and_makes_nothing(
    superuser_client, change, field, message
):
    pages = Page.objects.count()

    response = superuser_client.post(URL, {**NEW_SCHOOL, **change})

    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not School.objects.filter(short_name="Школа № 7").exists()
    assert Page.objects.count() == pages


@pytest.mark.parametrize("role", [CURATOR, COORDINATOR])
def test_nobody_but_a_superuser_reaches_it_or_sees_it_in_the_menu(client, user_in, role):
    client.force_login(user_in(role))

    assert outcome(client.get(URL)) == sent_to_the_dashboard()
    assert outcome(client.post(URL, NEW_SCHOOL)) == sent_to_the_dashboard()
    assert not School.objects.filter(short_name="Школа № 7").exists()
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_settings_menu_leads_a_superuser_to_it(superuser_client):
    assert URL in superuser_client.get(reverse("wagtailadmin_home")).content.decode()
