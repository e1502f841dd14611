"""The one list of the site's page types, which the browser tests and the benchmark visit."""

from wagtail.models import get_page_models

from home.models import ContentPage, HomePage
from home.page_types import public_page_models, short_name


def test_every_page_type_an_editor_can_create_somewhere_is_listed_once():
    creatable = {child for model in get_page_models() for child in model.creatable_subpage_models()}

    listed = public_page_models()

    assert set(listed) == creatable
    assert len(listed) == len(creatable)
    assert listed[:2] == [HomePage, ContentPage]  # in the order the apps define them


def test_a_page_types_short_name_comes_from_its_model():
    assert short_name(HomePage) == "home"
    assert short_name(ContentPage, " ") == "content"

    class NewsIndexPage:
        pass

    assert short_name(NewsIndexPage) == "news-index"
    assert short_name(NewsIndexPage, " ") == "news index"
