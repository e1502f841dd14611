"""A status changed on the Russian roadmap shows on the English one at once (statuses,
dates and numbers are synchronised, not translated)."""

import datetime

import pytest

from mentoring_pages.models import RoadmapEvent, RoadmapPage, RoadmapStage
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import RoadmapPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def roadmap(section, english):
    page = RoadmapPageFactory(parent=section.roadmaps, title="Дорожная карта", live=False)
    page.stages = [RoadmapStage(number="I", title="Подготовка")]
    page.events = [
        RoadmapEvent(
            stage_number="I",
            number="1.",
            title="Анкетирование",
            end=datetime.date(2020, 10, 31),
            status=EventStatus.PLANNED,
        )
    ]
    page.save_revision().publish()
    for parent in (section.landing, section.roadmaps):
        translate(parent, english, {})
    translate(page, english, {"Дорожная карта": "Roadmap", "Анкетирование": "Survey"})
    return RoadmapPage.objects.get(pk=page.pk)


def test_a_status_change_reaches_the_english_roadmap_when_published(roadmap, english, client):
    event = roadmap.events.get()
    event.status = EventStatus.DONE
    event.end = datetime.date(2020, 11, 15)
    event.status_note = "Опрошено 120 учеников"
    roadmap.events = [event]
    roadmap.save_revision().publish()

    english_event = roadmap.get_translation(english).events.get()
    assert english_event.title == "Survey"
    assert english_event.status == EventStatus.DONE
    assert english_event.end == datetime.date(2020, 11, 15)
    english_page = client.get(roadmap.get_translation(english).url).content.decode()
    assert "Survey" in english_page
    assert '<article class="roadmap-event roadmap-event--done" data-status="done"' in english_page


def test_a_new_event_appears_on_the_english_roadmap(roadmap, english):
    events = list(roadmap.events.all())
    events.append(RoadmapEvent(stage_number="I", number="2.", title="Сбор согласий"))
    roadmap.events = events
    roadmap.save_revision().publish()

    titles = [e.title for e in roadmap.get_translation(english).events.all()]
    assert titles == ["Survey", "Сбор согласий"]  # untranslated text shows the source
