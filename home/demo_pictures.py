"""The demo's pictures, drawn in code rather than downloaded: flat-style illustrated portraits
of the mentors and scenes for the news and cases, saved as Wagtail images in the site's
collection. Each picture is drawn from a seed (the page's slug), so every person and every
story gets a picture of its own, and a second run draws the same one."""

import io
import math
import random

from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from programmes.schools import default_school

# Drawn this many times larger, then scaled down: Pillow draws shapes without smoothing.
SUPERSAMPLE = 3
PORTRAIT_SIZE = (800, 800)
SCENE_SIZE = (1200, 800)

SKIN = [(247, 214, 186), (236, 188, 150), (214, 160, 118), (176, 122, 86), (128, 86, 60)]
HAIR = [(40, 32, 30), (92, 58, 36), (160, 110, 60), (214, 178, 110), (150, 150, 156)]
CLOTHES = [
    (46, 94, 170),
    (196, 72, 84),
    (48, 140, 112),
    (232, 160, 56),
    (120, 86, 170),
    (60, 70, 90),
]
BACKGROUNDS = [
    ((186, 222, 230), (120, 178, 200)),
    ((250, 224, 196), (240, 170, 140)),
    ((214, 234, 200), (150, 196, 140)),
    ((226, 214, 244), (170, 150, 214)),
    ((252, 238, 176), (236, 196, 100)),
]
HAIR_STYLES = ("short", "long", "bun", "curly")


def save_image(title, alt, data, filename):
    """A Wagtail image of the PNG `data`, described by `alt`."""
    Image = get_image_model()
    picture = Image(
        title=title,
        description=alt,
        collection=default_school().collection,
        file=ContentFile(data, name=filename),
        file_size=len(data),
        file_hash=hash_filelike(io.BytesIO(data)),
    )
    picture.save()
    return picture


def mix(colour, other, share):
    """`colour` moved `share` (0–1) of the way towards `other`."""
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


class Canvas:
    """A picture drawn in its own units (its final pixels), supersampled."""

    def __init__(self, size, top, bottom):
        self.size = size
        width, height = (side * SUPERSAMPLE for side in size)
        self.image = PillowImage.new("RGB", (width, height))
        self.draw = ImageDraw.Draw(self.image)
        for y in range(0, height, SUPERSAMPLE):  # a vertical gradient, band by band
            colour = mix(top, bottom, y / height)
            self.draw.rectangle((0, y, width, y + SUPERSAMPLE), fill=colour)

    def box(self, left, top, right, bottom):
        return tuple(round(value * SUPERSAMPLE) for value in (left, top, right, bottom))

    def ellipse(self, box, fill):
        self.draw.ellipse(self.box(*box), fill=fill)

    def rectangle(self, box, fill, radius=0):
        self.draw.rounded_rectangle(self.box(*box), radius=radius * SUPERSAMPLE, fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon([(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in points], fill=fill)

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self.box(*box), start, end, fill=fill, width=round(width * SUPERSAMPLE))

    def line(self, points, fill, width):
        scaled = [(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in points]
        self.draw.line(scaled, fill=fill, width=round(width * SUPERSAMPLE), joint="curve")

    def png(self):
        buffer = io.BytesIO()
        self.image.resize(self.size, PillowImage.Resampling.LANCZOS).save(buffer, "PNG")
        return buffer.getvalue()


def person(canvas, x, y, scale, rng):
    """A flat-style figure, head and shoulders, its chin at (x, y): skin, hair, clothes and
    a face chosen by `rng`."""
    skin, hair, clothes = rng.choice(SKIN), rng.choice(HAIR), rng.choice(CLOTHES)
    style = rng.choice(HAIR_STYLES)

    def at(left, top, right, bottom):
        return (x + left * scale, y + top * scale, x + right * scale, y + bottom * scale)

    if style == "long":
        canvas.rectangle(at(-150, -250, 150, 120), hair, radius=140 * scale)
    canvas.rectangle(at(-260, 110, 260, 520), clothes, radius=200 * scale)
    canvas.polygon(
        [
            (x - 70 * scale, y + 110 * scale),
            (x, y + 220 * scale),
            (x + 70 * scale, y + 110 * scale),
        ],
        mix(clothes, (255, 255, 255), 0.75),
    )
    canvas.rectangle(at(-45, -20, 45, 130), mix(skin, (0, 0, 0), 0.12), radius=30 * scale)
    canvas.ellipse(at(-130, -280, 130, 30), skin)
    canvas.ellipse(at(-150, -120, -110, -60), skin)  # ears
    canvas.ellipse(at(110, -120, 150, -60), skin)
    if style == "curly":
        for angle in range(150, 400, 30):
            cx = 125 * math.cos(math.radians(angle))
            cy = -170 + 110 * math.sin(math.radians(angle))
            canvas.ellipse(at(cx - 55, cy - 55, cx + 55, cy + 55), hair)
    else:
        canvas.draw.pieslice(canvas.box(*at(-140, -295, 140, -20)), 180, 360, fill=hair)
        canvas.rectangle(at(-140, -160, -105, -60), hair, radius=15 * scale)
        canvas.rectangle(at(105, -160, 140, -60), hair, radius=15 * scale)
    if style == "bun":
        canvas.ellipse(at(-60, -370, 60, -260), hair)
    eye = mix(hair, (0, 0, 0), 0.5)
    canvas.ellipse(at(-62, -125, -38, -95), eye)
    canvas.ellipse(at(38, -125, 62, -95), eye)
    canvas.ellipse(at(-95, -80, -55, -55), mix(skin, (240, 120, 120), 0.35))  # cheeks
    canvas.ellipse(at(55, -80, 95, -55), mix(skin, (240, 120, 120), 0.35))
    canvas.arc(at(-45, -95, 45, -35), 20, 160, mix(skin, (120, 40, 40), 0.6), 7 * scale)
    if rng.random() < 0.35:  # glasses
        frame = (50, 50, 60)
        canvas.arc(at(-90, -140, -15, -80), 0, 360, frame, 6 * scale)
        canvas.arc(at(15, -140, 90, -80), 0, 360, frame, 6 * scale)
        canvas.line(
            [(x - 15 * scale, y - 112 * scale), (x + 15 * scale, y - 112 * scale)], frame, 5
        )


def bubbles(canvas, rng, colour, count=7):
    """Soft round shapes in the background, lighter than it."""
    width, height = canvas.size
    for _ in range(count):
        radius = rng.uniform(0.05, 0.18) * width
        cx, cy = rng.uniform(0, width), rng.uniform(0, height * 0.7)
        shade = mix(colour, (255, 255, 255), rng.uniform(0.2, 0.5))
        canvas.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), shade)


