import pytest
import wagtail_factories
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

SPEC = "format-{avif,webp,jpeg} fill-{320x320,640x640}"
WAGTAILS = Template(f'{{% load wagtailimages_tags %}}{{% picture image {SPEC} alt="Фото" %}}')
OURS = Template(
    f'{{% load wagtailimages_tags site_images %}}{{% picture image {SPEC} alt="Фото" %}}'
)


def test_picture_is_wagtails_picture_for_every_image_it_renders():
    first, second = (
        wagtail_factories.ImageFactory(file__width=800, file__height=600),
        wagtail_factories.ImageFactory(file__width=800, file__height=600),
    )
    second.focal_point_x, second.focal_point_y = 10, 10
    second.focal_point_width = second.focal_point_height = 5
    second.save()

    for image in (first, second, first):
        ours = OURS.render(Context({"image": image}))
        assert ours == WAGTAILS.render(Context({"image": image}))
        assert ours.count("<source") == 2  # AVIF and WebP, then the JPEG <img>


def test_a_second_render_finds_its_renditions_without_a_query():
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    first = OURS.render(Context({"image": image}))

    with CaptureQueriesContext(connection) as queries:
        second = OURS.render(Context({"image": image}))

    assert second == first
    assert not queries.captured_queries  # from the renditions cache
