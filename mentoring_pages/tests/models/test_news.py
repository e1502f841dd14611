"""«Новости»: the listing, newest first and paginated, with its feeds announced, and a
news item."""

import datetime
import re
from functools import partial

import pytest
import wagtail_factories
from wagtail.models import PageViewRestriction

from mentoring_pages.listing import PER_PAGE
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import NewsPageFactory
from mentoring_pages.tests.html import Picture, card_titles, page_html, shown_picture
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def news(section, title, date, **fields):
    return NewsPageFactory(parent=section.news, title=title, date=date, **fields)


def picture(size=1200):
    return wagtail_factories.ImageFactory(file__width=size, file__height=size * 3 // 4)


# The index


def test_index_lists_news_newest_first(client, section):
    news(section, "Осенняя новость", datetime.date(2024, 10, 1))
    news(section, "Зимняя новость", datetime.date(2024, 12, 1))
    news(section, "Летняя новость", datetime.date(2024, 7, 1))
    NewsPageFactory(parent=section.news, title="Черновик", live=False)

    content = page_html(client, section.news.url)

    assert "<h1>Новости</h1>" in content
    assert '<a href="/nastavnichestvo/">Наставничество</a>' in content  # breadcrumbs
    assert card_titles(content) == ["Зимняя новость", "Осенняя новость", "Летняя новость"]
    assert '<time datetime="2024-12-01">' in content


def test_a_private_news_item_is_not_listed(client, section):
    news(section, "Для всех", datetime.date(2024, 1, 1))
    private = news(section, "Для своих", datetime.date(2024, 1, 2))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert card_titles(client.get(section.news.url)) == ["Для всех"]


def illustrated_news(section, image_alt, lead):
    """A news item with a picture and a lead."""
    date = datetime.date(2024, 1, 1)
    return news(section, "Новость", date, image=picture(), image_alt=image_alt, lead=lead)


def test_the_card_shows_a_responsive_lazy_picture_with_alt(client, section):
    illustrated_news(section, "Ученики на конкурсе", "Прошёл школьный конкурс.")

    content = client.get(section.news.url).content.decode()

    assert shown_picture(content) == Picture(
        "Ученики на конкурсе",
        widths="400w 800w",
        sizes="(max-width: 40rem) 100vw, (max-width: 64rem) 50vw, 22rem",
    )
    assert "Прошёл школьный конкурс." in content


def test_index_announces_its_feeds(client, section):
    content = client.get(section.news.url).content.decode()

    head = content.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Новости (RSS)" '
        'href="/nastavnichestvo/news/rss/">' in head
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Новости (Atom)" '
        'href="/nastavnichestvo/news/atom/">' in head
    )
    body = content.split("<main")[1]
    assert 'href="/nastavnichestvo/news/rss/"' in body  # a visible link too


def test_english_index_with_an_empty_state_and_its_own_feeds(client, english_section):
    content = page_html(client, "/en/nastavnichestvo/news/", "en")

    assert "<h1>News</h1>" in content
    assert "No news yet." in content
    assert 'href="/en/nastavnichestvo/news/rss/">RSS feed</a>' in content.replace(
        ' type="application/rss+xml"', ""
    )


def test_english_index_lists_the_translated_news(client, english_section, english):
    item = news(english_section, "Конкурс", datetime.date(2024, 3, 1), lead="Итоги конкурса.")
    translate(item, english, {"Конкурс": "The contest", "Итоги конкурса.": "Contest results."})

    response = client.get("/en/nastavnichestvo/news/")

    assert card_titles(response) == ["The contest"]
    assert "Contest results." in response.content.decode()
    assert "1 news item</h2>" in response.content.decode()


# Pagination


def many_news(section, count):
    first = datetime.date(2024, 1, 1)
    for number in range(count):
        news(section, f"Новость {number:03}", first + datetime.timedelta(days=number))


def test_pagination(client, section):
    many_news(section, PER_PAGE + 2)

    first = client.get(section.news.url)
    second = client.get(section.news.url, {"page": 2})

    assert card_titles(first)[0] == f"Новость {PER_PAGE + 1:03}"  # the newest
    assert len(card_titles(first)) == PER_PAGE
    assert card_titles(second) == ["Новость 001", "Новость 000"]
    assert 'href="?page=2" rel="next"' in first.content.decode()


@pytest.mark.parametrize(
    ("value", "expected_page"),
    [
        ("abc", 1),
        ("-1", 1),
        ("0", 1),
        ("2.0", 1),
        ("", 1),
        ("999", 2),
        ("9" * 40, 2),
        ("9" * 5000, 2),
    ],
)
def test_a_bad_page_number_gives_a_real_page(client, section, value, expected_page):
    many_news(section, PER_PAGE + 2)
    pages = {1: f"Новость {PER_PAGE + 1:03}", 2: "Новость 001"}

    response = client.get(section.news.url, {"page": value})

    assert response.status_code == 200
    assert card_titles(response)[0] == pages[expected_page]