def portrait(seed):
    """An 800×800 illustrated portrait, different for every `seed`."""
    rng = random.Random(seed)  # noqa: S311 -- a drawing, not a secret
    top, bottom = rng.choice(BACKGROUNDS)
    canvas = Canvas(PORTRAIT_SIZE, top, bottom)
    bubbles(canvas, rng, top, count=5)
    person(canvas, 400, 470, 1, rng)
    return canvas.png()


def ground(canvas, rng, colour):
    """Rolling hills along the bottom of a scene."""
    width, height = canvas.size
    for layer in range(2):
        shade = mix(colour, (0, 0, 0), 0.15 * layer)
        base = height * (0.72 + 0.08 * layer)
        phase = rng.uniform(0, math.tau)
        points = [
            (x, base + 30 * math.sin(x / 170 + phase + layer)) for x in range(0, width + 40, 40)
        ]
        canvas.polygon([*points, (width, height), (0, height)], shade)


def tree(canvas, x, y, size, colour):
    canvas.rectangle((x - size * 0.08, y - size * 0.5, x + size * 0.08, y), (110, 78, 52))
    canvas.ellipse((x - size * 0.4, y - size * 1.25, x + size * 0.4, y - size * 0.45), colour)


def school_scene(rng):
    """The school under a sky, with trees and a flag."""
    canvas = Canvas(SCENE_SIZE, (150, 200, 236), (236, 244, 250))
    sun = rng.uniform(150, 1050)
    canvas.ellipse((sun - 70, 60, sun + 70, 200), (255, 214, 102))
    ground(canvas, rng, (120, 186, 110))
    wall, roof = rng.choice([((232, 196, 160), (170, 80, 70)), ((240, 236, 220), (70, 110, 160))])
    canvas.rectangle((330, 300, 870, 620), wall)
    canvas.polygon([(300, 310), (600, 170), (900, 310)], roof)
    for row in range(2):
        for column in range(6):
            left = 365 + column * 80
            canvas.rectangle(
                (left, 340 + row * 110, left + 50, 400 + row * 110), (120, 170, 214), 6
            )
    canvas.rectangle((565, 540, 635, 620), (120, 80, 60), 8)
    canvas.line([(600, 170), (600, 90)], (90, 90, 90), 5)
    canvas.polygon([(602, 92), (672, 108), (602, 124)], rng.choice(CLOTHES))
    for x in (180, 1000, 1090):
        tree(canvas, x, 650 + rng.uniform(-20, 20), rng.uniform(150, 210), (70, 150, 90))
    return canvas.png()


