import pytest
import wagtail_factories
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from home.templatetags import site_images

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


class RecordingCache:
    """The renditions cache, recording what is written to it and read from it."""

    def __init__(self, cache):
        self.cache = cache
        self.written = []
        self.read = []

    def get_many(self, keys, *args, **kwargs):
        self.read.extend(keys)
        return self.cache.get_many(keys, *args, **kwargs)

    def set(self, key, *args, **kwargs):
        self.written.append(key)
        return self.cache.set(key, *args, **kwargs)

    def set_many(self, mapping, *args, **kwargs):
        self.written.extend(mapping)
        return self.cache.set_many(mapping, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.fixture
def renditions_cache(monkeypatch):
    from wagtail.images.models import Rendition

    recording = RecordingCache(Rendition.cache_backend)
    monkeypatch.setattr(Rendition, "cache_backend", recording)
    return recording


OG_IMAGE = Template('{% load site_images %}{% rendition image "fill-1200x630" as og %}{{ og.url }}')


@pytest.mark.parametrize("template", [OURS, OG_IMAGE], ids=["picture", "rendition"])
def test_renditions_read_from_the_cache_are_not_written_back(renditions_cache, template):
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=1200)
    first = template.render(Context({"image": image}))
    assert renditions_cache.written  # made once, and kept

    renditions_cache.written.clear()
    fresh = type(image).objects.get(pk=image.pk)  # as the next request fetches it
    with CaptureQueriesContext(connection) as queries:
        second = template.render(Context({"image": fresh}))

    assert second == first
    assert renditions_cache.written == []
    assert not queries.captured_queries


def test_a_worker_reads_each_rendition_from_the_cache_once(renditions_cache):
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    OURS.render(Context({"image": image}))  # made, and kept in the cache
    OURS.render(Context({"image": type(image).objects.get(pk=image.pk)}))  # read from it
    renditions_cache.read.clear()

    third = OURS.render(Context({"image": type(image).objects.get(pk=image.pk)}))

    assert renditions_cache.read == []
    assert third == WAGTAILS.render(Context({"image": image}))


def test_a_rendition_missing_from_the_cache_is_found_in_the_database(renditions_cache):
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    first = OURS.render(Context({"image": image}))
    renditions_cache.cache.delete(renditions_cache.written[0])
    site_images._renditions.clear()  # another worker, which never read it

    second = OURS.render(Context({"image": type(image).objects.get(pk=image.pk)}))

    assert second == first
    assert image.renditions.count() == 6


def test_the_rendition_tag_gives_the_same_rendition_as_wagtails_image_tag():
    image = wagtail_factories.ImageFactory(file__width=1600, file__height=1200)
    wagtails = Template(
        "{% load wagtailimages_tags %}{% image image fill-1200x630 as og %}{{ og.url }}"
    )

    assert OG_IMAGE.render(Context({"image": image})) == wagtails.render(Context({"image": image}))


def test_the_same_picture_with_another_alt_text_or_a_new_crop_is_not_taken_for_the_first():
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600)
    with_alt = Template(f"{{% load site_images %}}{{% picture image {SPEC} alt=alt %}}")
    first = with_alt.render(Context({"image": image, "alt": "Наставник"}))

    other_alt = with_alt.render(Context({"image": image, "alt": "Учитель"}))
    image.focal_point_x, image.focal_point_y = 700, 500
    image.focal_point_width = image.focal_point_height = 10
    image.save()
    recropped = with_alt.render(Context({"image": image, "alt": "Наставник"}))

    assert 'alt="Учитель"' in other_alt and 'alt="Наставник"' not in other_alt
    assert recropped != first
    assert recropped == Template(
        f"{{% load wagtailimages_tags %}}{{% picture image {SPEC} alt=alt %}}"
    ).render(Context({"image": image, "alt": "Наставник"}))


def test_a_new_file_for_the_same_image_shows_its_own_renditions():
    image = wagtail_factories.ImageFactory(file__width=800, file__height=600, file__color="red")
    OURS.render(Context({"image": image}))  # made
    first = OURS.render(Context({"image": type(image).objects.get(pk=image.pk)}))  # and read

    # As Wagtail's image form replaces a file.
    image.file = wagtail_factories.ImageFactory.build(
        file__width=800, file__height=600, file__color="blue", file__filename="new.jpg"
    ).file
    image._set_image_file_metadata()
    image.save()
    image.renditions.all().delete()
    image = type(image).objects.get(pk=image.pk)
    replaced = OURS.render(Context({"image": image}))

    assert replaced != first
    assert replaced == WAGTAILS.render(Context({"image": image}))
