"""WCAG 1.4.10 reflow: at 640 px (1280 px zoomed to 200 %) and at 320 px no page scrolls
sideways."""

from browser_tests import demo

# How far the page is wider than the viewport, and the first elements that stick out.
OVERFLOW = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wider = [...document.body.querySelectorAll("*")]
        .filter(element => element.getBoundingClientRect().right > width + 0.5)
        .map(element => element.tagName.toLowerCase() + "." + (element.getAttribute("class") || ""));
    return {excess: root.scrollWidth - width, wider: wider.slice(0, 10)};
}"""


def test_no_horizontal_scrolling(open_page, public_page, version):
    page = open_page(public_page, version, demo.ZOOMED)
    overflows = {}
    for width in (demo.ZOOMED, demo.NARROWEST):
        page.set_viewport_size(demo.viewport(width))
        overflow = page.evaluate(OVERFLOW)
        if overflow["excess"] > 0:
            overflows[width] = overflow
    assert not overflows