def classroom(rng):
    """A classroom: a chalkboard with sums and lines, a desk with books."""
    wall = rng.choice([(238, 226, 204), (214, 230, 226), (232, 220, 236)])
    canvas = Canvas(SCENE_SIZE, wall, mix(wall, (0, 0, 0), 0.1))
    canvas.rectangle((150, 110, 1050, 520), (120, 84, 56), 14)
    canvas.rectangle((175, 135, 1025, 495), (46, 92, 72), 8)
    chalk = (236, 240, 232)
    for row in range(4):
        y = 190 + row * 80
        x = 220
        while x < 960:
            length = rng.uniform(40, 140)
            canvas.line([(x, y), (x + length, y + rng.uniform(-6, 6))], chalk, 5)
            x += length + rng.uniform(20, 50)
    canvas.arc((760, 170, 940, 350), 200, 520, (250, 214, 120), 6)
    canvas.rectangle((100, 640, 1100, 680), (150, 104, 70), 10)
    for shift, (top, bottom) in enumerate(((590, 640), (545, 590), (505, 545))):
        left = 640 + rng.uniform(-25, 25)
        width = 220 - 30 * shift
        canvas.rectangle((left, top, left + width, bottom), rng.choice(CLOTHES), 6)
    canvas.ellipse((300, 575, 370, 645), (214, 64, 64))  # an apple
    return canvas


def board_scene(rng):
    return classroom(rng).png()


def teacher_scene(rng):
    """A teacher standing at the chalkboard: a photo of one person."""
    canvas = classroom(rng)
    person(canvas, 330, 560, 0.75, rng)
    return canvas.png()


def books_scene(rng):
    """A bookshelf of coloured books and a plant."""
    wall = rng.choice([(250, 236, 214), (222, 236, 246), (236, 230, 248)])
    canvas = Canvas(SCENE_SIZE, wall, mix(wall, (0, 0, 0), 0.08))
    for shelf in (330, 620):
        canvas.rectangle((120, shelf, 1080, shelf + 26), (150, 104, 70), 6)
        x = 150
        while x < 1020:
            width, height = rng.uniform(36, 70), rng.uniform(150, 230)
            colour = rng.choice(CLOTHES)
            canvas.rectangle((x, shelf - height, x + width, shelf), colour, 6)
            canvas.rectangle(
                (x + 8, shelf - height + 24, x + width - 8, shelf - height + 36),
                mix(colour, (255, 255, 255), 0.6),
            )
            x += width + rng.uniform(2, 10)
            if rng.random() < 0.15:
                x += 60
    canvas.rectangle((920, 240, 1010, 330), (196, 112, 80), 10)
    for angle in (-60, -30, 0, 30, 60):
        tip = (965 + 110 * math.sin(math.radians(angle)), 240 - 110 * math.cos(math.radians(angle)))
        canvas.line([(965, 250), tip], (70, 150, 90), 18)
    return canvas.png()


def award_scene(rng):
    """A gold star over a podium, with confetti."""
    top, bottom = rng.choice([((40, 62, 120), (86, 110, 180)), ((110, 50, 110), (190, 90, 140))])
    canvas = Canvas(SCENE_SIZE, top, bottom)
    for _ in range(60):
        x, y = rng.uniform(0, 1200), rng.uniform(0, 800)
        canvas.rectangle((x, y, x + 14, y + 8), rng.choice([*CLOTHES, (255, 214, 102)]), 3)
    corners = []
    for index in range(10):  # outer and inner corners in turn, clockwise from the top
        angle = math.pi / 2 - index * math.pi / 5
        radius = 220 if index % 2 == 0 else 90
        corners.append((600 + radius * math.cos(angle), 330 - radius * math.sin(angle)))
    canvas.polygon(corners, (244, 196, 72))
    canvas.rectangle((420, 600, 780, 800), (232, 232, 240), 10)
    canvas.rectangle((240, 660, 420, 800), (200, 200, 214), 10)
    canvas.rectangle((780, 690, 960, 800), (200, 200, 214), 10)
    return canvas.png()


def people_scene(rng, count):
    """`count` people side by side in a bright room: a photo of a pair or a group."""
    top, bottom = rng.choice(BACKGROUNDS)
    canvas = Canvas(SCENE_SIZE, top, bottom)
    bubbles(canvas, rng, top)
    step = 1200 / (count + 1)
    for index in range(count):
        scale = rng.uniform(0.6, 0.8) if index % 2 else rng.uniform(0.75, 0.9)
        person(canvas, step * (index + 1), 800 - 330 * scale, scale, rng)
    return canvas.png()


# The scenes a news item or a case of the demo data may name as its "picture", and whether
# the scene shows people (a case's photo then needs a consent).
SCENES = {
    "school": (school_scene, False),
    "board": (board_scene, False),
    "books": (books_scene, False),
    "award": (award_scene, False),
    "teacher": (teacher_scene, True),
    "pair": (lambda rng: people_scene(rng, 2), True),
    "group": (lambda rng: people_scene(rng, 4), True),
}


def scene(name, seed):
    """The 1200×800 picture of the scene `name`, varied by `seed`."""
    draw, _people = SCENES[name]
    return draw(random.Random(f"{name}:{seed}"))  # noqa: S311 -- a drawing, not a secret


def shows_people(name):
    return SCENES[name][1]
