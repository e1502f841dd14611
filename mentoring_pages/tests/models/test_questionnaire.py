"""Questionnaires: answering one, and a curator reading and recording its results."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission
from wagtail.users.models import UserProfile

from mentoring_pages.models.forms import CONSENT_FIELD, MAX_LONG_ANSWER
from mentoring_pages.tests.applications import is_thanked
from mentoring_pages.tests.factories import QuestionnaireFieldFactory, QuestionnairePageFactory
from programmes.models import MonitoringResult
from programmes.models.results import MetricKind, MonitoringStage
from programmes.roles import CURATOR, EDITOR, group_of
from programmes.tests.factories import ProgrammeFactory
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire(section):
    page = QuestionnairePageFactory(
        parent=section.landing,
        programme=ProgrammeFactory(first_year=2020, last_year=2030),
        metric_kind=MetricKind.MENTEE_SATISFACTION,
    )
    page.rating = QuestionnaireFieldFactory(
        page=page, label="Насколько вы довольны занятиями?", help_text="1 — совсем нет, 5 — очень"
    )
    page.scale = QuestionnaireFieldFactory(
        page=page, label="Порекомендуете ли наставника?", field_type="rating_10"
    )
    page.open = QuestionnaireFieldFactory(
        page=page, label="Что улучшить?", field_type="multiline", required=False
    )
    return page


def test_a_rating_is_a_group_of_radios_with_a_legend(client, questionnaire):
    content = client.get(questionnaire.url).content.decode()
    name = questionnaire.rating.clean_name

    fieldset = re.search(rf'<fieldset id="id_{name}".*?</fieldset>', content, re.S).group(0)
    assert f'aria-describedby="id_{name}_helptext"' in fieldset
    assert "<legend" in fieldset and "Насколько вы довольны занятиями?" in fieldset
    assert re.findall(rf'type="radio" name="{name}" value="(\d+)"', fieldset) == [
        str(value) for value in range(1, 6)
    ]
    assert len(re.findall(r'type="radio"', content)) == 5 + 10


def test_a_questionnaire_is_anonymous_and_asks_no_consent(client, questionnaire):
    response = client.post(
        questionnaire.url,
        {questionnaire.rating.clean_name: "4", questionnaire.scale.clean_name: "9"},
        follow=True,
    )

    assert is_thanked(response)
    assert CONSENT_FIELD not in client.get(questionnaire.url).content.decode()
    assert FormSubmission.objects.get().form_data == {
        questionnaire.rating.clean_name: 4,
        questionnaire.scale.clean_name: 9,
        questionnaire.open.clean_name: "",
    }


def test_a_rating_off_the_scale_is_refused(client, questionnaire):
    response = client.post(
        questionnaire.url,
        {questionnaire.rating.clean_name: "6", questionnaire.scale.clean_name: "9"},
    )

    assert response.status_code == 400
    assert re.search(r'value="9"[^>]*checked', response.content.decode())  # the answer kept
    assert not FormSubmission.objects.exists()


def test_a_long_answer_has_a_limit_the_page_and_the_server_keep(client, questionnaire):
    answers = {questionnaire.rating.clean_name: "4", questionnaire.scale.clean_name: "9"}
    field = questionnaire.open.clean_name
    limit = f'maxlength="{MAX_LONG_ANSWER}"'

    too_long = client.post(questionnaire.url, {**answers, field: "я" * (MAX_LONG_ANSWER + 1)})
    just_fits = client.post(
        questionnaire.url, {**answers, field: "я" * MAX_LONG_ANSWER}, follow=True
    )

    assert limit in client.get(questionnaire.url).content.decode()
    assert too_long.status_code == 400
    assert f"не более {MAX_LONG_ANSWER} символов" in too_long.content.decode()
    assert is_thanked(just_fits)
    assert FormSubmission.objects.count() == 1


@pytest.fixture
def answered(questionnaire):
    for rating, scale, wish in [(5, 9, "Больше встреч"), (4, 10, ""), (4, 7, "")]:
        FormSubmission.objects.create(
            page=questionnaire,
            form_data={
                questionnaire.rating.clean_name: rating,
                questionnaire.scale.clean_name: scale,
                questionnaire.open.clean_name: wish,
            },
        )
    return questionnaire


def results_url(page):
    return reverse("questionnaire_results", args=[page.pk])


def test_a_curator_reads_the_results(login_as, answered):
    content = login_as(CURATOR).get(results_url(answered))
    text = content.content.decode()

    assert content.status_code == 200
    assert "среднее 4,33 из 5" in text
    assert "среднее 8,67 из 10" in text
    assert "Больше встреч" in text


def test_an_editor_cannot_read_nor_record_the_results(login_as, answered):
    client = login_as(EDITOR)

    read = client.get(results_url(answered))
    recorded = client.post(
        results_url(answered), {"question": answered.rating.clean_name, "year": "2025"}
    )

    assert outcome(read) == outcome(recorded) == sent_to_the_dashboard()
    assert "Больше встреч" not in read.content.decode()
    assert not MonitoringResult.objects.exists()


def test_the_results_become_a_monitoring_result(login_as, answered):
    client = login_as(CURATOR)

    response = client.post(
        results_url(answered), {"question": answered.rating.clean_name, "year": "2025"}
    )

    assert response.status_code == 302
    result = MonitoringResult.objects.get()
    assert result.programme == answered.programme
    assert result.locale == answered.programme.locale
    assert (result.year, result.stage, result.kind) == (
        2025,
        MonitoringStage.QUALITY,
        MetricKind.MENTEE_SATISFACTION,
    )
    assert result.metric == "Насколько вы довольны занятиями?"
    assert result.value_after == Decimal("4.33")
    assert result.value_before is None
    assert result.unit == "баллов из 5"


def test_the_result_is_worded_in_russian_whatever_the_curator_read(
    client, user_in, answered, english_section, english
):
    """Read from the English translation, in an English admin: the Russian programme's
    record still speaks Russian. Before, it held the English question, unit and title."""
    page = translate(
        answered,
        english,
        {
            answered.title: "Mentees' questionnaire",
            answered.rating.label: "How pleased are you with the sessions?",
            answered.rating.help_text: "1 — not at all, 5 — very",
            answered.scale.label: "Would you recommend your mentor?",
            answered.open.label: "What to improve?",
        },
    )
    curator = user_in(CURATOR)
    profile = UserProfile.get_for_user(curator)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(curator)

    response = client.post(
        results_url(page), {"question": answered.rating.clean_name, "year": "2025"}
    )

    assert response.status_code == 302
    result = MonitoringResult.objects.get()
    assert result.programme == answered.programme
    assert (result.metric, result.unit) == ("Насколько вы довольны занятиями?", "баллов из 5")
    assert result.comment.startswith(f"Анкета «{answered.title}»")


def test_a_result_the_programme_refuses_is_not_recorded(login_as, answered):
    client = login_as(CURATOR)

    response = client.post(
        results_url(answered), {"question": answered.rating.clean_name, "year": "2035"}
    )

    assert response.status_code == 400
    assert not MonitoringResult.objects.exists()


def test_stage_2_needs_the_value_before(login_as, answered):
    answered.monitoring_stage = MonitoringStage.GROWTH
    answered.save()
    client = login_as(CURATOR)
    url = results_url(answered)

    refused = client.post(url, {"question": answered.scale.clean_name, "year": "2025"})
    recorded = client.post(
        url, {"question": answered.scale.clean_name, "year": "2025", "value_before": "6.5"}
    )

    assert refused.status_code == 400
    assert recorded.status_code == 302
    result = MonitoringResult.objects.get()
    assert (result.value_before, result.value_after) == (Decimal("6.5"), Decimal("8.67"))


def test_the_results_are_not_recorded_in_a_programme_the_curator_may_not_add_to(
    client, user_in, answered, other_school
):
    """A page linked to another school's programme (as a user of both schools could link it
    before page forms offered only the page's school's) records nothing there: its curator
    here is only an editor there."""
    answered.programme = ProgrammeFactory(school=other_school, first_year=2020, last_year=2030)
    answered.save()
    curator = user_in(CURATOR)
    curator.groups.add(group_of(other_school, EDITOR))
    client.force_login(curator)

    response = client.post(
        results_url(answered), {"question": answered.rating.clean_name, "year": "2025"}
    )

    assert response.status_code == 400
    assert "программа другой школы" in response.content.decode()
    assert not MonitoringResult.objects.exists()
