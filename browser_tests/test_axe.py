"""axe-core on every public page type, in both languages and every version of the site:
no violation of the WCAG 2.0/2.1 A and AA rules."""

from pathlib import Path

import pytest

from browser_tests import demo

AXE_SCRIPT = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """axe-core's violations of the WCAG tags on `page`, injected into it for the test."""
    page.add_script_tag(path=AXE_SCRIPT)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return result["violations"]


def describe(violations):
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
        + "\n".join(
            f"    {node['target']} {node['failureSummary']}" for node in violation["nodes"][:5]
        )
        for violation in violations
    )


def test_no_wcag_violations(open_page, public_page, version):
    page = open_page(public_page, version)
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("scheme", demo.OTHER_SCHEMES)
@pytest.mark.parametrize("kind", demo.PAGE_KINDS)
def test_other_colour_schemes(open_page, public_pages, kind, scheme):
    """The accessible version's other colour schemes, in Russian: the rules that depend on
    colour (contrast, links told apart from text) hold in each."""
    violations = axe_violations(open_page(public_pages[kind, "ru"], scheme))
    assert not violations, describe(violations)
