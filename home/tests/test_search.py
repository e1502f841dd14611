"""Site search (home/search.py) on the site's own pages: word forms, the excerpt, its
escaping, and what a results page costs. The section's pages: mentoring_pages/tests."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site
from wagtail.rich_text import RichText

from home.tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def results(client, query):
    """{title: excerpt's HTML} of the first results page."""
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return {
        item.h2.get_text(strip=True): item.select_one(".search-result__excerpt").decode_contents()
        for item in page.select(".search-result")
    }


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.mark.parametrize("query", ["наставник", "наставника", "Наставникам", "НАСТАВНИКИ"])
def test_a_word_in_a_pages_body_is_found_by_any_of_its_forms(client, home_page, query):
    ContentPageFactory(
        parent=home_page,
        title="Грамоты",
        intro="",
        body=paragraph("Директор вручил грамоты наставникам."),
    )
    ContentPageFactory(parent=home_page, title="Олимпиада", body=paragraph("Прошла олимпиада."))

    assert set(results(client, query)) == {"Грамоты"}


@pytest.mark.parametrize(("text", "query"), [("Оставьте заявку.", "заявка"), ("Заявки.", "заявку")])
def test_a_word_is_found_in_another_form_than_the_page_uses(client, home_page, text, query):
    ContentPageFactory(parent=home_page, title="Приём", intro=text)

    assert set(results(client, query)) == {"Приём"}


def test_a_school_finds_its_own_pages_only(client, home_page, other_school):
    """Schools share the installation, each on its own site: a school's search is its own."""
    Site.objects.create(hostname="127.0.0.1", root_page=other_school.home_page)
    ContentPageFactory(parent=home_page, title="Наша олимпиада", intro="Олимпиада прошла.")
    ContentPageFactory(
        parent=other_school.home_page, title="Олимпиада школы № 2", intro="Олимпиада прошла."
    )

    assert set(results(client, "олимпиада")) == {"Наша олимпиада"}
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    assert set(results(client, "олимпиада")) == {"Олимпиада школы № 2"}


def titles(client, query, results_page=1):
    """The titles of one results page, in order."""
    content = client.get("/search/", {"q": query, "page": results_page}).content
    return [
        h2.get_text(strip=True)
        for h2 in BeautifulSoup(content, "html.parser").select(".search-result h2")
    ]


def test_pages_with_the_words_in_their_title_come_first_then_the_newest(client, home_page):
    def published(day):
        return datetime(2026, 3, day, tzinfo=UTC)

    text = "Наставники провели встречу."
    # Made in another order than they were published.
    ContentPageFactory(
        parent=home_page, title="Встреча в мае", intro=text, first_published_at=published(20)
    )
    ContentPageFactory(
        parent=home_page, title="Встреча в марте", intro=text, first_published_at=published(2)
    )
    ContentPageFactory(
        parent=home_page, title="Наставник года: итоги конкурса", first_published_at=published(1)
    )
    ContentPageFactory(parent=home_page, title="Наставникам", first_published_at=published(1))
    ContentPageFactory(parent=home_page, title="Встреча без них", first_published_at=published(25))

    assert titles(client, "наставники") == [
        "Наставникам",
        "Наставник года: итоги конкурса",
        "Встреча в мае",
        "Встреча в марте",
    ]


def test_the_next_results_page_goes_on_where_the_first_ended(client, home_page):
    for day in range(1, 13):
        ContentPageFactory(
            parent=home_page,
            title=f"Встреча {day} марта",
            intro="Наставники провели встречу.",
            first_published_at=datetime(2026, 3, day, tzinfo=UTC),
        )

    first, second = titles(client, "наставник"), titles(client, "наставник", results_page=2)

    assert first == [f"Встреча {day} марта" for day in range(12, 2, -1)]
    assert second == ["Встреча 2 марта", "Встреча 1 марта"]


def test_every_word_of_the_query_must_be_found(client, home_page):
    ContentPageFactory(parent=home_page, title="Первая", intro="Заявку подают наставники.")
    ContentPageFactory(parent=home_page, title="Вторая", intro="Наставники провели урок.")

    assert set(results(client, "заявка наставника")) == {"Первая"}


def test_the_excerpt_marks_the_words_found_and_escapes_the_pages_text(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Страница",
        intro='Наставникам — &lt;img src=x onerror="alert(1)"&gt; и <b>грамоты</b>.',
    )

    content = client.get("/search/", {"q": "наставник"}).content.decode()

    assert (
        "<mark>Наставникам</mark> — &lt;img src=x onerror=&quot;alert(1)&quot;&gt; и грамоты."
        in content
    )
    assert "<img src=x" not in content


def test_the_query_is_shown_escaped(client, home_page):
    query = '"><script>alert(1)</script>'

    content = client.get("/search/", {"q": query}).content.decode()

    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_a_results_page_costs_the_same_queries_for_few_and_many_pages(few_and_many, home_page):
    def add(number):
        for _ in range(number):
            ContentPageFactory(parent=home_page, intro="Наставникам школы вручили грамоты.")

    few, many = few_and_many("/search/", add, {"q": "наставник"})

    assert "<mark>Наставникам</mark>" in many.response.content.decode()
    assert len(few) == len(many), many
