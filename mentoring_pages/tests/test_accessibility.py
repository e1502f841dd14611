"""The version for the visually impaired on the section's pages: every page type complete
in the largest settings, photos replaced by their alt text, no extra queries."""

import re

import pytest
import wagtail_factories
from django.core.management import call_command
from wagtail.models import Page

from home.accessibility import COOKIE_NAME
from mentoring_pages.models import MentoringIndexPage, RoadmapPage
from mentoring_pages.tests.factories import MentorPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

# The largest letters, each scheme, images hidden, wide spacing.
LARGEST = ["size3-light-noimg-wide", "size3-dark-noimg-wide", "size3-blue-noimg-wide"]


def photo():
    return wagtail_factories.ImageFactory(file__width=400, file__height=400)


@pytest.fixture
def mentor(section):
    return MentorPageFactory(
        parent=section.mentors, title="Анна Петрова", image=photo(), image_alt="Портрет Анны"
    )


def test_hidden_images_leave_their_alt_text_on_a_mentor_page_and_the_index(client, section, mentor):
    assert "<img" in client.get(mentor.url).content.decode()
    client.cookies[COOKIE_NAME] = "size1-light-noimg-normal"

    for url in (mentor.url, section.mentors.url):
        content = client.get(url).content.decode()

        assert "<img" not in content, url
        assert "<picture" not in content, url
        assert '<span class="image-alt">Портрет Анны</span>' in content, url
        assert "Анна Петрова" in content, url


def test_hidden_images_leave_their_alt_text_on_a_news_item(client, section):
    news = NewsPageFactory(parent=section.news, image=photo(), image_alt="Выпускники во дворе")
    client.cookies[COOKIE_NAME] = "size2-blue-noimg-wide"

    content = client.get(news.url).content.decode()

    assert "<img" not in content
    assert '<span class="image-alt">Выпускники во дворе</span>' in content


@pytest.mark.parametrize("value", ["size1-light-img-normal", "size3-dark-noimg-wide"])
def test_the_settings_add_no_query(client, queries_of, section, mentor, value):
    for url in (mentor.url, section.mentors.url):
        client.cookies.pop(COOKIE_NAME, None)
        normal = queries_of(url)
        client.cookies[COOKIE_NAME] = value

        assert len(queries_of(url)) == len(normal), url


def public_urls():
    """Every live page of the demo school in both languages, and the routes beside them."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for landing in MentoringIndexPage.objects.live():
        urls.append(f"{landing.url}programme/")
    for roadmap in RoadmapPage.objects.live():
        urls.append(f"{roadmap.url}?status=overdue")
    urls += ["/search/?q=наставник", "/en/search/?q=mentor"]
    return urls


def test_every_page_is_complete_in_the_largest_settings_in_both_languages(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    urls = public_urls()
    assert len([url for url in urls if url.startswith("/en/")]) > 20
    normal = {url: client.get(url) for url in urls}

    for value in LARGEST:
        client.cookies[COOKIE_NAME] = value
        for url in urls:
            response = client.get(url)

            content = response.content.decode()
            assert response.status_code == 200, (value, url)
            assert (
                f'class="a11y {" ".join(f"a11y-{part}" for part in value.split("-"))}"' in content
            )
            assert "<img" not in content, (value, url)
            h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", content, re.DOTALL)
            assert h1 == re.findall(r"<h1[^>]*>(.*?)</h1>", normal[url].content.decode(), re.DOTALL)
            # Whatever the normal version shows as text, the accessible one shows too.
            assert text_of(content).issuperset(text_of(normal[url].content.decode())), (value, url)


def text_of(html):
    """The words of a page's main content."""
    main = re.search(r'<main id="main".*?</main>', html, re.DOTALL).group(0)
    return set(re.sub(r"<[^>]+>", " ", main).split())
