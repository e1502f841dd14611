"""Turn a roadmap read from a document into the stages and events of a RoadmapPage, with
each deadline parsed into dates. Used by the admin import, the command line and the demo."""

from mentoring_pages.deadlines import parse_deadline
from mentoring_pages.models import RoadmapEvent, RoadmapStage


def stage_numbers(imported):
    """A unique number per stage: its own where it has one, else its position."""
    numbers, seen = [], set()
    for position, stage in enumerate(imported.stages, start=1):
        number = stage.number.strip() if stage.number.strip() not in seen else ""
        number = number or str(position)
        while number in seen:
            number = f"{number}*"
        seen.add(number)
        numbers.append(number)
    return numbers


def fill_roadmap(page, imported):
    """Replace `page`'s stages and events (in memory: saving a revision writes them).

    A month without a year takes the year of the event before it, or the roadmap's first."""
    stages, events = [], []
    year = page.first_year
    for stage, number in zip(imported.stages, stage_numbers(imported), strict=True):
        stages.append(RoadmapStage(locale=page.locale, number=number, title=stage.title))
        for item in stage.events:
            deadline = parse_deadline(item.deadline_text, default_year=year)
            known = deadline.end or deadline.start
            year = known.year if known else year
            events.append(
                RoadmapEvent(
                    locale=page.locale,
                    stage_number=number,
                    number=item.number,
                    title=item.title,
                    deadline_text=item.deadline_text,
                    start=deadline.start,
                    end=deadline.end,
                    recurrence=deadline.recurrence,
                    responsible=item.responsible,
                    expected_result=item.expected_result,
                    indicator=item.indicator,
                )
            )
    page.stages = stages
    page.events = events
    return page
