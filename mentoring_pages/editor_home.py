"""The editor's home in the admin: a dashboard panel to start a news item, a case or a
mentor's profile where the user may write them, their own drafts, and what a moderator sent
back to them for changes. Pages waiting for moderation are in Wagtail's own panel above."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.admin_views import DashboardPanel
from mentoring_pages.models import CaseIndexPage, MentorIndexPage, NewsIndexPage

# What an editor writes: (the index it goes under, the page type, the button's words).
WRITING = [
    (NewsIndexPage, "newspage", _("Write a news item")),
    (CaseIndexPage, "casepage", _("Describe a case")),
    (MentorIndexPage, "mentorpage", _("Add a mentor's profile")),
]
SHOWN = 10


def add_links(user):
    """[(words, address of the new page's form)] under the indexes in the site's source
    language that `user` may add to (translations follow through wagtail-localize)."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    links = []
    for index_model, page_type, words in WRITING:
        for index in index_model.objects.filter(locale__language_code=language):
            if index.permissions_for_user(user).can_add_subpage():
                url = reverse(
                    "wagtailadmin_pages:add", args=("mentoring_pages", page_type, index.pk)
                )
                links.append((words, url))
    return links


def latest_workflow_states(**filters):
    """{page id: status of its latest workflow} of the pages whose workflow states match
    `filters`."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), **filters
    )
    latest = {}
    for object_id, status in states.order_by("created_at").values_list("object_id", "status"):
        latest[int(object_id)] = status
    return latest


def changeable_by(user):
    """The pages `user` may still change: not those of a school they have left."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def returned_for_changes(user):
    """The pages a moderator sent back to `user`, still waiting for their changes."""
    latest = latest_workflow_states(requested_by=user)
    ids = [pk for pk, status in latest.items() if status == WorkflowState.STATUS_NEEDS_CHANGES]
    returned = changeable_by(user).filter(pk__in=ids)
    return list(returned.order_by("-latest_revision_created_at")[:SHOWN])


def drafts_of(user):
    """`user`'s pages with changes neither published nor in moderation (nor sent back):
    what they last edited themselves, newest first."""
    edited = list(
        changeable_by(user)
        .filter(latest_revision__user=user, has_unpublished_changes=True)
        .order_by("-latest_revision_created_at")[: SHOWN * 5]
    )
    latest = latest_workflow_states(object_id__in=[str(page.pk) for page in edited])
    busy = {WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES}
    return [page for page in edited if latest.get(page.pk) not in busy][:SHOWN]


class EditorHomePanel(DashboardPanel):
    name = "editor_home"
    template_name = "mentoring_pages/admin/editor_home_panel.html"
    order = 80  # first: what the editor came to do


def add_editor_home_panel(request, panels):
    links = add_links(request.user)
    if links:
        panels.append(
            EditorHomePanel(
                add_links=links,
                drafts=drafts_of(request.user),
                returned=returned_for_changes(request.user),
            )
        )
