"""The version for the visually impaired on the section's pages: every page type complete
in the largest settings, photos replaced by their alt text, no extra queries."""

import re
from urllib.parse import urlsplit

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


def address(page):
    """(host, path) of a page: the demo has several sites (the schools, the centre)."""
    _site_id, root_url, path = page.get_url_parts()
    return urlsplit(root_url).hostname, path


def public_urls():
    """Every live page of the demo's sites in both languages, and the routes beside them:
    (host, path) each."""
    urls = [address(page) for page in Page.objects.live().filter(depth__gt=1).specific()]
    # The programme's page, where the landing has one (a new school's has not yet).
    for landing in MentoringIndexPage.objects.live().exclude(programme=None):
        host, path = address(landing)
        urls.append((host, f"{path}programme/"))
    for roadmap in RoadmapPage.objects.live():
        host, path = address(roadmap)
        urls.append((host, f"{path}?status=overdue"))
    urls += [("localhost", "/search/?q=наставник"), ("localhost", "/en/search/?q=mentor")]
    return urls


def test_every_page_is_complete_in_the_largest_settings_in_both_languages(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    call_command("load_demo", verbosity=0)
    urls = public_urls()
    assert len([path for _host, path in urls if path.startswith("/en/")]) > 20
    normal = {(host, path): client.get(path, HTTP_HOST=host) for host, path in urls}

    for value in LARGEST:
        client.cookies[COOKIE_NAME] = value
        for url in urls:
            host, path = url
            response = client.get(path, HTTP_HOST=host)

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
