"""A required choice comes with nothing chosen on every form editors build, even when the
editor gave it a default: whoever skips it is asked, not counted as its first answer."""

import pytest
from bs4 import BeautifulSoup

from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.applications import answers, application_form
from mentoring_pages.tests.factories import (
    ApplicationFormFieldFactory,
    QuestionnaireFieldFactory,
    QuestionnairePageFactory,
)
from programmes.tests.factories import ConsentTextFactory

pytestmark = pytest.mark.django_db

GRADES = "1–4\n5–7\n8–9\n10–11"


@pytest.fixture
def application(section):
    ConsentTextFactory()
    return application_form(section.landing)


def grade_question(page, field_type, required=True):
    return ApplicationFormFieldFactory(
        page=page,
        label="Класс ученика",
        field_type=field_type,
        choices=GRADES,
        default_value="1–4",
        required=required,
        sort_order=4,
    )


def chosen(client, page, question):
    """The answers the visitor finds already chosen (a drop-down's «— choose —» is none)."""
    form = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    element = form.find(id=f"id_{question.clean_name}")
    if element.name == "select":
        options = element.find_all("option")
        shown = [option for option in options if option.has_attr("selected")]
        if not shown and not element.has_attr("multiple"):
            shown = options[:1]  # what a browser shows when none is marked
        return [option["value"] for option in shown if option["value"]]
    return [box["value"] for box in element.find_all("input") if box.has_attr("checked")]


@pytest.mark.parametrize("field_type", ["dropdown", "radio", "checkboxes", "multiselect"])
def test_a_required_choice_with_a_default_comes_with_nothing_chosen_and_is_refused_when_skipped(
    client, application, field_type
):
    question = grade_question(application, field_type)

    response = client.post(application.url, answers(application))

    assert chosen(client, application, question) == []
    assert response.status_code == 400
    assert not ApplicationSubmission.objects.exists()


def test_a_drop_down_starts_with_choose_that_counts_as_no_answer(client, application):
    question = grade_question(application, "dropdown")
    form = BeautifulSoup(client.get(application.url).content.decode(), "html.parser")
    first = form.find(id=f"id_{question.clean_name}").find("option")

    response = client.post(application.url, answers(application, **{question.clean_name: ""}))

    assert (first.get_text(), first["value"]) == ("— выберите —", "")
    assert response.status_code == 400


def test_an_optional_choice_keeps_the_editors_default(client, application):
    question = grade_question(application, "radio", required=False)

    assert chosen(client, application, question) == ["1–4"]


def test_a_required_choice_in_a_questionnaire_comes_with_nothing_chosen(client, section):
    questionnaire = QuestionnairePageFactory(parent=section.landing)
    question = QuestionnaireFieldFactory(
        page=questionnaire, field_type="radio", choices="Да\nНет", default_value="Да"
    )

    assert chosen(client, questionnaire, question) == []
