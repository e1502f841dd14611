"""The rules of a roadmap event's status: the one place that says what "overdue", "due
soon" and progress mean. Pages, feeds, exports and the curator's board call these."""

import datetime
from collections import Counter
from dataclasses import dataclass

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

DUE_SOON_DAYS = 30


def today():
    """Today in the school's time zone (settings.TIME_ZONE): a deadline passes at local
    midnight, not at UTC's."""
    return timezone.localdate()


def is_overdue(status, end, on=None):
    return status not in CLOSED and end is not None and end < (on or today())


def is_due_soon(status, end, on=None, days=DUE_SOON_DAYS):
    on = on or today()
    return status not in CLOSED and end is not None and on <= end <= on + datetime.timedelta(days)


def change_status(event, status, note=None, on=None):
    """Set an event's status (and note), recording the day it changed."""
    if status != event.status:
        event.status = status
        event.status_changed_at = on or today()
    if note is not None:
        event.status_note = note


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    overdue: int

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def progress(events, on=None):
    """Done of all (cancelled left out) and how many are overdue."""
    on = on or today()
    counts = Counter(event.status for event in events)
    return Progress(
        done=counts[EventStatus.DONE],
        total=sum(counts.values()) - counts[EventStatus.CANCELLED],
        overdue=sum(1 for event in events if is_overdue(event.status, event.end, on)),
    )
