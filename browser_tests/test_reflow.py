"""WCAG 1.4.10 reflow: at 640 px (1280 px zoomed to 200 %) and at 320 px no page scrolls
sideways; at 320 px, in each font size of the accessible version, neither does a school's
long name nor the roadmap's list view, whose deadlines stay readable."""

import pytest

from browser_tests import demo
from home.demo import school

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


# A school that has given no short name has its full name in the header: words such as
# «общеобразовательное» are wider than a phone in the accessible version's largest letters.
LONG_NAME = school()["full_name"]
# The words of an element's text that a line break cuts in two.
BROKEN_WORDS = """element => {
    const text = element.firstChild, broken = [];
    for (const word of text.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) broken.push(word[0]);
    }
    return broken;
}"""
# Each row of the roadmap's list view: its width, its deadline's, and how far its status
# sticks out of it.
ROADMAP_ROWS = """rows => rows.map(row => {
    const box = row.getBoundingClientRect();
    const deadline = row.querySelector(".roadmap-row__deadline");
    const status = row.querySelector(".roadmap-row__status .badge").getBoundingClientRect();
    return {
        deadline: deadline.textContent.trim(),
        deadline_width: deadline.getBoundingClientRect().width,
        row_width: box.width,
        status_overhang: Math.max(status.right - box.right, box.left - status.left),
    };
})"""


def with_long_name(page):
    # The demo's schools all have short names, and the server keeps the header it built;
    # the name is put in the page the browser already has.
    name = page.locator(".site-brand__name")
    name.evaluate("(element, text) => { element.textContent = text; }", LONG_NAME)
    return name


@pytest.mark.parametrize("font_size", demo.FONT_SIZES)
def test_a_long_school_name_breaks_rather_than_widen_the_page(open_page, public_pages, font_size):
    page = open_page(public_pages["home", "ru"], font_size, demo.NARROWEST)
    with_long_name(page)

    overflow = page.evaluate(OVERFLOW)
    assert overflow["excess"] <= 0, overflow


def test_the_normal_version_breaks_a_long_school_name_between_words(open_page, public_pages):
    page = open_page(public_pages["home", "ru"], "normal", demo.NARROWEST)
    name = with_long_name(page)

    overflow = page.evaluate(OVERFLOW)
    assert overflow["excess"] <= 0, overflow
    assert name.evaluate(BROKEN_WORDS) == []


@pytest.mark.parametrize("font_size", demo.FONT_SIZES)
def test_the_roadmap_list_keeps_deadlines_readable_on_the_narrowest_phone(
    open_page, public_pages, font_size
):
    page = open_page(public_pages["roadmap-list", "ru"], font_size, demo.NARROWEST)

    rows = page.locator(".roadmap-row").evaluate_all(ROADMAP_ROWS)
    squeezed = [
        row
        for row in rows
        if row["deadline_width"] < row["row_width"] / 2 or row["status_overhang"] > 0.5
    ]
    scrolled = page.locator(".table-scroll").evaluate_all(
        "tables => tables.filter(table => table.scrollWidth > table.clientWidth).length"
    )
    assert rows and not squeezed, squeezed[:3]
    assert scrolled == 0
    overflow = page.evaluate(OVERFLOW)
    assert overflow["excess"] <= 0, overflow
