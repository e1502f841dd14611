"""A visually impaired visitor, without JavaScript: the header's link leads to the
settings, the form switches the whole site to the largest font, white on black, hidden
images and wide letter spacing, and a link brings the normal version back."""

from django.utils.translation import gettext

from browser_tests import demo
from home import accessibility

MAXIMUM = demo.VERSIONS["accessible"][0]["value"]


def site_version(page):
    """The a11y cookie's value, or None in the normal version."""
    cookies = page.context.cookies()
    return next((c["value"] for c in cookies if c["name"] == accessibility.COOKIE_NAME), None)


def test_switching_to_the_accessible_version_and_back(new_context, public_pages):
    news = public_pages["news-index", "ru"]
    page = new_context(java_script_enabled=False).new_page()
    page.goto(news.url)

    page.get_by_role("link", name=gettext("Version for the visually impaired")).click()
    maximum = accessibility.parse(MAXIMUM)
    for setting in accessibility.SETTINGS:
        label = dict(setting.choices)[getattr(maximum, setting.name)]
        fieldset = page.get_by_role("group", name=str(setting.label))
        fieldset.get_by_role("radio", name=str(label)).check()
    page.get_by_role(
        "button", name=gettext("Switch to the version for the visually impaired")
    ).click()

    page.wait_for_url(news.url)
    assert site_version(page) == MAXIMUM
    assert page.locator("html").get_attribute("class") == maximum.html_class
    assert page.locator("main img").count() == 0, "Images are hidden: their alt text shows."
    page.get_by_role("link", name=gettext("Normal version")).click()
    page.wait_for_url(news.url)
    assert site_version(page) is None
    assert page.locator("html.a11y").count() == 0
