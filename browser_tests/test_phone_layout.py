"""The site on a phone (390×844) and a desktop (1366×900): a compact header whose menu
opens without JavaScript, a roadmap whose stages fold, a call to apply always in reach
and never over what has focus, and a landing light enough for a slow connection."""

import gzip
import re

import pytest
from django.utils.translation import gettext

from browser_tests import demo

# Of an 844 px screen, the header may take this much; the rest is the page's.
PHONE_HEADER_HEIGHT = 120
# The landing's HTML and CSS, compressed as they travel (there is no JavaScript).
LANDING_BUDGET = 60 * 1024
SECTION_KINDS = ["mentor", "case", "news", "mentor-index", "case-index", "roadmap"]
# The part of the focused element's box under the call to apply, if any.
OVERLAP = """call => {
    const focused = document.activeElement;
    if (focused === document.body || call.contains(focused)) return 0;
    const a = focused.getBoundingClientRect(), b = call.getBoundingClientRect();
    return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
}"""


def test_the_phone_header_is_compact(open_page, public_page):
    page = open_page(public_page, width=demo.PHONE)

    header = page.locator("header.site-header").bounding_box()

    assert header["height"] <= PHONE_HEADER_HEIGHT, public_page
    assert page.locator(".main-nav").is_hidden()


def test_the_menu_opens_and_closes_without_javascript(new_context, public_pages):
    landing = public_pages["mentoring", "ru"]
    page = new_context(width=demo.PHONE, java_script_enabled=False).new_page()
    page.goto(public_pages["home", "ru"].url)
    menu = page.locator(".main-nav")
    assert menu.is_hidden()

    page.get_by_role("link", name=gettext("Menu"), exact=True).click()
    assert menu.is_visible()
    assert page.get_by_role("search").is_visible()
    page.get_by_role("link", name=gettext("Close the menu")).click()
    assert menu.is_hidden()

    page.get_by_role("link", name=gettext("Menu"), exact=True).click()
    menu.get_by_role("link", name=landing.title, exact=True).click()
    page.wait_for_url(f"**{landing.url}")


def test_a_desktop_shows_the_menu_and_search_without_a_button(open_page, public_pages):
    page = open_page(public_pages["news", "ru"], width=demo.DESKTOP)

    assert page.locator(".main-nav").is_visible()
    assert page.get_by_role("search").is_visible()
    assert page.get_by_role("link", name=gettext("Menu"), exact=True).is_hidden()


def test_the_roadmap_opens_at_the_current_stage_with_the_downloads_first(open_page, public_pages):
    page = open_page(public_pages["roadmap", "ru"], width=demo.PHONE)
    stages = page.locator("details.roadmap-stage")
    opened = page.locator("details.roadmap-stage[open]")

    assert stages.count() > 1 and opened.count() == 1
    folded_id = page.locator("details.roadmap-stage:not([open])").first.get_attribute("id")
    folded = page.locator(f"#{folded_id}")
    assert folded.locator(".roadmap-event").first.is_hidden()
    folded.locator("summary").click()
    assert folded.locator(".roadmap-event").first.is_visible()
    downloads = page.get_by_role("region", name=gettext("Download and subscribe"))
    assert downloads.bounding_box()["y"] < stages.first.bounding_box()["y"]


@pytest.mark.parametrize("kind", SECTION_KINDS)
def test_the_call_to_apply_is_in_reach_and_never_covers_what_has_focus(
    open_page, public_pages, kind
):
    page = open_page(public_pages[kind, "ru"], width=demo.PHONE)
    call = page.locator(".apply-call")
    screen = demo.viewport(demo.PHONE)

    box = call.bounding_box()
    assert box["y"] + box["height"] <= screen["height"]  # on the first screen already
    for _ in range(40):
        page.keyboard.press("Tab")
        assert call.evaluate(OVERLAP) == 0

    call.get_by_role("link").click()
    page.wait_for_url(re.compile(r"#take-part-heading$"))
    assert page.get_by_role("heading", name=gettext("How to take part")).is_visible()


def test_the_landing_is_light(open_page, public_pages):
    page = open_page(public_pages["mentoring", "ru"])
    html = page.request.get(page.url).body()
    styles = page.locator("link[rel=stylesheet]").evaluate_all("links => links.map(l => l.href)")

    sizes = [len(gzip.compress(html))] + [
        len(gzip.compress(page.request.get(url).body())) for url in styles
    ]

    assert page.locator("script[src]").count() == 0
    assert sum(sizes) <= LANDING_BUDGET, sizes
