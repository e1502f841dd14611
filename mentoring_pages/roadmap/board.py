"""The curator's board: which roadmaps a user may change, their events with the board's
filters, and the bulk change of statuses and notes. The admin views (board_admin.py), the
dashboard panel and the reminders call these; the status rules themselves live in
mentoring_pages.roadmap.

Only roadmaps in the site's default (source) language are on the board: their English
translations follow the source each time it is published (home/signals.py)."""

import calendar
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.locks import BasicLock, ScheduledForPublishLock, WorkflowLock
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from mentoring_pages.models import RoadmapEvent, RoadmapPage, RoadmapStage
from mentoring_pages.roadmap import reports, statuses
from mentoring_pages.roadmap.statuses import EventStatus

# The deadline filter's values.
OVERDUE = statuses.OVERDUE
THIS_MONTH = "month"
DUE_SOON = "soon"
# What the reminders list besides overdue events: deadlines in the next week.
REMINDER_DAYS = 7
DASHBOARD_DEADLINES = 5


def editable_roadmaps(user):
    """The roadmap pages in the default language that `user` may edit, in tree order.

    Wagtail's policy narrows the pages to those under the user's "change" permission (or
    "add" and owned) in one query; `can_edit()` then confirms each without another."""
    if not user.is_authenticated or not user.is_active:
        return []
    candidates = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    pages = RoadmapPage.objects.filter(
        locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
        pk__in=candidates.values("pk"),
    ).order_by("path")
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


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
            (page.pk, page.title) for page in pages
        ]
        by_page = defaultdict(list)
        for stage in stages:
            by_page[stage.page_id].append((stage.pk, str(stage)))
        self.fields["stage"].choices = [("", _("All stages"))] + [
            (page.title, by_page[page.pk]) for page in pages if by_page[page.pk]
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


class BulkChangeForm(forms.Form):
    """The selected events, a new status (or none: keep each event's) and a note (empty:
    keep each event's note). Only events of roadmaps the user may edit can be chosen."""

    event = forms.ModelMultipleChoiceField(
        label=_("Events"),
        queryset=RoadmapEvent.objects.none(),
        error_messages={
            "required": _("Select at least one event."),
            "invalid_choice": _("Some of the selected events are not on your board."),
            "invalid_pk_value": _("Some of the selected events are not on your board."),
        },
    )
    new_status = forms.ChoiceField(label=_("New status"), required=False)
    note = forms.CharField(
        label=_("New status note"),
        required=False,
        max_length=RoadmapEvent._meta.get_field("status_note").max_length,
        help_text=_("Replaces the note of each selected event; leave empty to keep the notes."),
    )

    def __init__(self, *args, pages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = RoadmapEvent.objects.filter(page__in=list(pages))
        self.fields["new_status"].choices = [("", _("Keep the status")), *EventStatus.choices]

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("new_status") and not cleaned_data.get("note"):
            raise forms.ValidationError(_("Choose a new status or write a note."))
        return cleaned_data


class ReportForm(forms.Form):
    """Which roadmap and quarter to download the execution report of."""

    page = forms.TypedChoiceField(label=_("Roadmap"), coerce=int)
    quarter = forms.ChoiceField(label=_("Quarter"))

    def __init__(self, *args, pages=(), on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [(page.pk, page.title) for page in pages]
        quarters = reports.report_quarters(pages, on)
        self.fields["quarter"].choices = [(str(q), q.label) for q in quarters]
        default = reports.default_quarter(on)
        self.fields["quarter"].initial = str(default if default in quarters else quarters[0])

    def clean_quarter(self):
        return reports.Quarter.parse(self.cleaned_data["quarter"])


def single_values(params):
    """The query string's parameters given once; `?status=done&status=planned` asks for no
    one thing, and counts as not given, as on the public roadmap page."""
    if params is None:
        return {}
    if not hasattr(params, "getlist"):
        return dict(params)
    return {name: values[0] for name, values in params.lists() if len(values) == 1}


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
        return list(
            RoadmapEvent.objects.filter(page__in=self.pages)
            .select_related("page")
            .order_by("page__path", "sort_order", "pk")
        )

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


# The bulk change


@dataclass
class ChangeResult:
    """What a bulk change did, page by page, for the messages the curator reads."""

    changed_events: int = 0
    unchanged_events: int = 0
    saved: list = field(default_factory=list)  # pages with a new revision
    published: list = field(default_factory=list)
    submitted: list = field(default_factory=list)  # to moderation
    drafts: list = field(default_factory=list)  # neither: left as a draft
    not_live: list = field(default_factory=list)  # not public: saved, still not public
    drafts_published_too: list = field(default_factory=list)  # others' drafts went live
    locked: list = field(default_factory=list)  # (page, reason in words): skipped
    missing: list = field(default_factory=list)  # (page, count): gone from the latest draft


def change_events(user, events, status=None, note=None, on=None):
    """Set the status (if given) and the note (if given) of `events`, page by page.

    Each page touched gets one new revision by `user`, built on its latest revision (so a
    draft in progress is kept), and is then published if the user may publish it, else
    submitted to its moderation workflow, else left as a draft. A page that is not live
    stays a draft: a status does not make a roadmap public. A page locked for the user is
    skipped. `events` must be events of pages the user may edit (the form ensures it)."""
    on = on or statuses.today()
    wanted = defaultdict(set)
    for event in events:
        wanted[event.page_id].add(event.pk)
    result = ChangeResult()
    pages = RoadmapPage.objects.filter(pk__in=wanted).order_by("path")
    for page in pages:
        if not page.permissions_for_user(user).can_edit():
            continue
        lock = page.get_lock()
        if lock and lock.for_user(user):
            result.locked.append((page, lock_reason(page, lock)))
            continue
        with transaction.atomic():
            _change_page(page, wanted[page.pk], user, status, note, on, result)
    return result


def lock_reason(page, lock):
    """Why a locked page was skipped, in words naming the page and, if any, who locked it."""
    if isinstance(lock, BasicLock) and page.locked_by_id:
        return gettext("«%(page)s» was not changed: %(user)s has locked it for editing.") % {
            "page": page.title,
            "user": get_user_display_name(page.locked_by),
        }
    if isinstance(lock, WorkflowLock):
        return gettext(
            "«%(page)s» was not changed: it is awaiting moderation, and only its reviewers may "
            "edit it now."
        ) % {"page": page.title}
    if isinstance(lock, ScheduledForPublishLock):
        return gettext(
            "«%(page)s» was not changed: it is scheduled to be published and locked until then."
        ) % {"page": page.title}
    return gettext("«%(page)s» was not changed: it is locked.") % {"page": page.title}


def _change_page(page, event_pks, user, status, note, on, result):
    had_draft = page.has_unpublished_changes and page.live
    latest = page.get_latest_revision_as_object()
    events = list(latest.events.all())
    found = changed = 0
    for event in events:
        if event.pk not in event_pks:
            continue
        found += 1
        before = (event.status, event.status_note)
        statuses.change_status(event, status or event.status, note or None, on)
        if (event.status, event.status_note) != before:
            changed += 1
    if found < len(event_pks):
        result.missing.append((page, len(event_pks) - found))
    result.unchanged_events += found - changed
    if not changed:
        return
    # Keep the changed objects in memory: the revision is made from them.
    latest.events = events
    if not page.live:
        # As Wagtail's page editor does: a page not live keeps its draft in its rows.
        latest.save(clean=False)
    revision = latest.save_revision(user=user, log_action=True, clean=False)
    result.changed_events += changed
    result.saved.append(latest)

    if not page.live:
        # A roadmap still being prepared (or taken down) does not go public, nor to the
        # moderators, because one of its statuses changed.
        result.not_live.append(latest)
        return
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
        result.published.append(latest)
        if had_draft:
            result.drafts_published_too.append(latest)
        return
    workflow = latest.get_workflow()
    state = latest.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        result.submitted.append(latest)
    elif state:
        # Already awaiting moderation: the reviewers see the new revision.
        result.submitted.append(latest)
    elif workflow:
        workflow.start(latest, user)
        result.submitted.append(latest)
    else:
        result.drafts.append(latest)


def change_messages(result):
    """[(level, text)] reporting `result` in the active language."""
    messages = []

    def titles(pages):
        return ", ".join(f"«{page.title}»" for page in pages)

    if result.saved:
        events = ngettext("%(count)d event", "%(count)d events", result.changed_events) % {
            "count": result.changed_events
        }
        pages = ngettext("on %(count)d page", "on %(count)d pages", len(result.saved)) % {
            "count": len(result.saved)
        }
        parts = [gettext("Saved: %(events)s %(pages)s.") % {"events": events, "pages": pages}]
        if result.published:
            parts.append(gettext("Published: %(pages)s.") % {"pages": titles(result.published)})
        if result.submitted:
            parts.append(
                gettext("Submitted for moderation: %(pages)s.")
                % {"pages": titles(result.submitted)}
            )
        messages.append(("success", " ".join(parts)))
    if result.drafts:
        messages.append(
            (
                "warning",
                gettext(
                    "Left as a draft, not published: %(pages)s. You may not publish these "
                    "pages and they have no moderation workflow; ask someone who may publish "
                    "them."
                )
                % {"pages": titles(result.drafts)},
            )
        )
    if result.not_live:
        messages.append(
            (
                "info",
                gettext("Saved as drafts, since these pages are not published: %(pages)s.")
                % {"pages": titles(result.not_live)},
            )
        )
    if result.drafts_published_too:
        messages.append(
            (
                "warning",
                gettext(
                    "%(pages)s also had unpublished changes in the page editor: they were "
                    "published too."
                )
                % {"pages": titles(result.drafts_published_too)},
            )
        )
    for _page, reason in result.locked:
        messages.append(("error", reason))
    for page, count in result.missing:
        messages.append(
            (
                "warning",
                ngettext(
                    "%(count)d selected event is no longer in the latest version of "
                    "«%(page)s» and was not changed.",
                    "%(count)d selected events are no longer in the latest version of "
                    "«%(page)s» and were not changed.",
                    count,
                )
                % {"count": count, "page": page.title},
            )
        )
    if result.unchanged_events:
        messages.append(
            (
                "info",
                ngettext(
                    "%(count)d selected event already had this status and note.",
                    "%(count)d selected events already had this status and note.",
                    result.unchanged_events,
                )
                % {"count": result.unchanged_events},
            )
        )
    return messages
