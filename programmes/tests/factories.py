import datetime
from decimal import Decimal

import factory
from wagtail.models import Locale

from programmes.categories import IndicatorCategory, Participant
from programmes.models import (
    Consent,
    ConsentKind,
    ConsentText,
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    RoleModel,
    TargetIndicator,
)
from programmes.models.forms import FormKind
from programmes.models.results import MetricKind, MonitoringStage
from programmes.schools import default_school


class ProgrammeFactory(factory.django.DjangoModelFactory):
    school = factory.LazyFunction(default_school)
    title = "Программа наставничества"
    first_year = 2020
    last_year = 2025
    goal = "Раскрыть потенциал каждого наставляемого."
    tasks = "<ul><li>Сформировать базу наставников.</li></ul>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Programme


class ProgrammeRecordFactory(factory.django.DjangoModelFactory):
    """A record of one programme (a form of mentoring, a fact), in the programme's language."""

    programme = factory.SubFactory(ProgrammeFactory)
    locale = factory.SelfAttribute("programme.locale")

    class Meta:
        abstract = True


class ProgrammeYearFactFactory(ProgrammeRecordFactory):
    """A fact of one programme in one of its years (models.results.ProgrammeYearFact)."""

    year = 2021

    class Meta:
        abstract = True


class MentoringFormFactory(ProgrammeRecordFactory):
    title = "Ученик – ученик"
    kind = FormKind.PUPIL_PUPIL
    mentor_category = Participant.PUPIL
    mentee_category = Participant.PUPIL
    goal = "Поддержка обучающихся."

    class Meta:
        model = MentoringForm


class RoleModelFactory(factory.django.DjangoModelFactory):
    form = factory.SubFactory(MentoringFormFactory)
    title = "Успевающий – неуспевающий"
    goal = "Достижение лучших образовательных результатов"
    locale = factory.SelfAttribute("form.locale")

    class Meta:
        model = RoleModel


class TargetIndicatorFactory(ProgrammeYearFactFactory):
    category = IndicatorCategory.PUPILS
    target_percent = 30

    class Meta:
        model = TargetIndicator


class ParticipationFiguresFactory(ProgrammeYearFactFactory):
    form = factory.SubFactory(MentoringFormFactory)
    programme = factory.SelfAttribute("form.programme")
    mentors = 10
    mentees = 12
    pairs = 10
    pupils_total = 200
    teachers_total = 40

    class Meta:
        model = ParticipationFigures


class MonitoringResultFactory(ProgrammeYearFactFactory):
    stage = MonitoringStage.GROWTH
    kind = MetricKind.GROWTH
    metric = "Средний балл успеваемости наставляемых"
    value_before = Decimal("3.4")
    value_after = Decimal("3.9")
    unit = "балл"

    class Meta:
        model = MonitoringResult


class ConsentFactory(factory.django.DjangoModelFactory):
    """A valid consent to dissemination, with no end; `pages` lists the addresses it allows."""

    school = factory.LazyFunction(default_school)
    person = factory.Sequence(lambda n: f"Наставник {n}")
    kind = ConsentKind.DISSEMINATION
    data_categories = "Имя, фото и достижения на странице наставника"
    pages = ""
    valid_from = datetime.date(2024, 9, 1)

    class Meta:
        model = Consent


class ConsentTextFactory(factory.django.DjangoModelFactory):
    """A wording of the consent to processing, in force since 2024."""

    school = factory.LazyFunction(default_school)
    title = "Согласие на обработку персональных данных"
    version = factory.Sequence(lambda n: n + 1)
    in_force_from = datetime.date(2024, 1, 1)
    summary = "Школа обрабатывает ФИО и контакты, чтобы связаться с вами; хранит их год."
    text = "<p>Полный текст согласия.</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ConsentText
