"""Coverage of pupils and teachers by mentoring, computed from participation figures.

It is never stored: the figures are the facts, coverage follows from them."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .categories import COUNTED_IN, IndicatorCategory

# The headcount each group's coverage is measured against; young specialists have none
# of their own in the figures, so their coverage is "no data".
HEADCOUNT_FIELD = {
    IndicatorCategory.PUPILS: "pupils_total",
    IndicatorCategory.TEACHERS: "teachers_total",
}


@dataclass(frozen=True)
class Coverage:
    involved: int
    headcount: int

    @property
    def percent(self):
        """Percent with one decimal, or None when there is no headcount to divide by."""
        if not self.headcount:
            return None
        return (Decimal(100 * self.involved) / self.headcount).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )


def involved(figures, category):
    """Participants of one figures row who belong to `category`."""
    counted = COUNTED_IN[category]
    return (figures.mentors if figures.form.mentor_category in counted else 0) + (
        figures.mentees if figures.form.mentee_category in counted else 0
    )


def coverage_by_year(figures_rows):
    """{(category, year): Coverage} from figures rows that carry their `form`.

    A pupil in two forms is counted twice: the figures are aggregates and cannot tell.
    The year's headcount is the largest one entered on its rows, so a row left at 0 does
    not hide the others."""
    totals = defaultdict(int)
    headcounts = defaultdict(int)
    for row in figures_rows:
        for category in IndicatorCategory:
            key = (category.value, row.year)
            totals[key] += involved(row, category)
            field = HEADCOUNT_FIELD.get(category)
            if field:
                headcounts[key] = max(headcounts[key], getattr(row, field))
    return {key: Coverage(totals[key], headcounts[key]) for key in totals}


@dataclass(frozen=True)
class IndicatorRow:
    indicator: object
    coverage: Coverage | None

    @property
    def coverage_percent(self):
        return self.coverage.percent if self.coverage else None


def indicator_rows(programme):
    """The programme's targets with their actual values and computed coverage: two
    queries whatever the number of years and forms."""
    figures = programme.participation.select_related("form")
    coverage = coverage_by_year(figures)
    return [
        IndicatorRow(indicator, coverage.get((indicator.category, indicator.year)))
        for indicator in programme.indicators.all()
    ]
