"""The municipal coordinator's admin, read-only: a dashboard panel with the roll-up of every
school and when each last changed anything, one workbook with every school's quarterly
report, and the participant counts for federal statistics. Only the coordinator and
superusers (programmes.schools.sees_every_school) reach them."""

import io
import itertools
import re

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.http import HttpResponseBadRequest
from django.urls import path, reverse
from django.utils.translation import gettext
from openpyxl import Workbook
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import exports, report_files, reports, statuses
from programmes.models import (
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    School,
    TargetIndicator,
)
from programmes.publication import of_public_programmes
from programmes.schools import school_of_path, sees_every_school
from site_project.xml_text import xml_text

from .rollup import school_summaries

# The programme's records and how each reaches its school: their changes in the admin are
# a school's changes too.
SCHOOL_OF_RECORD = {
    Programme: "school",
    MentoringForm: "programme__school",
    TargetIndicator: "programme__school",
    ParticipationFigures: "programme__school",
    MonitoringResult: "programme__school",
}
# What Excel refuses in a sheet's name.
NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_LENGTH = 31  # Excel's limit


def sheet_name(base, taken):
    """`base` as a sheet name Excel reads, unlike any in `taken` (to which it is added;
    Excel compares them regardless of case): a second «Школа 1» is «Школа 1 (2)», cut short
    before its number. openpyxl's own numbering made it «Школа 11», another school's name,
    or ran past 31 characters, which Excel calls damage."""
    # Nor may it begin or end with an apostrophe.
    base = NOT_IN_SHEET_NAMES.sub(" ", xml_text(base)).strip("' ")
    for number in itertools.count(1):
        suffix = f" ({number})" if number > 1 else ""
        name = base[: SHEET_NAME_LENGTH - len(suffix)].rstrip("' ") + suffix
        if name.casefold() not in taken:
            taken.add(name.casefold())
            return name


def check_coordinator(user):
    if not sees_every_school(user):
        raise PermissionDenied


def last_changes():
    """{school id: when it last changed a page or a programme's record in the admin}: one
    query, a subquery per kind of log."""

    def latest(entries):
        return Subquery(entries.order_by("-timestamp").values("timestamp")[:1])

    # A page of the school's tree in any language: below its home page or a translation.
    home_above = Page.objects.filter(
        translation_key=OuterRef(OuterRef("home_page__translation_key")),
        path=Substr(OuterRef("page__path"), 1, Length("path")),
    )
    kinds = {"pages": latest(PageLogEntry.objects.filter(Exists(home_above)))}
    for model, to_school in SCHOOL_OF_RECORD.items():
        ids = (
            model.objects.filter(**{to_school: OuterRef(OuterRef("pk"))})
            .annotate(text_id=Cast("pk", CharField()))
            .values("text_id")
        )
        kinds[model.__name__.lower()] = latest(
            ModelLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model), object_id__in=ids
            )
        )
    return {
        row["pk"]: max(filter(None, (row[kind] for kind in kinds)), default=None)
        for row in School.objects.annotate(**kinds).values("pk", *kinds)
    }


class CentrePanel(Component):
    """The coordinator's dashboard: every school's progress and when it last changed."""

    name = "municipal_centre"
    template_name = "mentoring_pages/admin/centre_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        changed = last_changes()
        return {
            "schools": [
                (summary, changed.get(summary.school.pk))
                for summary in school_summaries(Locale.get_default())
            ],
            "reports_url": reverse("centre_reports"),
            "figures_url": reverse("centre_figures"),
        }


def add_centre_panel(request, panels):
    if sees_every_school(request.user):
        panels.append(CentrePanel())


def roadmaps_by_school(quarter):
    """{school id: [its live roadmaps that ran during `quarter`]} (in the schools' own
    language): a roadmap finished since is still reported on for the quarters it ran."""
    found = {}
    school_id_of = school_of_path(School.objects.select_related("home_page"))
    roadmaps = (
        RoadmapPage.objects.live()
        .filter(
            statuses.current_roadmaps(quarter.first),
            first_year__lte=statuses.school_year(quarter.last),
        )
        .order_by("path")
    )
    for roadmap in roadmaps:
        school_id = school_id_of(roadmap.path)
        if school_id is not None:
            found.setdefault(school_id, []).append(roadmap)
    return found


def reports_workbook(quarter, on=None):
    """A summary sheet (each school's roadmaps and their counts for `quarter`), then a sheet
    for each roadmap's quarterly report, as the school's own report file has it."""
    on = on or statuses.today()
    book = Workbook()
    summary = book.active
    header = [gettext("School"), gettext("Roadmap"), *reports.summary_header()[1:]]
    rows = []
    by_school = roadmaps_by_school(quarter)
    summary_title = gettext("All schools")
    taken = {summary_title.casefold()}
    for school in School.objects.all():
        for roadmap in by_school.get(school.pk, []):
            report = reports.build_report(roadmap, quarter, on)
            rows.append([school.short_name, report.title, *report.summary.counts])
            name = sheet_name(school.short_name, taken)
            report_files.fill_sheet(book.create_sheet(), report, name)
    exports.fill_table(summary, summary_title, header, rows, (30, 40, *[12] * 6))
    return book


def xlsx_response(book, name):
    buffer = io.BytesIO()
    book.save(buffer)
    return exports.attachment(buffer.getvalue(), exports.XLSX_TYPE, name)


def reports_view(request):
    """?quarter=2026Q1, the quarter that ended last by default."""
    check_coordinator(request.user)
    asked = request.GET.getlist("quarter")
    if len(asked) > 1:
        return HttpResponseBadRequest(gettext("Give one quarter, not several."))
    try:
        quarter = reports.Quarter.parse(asked[0]) if asked else reports.default_quarter()
        reports.check_not_future(quarter)
    except ValueError:
        return HttpResponseBadRequest(
            gettext("Give the quarter as a year and its number, e.g. 2026Q1, not a future one.")
        )
    with reports.in_report_language():
        book = reports_workbook(quarter)
    return xlsx_response(book, f"reports-{quarter}.xlsx")


def figures_workbook():
    """Every school's participant counts, by year and form: the table for federal
    statistics."""
    header = [
        gettext("School"),
        gettext("INN"),
        gettext("Year"),
        gettext("Form of mentoring"),
        gettext("Mentors"),
        gettext("Mentees"),
        gettext("Pairs and groups"),
        gettext("Pupils at the school"),
        gettext("Teachers at the school"),
    ]
    figures = (
        ParticipationFigures.objects.filter(of_public_programmes(Locale.get_default()))
        .select_related("programme__school", "form")
        .order_by("-year", "programme__school__short_name", "form__sort_order")
    )
    rows = [
        [
            row.programme.school.short_name,
            row.programme.school.inn,
            row.year,
            row.form.title,
            row.mentors,
            row.mentees,
            row.pairs,
            row.pupils_total,
            row.teachers_total,
        ]
        for row in figures
    ]
    book = Workbook()
    exports.fill_table(
        book.active, gettext("Participants"), header, rows, (30, 14, 8, 40, *[12] * 5)
    )
    return book


def figures_view(request):
    check_coordinator(request.user)
    return xlsx_response(figures_workbook(), "participants.xlsx")


urlpatterns = [
    path("centre/reports.xlsx", reports_view, name="centre_reports"),
    path("centre/participants.xlsx", figures_view, name="centre_figures"),
]
