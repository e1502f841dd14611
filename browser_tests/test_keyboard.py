"""Each public page with the keyboard only: the first Tab reaches the skip link, Tab after
Tab reaches every link and control, each with a visible focus indicator, and Enter on the
skip link moves the focus to the main content (WCAG 2.1.1, 2.4.1, 2.4.7)."""

# Marks every element a keyboard user must be able to reach, in document order, and keeps
# how each looks unfocused. Radio buttons of one group are one stop of the Tab key.
MARK_REACHABLE = """() => {
    const focusable = "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable=true]";
    const look = element => {
        const style = getComputedStyle(element);
        return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow].join(" ");
    };
    const stop = element => element.type === "radio" && element.name ? "radio " + element.name : null;
    const reachable = [...document.querySelectorAll(focusable)].filter(element =>
        element.tabIndex >= 0 && !element.disabled && element.type !== "hidden"
        && !element.closest("[inert]") && element.checkVisibility({visibilityProperty: true}));
    const stops = {};
    reachable.forEach((element, index) => {
        const key = stop(element) || String(index);
        element.dataset.keyboardStop = key;
        stops[key] = element.outerHTML.slice(0, 120);
    });
    window.keyboardTest = {
        unfocused: new Map(reachable.map(element => [element, look(element)])),
        look,
    };
    return stops;
}"""

# The focused element: its stop, whether it is the skip link or the main content, and
# whether it shows a focus indicator that it does not show unfocused.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== "none";
    const {unfocused, look} = window.keyboardTest;
    return {
        stop: element.dataset.keyboardStop || null,
        html: element.outerHTML.slice(0, 120),
        skipLink: element.matches(".skip-link"),
        main: element.matches("main"),
        indicated: (outlined || shadowed) && look(element) !== unfocused.get(element),
    };
}"""


def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def test_keyboard_reaches_everything_with_visible_focus(open_page, public_page, version):
    page = open_page(public_page, version)
    stops = page.evaluate(MARK_REACHABLE)

    first = tab(page)
    assert first and first["skipLink"], f"The first Tab focused {first}, not the skip link."
    reached, unindicated = {first["stop"]}, []
    # Tab on past the last control, out of the page and back to the skip link.
    for _ in range(2 * len(stops) + 10):
        focused = tab(page)
        if focused is None:
            continue
        if focused["skipLink"]:
            break
        reached.add(focused["stop"])
        if not focused["indicated"]:
            unindicated.append(focused["html"])
    else:
        raise AssertionError("Tab never came back round to the skip link.")

    assert not [html for stop, html in stops.items() if stop not in reached]
    assert not unindicated, "Focused without a visible indicator"
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["main"], "Enter on the skip link did not focus <main>."
    assert page.url.endswith("#main")
