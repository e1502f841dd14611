"""The version for the visually impaired: the cookie, the settings view and what each
setting does to the pages the server renders."""

import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import wagtail_factories
from django.http import QueryDict
from django.test import RequestFactory

from home import accessibility
from home.accessibility import AccessibilitySettings, cache_variant, parse
from home.tests.factories import ContentPageFactory

LARGEST = "size3-dark-noimg-wide"


def every_settings():
    return list(accessibility._BY_COOKIE_VALUE.values())


def html_class(response):
    match = re.search(r'<html lang="[a-z-]+"(?: class="([^"]*)")?>', response.content.decode())
    return set((match.group(1) or "").split())


def request_with_cookie(value):
    request = RequestFactory().get("/")
    if value is not None:
        request.COOKIES[accessibility.COOKIE_NAME] = value
    return request


# The cookie


def test_each_settings_round_trips_through_its_canonical_cookie_value():
    settings = every_settings()

    assert len(settings) == 3 * 3 * 2 * 2
    for each in settings:
        assert re.fullmatch(r"[a-z0-9-]{1,40}", each.cookie_value)
        assert parse(each.cookie_value) == each


def test_a_cookie_value_names_every_setting_in_order():
    settings = AccessibilitySettings(size="size2", scheme="dark", images="noimg", spacing="wide")

    assert settings.cookie_value == "size2-dark-noimg-wide"


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "size9-dark-noimg-wide",
        "dark-size2-noimg-wide",
        "SIZE2-dark-noimg-wide",
        "size2-dark-noimg-wide-",
        "size2-dark",
        "size2-dark-noimg-wide; x=1",
        "a" * 500,
    ],
)
def test_a_missing_or_invalid_cookie_is_the_normal_version(value):
    request = request_with_cookie(value)

    assert accessibility.settings_for(request) is None
    assert cache_variant(request) == ""


def test_cache_variant_is_the_canonical_cookie_value():
    assert cache_variant(request_with_cookie(LARGEST)) == LARGEST


def test_changes_apply_to_the_current_settings_and_report_invalid_values():
    current = parse("size2-blue-img-normal")

    changed, invalid = accessibility.apply_changes(current, QueryDict("images=noimg&size=x"))

    assert changed == parse("size2-blue-noimg-normal")
    assert invalid == ["size"]


# The settings view


@pytest.fixture
def content_page(home_page):
    return ContentPageFactory(parent=home_page, title="О школе", slug="about")


@pytest.mark.django_db
def test_the_header_of_every_page_links_to_the_settings(client, content_page):
    content = client.get("/about/").content.decode()

    assert (
        '<a class="a11y-switch" href="/accessibility/?next=%2Fabout%2F" rel="nofollow">'
        "Версия для слабовидящих</a>" in content
    )


@pytest.mark.django_db
def test_the_settings_return_to_the_same_search(client, home_page):
    content = client.get("/search/", {"q": "наставник", "page": "2"}).content.decode()

    assert 'href="/accessibility/?next=%2Fsearch%2F%3Fq%3D' in content
    link = re.search(r'class="a11y-switch" href="([^"]+)"', content).group(1)
    next_url = parse_qs(urlsplit(unescape(link)).query)["next"][0]
    assert parse_qs(urlsplit(next_url).query) == {"q": ["наставник"], "page": ["2"]}


