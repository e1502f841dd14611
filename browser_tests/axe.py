"""axe-core, from the npm package installed beside the tests, injected into a page only
by the tests: never served to visitors."""

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page):
    """axe-core's violations of WCAG 2.0 and 2.1 A and AA on `page`, as it is now."""
    # Evaluated by the browser's DevTools, which the page's Content-Security-Policy does not
    # govern: a <script> added to the page would be refused as inline.
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def describe(found):
    """The violations for a failing test's message: each rule and its first elements."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"    {node['target']} {node['failureSummary']}" for node in violation["nodes"][:5]
        )
        for violation in found
    )
