import re

import pytest
import wagtail_factories

from home.tests.factories import ContentPageFactory
from mentoring_pages.tests.factories import (
    MentoringIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from site_project.tests.odd_input import ODD_VALUES
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("url", "status", "lang", "shown"),
    [
        ("/", 200, "ru", "<title>Главная —"),
        ("/en/", 200, "en", "<title>Home —"),
        ("/about/", 200, "ru", "<title>О школе —"),
        ("/en/about/", 200, "en", "<title>About the school —"),
        # An unknown address: the site's own 404 (with its skip link), in its language.
        ("/no-such-page/", 404, "ru", "<h1>Страница не найдена</h1>"),
        ("/en/no-such-page/", 404, "en", "<h1>Page not found</h1>"),
    ],
)
def test_pages_and_the_404_answer_in_the_language_of_their_address(
    client, about_page, url, status, lang, shown
):
    response = client.get(url)

    assert response.status_code == status
    assert html_lang(response) == lang
    assert shown in response.content.decode()
    assert 'class="skip-link"' in response.content.decode()


@pytest.mark.parametrize(
    ("browser_language", "lang", "shown"),
    [("en", "en", "<h1>Page not found</h1>"), ("ru", "ru", "<h1>Страница не найдена</h1>")],
)
@pytest.mark.parametrize(
    "missing_file",
    [
        "/documents/987654/polozhenie.pdf",
        "/media/images/polozhenie.width-800.jpg",
        # A document that exists under another name: Wagtail's view answers 404 too.
        "stale document name",
    ],
)
def test_a_missing_file_answers_in_the_language_the_browser_asks_for(
    client, about_page, browser_language, lang, shown, missing_file
):
    """A file's address carries no language: a visitor reading in English whose link to a
    document or picture has gone stale is told so in English, not in the site's Russian."""
    if missing_file == "stale document name":
        document = wagtail_factories.DocumentFactory()
        missing_file = document.url.replace(document.filename, "old-name.pdf")
    response = client.get(
        missing_file, HTTP_ACCEPT_LANGUAGE=f"{browser_language},ru;q=0.5,en;q=0.4"
    )

    assert response.status_code == 404
    assert html_lang(response) == lang
    assert shown in response.content.decode()


def test_a_missing_page_answers_in_the_language_of_its_address_whatever_the_browser_asks(
    client, about_page
):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "<h1>Страница не найдена</h1>" in response.content.decode()


def test_hreflang_alternates_name_both_translations(client, about_page):
    content = client.get("/about/").content.decode()

    assert '<link rel="alternate" hreflang="ru" href="http://testserver/about/">' in content
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in content


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, about_page):
    ru = client.get("/about/").content.decode()
    en = client.get("/en/about/").content.decode()

    assert '<a href="/en/about/" hreflang="en" lang="en">English</a>' in ru
    assert '<a href="/about/" hreflang="ru" lang="ru">Русский</a>' in en


def test_an_english_page_asks_the_database_at_most_once_more_than_its_russian_original(
    queries_of, about_page
):
    russian, english = queries_of("/about/"), queries_of("/en/about/")

    # Wagtail's routing looks up the home page's English translation.
    assert len(english) <= len(russian) + 1, english


def test_a_page_whose_translation_was_unpublished_links_to_the_other_home_page(
    client, about_page, english
):
    about_page.get_translation(english).unpublish()

    content = client.get("/about/").content.decode()

    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in content
    assert 'hreflang="en" href=' not in content


def test_a_translation_published_after_a_visit_is_in_the_switcher_at_once(
    client, home_page, english
):
    translate(home_page, english, {})
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about")
    assert 'hreflang="en" href=' not in client.get("/about/").content.decode()

    translate(page, english, {"О школе": "About the school"})

    assert '<a href="/en/about/" hreflang="en" lang="en">' in client.get("/about/").content.decode()


def test_switcher_falls_back_to_home_when_page_is_not_translated(
    client,
    home_page,
    english,
):
    translate(home_page, english, {})
    ContentPageFactory(parent=home_page, slug="only-russian")

    content = client.get("/only-russian/").content.decode()

    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in content
    assert 'hreflang="en" href=' not in content


