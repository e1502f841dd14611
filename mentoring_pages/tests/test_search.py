"""Site search finds the section's pages, roadmap events included, by Russian words."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from home.views import RESULTS_PER_PAGE
from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.tests.factories import (
    ApplicationPageFactory,
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    QuestionnairePageFactory,
    RoadmapPageFactory,
)
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def found(client, query):
    return client.get("/search/", {"q": query}).content.decode()


def test_search_finds_a_roadmap_by_an_events_title(client, section):
    roadmap = RoadmapPageFactory(parent=section.roadmaps, title="Дорожная карта", live=False)
    roadmap.stages = [RoadmapStage(number="1", title="Подготовка")]
    roadmap.events = [RoadmapEvent(stage_number="1", title="Анкетирование наставляемых")]
    roadmap.save_revision().publish()

    assert "Дорожная карта" in found(client, "Анкетирование")


@pytest.mark.parametrize(
    ("factory", "index", "fields", "query"),
    [
        (NewsPageFactory, "news", {"lead": "Школьная олимпиада прошла успешно."}, "олимпиада"),
        (CasePageFactory, "cases", {"summary": "Пара готовилась к экзамену."}, "экзамену"),
        (MentorPageFactory, "mentors", {"title": "Светлана Орлова"}, "Орлова"),
    ],
)
def test_search_finds_the_sections_pages(client, section, factory, index, fields, query):
    page = factory(parent=getattr(section, index), **fields)

    assert f">{page.title}</a>" in found(client, query)


def test_search_finds_the_landing_by_the_text_of_its_more_section(client, section):
    section.landing.body = [("paragraph", RichText("<p>Участие в программе бесплатное.</p>"))]
    section.landing.save_revision().publish()

    # The section's title is in every page's menu: only the results count.
    assert titles(client, "бесплатно") == {section.landing.title}


def results(client, query, prefix=""):
    """[(type, title, excerpt with <mark> kept)] of the first results page."""
    page = BeautifulSoup(client.get(f"{prefix}/search/", {"q": query}).content, "html.parser")
    return [
        (
            item.select_one(".search-result__type").get_text(" ", strip=True),
            item.h2.get_text(strip=True),
            item.select_one(".search-result__excerpt").decode_contents()
            if item.select_one(".search-result__excerpt")
            else "",
        )
        for item in page.select(".search-result")
    ]


def titles(client, query, prefix=""):
    return {title for _type, title, _excerpt in results(client, query, prefix)}


@pytest.mark.parametrize("query", ["наставник", "наставника", "наставникам", "Наставники"])
def test_word_forms_of_mentor_find_the_mentors_the_forms_and_the_profiles(client, section, query):
    teacher = MentorPageFactory(
        parent=section.mentors,
        title="Учитель физики",
        achievements="<p>Наставником стал в 2020 году.</p>",
    )
    # Only her award says what she is.
    pupil = MentorPageFactory(
        parent=section.mentors,
        title="Полина Задачкина",
        position="Ученица 10 «А» класса",
        award="Лучший наставник-ученик",
    )
    become = ApplicationPageFactory(
        parent=section.landing, title="Хочу стать наставником", slug="stat"
    )
    # Only its introduction has the word.
    find = ApplicationPageFactory(
        parent=section.landing,
        title="Заявка ученика",
        slug="nayti",
        intro="<p>Куратор подберёт ученику наставников.</p>",
    )
    questionnaire = QuestionnairePageFactory(
        parent=section.landing, intro="<p>Оцените работу наставника.</p>"
    )
    NewsPageFactory(parent=section.news, title="Олимпиада", lead="Прошла олимпиада.")

    assert titles(client, query) == {
        section.mentors.title,  # «Наши наставники»
        teacher.title,
        pupil.title,
        become.title,
        find.title,
        questionnaire.title,
    }


def test_a_results_type_names_the_page_type(client, section):
    MentorPageFactory(parent=section.mentors, title="Максим", award="Лучший наставник-ученик")
    ApplicationPageFactory(parent=section.landing, title="Хочу стать наставником")

    kinds = {title: kind for kind, title, _excerpt in results(client, "наставник")}

    assert kinds == {
        "Наши наставники": "Список наставников",
        "Максим": "Наставник",
        "Хочу стать наставником": "Форма заявки",
    }


@pytest.mark.parametrize(
    ("text", "query"),
    [("Оставьте заявку до пятницы.", "заявка"), ("Заявки принимаются до пятницы.", "заявку")],
)
def test_a_word_is_found_in_another_form_than_the_page_uses(client, section, text, query):
    news = NewsPageFactory(parent=section.news, title="Новость", lead=text)

    assert titles(client, query) == {news.title}


def test_english_word_forms_are_found_on_the_english_site(
    client, english_section, english, section
):
    news = NewsPageFactory(parent=section.news, title="Олимпиада", lead="Пары готовились.")
    translate(
        news, english, {"Олимпиада": "Olympiad", "Пары готовились.": "The pairs prepared together."}
    )

    assert titles(client, "preparing", prefix="/en") == {"Olympiad"}


def test_a_result_says_what_it_is_shows_the_words_found_and_a_news_items_date(client, section):
    NewsPageFactory(
        parent=section.news,
        title="Олимпиада",
        date=datetime.date(2026, 3, 5),
        lead="Наставникам школы вручили грамоты <за> работу.",
    )

    [(kind, title, excerpt)] = results(client, "грамота")

    assert kind == "Новость · 5 марта 2026"
    assert title == "Олимпиада"
    # The page's text is escaped; the words found, whatever their ending, are marked.
    assert excerpt == "Наставникам школы вручили <mark>грамоты</mark> &lt;за&gt; работу."


def test_a_long_text_is_cut_around_the_first_word_found(client, section):
    lead = "Вступление. " * 20 + "Здесь рассказ об олимпиадах. " + "Окончание. " * 20
    NewsPageFactory(parent=section.news, title="Длинная", lead=lead)

    [(_kind, _title, excerpt)] = results(client, "олимпиада")

    assert excerpt.startswith("… Вступление.") and excerpt.endswith(" …")
    assert "<mark>олимпиадах</mark>" in excerpt
    assert len(BeautifulSoup(excerpt, "html.parser").get_text()) <= 240 + 4


@pytest.mark.parametrize(
    ("factory", "index", "fields"),
    [
        (NewsPageFactory, "news", {"lead": "Олимпиаду провели наставники."}),
        (MentorPageFactory, "mentors", {"award": "Призёр олимпиады"}),
        (CasePageFactory, "cases", {"goal": "<p>Подготовиться к олимпиаде.</p>"}),
        (ApplicationPageFactory, "landing", {"intro": "<p>Для участников олимпиад.</p>"}),
    ],
)
def test_a_results_page_costs_the_same_queries_for_few_and_many_pages(
    few_and_many, section, factory, index, fields
):
    # Each kind of page found is read in one query, however many of them there are: the
    # word is on one kind only.
    def add(number):
        for _ in range(number):
            factory(parent=getattr(section, index), **fields)

    few, many = few_and_many("/search/", add, {"q": "олимпиада"})

    assert many.response.content.decode().count("<mark>") >= RESULTS_PER_PAGE
    assert len(few) == len(many), many
