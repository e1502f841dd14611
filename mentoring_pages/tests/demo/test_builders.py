"""The demo's «Наставничество» section, as `load_demo` builds it from content/*.json. What is
expected is read from those files, so editing the demo's text breaks no test; what the
demo must show whatever its text (every page type, a mix of statuses, valid consents) is
checked as such. load_demo is slow: each test calls it as few times as it can and checks
all it can from one call."""

import datetime
import re
from collections import Counter
from html import unescape
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.html import escape, strip_tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home import demo_pictures
from home.demo import SITE_DATA, school
from mentoring_pages import models
from mentoring_pages.consent.rules import consent_problems
from mentoring_pages.demo.builders import CONTENT, ROADMAP_FILE, read_content
from mentoring_pages.demo.current_roadmap import current_rows
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.reader import read_roadmap
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.models import ConsentText, School
from programmes.schools import COORDINATOR, default_school, pages_of
from site_project.demo_content import read_demo_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Generated pictures, documents and renditions go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path


def load_demo(verbosity=0):
    """Runs load_demo; returns what it printed."""
    output = StringIO()
    call_command("load_demo", verbosity=verbosity, stdout=output)
    return output.getvalue()


def section_pages(language):
    landing = first_schools(models.MentoringIndexPage).get(locale__language_code=language)
    return list(Page.objects.descendant_of(landing, inclusive=True).specific())


def first_schools(model):
    """The pages of `model` of the first school, the one this module's content is."""
    return model.objects.filter(pages_of(School.objects.filter(pk=default_school().pk)))


def russian(model):
    return first_schools(model).filter(locale__language_code="ru")


def english(model):
    return first_schools(model).filter(locale__language_code="en")


def text_of(html):
    """What a reader sees of `html`."""
    return unescape(strip_tags(html))


def items_of(blocks):
    """The texts of the bulleted lists in rich text of the demo data."""
    return [item for block in blocks for item in block.get("items", [])]


def test_load_demo_fills_the_section_with_the_schools_content_and_forms(home_page, client):
    content = read_content()
    load_demo()
    assert_forms_in_both_languages(client, content)

    landing = russian(models.MentoringIndexPage).get()
    assert landing.get_parent().pk == home_page.pk
    assert (landing.slug, landing.show_in_menus, landing.live) == (
        content["landing"]["slug"],
        True,
        True,
    )
    assert landing.programme is not None
    # The landing and the home page open with a drawn photo, described.
    for page, spec in (
        (landing, content["landing"]),
        (home_page.specific, read_demo_data(SITE_DATA)["home_page"]),
    ):
        page.refresh_from_db()
        assert page.image.width == 1200 and page.image.description
        assert page.image_alt == spec["photo_alt"]["ru"]
    assert f'href="mailto:{school()["email"]}"' in landing.how_to_take_part
    assert landing.how_to_take_part.count("<li>") == len(
        items_of(content["landing"]["how_to_take_part"])
    )

    # The finished roadmap, through the importer, with the coordinator's marks: the archive,
    # every event done or cancelled.
    spec = content["roadmap"]["roadmap"]
    page = russian(models.RoadmapPage).get(slug=spec["slug"])
    assert page.is_finished()
    assert (page.slug, page.first_year, page.last_year) == (
        spec["slug"],
        spec["first_year"],
        spec["last_year"],
    )
    assert page.programme == landing.programme
    with ROADMAP_FILE.open("rb") as file:
        imported = read_roadmap(file, ROADMAP_FILE.name)
    assert page.stages.count() == len(imported.stages)
    events = list(page.events.all())
    assert len(events) == imported.event_count
    assert all(event.start or event.end or event.deadline_text for event in events)
    marks = content["roadmap"]["statuses"]
    assert set(marks) <= {event.number.rstrip(".") for event in events}
    for event in events:
        mark = marks.get(event.number.rstrip("."), {"status": EventStatus.DONE})
        assert event.status == mark["status"], event.number
        if "note" in mark:
            assert event.status_note == mark["note"]["ru"], event.number
    counts = Counter(event.status for event in events)
    assert set(counts) == {EventStatus.DONE, EventStatus.CANCELLED}
    assert counts[EventStatus.DONE] > len(events) / 2
    assert all(event.status_note for event in events if event.status == EventStatus.CANCELLED)
    assert sum(1 for event in events if event.status_note) >= 5
    assert all(event.status_changed_at for event in events)
    progress = statuses.progress(events)
    assert (progress.overdue, progress.percent) == (0, 100)

    # This school year's roadmap, current, with the statuses of today.
    today = timezone.localdate()
    current_spec = content["roadmap"]["current_roadmap"]
    current = russian(models.RoadmapPage).exclude(pk=page.pk).get()
    assert not current.is_finished()
    first = statuses.school_year(today)
    assert (current.first_year, current.last_year) == (first, first + 1)
    assert current.programme == landing.programme
    assert current.stages.count() == len(current_spec["stages"])
    _stages, expected = current_rows(current_spec, first, today, lambda pair: pair["ru"])
    assert [
        (e.title, e.start, e.end, e.status, e.status_note, e.status_changed_at)
        for e in current.events.all()
    ] == [(e.title, e.start, e.end, e.status, e.status_note, e.status_changed_at) for e in expected]

    # The mentors, each with a recorded consent and a photo with alt text; one a minor,
    # with a parent's consent; between them, every form of the programme.
    mentor_specs = content["mentors"]["mentors"]
    mentors = {mentor.slug: mentor for mentor in russian(models.MentorPage).live()}
    assert set(mentors) == {spec["slug"] for spec in mentor_specs}
    for spec in mentor_specs:
        mentor = mentors[spec["slug"]]
        assert consent_problems(mentor) == []
        assert mentor.consent.person == mentor.title
        assert mentor.consent.data_categories
        assert mentor.consent.is_minor == spec["consent"]["is_minor"]
        assert bool(mentor.consent.parent_name) == mentor.consent.is_minor
        assert mentor.position and mentor.achievements and mentor.quote
        assert mentor.form.title == spec["form"]
        assert mentor.award and mentor.award_year
        assert mentor.image.width == mentor.image.height == 800
        assert mentor.image.description and mentor.image_alt
    # A picture of its own for everyone: no two mentors share a portrait.
    assert len({mentor.image.file_hash for mentor in mentors.values()}) == len(mentors)
    assert any(mentor.consent.is_minor for mentor in mentors.values())
    assert {mentor.form.title for mentor in mentors.values()} == {
        form.title for form in landing.programme.forms.all()
    }

    # The cases: each with its form and role model, nobody named, one with a document.
    documents = {spec["name"]: spec for spec in content["documents"]["documents"]}
    case_specs = content["cases"]["cases"]
    cases = {case.slug: case for case in russian(models.CasePage).live()}
    assert set(cases) == {spec["slug"] for spec in case_specs}
    names = [mentor.title for mentor in mentors.values()]
    for spec in case_specs:
        case = cases[spec["slug"]]
        assert (case.form.title, case.role_model.title) == (spec["form"], spec["role_model"])
        assert case.role_model.form_id == case.form_id
        assert case.problem and case.goal and case.what_was_done and case.result
        assert case.duration
        assert set(case.tags.names()) == {tag["ru"] for tag in spec["tags"]}
        assert [material.document.title for material in case.materials.all()] == [
            documents[name]["title"]["ru"] for name in spec.get("materials", [])
        ]
        story = text_of(" ".join([case.summary, case.problem, case.what_was_done, case.result]))
        assert not [name for name in names if name in story]
        assert bool(case.image) == ("picture" in spec)
        if case.image:
            assert case.image_alt == spec["picture_alt"]["ru"] and case.image.description
        # A photo of people is on the consent of the person shown.
        assert case.image_shows_people == ("photo_consent" in spec)
        assert consent_problems(case) == []
        if "photo_consent" in spec:
            assert case.consent.person == spec["photo_consent"]["person"]
    assert sum(case.materials.count() for case in cases.values()) >= 1
    assert any(case.image_shows_people for case in cases.values())

    # The news, some with a picture.
    news_specs = content["news"]["news"]
    news = {item.slug: item for item in russian(models.NewsPage).live()}
    assert set(news) == {spec["slug"] for spec in news_specs}
    for spec in news_specs:
        item = news[spec["slug"]]
        assert item.date == datetime.date.fromisoformat(spec["date"])
        assert item.lead and len(item.body) == len(spec["body"])
        assert set(item.tags.names()) == {tag["ru"] for tag in spec["tags"]}
        assert bool(item.image) == ("picture" in spec)
        if item.image:
            assert item.image_alt and item.image.description
    assert all(item.image for item in news.values())

    # Documents in several kinds, the roadmap's own file among them.
    page = russian(models.DocumentsPage).get()
    items = list(page.documents.all())
    assert [(item.kind, item.title) for item in items] == [
        (spec["kind"], spec["title"]["ru"]) for spec in documents.values()
    ]
    assert len(page.groups()) == len({spec["kind"] for spec in documents.values()}) >= 3
    assert all(item.document.file.size > 0 for item in items)
    for item, spec in zip(items, documents.values(), strict=True):
        if "file" in spec:
            assert item.document.file.size == (CONTENT / spec["file"]).stat().st_size


