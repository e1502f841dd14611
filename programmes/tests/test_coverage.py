from decimal import Decimal

import pytest

from programmes.categories import IndicatorCategory, Participant
from programmes.coverage import Coverage, coverage_by_year, indicator_rows
from programmes.models.forms import FormKind
from programmes.tests.factories import (
    MentoringFormFactory,
    ParticipationFiguresFactory,
    ProgrammeFactory,
    TargetIndicatorFactory,
)


@pytest.mark.parametrize(
    ("involved", "headcount", "percent"),
    [(30, 200, Decimal("15.0")), (1, 3, Decimal("33.3")), (2, 3, Decimal("66.7")), (5, 0, None)],
)
def test_coverage_percent(involved, headcount, percent):
    assert Coverage(involved, headcount).percent == percent


@pytest.mark.django_db
def test_coverage_counts_each_group_in_the_forms_it_takes_part_in():
    programme = ProgrammeFactory()
    pupils = MentoringFormFactory(programme=programme)
    teachers = MentoringFormFactory(
        programme=programme,
        title="Учитель – учитель",
        kind=FormKind.TEACHER_TEACHER,
        mentor_category=Participant.TEACHER,
        mentee_category=Participant.YOUNG_SPECIALIST,
    )
    ParticipationFiguresFactory(form=pupils, mentors=20, mentees=25, pairs=20)
    ParticipationFiguresFactory(form=teachers, mentors=4, mentees=4, pairs=4)

    coverage = coverage_by_year(programme.participation.select_related("form"))

    assert coverage[("pupils", 2021)].percent == Decimal("22.5")  # 45 of 200
    assert coverage[("teachers", 2021)].percent == Decimal("20.0")  # 8 of 40
    assert coverage[("young_specialists", 2021)].percent is None  # no headcount: no data


@pytest.mark.django_db
def test_zero_headcount_shows_no_data_in_the_admin_summary(admin_client):
    programme = ProgrammeFactory()
    TargetIndicatorFactory(programme=programme, category=IndicatorCategory.PUPILS, year=2021)
    ParticipationFiguresFactory(
        form=MentoringFormFactory(programme=programme), pupils_total=0, teachers_total=0
    )

    [row] = indicator_rows(programme)
    response = admin_client.get(f"/admin/snippets/programmes/programme/edit/{programme.pk}/")

    assert row.coverage_percent is None
    assert response.status_code == 200
    assert "<td>нет данных</td>" in response.content.decode()


@pytest.mark.django_db
def test_admin_summary_shows_target_actual_and_coverage(admin_client):
    programme = ProgrammeFactory()
    TargetIndicatorFactory(
        programme=programme, category=IndicatorCategory.PUPILS, year=2021, actual_percent=12
    )
    ParticipationFiguresFactory(
        form=MentoringFormFactory(programme=programme), mentors=10, mentees=20, pairs=10
    )

    content = admin_client.get(
        f"/admin/snippets/programmes/programme/edit/{programme.pk}/"
    ).content.decode()

    assert "<td>30,0</td>" in content or "<td>30.0</td>" in content
    assert "<td>12,0</td>" in content or "<td>12.0</td>" in content
    assert "<td>15,0</td>" in content or "<td>15.0</td>" in content  # 30 of 200 pupils
