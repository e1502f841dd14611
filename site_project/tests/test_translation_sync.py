"""Translations follow their source when it is published (site_project.translation)."""

import logging

import pytest
from wagtail_localize.models import StringTranslation

from home.models import ContentPage
from home.tests.factories import ContentPageFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def test_a_translation_that_cannot_be_saved_leaves_the_publication_standing(
    home_page, english, caplog
):
    """The translation editor checks no length: a title too long for the English page
    must not turn publishing the Russian one into an error after it went live."""
    translate(home_page, english, {})
    page = ContentPageFactory(parent=home_page, title="О школе", slug="about", intro="Было")
    translate(page, english, {"О школе": "About the school"})
    StringTranslation.objects.filter(data="About the school").update(data="A" * 300)
    page = ContentPage.objects.get(pk=page.pk)
    page.intro = "Стало"

    with caplog.at_level(logging.WARNING):
        page.save_revision().publish()

    assert ContentPage.objects.get(pk=page.pk).intro == "Стало"
    translation = ContentPage.objects.get(pk=page.get_translation(english).pk)
    assert (translation.title, translation.intro) == ("About the school", "Было")
    assert "was not updated" in caplog.text
