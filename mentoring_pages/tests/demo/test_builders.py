"""The demo's «Наставничество» section, as `load_demo` builds it. load_demo is slow: each
test calls it as few times as it can and checks all it can from one call."""

from collections import Counter

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from mentoring_pages.consent.rules import consent_problems
from mentoring_pages.models import (
    ApplicationPage,
    CaseIndexPage,
    CasePage,
    DocumentsPage,
    MentorIndexPage,
    MentoringIndexPage,
    MentorPage,
    NewsIndexPage,
    NewsPage,
    QuestionnairePage,
    RoadmapIndexPage,
    RoadmapPage,
)
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.models import ConsentText

pytestmark = pytest.mark.django_db

SECTION_TYPES = {
    MentoringIndexPage,
    RoadmapIndexPage,
    RoadmapPage,
    MentorIndexPage,
    MentorPage,
    CaseIndexPage,
    CasePage,
    NewsIndexPage,
    NewsPage,
    DocumentsPage,
    ApplicationPage,
    QuestionnairePage,
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Generated pictures, documents and renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path


def load_demo():
    call_command("load_demo", verbosity=0)


def section_pages(language):
    landing = MentoringIndexPage.objects.get(locale__language_code=language)
    return list(Page.objects.descendant_of(landing, inclusive=True).specific())


def russian(model):
    return model.objects.filter(locale__language_code="ru")


def test_load_demo_fills_the_section_with_the_schools_content(home_page):
    load_demo()

    landing = russian(MentoringIndexPage).get()
    assert landing.get_parent().pk == home_page.pk
    assert (landing.slug, landing.show_in_menus, landing.live) == ("nastavnichestvo", True, True)
    assert landing.programme is not None
    assert "school1@example.org" in landing.how_to_take_part
    assert landing.how_to_take_part.count("<li>") == 3

    # The roadmap, through the importer, with a mix of statuses.
    page = russian(RoadmapPage).get()
    assert (page.slug, page.first_year, page.last_year) == ("2020-2024", 2020, 2024)
    assert page.programme == landing.programme
    assert page.stages.count() == 9
    events = list(page.events.all())
    assert len(events) == 40
    assert all(event.start or event.end or event.deadline_text for event in events)
    counts = Counter(event.status for event in events)
    assert counts[EventStatus.DONE] > len(events) / 2
    assert counts[EventStatus.IN_PROGRESS] >= 3
    assert counts[EventStatus.PLANNED] >= 2
    assert 1 <= counts[EventStatus.CANCELLED] <= 2
    assert all(event.status_note for event in events if event.status == EventStatus.CANCELLED)
    assert sum(1 for event in events if event.status_note) >= 5
    assert all(event.status_changed_at for event in events if event.status != EventStatus.PLANNED)
    progress = statuses.progress(events)
    assert progress.overdue >= 1
    assert 50 < progress.percent < 100

    # Four fictional mentors, each with a recorded consent and a photo with alt text.
    mentors = list(russian(MentorPage).live())
    assert len(mentors) == 4
    for mentor in mentors:
        assert consent_problems(mentor) == []
        assert mentor.consent.person and mentor.consent.data_categories
        assert mentor.position and mentor.form and mentor.achievements and mentor.quote
        assert mentor.award and mentor.award_year
        assert mentor.image.width == mentor.image.height == 800
        assert mentor.image.description and mentor.image_alt
    minors = [mentor for mentor in mentors if mentor.consent.is_minor]
    assert len(minors) == 1
    assert minors[0].consent.parent_name
    assert {mentor.form.title for mentor in mentors} == {"Ученик – ученик", "Учитель – учитель"}

    # Three cases, nobody named, one with a document.
    cases = list(russian(CasePage).live())
    assert len(cases) == 3
    for case in cases:
        assert case.form and case.role_model and case.role_model.form_id == case.form_id
        assert case.problem and case.goal and case.what_was_done and case.result
        assert case.duration and case.tags.exists()
    assert sum(case.materials.count() for case in cases) >= 1

    # Six news items over 2024–2026, two with a picture.
    news = list(russian(NewsPage).live())
    assert len(news) == 6
    assert {item.date.year for item in news} == {2024, 2025, 2026}
    assert all(item.lead and item.body and item.tags.exists() for item in news)
    pictured = [item for item in news if item.image]
    assert len(pictured) == 2
    assert all(item.image_alt and item.image.description for item in pictured)

    # Documents in several kinds, the roadmap's own file among them.
    documents = russian(DocumentsPage).get()
    groups = dict(documents.groups())
    assert len(groups) >= 3
    assert {"regulation", "order", "template", "programme", "legal_act"} <= {
        item.kind for item in documents.documents.all()
    }
    assert all(item.document.file.size > 0 for item in documents.documents.all())


def test_load_demo_section_is_live_in_both_languages_and_built_once(client):
    load_demo()
    first = sorted(Page.objects.values_list("url_path", "locale__language_code"))
    counts = (
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Revision.objects.count(),
        ConsentText.objects.count(),
    )
    mentor = russian(MentorPage).get(slug="zadachkina-polina")
    mentor.quote = "Цитата, которую поправил редактор."
    mentor.save_revision().publish()
    revisions = Revision.objects.count()

    load_demo()

    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == first
    assert get_image_model().objects.count() == counts[0]
    assert get_document_model().objects.count() == counts[1]
    assert Revision.objects.count() == revisions
    assert ConsentText.objects.count() == counts[3] == 2
    mentor.refresh_from_db()
    assert mentor.quote == "Цитата, которую поправил редактор."

    russian_pages, english_pages = section_pages("ru"), section_pages("en")
    assert {type(page) for page in russian_pages} == SECTION_TYPES
    assert {type(page) for page in english_pages} == SECTION_TYPES
    assert len(english_pages) == len(russian_pages) == 23
    for page in russian_pages + english_pages:
        assert page.live, page.url_path
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, response.status_code)

    english_roadmap = RoadmapPage.objects.get(locale__language_code="en")
    assert english_roadmap.title.startswith("Roadmap for introducing the target model")
    assert english_roadmap.stages.first().title == (
        "Preparing the ground for launching the mentoring programme"
    )
    assert [event.status for event in english_roadmap.events.all()] == [
        event.status for event in russian(RoadmapPage).get().events.all()
    ]
    english_landing = MentoringIndexPage.objects.get(locale__language_code="en")
    assert english_landing.title == "Mentoring"
    assert "coordinator" in english_landing.how_to_take_part
    assert english_landing.programme.locale.language_code == "en"
    english_mentor = MentorPage.objects.get(locale__language_code="en", slug="zadachkina-polina")
    assert english_mentor.image_alt.startswith("Photo: Polina Zadachkina")
    assert (
        english_mentor.consent
        == MentorPage.objects.get(locale__language_code="ru", slug="zadachkina-polina").consent
    )
    page = client.get("/en/nastavnichestvo/").content.decode()
    assert "Mentoring" in page


