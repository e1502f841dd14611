"""The accessible version's colour schemes keep the promise site.css makes for them: every
colour used for text is at least 7:1 on the page and on a panel (ГОСТ Р 52872-2019 asks for
more than WCAG AA, which the axe browser tests check)."""

import re

import pytest
from django.conf import settings

SITE_CSS = (settings.BASE_DIR / "static" / "css" / "site.css").read_text(encoding="utf-8")
TEXT_COLOURS = ["text", "muted", "link", "link-visited", "ok", "warn", "danger"]
BACKGROUNDS = ["bg", "surface"]


def scheme(name):
    """{variable: hex colour} of `html.a11y-<name>` in site.css."""
    block = re.search(rf"html\.a11y-{name} \{{(.*?)\}}", SITE_CSS, re.S).group(1)
    return dict(re.findall(r"--color-([\w-]+):\s*#([0-9a-fA-F]{6})", block))


def luminance(hex_colour):
    """Relative luminance, as WCAG 2 defines it."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("name", ["light", "dark", "blue"])
def test_every_text_colour_is_at_least_7_to_1(name):
    colours = scheme(name)

    too_pale = {
        (text, background): round(contrast(colours[text], colours[background]), 2)
        for text in TEXT_COLOURS
        for background in BACKGROUNDS
        if contrast(colours[text], colours[background]) < 7
    }

    assert too_pale == {}


def test_contrast_is_measured_as_wcag_does():
    assert round(contrast("000000", "ffffff"), 2) == 21
    assert round(contrast("767676", "ffffff"), 2) == 4.54