def test_load_demo_section_is_live_in_both_languages_and_built_once(client):
    content = read_content()
    # Called from anywhere, it speaks the site's language, as the rest of `make run` does.
    with translation.override("en"):
        printed = load_demo(verbosity=1)
    assert "Демо-содержимое готово." in printed
    assert "страница создана: " in printed and "page created" not in printed
    first = sorted(Page.objects.values_list("url_path", "locale__language_code"))
    counts = (
        get_image_model().objects.count(),
        get_document_model().objects.count(),
        Revision.objects.count(),
        ConsentText.objects.count(),
    )
    spec = next(spec for spec in content["mentors"]["mentors"] if spec["consent"]["is_minor"])
    mentor = russian(models.MentorPage).get(slug=spec["slug"])
    mentor.quote = "Цитата, которую поправил редактор."
    mentor.save_revision().publish()
    revisions = Revision.objects.count()

    users = sorted(User.objects.values_list("username", "groups__name"))
    # Three schools, one user in each of their roles, and the municipality's coordinator.
    schools = School.objects.all()
    assert len(schools) == 3
    roles = Group.objects.filter(school_role__school__in=schools).values_list("name", flat=True)
    assert Counter(group for _username, group in users) == Counter([*roles, COORDINATOR])

    printed = load_demo(verbosity=1)

    # The second run creates nothing and prints every login again.
    assert "страница создана" not in printed
    assert {username for username, _group in users} <= set(
        re.findall(r"^\s+(\w+) \(.+\): \S+$", printed, re.MULTILINE)
    )
    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == first
    assert sorted(User.objects.values_list("username", "groups__name")) == users
    assert get_image_model().objects.count() == counts[0]
    assert get_document_model().objects.count() == counts[1]
    assert Revision.objects.count() == revisions
    assert ConsentText.objects.count() == counts[3] == 2
    mentor.refresh_from_db()
    assert mentor.quote == "Цитата, которую поправил редактор."

    # Every page type of the section, each page once in each language.
    models_of_the_app = apps.get_app_config("mentoring_pages").get_models()
    # The centre's page is the root of a site of its own, in no school's section.
    page_types = {
        model
        for model in models_of_the_app
        if issubclass(model, Page) and model is not models.MunicipalCentrePage
    }
    russian_pages, english_pages = section_pages("ru"), section_pages("en")
    assert {type(page) for page in russian_pages} == page_types
    assert {type(page) for page in english_pages} == page_types
    indexes = [content[name]["index"] for name in ("roadmap", "mentors", "cases", "news")]
    listed = [
        content["mentors"]["mentors"],
        content["cases"]["cases"],
        content["news"]["news"],
        content["forms"]["applications"],
    ]
    # The landing, two roadmaps, the documents and the questionnaire; the indexes; the rest.
    expected = 5 + len(indexes) + sum(len(pages) for pages in listed)
    assert len(english_pages) == len(russian_pages) == expected
    for page in russian_pages + english_pages:
        assert page.live, page.url_path
        response = client.get(page.url)
        assert response.status_code == 200, (page.url, response.status_code)

    # Every tag of the English news and cases reads in English.
    for model, name in ((models.CasePage, "cases"), (models.NewsPage, "news")):
        for page_spec in content[name][name]:
            url = english(model).get(slug=page_spec["slug"]).url
            page = client.get(url).content.decode()
            for tag in page_spec["tags"]:
                assert f">{escape(tag['en'])}</" in page and f">{escape(tag['ru'])}</" not in page

    roadmap = content["roadmap"]
    english_roadmap = english(models.RoadmapPage).get(slug=roadmap["roadmap"]["slug"])
    assert english_roadmap.title == roadmap["roadmap"]["title"]["en"]
    for stage in english_roadmap.stages.all():
        assert stage.title == roadmap["stages_in_english"][stage.number]
    columns = roadmap["responsible_and_deadlines_in_english"]
    for event in english_roadmap.events.all():
        assert event.title == roadmap["events_in_english"][event.number.rstrip(".")]
        # Every «Ответственные» and «Сроки» cell of the Word file has its English.
        for text in (event.responsible, event.deadline_text):
            assert not text or text in columns.values(), text
    for russian_roadmap in russian(models.RoadmapPage):
        translated = russian_roadmap.get_translation(english_roadmap.locale)
        assert [event.status for event in translated.events.all()] == [
            event.status for event in russian_roadmap.events.all()
        ]

    landing = content["landing"]
    english_landing = english(models.MentoringIndexPage).get()
    assert english_landing.title == landing["title"]["en"]
    how_to_take_part = text_of(english_landing.how_to_take_part)
    for item in items_of(landing["how_to_take_part"]):
        assert item["en"] in how_to_take_part
    assert english_landing.programme.locale.language_code == "en"
    assert english_landing.image == russian(models.MentoringIndexPage).get().image
    assert english_landing.image_alt == landing["photo_alt"]["en"]

    english_mentor = english(models.MentorPage).get(slug=spec["slug"])
    assert english_mentor.image_alt == content["mentors"]["photo_alt"]["en"].format(
        name=spec["title"]["en"]
    )
    assert english_mentor.consent == mentor.consent
    page = client.get(f"/en/{landing['slug']}/").content.decode()
    assert escape(landing["title"]["en"]) in page