def test_search_finds_a_page_by_a_russian_word(client, home_page):
    ContentPageFactory(parent=home_page, title="Наставничество в нашей школе", slug="mentoring")

    response = client.get("/search/", {"q": "Наставничество"})

    assert response.status_code == 200
    assert '<a href="/mentoring/">Наставничество в нашей школе</a>' in response.content.decode()
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_search_in_english_finds_only_english_pages(client, about_page):
    response = client.get("/en/search/", {"q": "School"})

    content = response.content.decode()
    assert '<a href="/en/about/">About the school</a>' in content
    assert 'href="/about/"' not in content


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "ш" * 5000},
        {"q": "школа", "page": "abc"},
        {"page": "999"},
        *({"q": value} for value in ODD_VALUES),
        *({"q": "школа", "page": value} for value in ODD_VALUES),
    ],
)
def test_search_never_fails_on_odd_input(client, home_page, params):
    response = client.get("/search/", params)

    assert response.status_code == 200


@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=%FF%FE", "q=%", "q=%00%22", "q=a&q=b"])
def test_search_never_fails_on_broken_percent_escapes(client, home_page, raw):
    assert client.get(f"/search/?{raw}").status_code == 200


@pytest.mark.parametrize("query", ['"', '""', "'", "\x00", "школа\x00", "*", "^", "(", ":"])
def test_search_reads_punctuation_as_nothing_and_still_finds_the_words(client, home_page, query):
    ContentPageFactory(parent=home_page, title="Школа наставников").save_revision().publish()

    response = client.get("/search/", {"q": f"{query} наставников {query}"})

    assert response.status_code == 200
    assert "Школа наставников" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_pages_in_both_languages_with_alternates(client, about_page):
    content = client.get("/sitemap.xml").content.decode()

    for url in ("/", "/about/", "/en/", "/en/about/"):
        assert f"<loc>http://testserver{url}</loc>" in content
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/about/"/>' in content
    )


def test_sitemap_leaves_out_unpublished_pages(client, home_page):
    ContentPageFactory(parent=home_page, slug="draft", live=False)

    assert "/draft/" not in client.get("/sitemap.xml").content.decode()


def test_main_menu_shows_pages_marked_for_menus(client, home_page):
    ContentPageFactory(parent=home_page, title="В меню", slug="in-menu", show_in_menus=True)
    ContentPageFactory(parent=home_page, title="Не в меню", slug="hidden", show_in_menus=False)

    content = client.get("/in-menu/").content.decode()
    nav = content.split('<nav class="main-nav"')[1].split("</nav>")[0]

    assert '<a href="/in-menu/" aria-current="page">В меню</a>' in nav
    assert "Не в меню" not in nav


def test_page_has_skip_link_and_landmarks(client, home_page):
    content = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main">' in content
    assert '<main id="main"' in content
    assert "<header" in content
    assert "<footer" in content


def test_userbar_is_shown_to_editors_only(client, admin_client, home_page):
    assert "wagtail-userbar" not in client.get("/").content.decode()
    assert "wagtail-userbar" in admin_client.get("/").content.decode()


def test_admin_speaks_russian_by_default(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()


def test_home_page_shows_the_latest_news(client, home_page):
    news_index = NewsIndexPageFactory(parent=MentoringIndexPageFactory(parent=home_page))
    for n in range(5):
        NewsPageFactory(parent=news_index, title=f"Событие {n}")

    content = client.get("/").content.decode()

    assert [f"Событие {n}" in content for n in range(5)] == [False, False, True, True, True]


def test_one_or_three_latest_news_cost_the_same_queries(queries_of, home_page):
    news_index = NewsIndexPageFactory(parent=MentoringIndexPageFactory(parent=home_page))

    def with_news(count):
        for _ in range(count):
            image = wagtail_factories.ImageFactory(file__width=64, file__height=48)
            NewsPageFactory(parent=news_index, image=image, image_alt="Фото")
        return queries_of("/")

    one, three = with_news(1), with_news(2)

    assert three.response.content.decode().count('alt="Фото"') == 3
    assert len(one) == len(three)


def test_breadcrumbs_lead_from_home_to_the_page(client, home_page):
    parent = ContentPageFactory(parent=home_page, title="Раздел", slug="section")
    ContentPageFactory(parent=parent, title="Подраздел", slug="sub")

    content = client.get("/section/sub/").content.decode()
    crumbs = content.split('class="breadcrumbs"')[1].split("</nav>")[0]

    assert crumbs.index(">Главная<") < crumbs.index(">Раздел<") < crumbs.index("Подраздел")
    assert '<span aria-current="page">Подраздел</span>' in crumbs
