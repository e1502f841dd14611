"""Each public page with the keyboard only: the first Tab reaches the skip link, Tab after
Tab reaches every link and control, each with a visible focus indicator, and Enter on the
skip link moves the focus to the main content (WCAG 2.1.1, 2.4.1, 2.4.7)."""

# Marks every element a keyboard user must be able to reach, in document order, keeps how
# each looks unfocused, and records the focus as it moves. Radio buttons of one group are
# one stop of the Tab key.
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
    // Each element the focus comes to, as it comes: its stop, whether it is the skip link,
    // and whether it shows a focus indicator it does not show unfocused.
    const unfocused = new Map(reachable.map(element => [element, look(element)]));
    const focused = [];
    document.addEventListener("focusin", event => {
        const element = event.target;
        const style = getComputedStyle(element);
        const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        focused.push({
            stop: element.dataset.keyboardStop || null,
            html: element.outerHTML.slice(0, 120),
            skipLink: element.matches(".skip-link"),
            indicated: (outlined || style.boxShadow !== "none") && look(element) !== unfocused.get(element),
        });
    });
    window.keyboardTest = {focused};
    return stops;
}"""


def test_keyboard_reaches_everything_with_visible_focus(open_page, public_page, version):
    page = open_page(public_page, version)
    stops = page.evaluate(MARK_REACHABLE)
    # Past the last control the focus leaves the page, and the next Tab brings it back
    # round to the first one.
    for _ in range(len(stops) + 3):
        page.keyboard.press("Tab")
    focused = page.evaluate("() => window.keyboardTest.focused")

    assert focused[0]["skipLink"], f"The first Tab focused {focused[0]['html']}."
    assert any(stop["skipLink"] for stop in focused[1:]), "Tab never came back round."
    round_trip = focused[: next(i for i, stop in enumerate(focused) if i and stop["skipLink"])]
    reached = {stop["stop"] for stop in round_trip}
    assert not [html for stop, html in stops.items() if stop not in reached]
    assert not [stop["html"] for stop in round_trip if not stop["indicated"]], "No visible focus"

    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('main')"), "Enter: focus not on <main>"
    assert page.url.endswith("#main")
