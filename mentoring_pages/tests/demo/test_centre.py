import pytest

from mentoring_pages.demo.centre import build_centre

pytestmark = pytest.mark.django_db


def test_the_demo_centre_reads_in_english_in_english(home_page, english):
    centre = build_centre(log=lambda message: None)

    translated = centre.get_translation(english)

    assert translated.title == "Municipal mentoring centre"
    assert translated.intro.startswith("<p>The municipality's schools taking part")