def test_load_demo_makes_the_forms_in_both_languages(client):
    load_demo()

    applications = {page.slug: page for page in russian(ApplicationPage)}
    assert set(applications) == {"hochu-stat-nastavnikom", "hochu-nayti-nastavnika"}
    assert applications["hochu-nayti-nastavnika"].applicant_is_parent
    assert not applications["hochu-stat-nastavnikom"].applicant_is_parent
    questionnaire = russian(QuestionnairePage).get()
    assert [field.field_type for field in questionnaire.form_fields.all()] == [
        "rating_5",
        "rating_10",
        "radio",
        "multiline",
    ]
    assert questionnaire.programme is not None
    english_questionnaire = QuestionnairePage.objects.get(locale__language_code="en")
    assert [field.clean_name for field in english_questionnaire.form_fields.all()] == [
        field.clean_name for field in questionnaire.form_fields.all()
    ]
    assert english_questionnaire.form_fields.first().label == (
        "How satisfied are you with your work with the mentor?"
    )

    russian_form = client.get(applications["hochu-nayti-nastavnika"].url).content.decode()
    english_form = client.get("/en/nastavnichestvo/hochu-nayti-nastavnika/").content.decode()
    landing = client.get("/en/nastavnichestvo/").content.decode()
    assert "Фамилия и имя родителя" in russian_form
    assert "Согласие на обработку персональных данных" in russian_form
    assert "parent_consent" in russian_form
    assert "The parent&#x27;s surname and first name" in english_form
    assert "only the programme coordinators see them" in english_form
    assert 'href="/en/nastavnichestvo/hochu-stat-nastavnikom/">I want to become a mentor</a>' in (
        landing
    )
