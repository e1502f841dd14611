"""The page editor at a laptop's 1366 px: every label of a form is seen whole, and no
field sticks out of the editor."""

from django.urls import reverse

from browser_tests import demo
from programmes.roles import EDITOR

# The labels of the open tab that are cut: wider than their box, or past the viewport.
CUT_LABELS = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("label.w-field__label")]
        .filter(label => label.offsetParent !== null)
        .filter(label => label.scrollWidth > label.clientWidth + 1
            || label.getBoundingClientRect().right > width + 0.5)
        .map(label => label.textContent.trim());
}"""


def test_the_case_editor_shows_every_label_whole(logged_in, public_pages):
    case = public_pages["case", "ru"]
    editor = logged_in(EDITOR)

    editor.goto(reverse("wagtailadmin_pages:edit", args=[case.page_id]))

    assert editor.locator("label[for=id_duration]").is_visible()
    assert editor.evaluate(CUT_LABELS) == []
    assert editor.evaluate("() => document.documentElement.scrollWidth") <= demo.DESKTOP
