"""The board's filters: the form that reads them from the query string, and which events
each deadline choice keeps."""

import calendar
from collections import defaultdict

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import EventStatus

# The deadline filter's values.
OVERDUE = statuses.OVERDUE
THIS_MONTH = "month"
DUE_SOON = "soon"


def is_due_this_month(status, end, on):
    """Still to be done (not done or cancelled) and due in `on`'s calendar month, including
    the days of it already past: an event overdue since the 3rd is due this month too."""
    first = on.replace(day=1)
    days_in_month = calendar.monthrange(on.year, on.month)[1]
    return statuses.is_due_soon(status, end, on=first, days=days_in_month - 1)


def deadline_matches(event, deadline, on):
    if deadline == OVERDUE:
        return statuses.is_overdue(event.status, event.end, on)
    if deadline == THIS_MONTH:
        return is_due_this_month(event.status, event.end, on)
    if deadline == DUE_SOON:
        return statuses.is_due_soon(event.status, event.end, on)
    return True


def single_values(params):
    """The query string's parameters given once; `?status=done&status=planned` asks for no
    one thing, and counts as not given, as on the public roadmap page."""
    if params is None:
        return {}
    if not hasattr(params, "getlist"):
        return dict(params)
    return {name: values[0] for name, values in params.lists() if len(values) == 1}


class BoardFilterForm(forms.Form):
    """The board's filters, read from the query string. A bad value of one filter is
    dropped (`Board.filters`) and the others still apply: never an error page."""

    roadmap = forms.TypedChoiceField(
        label=_("Roadmap"), required=False, coerce=int, empty_value=None
    )
    stage = forms.TypedChoiceField(label=_("Stage"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    deadline = forms.ChoiceField(label=_("Deadline"), required=False)
    responsible = forms.CharField(
        label=_("Responsible contains"), required=False, max_length=200, strip=True
    )

    def __init__(self, *args, pages=(), stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roadmap"].choices = [("", _("All roadmaps"))] + [
            (page.pk, page.board_title) for page in pages
        ]
        by_page = defaultdict(list)
        for stage in stages:
            by_page[stage.page_id].append((stage.pk, str(stage)))
        self.fields["stage"].choices = [("", _("All stages"))] + [
            (page.board_title, by_page[page.pk]) for page in pages if by_page[page.pk]
        ]
        self.fields["status"].choices = [("", _("Any status")), *EventStatus.choices]
        self.fields["deadline"].choices = [
            ("", _("Any deadline")),
            (OVERDUE, statuses.OVERDUE_LABEL),
            (THIS_MONTH, _("due this month")),
            (
                DUE_SOON,
                ngettext(
                    "due in the next %(days)d day",
                    "due in the next %(days)d days",
                    statuses.DUE_SOON_DAYS,
                )
                % {"days": statuses.DUE_SOON_DAYS},
            ),
        ]
