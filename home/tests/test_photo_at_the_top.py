"""The photo a home page opens with (home.photos): in modern formats, described for those
who cannot see it, replaced by its description when images are hidden, shared with links,
required to be described."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from home import accessibility
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def with_photo(page, alt="Здание школы"):
    page.image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    page.image_alt = alt
    page.save_revision().publish()
    return page


def photo_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("figure.photo-at-the-top")


def test_the_home_page_opens_with_its_photo_in_modern_formats(client, home_page):
    with_photo(home_page)

    figure = photo_of(client, home_page)

    assert [source["type"] for source in figure.select("source")] == ["image/avif", "image/webp"]
    img = figure.img
    assert img["alt"] == "Здание школы"
    assert len(img["srcset"].split(",")) == 3  # a width for a phone, a laptop and a wide screen
    assert img["fetchpriority"] == "high"


def test_the_photo_is_what_a_shared_link_shows(client, home_page):
    with_photo(home_page)

    soup = BeautifulSoup(client.get(home_page.url).content, "html.parser")

    assert soup.select_one('meta[property="og:image"]')["content"].startswith(
        "http://testserver/media/images/"
    )
    assert soup.select_one('meta[property="og:image:alt"]')["content"] == "Здание школы"


def test_without_a_photo_the_page_starts_with_its_text(client, home_page):
    soup = BeautifulSoup(client.get(home_page.url).content, "html.parser")

    assert soup.select_one(".photo-at-the-top") is None
    assert soup.select_one('meta[property="og:image"]') is None


def test_with_images_hidden_the_photo_gives_way_to_its_description(client, home_page):
    with_photo(home_page)
    client.cookies[accessibility.COOKIE_NAME] = "size1-light-noimg-normal"

    figure = photo_of(client, home_page)

    assert figure.img is None
    assert figure.select_one(".image-alt").get_text() == "Здание школы"


def test_the_english_home_page_describes_its_photo_in_english(client, home_page, english):
    with_photo(home_page)
    english_home = translate(home_page, english, {"Здание школы": "The school building"})

    figure = photo_of(client, english_home)

    assert figure.img["alt"] == "The school building"


def test_a_photo_cannot_be_published_undescribed(home_page):
    home_page.image = wagtail_factories.ImageFactory()
    home_page.image_alt = "  "

    with pytest.raises(ValidationError) as refused:
        home_page.full_clean()

    assert "image_alt" in refused.value.message_dict
