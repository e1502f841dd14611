"""What a school's staff see in Wagtail's own admin views, which know nothing of schools:
the rules that narrow them to the user's schools (programmes.schools says which), wired by
home.wagtail_hooks and, for the views no hook reaches, by subclasses served at Wagtail's own
addresses (`admin_urlpatterns`, ahead of Wagtail's in site_project.urls). The explorer, the
page search, images, documents, form submissions and the page reports' rows are already
narrowed by the school's page and collection permissions; what those leave open (the page
chooser, the reports' filters, the site history's records, the bulk actions' refusals) is
closed here."""

from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import ModelLogEntry, Page, Site, Task, Workflow
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from programmes.school_records import SCHOOL_LOOKUPS, read_by
from programmes.schools import pages_of, schools_of, sees_every_school
from site_project.record_ids import record_id, record_ids


def pages_in_users_schools(pages, request):
    """Page choosers (browsing and search) list every site's pages: only the pages of the
    user's schools are offered."""
    if sees_every_school(request.user):
        return pages
    return pages.filter(pages_of(schools_of(request.user)))


class SchoolBrowseView(BrowseView):
    """The page chooser opened on a page: another school's page is not found (its title
    would head the list); the tree's root, above every school, opens."""

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not sees_every_school(request.user):
            allowed = Page.objects.filter(pages_of(schools_of(request.user))) | Page.objects.filter(
                depth=1
            )
            if not allowed.filter(pk=parent_page_id).exists():
                raise Http404
        return super().get(request, parent_page_id)


class SchoolChosenMultipleView(ChosenMultipleView):
    """The pages a chooser returns, by id: only the user's schools' (another school's draft
    mentor would be named); an id that names no page is left out, not a 500."""

    def get(self, request):
        # Not the tree's root, which has no parent to name.
        pages = Page.objects.filter(pk__in=record_ids(request.GET.getlist("id")), depth__gt=1)
        request.GET = request.GET.copy()
        request.GET.setlist(
            "id",
            [str(pk) for pk in pages_in_users_schools(pages, request).values_list("pk", flat=True)],
        )
        return super().get(request)


def other_schools_records(user):
    """A filter for the log entries of records (a programme, a consent…) of the schools
    `user` does not read: Wagtail shows a snippet's log to whoever has a permission on its
    model, whatever the record."""
    hidden = Q()
    for label in SCHOOL_LOOKUPS:
        model = apps.get_model(label)
        readable = read_by(user, model.objects.all()).values_list(
            Cast("pk", output_field=CharField()), flat=True
        )
        hidden |= Q(content_type=ContentType.objects.get_for_model(model)) & ~Q(
            object_id__in=readable
        )
    return hidden


def schools_choices(user):
    """{a listing filter's name: its choices among the user's schools}: Wagtail's reports
    and page listings offer every workflow, task, user and site of the installation to
    filter by."""
    schools = schools_of(user)
    workflows = Workflow.objects.filter(pk__in=schools.values("moderation_workflow"))
    people = get_user_model().objects.filter(groups__school_role__school__in=schools).distinct()
    homes = Page.objects.filter(pages_of(schools), depth=2)
    return {
        "owner": people,
        "edited_by": people,
        "site": Site.objects.filter(root_page__in=homes),
        "workflow": workflows,
        "task": Task.objects.filter(workflow_tasks__workflow__in=workflows).distinct(),
        "requested_by": people,
        "user": people,
        "locked_by": people,
    }


