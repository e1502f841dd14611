"""The bulk change of statuses and notes from the board: one new revision per roadmap
touched, then published, sent to moderation or left as a draft; locked pages are skipped.
And the messages that tell the curator what happened, page by page."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext, ngettext
from wagtail.admin.utils import get_user_display_name
from wagtail.locks import BasicLock, ScheduledForPublishLock, WorkflowLock
from wagtail.models import WorkflowState

from home.publishing import save_draft
from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import statuses


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
    revision = save_draft(latest, user, clean=False)
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
