"""Reading the section's pages as a visitor does, shared by the page tests."""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup


def _html(page):
    return page if isinstance(page, str) else page.content.decode()


def html_lang(page):
    """The language a page (a response, or its HTML) says it is in."""
    return re.search(r'<html lang="([a-z-]+)"', _html(page)).group(1)


def card_titles(page):
    """The titles of the cards a listing (a response, or its HTML) shows, in order."""
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', _html(page))


@dataclass(frozen=True)
class Picture:
    """A picture as a browser reads it: its alt text, the widths it offers («320w 640w») for
    the layout's `sizes`, how it loads, and the formats offered besides the image's own."""

    alt: str
    widths: str
    sizes: str
    loading: str | None = "lazy"
    formats: str = "image/avif image/webp"


def shown_picture(page):
    """The first picture a page (a response, or its HTML) shows."""
    picture = BeautifulSoup(_html(page), "html.parser").select_one("picture")
    image = picture.img
    return Picture(
        alt=image["alt"],
        widths=" ".join(candidate.split()[-1] for candidate in image["srcset"].split(",")),
        sizes=image.get("sizes"),
        loading=image.get("loading"),
        formats=" ".join(source["type"] for source in picture.select("source")),
    )


def page_html(client, url, lang="ru"):
    """The HTML a visitor gets at `url`: the page itself (200), in the language `lang`."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert html_lang(response) == lang
    return response.content.decode()
