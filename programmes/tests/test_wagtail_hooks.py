import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.snippets.models import get_snippet_models

from programmes.categories import IndicatorCategory
from programmes.models import ParticipationFigures, Programme, TargetIndicator
from programmes.tests.factories import (
    MentoringFormFactory,
    ParticipationFiguresFactory,
    ProgrammeFactory,
    TargetIndicatorFactory,
)

pytestmark = pytest.mark.django_db


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def test_indicators_export_as_csv(admin_client):
    TargetIndicatorFactory(year=2022, target_percent=40, actual_percent=38)

    response = admin_client.get(list_url(TargetIndicator), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    [row] = csv.DictReader(io.StringIO(content))
    assert (row["Год"], row["Цель, %"], row["Факт, %"]) == ("2022", "40.0", "38.0")


def test_exports_name_a_choice_as_its_reader_sees_it_not_by_its_code(admin_client):
    TargetIndicatorFactory(category=IndicatorCategory.YOUNG_SPECIALISTS)

    response = admin_client.get(list_url(TargetIndicator), {"export": "csv"})

    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    with translation.override("ru"):
        assert row["Участники"] == str(IndicatorCategory.YOUNG_SPECIALISTS.label)
    assert row["Участники"] != IndicatorCategory.YOUNG_SPECIALISTS.value


def test_snippet_csv_exports_start_with_a_bom_and_keep_formulas_as_text(admin_client):
    ProgrammeFactory(title='=cmd|"/C calc"!A0')

    response = admin_client.get(list_url(Programme), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    assert "'=cmd" in content
    assert ",=cmd" not in content


def test_figures_export_as_xlsx(admin_client):
    ParticipationFiguresFactory(mentors=17, mentees=19, pairs=17)

    response = admin_client.get(list_url(ParticipationFigures), {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert 17 in values and 19 in values


def test_figures_list_filters_by_year(admin_client):
    form = MentoringFormFactory()
    ParticipationFiguresFactory(form=form, year=2021, mentors=11)
    ParticipationFiguresFactory(form=form, year=2023, mentors=33)

    response = admin_client.get(list_url(ParticipationFigures), {"year": 2023})

    assert [figures.mentors for figures in response.context["object_list"]] == [33]


@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda model: model.__name__)
def test_a_snippet_choosers_create_address_without_a_form_is_not_found(admin_client, model):
    """The choosers create nothing (records are made in their own editors); Wagtail still
    routes their «create» address, which a POST turned into a 500."""
    url = reverse(model.snippet_viewset.chooser_viewset.get_url_name("create"))
    before = model.objects.count()

    assert admin_client.post(url, {"title": "Новая"}).status_code == 404
    assert admin_client.get(url).status_code == 404
    assert model.objects.count() == before
