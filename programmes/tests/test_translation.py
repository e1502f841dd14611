"""The programme and its facts in English, through wagtail-localize, kept in step."""

import pytest
from django.urls import reverse

from programmes.models import ParticipationFigures
from programmes.tests.factories import (
    ParticipationFiguresFactory,
    RoleModelFactory,
    TargetIndicatorFactory,
)
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def russian_programme():
    role_model = RoleModelFactory()
    form = role_model.form
    figures = ParticipationFiguresFactory(form=form, mentors=11, mentees=14, pairs=11)
    indicator = TargetIndicatorFactory(programme=form.programme, target_percent=40)
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
