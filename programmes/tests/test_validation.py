"""Each rule rejects a bad value with its message in Russian, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes.categories import IndicatorCategory
from programmes.models import ParticipationFigures, TargetIndicator
from programmes.models.results import MonitoringStage
from programmes.tests.factories import (
    MentoringFormFactory,
    MonitoringResultFactory,
    ParticipationFiguresFactory,
    ProgrammeFactory,
    TargetIndicatorFactory,
)

pytestmark = pytest.mark.django_db


def messages_of(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def indicator(**values):
    return TargetIndicatorFactory.build(programme=ProgrammeFactory(), **values)


def figures(**values):
    return ParticipationFiguresFactory.build(form=MentoringFormFactory(), **values)


def result(**values):
    return MonitoringResultFactory.build(programme=ProgrammeFactory(), **values)


def programme(**values):
    return ProgrammeFactory.build(**values)


OUT_OF_PERIOD = "Год должен входить в период программы, 2020–2025."
TOO_FEW_MENTEES = "Наставляемых не может быть меньше, чем пар и групп: в каждой хотя бы один."
NO_VALUE_BEFORE = "На стадии 2 участников сравнивают до и после: укажите значение до."


# (what is built, with which values; the field refused; the message under it)
@pytest.mark.parametrize(
    ("build", "values", "field", "message"),
    [
        (indicator, {"target_percent": 101}, "target_percent", "Процент не может быть больше 100."),
        (indicator, {"actual_percent": -1}, "actual_percent", "Процент не может быть меньше 0."),
        (indicator, {"year": 2019}, "year", OUT_OF_PERIOD),
        (figures, {"mentors": -3}, "mentors", "Число не может быть отрицательным."),
        (figures, {"mentees": 4, "pairs": 5}, "mentees", TOO_FEW_MENTEES),
        (figures, {"year": 2030}, "year", OUT_OF_PERIOD),
        (
            result,
            {"stage": MonitoringStage.GROWTH, "value_before": None},
            "value_before",
            NO_VALUE_BEFORE,
        ),
        (
            programme,
            {"first_year": 2024, "last_year": 2020},
            "last_year",
            "Последний год не может быть раньше первого.",
        ),
    ],
)
def test_bad_values_are_rejected_with_a_russian_message(build, values, field, message):
    assert message in messages_of(build(**values))[field]


@pytest.mark.parametrize("fact_factory", [ParticipationFiguresFactory, MonitoringResultFactory])
def test_a_fact_must_name_a_form_of_its_own_programme(fact_factory):
    other_form = MentoringFormFactory()
    fact = fact_factory.build(form=other_form, programme=ProgrammeFactory(title="Другая"))

    assert "Выберите форму наставничества этой программы." in messages_of(fact)["form"]


def test_a_duplicate_indicator_is_refused_in_the_admin_and_nothing_is_saved(admin_client):
    existing = TargetIndicatorFactory(category=IndicatorCategory.TEACHERS, year=2022)

    response = admin_client.post(
        reverse(TargetIndicator.snippet_viewset.get_url_name("add")),
        {
            "programme": existing.programme.pk,
            "category": IndicatorCategory.TEACHERS,
            "year": 2022,
            "target_percent": "40",
            "actual_percent": "",
            "comment": "",
            "locale": existing.locale.pk,
        },
    )

    assert response.status_code == 200
    assert "У этой программы уже есть показатель для этой категории и года." in (
        response.content.decode()
    )
    assert TargetIndicator.objects.count() == 1


def test_invalid_figures_in_the_admin_keep_what_was_typed(admin_client):
    form = MentoringFormFactory()

    response = admin_client.post(
        reverse(ParticipationFigures.snippet_viewset.get_url_name("add")),
        {
            "programme": form.programme.pk,
            "year": 2021,
            "form": form.pk,
            "mentors": 7,
            "mentees": 2,
            "pairs": 5,
            "pupils_total": 300,
            "teachers_total": 30,
            "locale": form.locale.pk,
        },
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="300"' in content
    assert "Наставляемых не может быть меньше" in content
    assert ParticipationFigures.objects.count() == 0
