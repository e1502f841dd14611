"""Screenshots of every public page type, in each version of the site, at a phone's and a
desktop's width, saved to var/screenshots/ for people to look at (never committed)."""

import pytest

from browser_tests import demo


@pytest.mark.parametrize("kind", demo.PAGE_KINDS)
def test_screenshots(open_page, public_pages, kind, version):
    page = open_page(public_pages[kind, "ru"], version)
    demo.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (demo.DESKTOP, demo.PHONE):
        page.set_viewport_size(demo.viewport(width))
        path = demo.SCREENSHOTS / f"{kind}-{version}-{width}.png"
        page.screenshot(path=path, full_page=True)
        assert path.read_bytes().startswith(b"\x89PNG")