# A news item


def test_a_news_item_shows_date_lead_picture_body_and_tags(client, section):
    item = news(
        section,
        "Конкурс наставников",
        datetime.date(2024, 3, 1),
        lead="Итоги конкурса.",
        image=picture(),
        image_alt="Победители конкурса",
        body=[("paragraph", "<p>Подробности конкурса.</p>")],
    )
    item.tags.add("конкурс", "наставники")
    item.save_revision().publish()

    content = page_html(client, item.url)

    assert "<h1>Конкурс наставников</h1>" in content
    assert '<time datetime="2024-03-01">' in content
    assert '<p class="lead">Итоги конкурса.</p>' in content
    # The first thing seen: loaded at once, not lazily.
    assert shown_picture(content) == Picture(
        "Победители конкурса", "400w 800w 1200w", "(max-width: 50rem) 100vw, 800px", loading=None
    )
    assert "<p>Подробности конкурса.</p>" in content
    assert "<li>конкурс</li><li>наставники</li>" in content
    assert '<a href="/nastavnichestvo/news/">Новости</a>' in content  # breadcrumbs


def test_a_news_item_is_shared_with_its_picture_and_lead(client, section):
    item = illustrated_news(section, "Фото", "Итоги конкурса.")

    content = client.get(item.url).content.decode()

    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)
    assert og_image.startswith("http://testserver/media/images/")
    assert content.count('property="og:image"') == 1
    assert '<meta property="og:image:alt" content="Фото">' in content
    assert '<meta property="og:description" content="Итоги конкурса.">' in content
    assert '<meta name="description" content="Итоги конкурса.">' in content


def shared_picture_in(content):
    return re.search(r'<meta property="og:image" content="([^"]+)">', content).group(1)


def shared_picture(client, item):
    return shared_picture_in(client.get(item.url).content.decode())


def test_a_news_item_is_shared_with_the_picture_it_has_now(client, section):
    item = illustrated_news(section, "Фото", "Итоги конкурса.")
    assert "/example" in shared_picture(client, item)

    # Another picture, published.
    item.image = wagtail_factories.ImageFactory(file__filename="winners.jpg")
    item.save_revision().publish()
    assert "/winners." in shared_picture(client, item)

    # The same picture with a new file, as the admin replaces it (its renditions deleted).
    item.image.file = wagtail_factories.ImageFactory.build(file__filename="finals.jpg").file
    item.image.save()
    item.image.renditions.all().delete()
    assert "/finals." in shared_picture(client, item)


def test_a_preview_is_shared_with_the_drafts_picture(client, section):
    item = illustrated_news(section, "Фото", "Итоги конкурса.")
    item.image = wagtail_factories.ImageFactory(file__filename="draft.jpg")

    def previewed():
        return shared_picture_in(item.make_preview_request().content.decode())

    # Before the live page is kept and after: the preview neither keeps nor reads it.
    assert "/draft." in previewed()
    assert "/example" in shared_picture(client, item)
    assert "/draft." in previewed()


def test_a_news_item_without_a_picture_has_no_og_image(client, section):
    item = news(section, "Новость", datetime.date(2024, 1, 1))

    assert "og:image" not in client.get(item.url).content.decode()


def test_a_news_item_in_english(client, english_section, english):
    item = news(english_section, "Конкурс", datetime.date(2024, 3, 1), lead="Итоги.")
    translate(item, english, {"Конкурс": "The contest", "Итоги.": "Results."})

    content = page_html(client, f"/en/nastavnichestvo/news/{item.slug}/", "en")

    assert "<h1>The contest</h1>" in content
    assert '<p class="lead">Results.</p>' in content
    assert '<a href="/en/nastavnichestvo/news/">News</a>' in content


# A fixed number of queries, whatever the number of news items


def add_news(section, count):
    for number in range(count):
        item = news(
            section,
            f"Новость {number}",
            datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            image=picture(64),
            image_alt="Фото",
        )
        item.tags.add(f"тег {number % 5}")
        item.save_revision().publish()


@pytest.mark.parametrize("params", [{}, {"page": 2}, {"page": "abc"}], ids=str)
def test_index_queries_do_not_grow_with_the_news(section, few_and_many, params):
    few, many = few_and_many(section.news.url, partial(add_news, section), params)

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many


def test_news_item_queries_do_not_grow_with_its_tags_and_siblings(section, few_and_many):
    item = news(section, "Новость", datetime.date(2024, 6, 1), image=picture(), image_alt="Фото")

    def add(count):
        item.tags.add(*[f"тег {item.tags.count() + number}" for number in range(count)])
        item.save_revision().publish()
        add_news(section, count)

    few, many = few_and_many(item.url, add)

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many
