"""The demo's pictures are drawn illustrations, one of its own for each person and story:
not a placeholder silhouette in two colours."""

import io

import pytest
from PIL import Image

from home import demo_pictures as pictures


def opened(data):
    return Image.open(io.BytesIO(data)).convert("RGB")


def colours(data):
    return opened(data).getcolors(maxcolors=1_000_000)


def test_every_person_has_a_portrait_of_their_own():
    slugs = [f"mentor-{number}" for number in range(8)]
    portraits = [pictures.portrait(slug) for slug in slugs]

    assert len(set(portraits)) == len(slugs)
    assert pictures.portrait(slugs[0]) == portraits[0]  # a second run draws the same
    for data in portraits:
        assert opened(data).size == pictures.PORTRAIT_SIZE
        # Faces, hair, clothes and a background in several colours, smoothed edges.
        assert len(colours(data)) > 100


@pytest.mark.parametrize("name", sorted(pictures.SCENES))
def test_every_scene_is_a_picture_varied_by_its_seed(name):
    first, second = pictures.scene(name, "one"), pictures.scene(name, "two")

    assert first != second
    assert opened(first).size == pictures.SCENE_SIZE
    assert len(colours(first)) > 100
