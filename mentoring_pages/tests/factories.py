import datetime

import factory
import wagtail_factories
from wagtail.models import Page

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
from programmes.schools import default_school, school_of_page
from programmes.tests.factories import ConsentFactory


def page_factory(model, title, slug, **declarations):
    """The factory of `model` pages, `<model>Factory`: pages with that title and slug (each
    a value or a declaration) and the other fields' values or declarations."""
    return factory.make_factory(
        model, FACTORY_CLASS=wagtail_factories.PageFactory, title=title, slug=slug, **declarations
    )


def numbered(template):
    """`template` with the factory's counter in its braces: «Кейс 0», «Кейс 1» …"""
    return factory.Sequence(template.format)


MentoringIndexPageFactory = page_factory(MentoringIndexPage, "Наставничество", "nastavnichestvo")
RoadmapIndexPageFactory = page_factory(RoadmapIndexPage, "Дорожные карты", "roadmaps")
RoadmapPageFactory = page_factory(
    RoadmapPage,
    numbered("Дорожная карта {}"),
    numbered("roadmap-{}"),
    first_year=2020,
    last_year=2024,
)


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


MentorIndexPageFactory = page_factory(MentorIndexPage, "Наши наставники", "mentors")


class MentorPageFactory(wagtail_factories.PageFactory):
    """A mentor with a recorded consent, as every published mentor has."""

    title = numbered("Наставник {}")
    slug = numbered("mentor-{}")
    position = "Учитель математики"
    consent = factory.SubFactory(
        ConsentFactory,
        person=factory.SelfAttribute("..consent_given_by"),
        data_categories=factory.SelfAttribute("..consent_scope"),
        pages=factory.LazyAttribute(lambda consent: mentor_address(consent.factory_parent)),
        school=factory.LazyAttribute(
            lambda consent: school_under(getattr(consent.factory_parent, "parent", None))
        ),
    )

    class Params:
        consent_given_by = factory.SelfAttribute("title")
        consent_scope = "Имя, фото и достижения на странице наставника"

    class Meta:
        model = MentorPage


def school_under(parent):
    """The school whose tree a page made under `parent` is in: its consent is given to it."""
    return (school_of_page(parent) if parent is not None else None) or default_school()


def mentor_address(mentor):
    """The address the mentor's page will have, for its consent to list."""
    parent = getattr(mentor, "parent", None)
    if parent is None:
        return ""
    return public_path(MentorPage(slug=mentor.slug, locale_id=parent.locale_id), parent)


CaseIndexPageFactory = page_factory(CaseIndexPage, "Кейсы", "cases")
CasePageFactory = page_factory(
    CasePage,
    numbered("Кейс {}"),
    numbered("case-{}"),
    problem="<p>Низкая успеваемость по математике.</p>",
    goal="<p>Поднять средний балл.</p>",
    what_was_done="<p>Еженедельные занятия пары.</p>",
    result="<p>Средний балл вырос с 3,2 до 3,9.</p>",
)


def photo_of_people(parent, slug, shows_people=True, consent=True, **consent_fields):
    """The fields of a case or news item at `slug` under `parent` with a photo: of people or
    not, and with a consent to dissemination that lists the page's address (unless `consent`
    is False), with `consent_fields`."""
    fields = {
        "image": wagtail_factories.ImageFactory(file__width=1200, file__height=800),
        "image_alt": "Наставник и наставляемый у доски",
        "image_shows_people": shows_people,
    }
    if consent:
        address = public_path(Page(slug=slug, locale_id=parent.locale_id), parent)
        fields["consent"] = ConsentFactory(
            pages=address, **{"school": school_under(parent), **consent_fields}
        )
    return fields


NewsIndexPageFactory = page_factory(NewsIndexPage, "Новости", "news")
NewsPageFactory = page_factory(
    NewsPage,
    numbered("Новость {}"),
    numbered("news-{}"),
    date=factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)),
    lead="Краткое содержание новости.",
)
DocumentsPageFactory = page_factory(DocumentsPage, "Методическая копилка", "documents")
ApplicationPageFactory = page_factory(
    ApplicationPage, "Хочу стать наставником", numbered("application-{}")
)
QuestionnairePageFactory = page_factory(
    QuestionnairePage, "Анкета удовлетворённости", numbered("questionnaire-{}")
)


class FormFieldFactory(PageRowFactory):
    """A question of a form; its page is the caller's to give."""

    label = factory.Sequence(lambda n: f"Вопрос {n}")

    class Meta:
        abstract = True


ApplicationFormFieldFactory = factory.make_factory(
    ApplicationFormField, FACTORY_CLASS=FormFieldFactory, field_type="singleline"
)
QuestionnaireFieldFactory = factory.make_factory(
    QuestionnaireField, FACTORY_CLASS=FormFieldFactory, field_type="rating_5"
)