@pytest.mark.django_db
def test_the_settings_page_is_a_form_that_works_without_javascript(client, home_page):
    response = client.get("/accessibility/", {"next": "/about/"})

    content = response.content.decode()
    assert response.status_code == 200
    assert '<form class="a11y-form" action="/accessibility/" method="get">' in content
    assert '<input type="hidden" name="next" value="/about/">' in content
    for name in ("size", "scheme", "images", "spacing"):
        assert f'name="{name}"' in content
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_applying_settings_sets_the_cookie_and_returns_to_the_page(client, home_page):
    response = client.get(
        "/accessibility/",
        {
            "size": "size3",
            "scheme": "dark",
            "images": "noimg",
            "spacing": "wide",
            "next": "/about/",
        },
    )

    cookie = response.cookies[accessibility.COOKIE_NAME]
    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert cookie.value == LARGEST
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_panel_link_changes_one_setting_and_keeps_the_others(client, home_page):
    client.cookies[accessibility.COOKIE_NAME] = "size2-blue-img-normal"

    response = client.get("/accessibility/", {"images": "noimg", "next": "/"})

    assert response.cookies[accessibility.COOKIE_NAME].value == "size2-blue-noimg-normal"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "",
        # Not a path: Django's redirect() would take it for a view's name.
        "foo",
        "sitemap",
        "a\x00b",
    ],
)
@pytest.mark.parametrize("version", [None, "normal"])
def test_only_a_page_of_this_site_is_returned_to(client, home_page, next_url, version):
    params = {"version": version} if version else {"size": "size2"}
    response = client.get("/accessibility/", {**params, "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/accessibility/?next="


@pytest.mark.django_db
def test_a_line_break_in_next_cannot_add_a_header(client, home_page):
    response = client.get("/accessibility/", {"size": "size2", "next": "/about/\r\nX-Evil: 1"})

    assert response.status_code == 302
    assert "X-Evil" not in response.headers
    assert "\n" not in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"size": "size9"}, {"scheme": "<script>"}, {"version": "other"}]
)
def test_bad_parameters_get_a_message_and_change_nothing(client, home_page, params):
    client.cookies[accessibility.COOKIE_NAME] = "size2-blue-img-normal"

    response = client.get("/accessibility/", {**params, "next": "/"})

    assert response.status_code == 400
    assert "Таких настроек нет" in response.content.decode()
    assert accessibility.COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_the_normal_version_link_clears_the_cookie(client, content_page):
    client.cookies[accessibility.COOKIE_NAME] = LARGEST
    content = client.get("/about/").content.decode()
    assert (
        '<a href="/accessibility/?version=normal&amp;next=%2Fabout%2F" rel="nofollow">'
        "Обычная версия</a>" in content
    )

    response = client.get("/accessibility/", {"version": "normal", "next": "/about/"})

    assert response.status_code == 302
    assert response["Location"] == "/about/"
    assert response.cookies[accessibility.COOKIE_NAME].value == ""
    assert response.cookies[accessibility.COOKIE_NAME]["max-age"] == 0
    assert html_class(client.get("/about/")) == set()


@pytest.mark.django_db
def test_the_settings_page_in_english(client, home_page, english):
    response = client.get("/en/accessibility/")

    assert response.status_code == 200
    assert "<h1>Version for the visually impaired</h1>" in response.content.decode()


# What the settings do to a page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("size1-light-img-normal", {"a11y-size1", "a11y-light", "a11y-img", "a11y-normal"}),
        ("size3-dark-noimg-wide", {"a11y-size3", "a11y-dark", "a11y-noimg", "a11y-wide"}),
        ("size2-blue-img-wide", {"a11y-size2", "a11y-blue", "a11y-img", "a11y-wide"}),
    ],
)
def test_each_setting_puts_its_class_on_the_html_element(client, content_page, value, expected):
    assert html_class(client.get("/about/")) == set()
    client.cookies[accessibility.COOKIE_NAME] = value

    response = client.get("/about/")

    assert html_class(response) == {"a11y"} | expected
    assert 'class="a11y-panel"' in response.content.decode()


@pytest.mark.django_db
def test_the_panel_marks_the_current_choices(client, content_page):
    client.cookies[accessibility.COOKIE_NAME] = "size2-blue-img-normal"

    content = client.get("/about/").content.decode()

    current = re.findall(r'href="[^"]+" rel="nofollow" aria-current="true">([^<]+)<', content)
    assert current == ["Крупнее", "Тёмно-синий на голубом", "Показаны", "Обычный"]


def photo():
    return wagtail_factories.ImageFactory(file__width=400, file__height=400)


@pytest.mark.django_db
def test_hidden_images_leave_their_alt_text_on_a_content_page(client, home_page):
    image = photo()
    body = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Школьный двор", "decorative": False},
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
    ]
    page = ContentPageFactory(parent=home_page, slug="yard", body=json.dumps(body))
    # The page's two pictures (the header's emblem apart).
    main = client.get(page.url).content.decode().split("<main", 1)[1]
    assert main.count("<img") == 2
    client.cookies[accessibility.COOKIE_NAME] = "size1-light-noimg-normal"

    content = client.get(page.url).content.decode()

    assert "<img" not in content
    assert content.count('class="image-alt"') == 1
    assert '<span class="image-alt">Школьный двор</span>' in content
