"""The curator's board in the admin: «Дорожные карты: статусы», the events of every roadmap
the user may edit with their statuses, changed for one or many events at once; its menu
item, its panel on the dashboard and the quarterly report's download. Who may use it is
decided in permissions.py, what a change does in changes.py."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mentoring_pages.roadmap import import_views, report_files, reports
from mentoring_pages.roadmap.board import changes, filters, listing
from mentoring_pages.roadmap.board.forms import BulkChangeForm, ReportForm
from mentoring_pages.roadmap.board.permissions import board_roadmaps_for_request

BOARD_URL_NAME = "mentoring_pages_board"
REPORT_URL_NAME = "mentoring_pages_board_report"
REPORT_FORM_ID = "board-report-%s"


class BoardAccessMixin:
    """Only for users with roadmaps on their board; a change only for those who may edit
    them. Anyone else gets Wagtail's "permission denied" (a redirect to the dashboard with
    a message)."""

    def dispatch(self, request, *args, **kwargs):
        roadmaps = board_roadmaps_for_request(request)
        self.pages, self.read_only = roadmaps.pages, roadmaps.read_only
        if not self.pages or (self.read_only and request.method == "POST"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BoardView(BoardAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "mentoring_pages/admin/board.html"
    page_title = _("Roadmaps: statuses")
    header_icon = "tasks"
    http_method_names = ["get", "head", "post"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, bulk_form=None, report_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        board = listing.Board(self.request.user, self.request.GET, pages=self.pages)
        if bulk_form is None:
            bulk_form = BulkChangeForm(pages=self.pages, auto_id="board-bulk-%s")
            selected = set()
        else:
            selected = set(bulk_form["event"].value() or [])
        board_url = reverse(BOARD_URL_NAME)
        query = urlencode(board.filters)
        context.update(
            board=board,
            read_only=self.read_only,
            columns=5 if self.read_only else 6,
            deadlines_panel=RoadmapDeadlinesPanel(self.pages, on_board=True),
            new_roadmap_imports=(
                [] if self.read_only else import_views.new_roadmap_imports(self.request.user)
            ),
            rows=board.rows,
            filter_form=board.shown_filter_form,
            bulk_form=bulk_form,
            selected={str(pk) for pk in selected},
            report_form=report_form or ReportForm(pages=self.pages, auto_id=REPORT_FORM_ID),
            report_url=reverse(REPORT_URL_NAME),
            board_url=board_url,
            # The board itself with its filters, also when the page is a refused report's.
            bulk_url=f"{board_url}?{query}" if query else board_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = BulkChangeForm(request.POST, pages=self.pages, auto_id="board-bulk-%s")
        if not form.is_valid():
            messages.error(request, gettext("The events were not changed: see the form."))
            return self.render_to_response(self.get_context_data(bulk_form=form), status=400)
        result = changes.change_events(
            request.user,
            form.cleaned_data["event"],
            status=form.cleaned_data["new_status"] or None,
            note=form.cleaned_data["note"] or None,
        )
        for level, text in changes.change_messages(result):
            getattr(messages, level)(request, text)
        # Back to the same filters, now showing the new statuses.
        return redirect(request.get_full_path())


class ReportDownloadView(BoardView):
    """The quarterly execution report of one of the user's roadmaps, as XLSX or PDF. A
    request the form refuses gets the board back, its report form showing why (400)."""

    http_method_names = ["get", "head"]

    def get(self, request, *args, **kwargs):
        form = ReportForm(request.GET, pages=self.pages, auto_id=REPORT_FORM_ID)
        if not form.is_valid():
            messages.error(request, gettext("The report was not made: see the form below."))
            context = self.get_context_data(report_form=form)
            return self.render_to_response(context, status=400)
        page = next(page for page in self.pages if page.pk == form.cleaned_data["page"])
        with reports.in_report_language():
            report = reports.build_report(page, form.cleaned_data["quarter"])
            return report_files.response(report, form.cleaned_data["format"])


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(board_roadmaps_for_request(request).pages)


class RoadmapDeadlinesPanel(Component):
    """The dashboard's panel: how many events are overdue, and the next deadlines."""

    name = "roadmap_deadlines"
    template_name = "mentoring_pages/admin/dashboard_panel.html"
    order = 90  # above Wagtail's own panels (moderation 210, recent edits 250)

    def __init__(self, pages, on_board=False):
        self.pages = pages
        # At the top of the board itself it needs no link to the board.
        self.on_board = on_board

    def get_context_data(self, parent_context=None):
        overdue, upcoming = listing.dashboard_summary(self.pages)
        board_url = reverse(BOARD_URL_NAME)
        return {
            "overdue": overdue,
            "upcoming": upcoming,
            "board_url": board_url,
            "overdue_url": f"{board_url}?deadline={filters.OVERDUE}",
            "on_board": self.on_board,
        }


urlpatterns = [
    path("roadmap-board/", BoardView.as_view(), name=BOARD_URL_NAME),
    path("roadmap-board/report/", ReportDownloadView.as_view(), name=REPORT_URL_NAME),
]


def board_menu_item():
    return BoardMenuItem(
        _("Roadmaps: statuses"),
        reverse_lazy(BOARD_URL_NAME),
        name="roadmap-board",
        icon_name="tasks",
        order=150,
    )


def add_roadmap_deadlines_panel(request, panels):
    # The coordinator's dashboard has the centre's roll-up of every school instead.
    roadmaps = board_roadmaps_for_request(request)
    if roadmaps.pages and not roadmaps.read_only:
        panels.append(RoadmapDeadlinesPanel(roadmaps.pages))