def assert_forms_in_both_languages(client, everything):
    """The demo's application forms and questionnaire, as a parent and a pupil see them in
    Russian and English."""
    content = everything["forms"]

    specs = {spec["slug"]: spec for spec in content["applications"]}
    applications = {page.slug: page for page in russian(models.ApplicationPage)}
    assert set(applications) == set(specs)
    for slug, page in applications.items():
        assert page.minors == specs[slug]["minors"]
    # Both of the ways a pupil under 18 comes to a form: through a parent, or themselves.
    assert {spec["minors"] for spec in specs.values()} == {"parent_applies", "may_apply"}

    questions = content["questionnaire"]["fields"]
    questionnaire = russian(models.QuestionnairePage).get()
    assert [field.field_type for field in questionnaire.form_fields.all()] == [
        question["type"] for question in questions
    ]
    assert questionnaire.programme is not None
    english_questionnaire = english(models.QuestionnairePage).get()
    assert [field.clean_name for field in english_questionnaire.form_fields.all()] == [
        field.clean_name for field in questionnaire.form_fields.all()
    ]
    assert [field.label for field in english_questionnaire.form_fields.all()] == [
        question["label"]["en"] for question in questions
    ]

    # A parent's application: its questions, the consent asked for, the parent's consent.
    english_landing = f"/en/{everything['landing']['slug']}/"
    spec = next(spec for spec in specs.values() if spec["minors"] == "parent_applies")
    russian_form = client.get(applications[spec["slug"]].url).content.decode()
    english_form = client.get(f"{english_landing}{spec['slug']}/").content.decode()
    consent = content["consent_text"]
    for question in spec["fields"]:
        assert escape(question["label"]["ru"]) in russian_form
        assert escape(question["label"]["en"]) in english_form
    assert 'class="site-form__consent"' in russian_form
    assert escape(consent["summary"]["ru"]) in russian_form
    assert escape(consent["summary"]["en"]) in english_form
    assert "parent_consent" in russian_form
    landing_page = client.get(english_landing).content.decode()
    for slug, spec in specs.items():
        link = f'href="{english_landing}{slug}/">{escape(spec["title"]["en"])}</a>'
        assert link in landing_page


def test_the_data_names_only_known_scenes():
    content = read_content()
    named = [spec["picture"] for spec in content["news"]["news"] + content["cases"]["cases"]]
    assert set(named) <= set(demo_pictures.SCENES)
    # A case picture showing people comes with a consent in the data.
    for spec in content["cases"]["cases"]:
        if "picture" in spec:
            assert demo_pictures.shows_people(spec["picture"]) == ("photo_consent" in spec)
