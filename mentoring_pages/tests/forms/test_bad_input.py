"""Whatever arrives in an application, the visitor gets the form back with a message in
their language, never a server error, and nothing is stored."""

import pytest
from bs4 import BeautifulSoup

from mentoring_pages.forms.minors import ADULT, MINOR_FIELD, Minors
from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.applications import answers, application_form
from mentoring_pages.tests.factories import ApplicationFormFieldFactory
from programmes.tests.factories import ConsentTextFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db

BAD_ANSWERS = [
    ("singleline", "a\x00b"),
    ("singleline", "я" * 100_000),
    ("name", "\x00"),
    ("tel", "+7 912 345-67-89" * 10),
    ("tel", "+7 912\x00345-67-89"),
    ("email", "maria@" + "a" * 400 + ".ru"),
    ("email", "мария@пример"),
    ("url", "javascript:alert(1)"),
    ("url", "http://" + "a" * 100_000),
    ("number", "NaN"),
    ("number", "-Infinity"),
    ("number", "1e-1000000"),
    ("date", "2026-02-30"),
    ("date", "99999999999-01-01"),
    ("datetime", "2026-13-01 25:61"),
    ("dropdown", "12"),
    ("radio", "1–4\n5–7"),
    ("checkboxes", ["1–4", "none of these"]),
    ("multiselect", ["x" * 10_000]),
]


@pytest.fixture
def application(section):
    ConsentTextFactory()
    return application_form(section.landing, minors=Minors.MAY_APPLY)


def assert_refused_in_russian(response):
    form = BeautifulSoup(response.content.decode(), "html.parser")
    assert response.status_code == 400
    assert form.html["lang"] == "ru"
    assert "Форма не отправлена" in form.select_one(".error-summary h2").get_text()
    assert not ApplicationSubmission.objects.exists()


@pytest.mark.parametrize(("field_type", "value"), BAD_ANSWERS)
def test_a_bad_answer_is_refused_with_a_message(client, application, field_type, value):
    question = ApplicationFormFieldFactory(
        page=application, field_type=field_type, choices="1–4\n5–7", sort_order=4
    )

    response = client.post(
        application.url, answers(application, **{question.clean_name: value, MINOR_FIELD: ADULT})
    )

    assert_refused_in_russian(response)
    form = BeautifulSoup(response.content.decode(), "html.parser")
    assert form.find(id=f"id_{question.clean_name}_error").get_text().strip()


@pytest.mark.parametrize("age", ["maybe", "", "adult\x00"])
def test_a_made_up_answer_to_the_age_question_is_refused(client, application, age):
    assert_refused_in_russian(
        client.post(application.url, answers(application, **{MINOR_FIELD: age}))
    )


def test_a_body_that_is_not_utf_8_is_refused(client, application):
    response = client.post(
        application.url,
        data=b"imia=%FF%FE&personal_data_consent=on",
        content_type="application/x-www-form-urlencoded",
    )

    assert_refused_in_russian(response)


def test_on_the_english_page_the_message_is_in_english(
    client, english_section, english, application
):
    translate(application, english, {})

    response = client.post(f"/en/nastavnichestvo/{application.slug}/", answers(application))
    form = BeautifulSoup(response.content.decode(), "html.parser")

    assert response.status_code == 400
    assert form.html["lang"] == "en"
    assert "The form has not been sent" in form.select_one(".error-summary h2").get_text()
    assert not ApplicationSubmission.objects.exists()
