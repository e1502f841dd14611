"""Reading the section's pages as a visitor does, shared by the page tests."""

import re


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def card_titles(response):
    """The titles of the cards a listing shows, in order."""
    return re.findall(
        r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )
