"""What the board lists for a user and a query string, and the deadlines the dashboard
panel and the daily reminders list: the events of the roadmaps the user may edit."""

from dataclasses import dataclass

from django.utils.functional import cached_property

from mentoring_pages.models import RoadmapEvent, RoadmapStage
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.filters import BoardFilterForm, deadline_matches, single_values
from mentoring_pages.roadmap.board.permissions import editable_roadmaps

# What the reminders list besides overdue events: deadlines in the next week.
REMINDER_DAYS = 7
DASHBOARD_DEADLINES = 5


@dataclass(frozen=True)
class Row:
    event: RoadmapEvent
    stage: RoadmapStage | None


class Board:
    """Everything the board shows `user` for the query string `params`: a fixed number of
    queries (the user's permissions, the pages, their stages, their events) whatever the
    number of events."""

    def __init__(self, user, params=None, pages=None, on=None):
        self.user = user
        self.on = on or statuses.today()
        self.pages = editable_roadmaps(user) if pages is None else pages
        stages = RoadmapStage.objects.filter(page__in=self.pages)
        order = {page.pk: index for index, page in enumerate(self.pages)}
        self.stages = sorted(stages, key=lambda stage: (order[stage.page_id], stage.sort_order))
        self.filter_form = BoardFilterForm(
            single_values(params), pages=self.pages, stages=self.stages, auto_id="board-filter-%s"
        )

    @cached_property
    def filters(self):
        """The valid filters of the query string; a bad one counts as not given."""
        form = self.filter_form
        form.is_valid()
        return {name: value for name, value in form.cleaned_data.items() if value}

    @property
    def shown_filter_form(self):
        """The filters as applied, for the page: bad values show as "all", not as errors."""
        return BoardFilterForm(
            dict(self.filters),
            pages=self.pages,
            stages=self.stages,
            auto_id="board-filter-%s",
        )

    @cached_property
    def all_events(self):
        events = list(
            RoadmapEvent.objects.filter(page__in=self.pages).order_by(
                "page__path", "sort_order", "pk"
            )
        )
        # The board's own pages, which carry their `board_title`.
        pages = {page.pk: page for page in self.pages}
        for event in events:
            event.page = pages[event.page_id]
        return events

    @cached_property
    def events(self):
        filters = self.filters
        stage = next((s for s in self.stages if s.pk == filters.get("stage")), None)
        responsible = filters.get("responsible", "").casefold()
        return [
            event
            for event in self.all_events
            if (not filters.get("roadmap") or event.page_id == filters["roadmap"])
            and (not stage or (event.page_id, event.stage_number) == (stage.page_id, stage.number))
            and (not filters.get("status") or event.status == filters["status"])
            and deadline_matches(event, filters.get("deadline"), self.on)
            # In Python, not the database: SQLite's LIKE ignores the case of ASCII only.
            and responsible in event.responsible.casefold()
        ]

    @cached_property
    def rows(self):
        stages = {(stage.page_id, stage.number): stage for stage in self.stages}
        return [
            Row(event, stages.get((event.page_id, event.stage_number))) for event in self.events
        ]

    @property
    def is_filtered(self):
        return bool(self.filters)


def dashboard_summary(pages, on=None, limit=DASHBOARD_DEADLINES):
    """(overdue count, the next `limit` deadlines still to meet) of the pages' events."""
    on = on or statuses.today()
    events = RoadmapEvent.objects.filter(page__in=list(pages), end__isnull=False).select_related(
        "page"
    )
    overdue = 0
    upcoming = []
    for event in events:
        if statuses.is_overdue(event.status, event.end, on):
            overdue += 1
        elif event.status not in statuses.CLOSED and event.end >= on:
            upcoming.append(event)
    upcoming.sort(key=lambda event: (event.end, event.page.path, event.sort_order))
    return overdue, upcoming[:limit]


def reminder_events(pages, on=None, days=REMINDER_DAYS):
    """(overdue, due in the next `days` days) events of the pages, each by deadline."""
    on = on or statuses.today()
    events = RoadmapEvent.objects.filter(page__in=list(pages), end__isnull=False).select_related(
        "page"
    )
    overdue, due = [], []
    for event in events:
        if statuses.is_overdue(event.status, event.end, on):
            overdue.append(event)
        elif statuses.is_due_soon(event.status, event.end, on, days=days):
            due.append(event)

    def order(event):
        return (event.end, event.page.path, event.sort_order)

    return sorted(overdue, key=order), sorted(due, key=order)