def with_school_choices(filterset_class):
    """`filterset_class` whose choices of workflows, tasks and people are the user's
    schools'."""

    class SchoolFilterSet(filterset_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if sees_every_school(self.request.user):
                return
            for name, choices in schools_choices(self.request.user).items():
                if name in self.filters:
                    self.filters[name].queryset = choices

    return SchoolFilterSet


class SchoolWorkflowView(WorkflowView):
    filterset_class = with_school_choices(WorkflowView.filterset_class)


class SchoolWorkflowTasksView(WorkflowTasksView):
    filterset_class = with_school_choices(WorkflowTasksView.filterset_class)


class SchoolLockedPagesView(LockedPagesView):
    filterset_class = with_school_choices(LockedPagesView.filterset_class)


class SchoolPageViewSet(PageViewSet):
    """Wagtail's views of pages, their explorer's filters («Владелец», «Кем изменено»,
    «Сайт») offering the user's schools' people and sites."""

    filterset_class = with_school_choices(GenericPageFilterSet)


class SchoolFormPagesListView(FormPagesListView):
    """The list of forms, its filters as the explorer's."""

    filterset_class = with_school_choices(FormPagesListView.filterset_class)


class SchoolLogEntriesView(LogEntriesView):
    """The site history without the records of other schools (pages are already limited
    to those the user may explore)."""

    filterset_class = with_school_choices(LogEntriesView.filterset_class)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry and not sees_every_school(self.request.user):
            queryset = queryset.exclude(other_schools_records(self.request.user))
        return queryset


class EverySchoolsPageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's page types report counts every site's pages and names the latest edited
    page of each type, whichever school's: for those who see every school only."""

    def user_has_any_permission(self, permissions):
        return sees_every_school(self.request.user) and super().user_has_any_permission(permissions)


# Whatever a user may do with an object tells that they may know it exists.
ANY_ACTION = {"add", "change", "delete", "choose", "view", "publish", "lock", "unlock"}


def known_to(user, model):
    """The objects of `model` whose existence `user` may know of: the pages they may explore,
    and the others their permission policy lets them do anything with."""
    if issubclass(model, Page):
        return PagePermissionPolicy().explorable_instances(user)
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ANY_ACTION
    )


class KnownRefusalsOnly:
    """Wagtail's bulk actions list by title every object they are sent that the user may not
    act on, whoever's it is: another school's pages, pictures and signed consents among
    them. Only those the user may know of are listed."""

    def get_actionable_objects(self):
        objects, refused = super().get_actionable_objects()
        listed = [item.pk for item in refused["items_with_no_access"]]
        known = set(
            known_to(self.request.user, self.model)
            .filter(pk__in=listed)
            .values_list("pk", flat=True)
        )
        # The rest of `refused` is what an action checks besides (a move's destination).
        return objects, {
            **refused,
            "items_with_no_access": [
                item for item in refused["items_with_no_access"] if item.pk in known
            ],
        }


@cache
def narrowed(action_class):
    return type(action_class.__name__, (KnownRefusalsOnly, action_class), {})


def bulk_action(request, app_label, model_name, action):
    """Wagtail's /admin/bulk/… with its actions narrowed to what the user may know of."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    # An id that names no record (only "all" names every one in the listing) is not found,
    # nor is a listing of pages under no page.
    ids = [value for value in request.GET.getlist("id") if value != "all"]
    parent = request.GET.get("childOf")
    no_parent = parent is not None and not Page.objects.filter(pk=record_id(parent)).exists()
    if action_class is None or len(record_ids(ids)) < len(ids) or no_parent:
        raise Http404
    return narrowed(action_class)(request, model).dispatch(request)


def hide_page_types_usage(request, menu_items):
    """construct_reports_menu: the page types report only for those who may open it."""
    if not sees_every_school(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


def admin_view(view):
    """`view` served as Wagtail serves its own admin views: to staff only, never cached."""
    return never_cache(require_admin_access(view))


admin_urlpatterns = [
    path("forms/", admin_view(SchoolFormPagesListView.as_view())),
    path(
        "forms/results/",
        admin_view(SchoolFormPagesListView.as_view(results_only=True)),
    ),
    path(
        "choose-page/<int:parent_page_id>/",
        admin_view(SchoolBrowseView.as_view()),
        name="wagtailadmin_choose_page_child",
    ),
    path(
        "choose-page/chosen-multiple/",
        admin_view(SchoolChosenMultipleView.as_view()),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path(
        "bulk/<str:app_label>/<str:model_name>/<str:action>/",
        admin_view(bulk_action),
        name="wagtail_bulk_action",
    ),
    *(
        path(f"reports/{address}", admin_view(view.as_view(**kwargs)))
        for prefix, view in [
            ("site-history/", SchoolLogEntriesView),
            ("workflow/", SchoolWorkflowView),
            ("workflow_tasks/", SchoolWorkflowTasksView),
            ("locked/", SchoolLockedPagesView),
            ("page-types-usage/", EverySchoolsPageTypesUsageView),
        ]
        for address, kwargs in [(prefix, {}), (f"{prefix}results/", {"results_only": True})]
    ),
]
