"""axe-core on every public page type, in both languages and every version of the site:
no violation of the WCAG 2.0/2.1 A and AA rules."""

import pytest

from browser_tests import axe, demo


def test_no_wcag_violations(open_page, public_page, version):
    violations = axe.violations(open_page(public_page, version))
    assert not violations, axe.describe(violations)


@pytest.mark.parametrize("scheme", demo.OTHER_SCHEMES)
@pytest.mark.parametrize("kind", demo.PAGE_KINDS)
def test_other_colour_schemes(open_page, public_pages, kind, scheme):
    """The accessible version's other colour schemes, in Russian: the rules that depend on
    colour (contrast, links told apart from text) hold in each."""
    violations = axe.violations(open_page(public_pages[kind, "ru"], scheme))
    assert not violations, axe.describe(violations)
