import datetime

import factory
import wagtail_factories

from mentoring_pages.consent.rules import public_path
from mentoring_pages.models import (
    ApplicationFormField,
    ApplicationPage,
    CaseIndexPage,
    CasePage,
    DocumentsPage,
    MentorIndexPage,
    MentoringIndexPage,
    MentorPage,
    NewsIndexPage,
    NewsPage,
    QuestionnaireField,
    QuestionnairePage,
    RoadmapEvent,
    RoadmapIndexPage,
    RoadmapPage,
    RoadmapStage,
)
from mentoring_pages.roadmap.deadlines import Recurrence
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.tests.factories import ConsentFactory


class MentoringIndexPageFactory(wagtail_factories.PageFactory):
    title = "Наставничество"
    slug = "nastavnichestvo"

    class Meta:
        model = MentoringIndexPage


class RoadmapIndexPageFactory(wagtail_factories.PageFactory):
    title = "Дорожные карты"
    slug = "roadmaps"

    class Meta:
        model = RoadmapIndexPage


class RoadmapPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Дорожная карта {n}")
    slug = factory.Sequence(lambda n: f"roadmap-{n}")
    first_year = 2020
    last_year = 2024

    class Meta:
        model = RoadmapPage


class PageRowFactory(factory.django.DjangoModelFactory):
    """A row of a page's inline panel (a stage, an event, a question), in the page's
    language."""

    locale = factory.SelfAttribute("page.locale")

    class Meta:
        abstract = True


class RoadmapStageFactory(PageRowFactory):
    page = factory.SubFactory(RoadmapPageFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Этап {n + 1}")

    class Meta:
        model = RoadmapStage


class RoadmapEventFactory(PageRowFactory):
    page = factory.SubFactory(RoadmapPageFactory)
    stage_number = "1"
    number = factory.Sequence(lambda n: f"{n + 1}.")
    title = factory.Sequence(lambda n: f"Мероприятие {n + 1}")
    deadline_text = "сентябрь-октябрь 2020 г."
    start = datetime.date(2020, 9, 1)
    end = datetime.date(2020, 10, 31)
    recurrence = Recurrence.ONCE
    responsible = "Куратор"
    status = EventStatus.PLANNED

    class Meta:
        model = RoadmapEvent


def roadmap_with_events(parent, events, stages=(), **fields):
    """A live roadmap under `parent` with `stages`, (number, title) pairs, and `events`,
    dicts of event fields, each kept in the order given."""
    page = RoadmapPageFactory(parent=parent, **fields)
    for index, (number, title) in enumerate(stages):
        RoadmapStageFactory(page=page, number=number, title=title, sort_order=index)
    for index, event in enumerate(events):
        RoadmapEventFactory(page=page, **{"sort_order": index, **event})
    return page


class MentorIndexPageFactory(wagtail_factories.PageFactory):
    title = "Наши наставники"
    slug = "mentors"

    class Meta:
        model = MentorIndexPage


class MentorPageFactory(wagtail_factories.PageFactory):
    """A mentor with a recorded consent, as every published mentor has."""

    title = factory.Sequence(lambda n: f"Наставник {n}")
    slug = factory.Sequence(lambda n: f"mentor-{n}")
    position = "Учитель математики"
    consent = factory.SubFactory(
        ConsentFactory,
        person=factory.SelfAttribute("..consent_given_by"),
        data_categories=factory.SelfAttribute("..consent_scope"),
        pages=factory.LazyAttribute(lambda consent: mentor_address(consent.factory_parent)),
    )

    class Params:
        consent_given_by = factory.SelfAttribute("title")
        consent_scope = "Имя, фото и достижения на странице наставника"

    class Meta:
        model = MentorPage


def mentor_address(mentor):
    """The address the mentor's page will have, for its consent to list."""
    parent = getattr(mentor, "parent", None)
    if parent is None:
        return ""
    return public_path(MentorPage(slug=mentor.slug, locale_id=parent.locale_id), parent)


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Кейсы"
    slug = "cases"

    class Meta:
        model = CaseIndexPage


class CasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Кейс {n}")
    slug = factory.Sequence(lambda n: f"case-{n}")
    problem = "<p>Низкая успеваемость по математике.</p>"
    goal = "<p>Поднять средний балл.</p>"
    what_was_done = "<p>Еженедельные занятия пары.</p>"
    result = "<p>Средний балл вырос с 3,2 до 3,9.</p>"

    class Meta:
        model = CasePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Новости"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Новость {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    lead = "Краткое содержание новости."

    class Meta:
        model = NewsPage


class DocumentsPageFactory(wagtail_factories.PageFactory):
    title = "Методическая копилка"
    slug = "documents"

    class Meta:
        model = DocumentsPage


class ApplicationPageFactory(wagtail_factories.PageFactory):
    title = "Хочу стать наставником"
    slug = factory.Sequence(lambda n: f"application-{n}")

    class Meta:
        model = ApplicationPage


class FormFieldFactory(PageRowFactory):
    """A question of a form; its page is the caller's to give."""

    label = factory.Sequence(lambda n: f"Вопрос {n}")

    class Meta:
        abstract = True


class ApplicationFormFieldFactory(FormFieldFactory):
    field_type = "singleline"

    class Meta:
        model = ApplicationFormField


class QuestionnairePageFactory(wagtail_factories.PageFactory):
    title = "Анкета удовлетворённости"
    slug = factory.Sequence(lambda n: f"questionnaire-{n}")

    class Meta:
        model = QuestionnairePage


class QuestionnaireFieldFactory(FormFieldFactory):
    field_type = "rating_5"

    class Meta:
        model = QuestionnaireField
