"""The rules of a roadmap event's status: the one place that says what "overdue", "due
soon" and progress mean. Pages, feeds, exports and the curator's board call these."""

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


# Events that no longer wait for anything: never overdue, and cancelled ones do not count
# towards progress.
CLOSED = {EventStatus.DONE, EventStatus.CANCELLED}
OVERDUE = "overdue"  # a filter value next to the statuses; derived, never stored
OVERDUE_LABEL = _("overdue")

# What a visitor may filter a roadmap's events by: a stored status, or overdue.
STATUS_FILTERS = (*EventStatus.values, OVERDUE)

DUE_SOON_DAYS = 30


def today():
    """Today in the school's time zone (settings.TIME_ZONE): a deadline passes at local
    midnight, not at UTC's."""
    return timezone.localdate()


def school_year(on=None):
    """The calendar year the school year of `on` (today) began in: school years begin on
    1 September."""
    on = on or today()
    return on.year if on.month >= 9 else on.year - 1


def is_finished(last_year, on=None):
    """Whether a roadmap running until `last_year` is over, and so archive: its last school
    year (the one ending in `last_year`) ended before the current one began."""
    return last_year <= school_year(on)


def current_roadmaps(on=None):
    """A filter for the roadmaps not finished (is_finished), for a query of them."""
    return models.Q(last_year__gt=school_year(on))


def is_overdue(status, end, on=None):
    """The end date has passed (the end day itself still counts as in time) and the event
    is neither done nor cancelled. An event without an end date is never overdue."""
    return status not in CLOSED and end is not None and end < (on or today())


def overdue_events(on=None, prefix=""):
    """The database's filter for is_overdue, for events reached through `prefix`."""
    return models.Q(**{f"{prefix}end__lt": on or today()}) & ~models.Q(
        **{f"{prefix}status__in": CLOSED}
    )


def counted_events(prefix=""):
    """The database's filter for the events `progress` counts, reached through `prefix`."""
    return ~models.Q(**{f"{prefix}status": EventStatus.CANCELLED})


def is_due_soon(status, end, on=None, days=DUE_SOON_DAYS):
    on = on or today()
    return status not in CLOSED and end is not None and on <= end <= on + datetime.timedelta(days)


def display_status(status, end, on=None):
    """The status a visitor sees: overdue stands in for planned or in progress."""
    return OVERDUE if is_overdue(status, end, on) else status


def status_label(value):
    """The words for a status or for OVERDUE, in the active language."""
    return OVERDUE_LABEL if value == OVERDUE else EventStatus(value).label


def status_filter(values):
    """The filter a query string asks for, given its list of `status` values: one value of
    STATUS_FILTERS, or "" (all events) for none, several or an unknown one."""
    if len(values) == 1 and values[0] in STATUS_FILTERS:
        return values[0]
    return ""


def matches(status, end, wanted, on=None):
    """Whether an event with `status` and `end` is shown by the filter `wanted`."""
    if wanted == OVERDUE:
        return is_overdue(status, end, on)
    return not wanted or status == wanted


def change_status(event, status, note=None, on=None):
    """Set an event's status (and note), recording the day it changed."""
    if status != event.status:
        event.status = status
        event.status_changed_at = on or today()
    if note is not None:
        event.status_note = note


class EventState(NamedTuple):
    """What the rules here need to know of an event, without the event."""

    status: str
    end: datetime.date | None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    overdue: int

    @property
    def percent(self):
        """Whole percent done, rounded down: 100 only when every event is done."""
        return 100 * self.done // self.total if self.total else 0


def progress(events, on=None):
    """Done of all (cancelled left out) and how many are overdue."""
    on = on or today()
    events = list(events)
    counts = Counter(event.status for event in events)
    return Progress(
        done=counts[EventStatus.DONE],
        total=sum(counts.values()) - counts[EventStatus.CANCELLED],
        overdue=sum(1 for event in events if is_overdue(event.status, event.end, on)),
    )
