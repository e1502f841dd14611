import pytest

from mentoring_pages.roadmap.statuses import EventStatus
from programmes.roles import CURATOR, EDITOR

from . import build_roadmap, days, make_user, writers_group


@pytest.fixture
def curator(django_user_model):
    return make_user(django_user_model, "curator", CURATOR)


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", EDITOR)


@pytest.fixture
def writer(django_user_model, section):
    """A user who may change every roadmap but publish none."""
    return make_user(django_user_model, "writer", writers_group(section.roadmaps, "change_page"))


@pytest.fixture
def two_roadmaps(section):
    """Roadmap A (two stages) and B, with one event of each kind the filters tell apart."""
    a = build_roadmap(
        section.roadmaps,
        [
            {"title": "Просрочено", "end": days(-1), "responsible": "Куратор"},
            {
                "title": "В работе, просрочено",
                "end": days(-10),
                "status": EventStatus.IN_PROGRESS,
                "responsible": "Заместитель директора, ЗАВУЧ",
            },
            {"title": "Сегодня", "end": days(0), "stage_number": "2"},
            {"title": "Через 20 дней", "end": days(20), "stage_number": "2"},
            {"title": "Через 40 дней", "end": days(40)},
            {"title": "Выполнено", "end": days(3), "status": EventStatus.DONE},
            {"title": "Отменено", "end": days(-3), "status": EventStatus.CANCELLED},
            {"title": "Без срока", "end": None, "stage_number": "2"},
        ],
        title="Карта А",
    )
    b = build_roadmap(
        section.roadmaps,
        [
            {"title": "Б: этап 2", "end": days(400), "stage_number": "2"},
            {"title": "Б: завуч", "end": days(5), "responsible": "завуч"},
        ],
        title="Карта Б",
    )
    return a, b
