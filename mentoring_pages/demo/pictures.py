"""The demo's pictures, drawn in code rather than downloaded: placeholder portraits of the
mentors and two news illustrations, saved as Wagtail images in the site's collection."""

import io
import math

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from programmes.roles import SITE_COLLECTION, collection_named


def save_image(title, alt, data, filename):
    """A Wagtail image of the PNG `data`, described by `alt`."""
    Image = get_image_model()
    picture = Image(
        title=title,
        description=alt,
        collection=collection_named(SITE_COLLECTION),
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    picture.save()
    return picture


def png(picture):
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def lighter(colour, amount=90):
    return tuple(min(255, part + amount) for part in colour)


def silhouette(draw, centre, scale, colour):
    """A head and shoulders, `scale` times the size of a portrait's."""
    x, y = centre

    def box(left, top, right, bottom):
        return (x + left * scale, y + top * scale, x + right * scale, y + bottom * scale)

    draw.ellipse(box(-130, -250, 130, 10), fill=colour)
    draw.ellipse(box(-250, 60, 250, 560), fill=colour)


def portrait(colour):
    """An 800×800 placeholder portrait: a light silhouette on a plain background."""
    picture = PillowImage.new("RGB", (800, 800), colour)
    silhouette(ImageDraw.Draw(picture), (400, 400), 1, lighter(colour))
    return png(picture)


def star_picture():
    """Illustration: a gold five-pointed star on a blue background, 1200×800."""
    picture = PillowImage.new("RGB", (1200, 800), (40, 62, 120))
    corners = []
    for index in range(10):  # outer and inner corners in turn, clockwise from the top
        angle = math.pi / 2 - index * math.pi / 5
        radius = 300 if index % 2 == 0 else 120
        corners.append((600 + radius * math.cos(angle), 400 - radius * math.sin(angle)))
    ImageDraw.Draw(picture).polygon(corners, fill=(232, 184, 64))
    return png(picture)


def pair_picture():
    """Illustration: an older and a younger pupil's silhouettes on green, 1200×800."""
    background = (46, 120, 72)
    picture = PillowImage.new("RGB", (1200, 800), background)
    draw = ImageDraw.Draw(picture)
    silhouette(draw, (470, 420), 1, lighter(background, 100))
    silhouette(draw, (800, 530), 0.7, lighter(background, 150))
    return png(picture)


# The illustrations a news item of the demo data may name as its "picture".
ILLUSTRATIONS = {"star": star_picture, "pair": pair_picture}
