"""Site search finds the section's pages, roadmap events included, by Russian words."""

import datetime

import pytest
from bs4 import BeautifulSoup

from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.tests.factories import (
    ApplicationPageFactory,
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
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
    mentors = MentorPageFactory(
        parent=section.mentors,
        title="Учитель физики",
        achievements="<p>Наставником стал в 2020 году.</p>",
    )
    become = ApplicationPageFactory(
        parent=section.landing, title="Хочу стать наставником", slug="stat"
    )
    find = ApplicationPageFactory(
        parent=section.landing, title="Хочу найти наставника", slug="nayti"
    )
    NewsPageFactory(parent=section.news, title="Олимпиада", lead="Прошла олимпиада.")

    assert titles(client, query) == {
        section.mentors.title,  # «Наши наставники»
        mentors.title,
        become.title,
        find.title,
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


def test_search_makes_the_same_queries_whatever_it_finds(queries_of, section):
    # The same kinds of page found (each kind is read in one query), few or many of them.
    for number in range(2):
        NewsPageFactory(parent=section.news, lead=f"Олимпиада {number}.")
    few = queries_of("/search/", {"q": "олимпиада"})
    for number in range(30):
        NewsPageFactory(parent=section.news, lead=f"Олимпиады {number} прошли.")

    many = queries_of("/search/", {"q": "олимпиада"})

    assert len(few) == len(many), many
