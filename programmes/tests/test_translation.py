"""The programme and its facts in English, through wagtail-localize, kept in step."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring_pages.models import ApplicationSubmission, SectionTag
from mentoring_pages.tests.factories import ApplicationPageFactory
from programmes.models import (
    ConsentText,
    MentoringForm,
    ParticipationFigures,
    Programme,
    RoleModel,
    TargetIndicator,
)
from programmes.roles import CURATOR
from programmes.tests import factories
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_programme():
    role_model = factories.RoleModelFactory()
    form = role_model.form
    figures = factories.ParticipationFiguresFactory(form=form, mentors=11, mentees=14, pairs=11)
    indicator = factories.TargetIndicatorFactory(programme=form.programme, target_percent=40)
    return form.programme, form, figures, indicator


def translate_all(english, programme, form, figures, indicator):
    translate(programme, english, {"Программа наставничества": "Mentoring programme"})
    translate(form, english, {"Ученик – ученик": "Pupil to pupil"})
    translate(figures, english, {})
    translate(indicator, english, {})


def test_english_programme_keeps_its_forms_role_models_and_figures(russian_programme, english):
    programme, form, figures, indicator = russian_programme

    translate_all(english, *russian_programme)

    english_programme = programme.get_translation(english)
    [english_form] = english_programme.forms.all()
    [english_figures] = english_programme.participation.all()
    [english_indicator] = english_programme.indicators.all()
    assert english_programme.title == "Mentoring programme"
    assert english_programme.live
    assert english_form.title == "Pupil to pupil"
    assert [r.title for r in english_form.role_models.all()] == ["Успевающий – неуспевающий"]
    assert english_figures.form == english_form
    assert (english_figures.mentors, english_figures.mentees, english_figures.pairs) == (11, 14, 11)
    assert english_indicator.target_percent == 40


def test_changed_figures_reach_the_english_version_when_saved_in_the_admin(
    russian_programme, english, admin_client
):
    programme, form, figures, indicator = russian_programme
    translate_all(english, *russian_programme)

    admin_client.post(
        reverse(ParticipationFigures.snippet_viewset.get_url_name("edit"), args=[figures.pk]),
        {
            "programme": programme.pk,
            "year": figures.year,
            "form": form.pk,
            "mentors": 30,
            "mentees": 35,
            "pairs": 30,
            "pupils_total": 200,
            "teachers_total": 40,
        },
    )

    english_figures = figures.get_translation(english)
    assert (english_figures.mentors, english_figures.mentees) == (30, 35)


def test_a_published_programme_change_reaches_the_english_version(russian_programme, english):
    programme, *_ = russian_programme
    translate_all(english, *russian_programme)

    programme.last_year = 2026
    programme.save_revision().publish()

    assert programme.get_translation(english).last_year == 2026


# A record deleted in Russian goes in English too


def english_indicators(client):
    response = client.get("/api/v1/indicators/", {"language": "en"})
    assert response.status_code == 200
    return response.json()["results"]


def test_an_indicator_a_curator_deletes_goes_from_the_english_api_too(
    russian_programme, english, login_as
):
    translate_all(english, *russian_programme)
    *_, indicator = russian_programme
    client = login_as(CURATOR)
    assert len(english_indicators(client)) == 1
    url = reverse(TargetIndicator.snippet_viewset.get_url_name("delete"), args=[indicator.pk])

    client.post(url)

    assert not TargetIndicator.objects.filter(translation_key=indicator.translation_key).exists()
    assert english_indicators(client) == []


def test_deleting_the_english_translation_alone_keeps_the_russian_record(
    russian_programme, english, login_as
):
    translate_all(english, *russian_programme)
    *_, indicator = russian_programme
    english_indicator = indicator.get_translation(english)
    url = reverse(
        TargetIndicator.snippet_viewset.get_url_name("delete"), args=[english_indicator.pk]
    )

    login_as(CURATOR).post(url)

    assert not TargetIndicator.objects.filter(pk=english_indicator.pk).exists()
    assert TargetIndicator.objects.filter(pk=indicator.pk).exists()


def test_figures_deleted_in_bulk_go_in_english_too(russian_programme, english, login_as):
    translate_all(english, *russian_programme)
    _, _, figures, _ = russian_programme
    url = reverse("wagtail_bulk_action", args=("programmes", "participationfigures", "delete"))
    assert ParticipationFigures.objects.count() == 2

    login_as(CURATOR).post(f"{url}?id={figures.pk}")

    assert not ParticipationFigures.objects.exists()


def test_a_deleted_programme_takes_its_english_version_and_its_records(russian_programme, english):
    translate_all(english, *russian_programme)
    programme, *_ = russian_programme

    programme.delete()

    for model in (Programme, MentoringForm, RoleModel, ParticipationFigures, TargetIndicator):
        assert not model.objects.exists(), model


def test_a_role_model_deleted_in_code_goes_in_english_too(russian_programme, english):
    translate_all(english, *russian_programme)
    _, form, *_ = russian_programme

    form.role_models.get().delete()

    assert not RoleModel.objects.exists()
    assert MentoringForm.objects.count() == 2


@pytest.mark.parametrize(
    "make",
    [
        factories.MonitoringResultFactory,
        factories.ConsentTextFactory,
        lambda: SectionTag.objects.create(name="Наставники", slug="nastavniki"),
    ],
)
def test_every_translated_snippet_deleted_in_russian_goes_in_english_too(make, english):
    record = make()
    translate(record, english, {})

    record.delete()

    assert not type(record).objects.filter(translation_key=record.translation_key).exists()


def test_a_consent_text_whose_translation_people_agreed_to_is_not_deleted(
    home_page, english, admin_client
):
    text = factories.ConsentTextFactory()
    ApplicationSubmission.objects.create(
        page=ApplicationPageFactory(parent=home_page),
        form_data={},
        consent_text=translate(text, english, {}),
        consented_at=timezone.now(),
    )
    url = reverse(ConsentText.snippet_viewset.get_url_name("delete"), args=[text.pk])

    response = admin_client.post(url, follow=True)

    assert "её нельзя удалить" in response.content.decode()
    assert ConsentText.objects.count() == 2
