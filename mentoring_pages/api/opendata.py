"""Open datasets of the roadmaps' events and of the target indicators, per school and for the
municipality, as Минэкономразвития's methodological recommendations (version 3.0) describe
them: a passport `meta.csv`, the data `data-<stamp>-structure-<stamp>.csv` and the structure
`structure-<stamp>.csv`. They hold what the API holds (public.py), in Russian.

Nothing is written to disk: a file is made on request and kept under the public data's
generation (home.page_cache), so a change drops it exactly when it drops pages; the data's
stamp is the time that generation began, so a new version gets a new name."""

import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from home import page_cache
from home.models import SiteSettings
from home.views import answer_in_visitors_language
from mentoring_pages.models import MunicipalCentrePage
from programmes.models import School
from programmes.schools import pages_of, school_of_path
from site_project.spreadsheets import open_data_csv

from . import public

STANDARD = "http://opendata.gosmonitor.ru/standard/3.0"
# When the fields below last changed: the structure's own version.
STRUCTURE_STAMP = "20261206T0000"
MUNICIPALITY = "municipality"
STAMP_FORMAT = "%Y%m%dT%H%M"
CSV_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class Field:
    name: str
    english: str
    russian: str
    format: str  # string, number, date


def field(name, english, russian, kind="string"):
    return Field(name, english, russian, kind)


SCHOOL_FIELDS = [
    field("school", "School", _("School")),
    field("school_inn", "School's INN", _("School's INN")),
]


def event_rows(schools, request):
    schools = list(schools)
    school_id_of = school_of_path(schools)
    by_id = {school.pk: school for school in schools}
    events = (
        public.events()
        .filter(pages_of(School.objects.filter(pk__in=by_id), "page__"))
        .filter(page__locale__language_code=public.source_language())
        .select_related("page")
    )
    for event in events:
        school = by_id[school_id_of(event.page.path)]
        yield [
            school.full_name,
            public.organisation_inn(school),
            event.page.title,
            event.page.get_full_url(request),
            event.stage_number,
            event.number,
            event.title,
            event.deadline_text,
            event.start,
            event.end,
            event.get_recurrence_display(),
            event.responsible,
            event.expected_result,
            event.get_status_display(),
            "да" if event.is_overdue else "нет",
        ]


def indicator_rows(schools, request):
    indicators = public.indicators().filter(
        programme__school__in=list(schools),
        programme__locale__language_code=public.source_language(),
    )
    for indicator in indicators.select_related("programme__school"):
        school = indicator.programme.school
        yield [
            school.full_name,
            public.organisation_inn(school),
            indicator.programme.title,
            indicator.year,
            indicator.get_category_display(),
            indicator.target_percent,
            indicator.actual_percent,
        ]


@dataclass(frozen=True)
class Dataset:
    code: str
    title: str
    description: str
    subject: str
    fields: list
    rows: object  # rows(schools, request)


DATASETS = {
    dataset.code: dataset
    for dataset in [
        Dataset(
            code="roadmapevents",
            title=_("Events of the mentoring roadmaps"),
            description=_(
                "Every event of the published roadmaps of the Target Model of Mentoring: "
                "its deadline, who is responsible, the expected result and its status."
            ),
            subject=_("education, mentoring, roadmap"),
            fields=[
                *SCHOOL_FIELDS,
                field("roadmap", "Roadmap", _("Roadmap")),
                field("roadmap_url", "Roadmap's address", _("Roadmap's address")),
                field("stage", "Stage number", _("Stage number")),
                field("number", "Event number", _("Event number")),
                field("title", "Event", _("Event")),
                field("deadline", "Deadline as written", _("Deadline as written")),
                field("start", "Start", _("Start"), "date"),
                field("end", "End", _("End"), "date"),
                field("recurrence", "Recurrence", _("Recurrence")),
                field("responsible", "Responsible", _("Responsible")),
                field("expected_result", "Expected result", _("Expected result")),
                field("status", "Status", _("Status")),
                field("overdue", "Overdue", _("Overdue")),
            ],
            rows=event_rows,
        ),
        Dataset(
            code="indicators",
            title=_("Target indicators of mentoring"),
            description=_(
                "The yearly targets of the share of pupils and teachers covered by mentoring, "
                "and the actual shares."
            ),
            subject=_("education, mentoring, target indicators"),
            fields=[
                *SCHOOL_FIELDS,
                field("programme", "Programme", _("Programme")),
                field("year", "Year", _("Year"), "number"),
                field("category", "Participants", _("Participants")),
                field("target_percent", "Target, %", _("Target, %"), "number"),
                field("actual_percent", "Actual, %", _("Actual, %"), "number"),
            ],
            rows=indicator_rows,
        ),
    ]
}


def owners(schools):
    """{school id: the first part of its datasets' identifiers}: its INN, as the
    recommendations ask, when it is an organisation's and no other school has it; else
    «school<id>»."""
    inns = [public.organisation_inn(school) for school in schools]
    return {
        school.pk: inn if inn and inns.count(inn) == 1 else f"school{school.pk}"
        for school, inn in zip(schools, inns, strict=True)
    }


class Publication:
    """One dataset of one school (or of the municipality: `school` None), as served."""

    def __init__(self, dataset, school, owner, request):
        self.dataset, self.school, self.owner, self.request = dataset, school, owner, request

    @property
    def identifier(self):
        return f"{self.owner}-{self.dataset.code}"

    @cached_property
    def changed(self):
        """When the public data last changed (now, while the cache that knows is down)."""
        generation = page_cache.current_generation(page_cache.PUBLIC_DATA)
        changed = page_cache.public_data_changed(generation)
        moment = datetime.datetime.fromtimestamp(changed, datetime.UTC) if changed else None
        return timezone.localtime(moment or timezone.now())

    @property
    def data_name(self):
        return f"data-{self.changed:{STAMP_FORMAT}}-structure-{STRUCTURE_STAMP}.csv"

    @property
    def structure_name(self):
        return f"structure-{STRUCTURE_STAMP}.csv"

    @property
    def url_meta(self):
        return self.url("meta.csv")

    @property
    def url_data(self):
        return self.url(self.data_name)

    @property
    def url_structure(self):
        return self.url(self.structure_name)

    def url(self, name):
        return self.request.build_absolute_uri(
            reverse("open_data_file", args=[self.identifier, name])
        )

    @cached_property
    def schools(self):
        return [self.school] if self.school else list(public.schools())

    @cached_property
    def publisher(self):
        """The contacts the public pages show: the school's site's, or for the municipality
        the centre's site's (else the default site's), whichever host is asked."""
        if self.school is not None:
            sites = Site.objects.filter(root_page=self.school.home_page)
        else:
            sites = Site.objects.filter(root_page__in=MunicipalCentrePage.objects.all())
        site = sites.first() or Site.objects.filter(is_default_site=True).first()
        return SiteSettings.for_site(site)

    def meta(self):
        dataset, publisher = self.dataset, self.publisher
        creator = self.school.full_name if self.school else publisher.full_name
        return [
            ["property", "value"],
            ["standardversion", STANDARD],
            ["identifier", self.identifier],
            ["title", str(dataset.title)],
            ["description", str(dataset.description)],
            ["creator", creator],
            ["created", STRUCTURE_STAMP[:8]],
            ["modified", f"{self.changed:%Y%m%d}"],
            ["subject", str(dataset.subject)],
            ["format", "csv"],
            [self.data_name.removesuffix(".csv"), self.url(self.data_name)],
            [self.structure_name.removesuffix(".csv"), self.url(self.structure_name)],
            ["publishername", publisher.full_name or creator],
            ["publisherphone", publisher.phone],
            ["publishermbox", publisher.email],
        ]

    def structure(self):
        return [
            ["field name", "english description", "russian description", "format"],
            *[
                [item.name, item.english, str(item.russian), item.format]
                for item in self.dataset.fields
            ],
        ]

    def data(self):
        return [
            [item.name for item in self.dataset.fields],
            *self.dataset.rows(self.schools, self.request),
        ]

    def content(self, name):
        """The file `name` as text, kept as the API's answers are; None for no such file."""
        files = {
            "meta.csv": self.meta,
            self.structure_name: self.structure,
            self.data_name: self.data,
        }
        if name not in files:
            return None
        # The passport's links are built from the scheme and host asked with.
        origin = self.request.build_absolute_uri("/")
        key = f"open-data:{origin}:{self.identifier}:{name}"
        with translation.override(public.source_language()):
            return page_cache.kept_public_data(key, lambda: open_data_csv(files[name]()))[0]


def publications(request):
    """Every dataset, the municipality's first, then each school's."""
    schools = list(public.schools())
    owner_of = owners(schools)
    return [
        Publication(
            dataset, school, MUNICIPALITY if school is None else owner_of[school.pk], request
        )
        for school in [None, *schools]
        for dataset in DATASETS.values()
    ]


def open_data_file(request, identifier, name):
    """A dataset's passport, data or structure. A data file of an older version leads to
    the current one."""
    published = next(
        (item for item in publications(request) if item.identifier == identifier), None
    )
    if published is None:
        raise not_found_in_visitors_language(request)
    content = published.content(name)
    if content is None:
        if name.startswith("data-") and name.endswith(f"-structure-{STRUCTURE_STAMP}.csv"):
            return redirect(published.url(published.data_name))
        raise not_found_in_visitors_language(request)
    return csv_response(content, name)


def not_found_in_visitors_language(request):
    """A file's address carries no language: its 404 page speaks the visitor's."""
    answer_in_visitors_language(request)
    return Http404()


def csv_response(content, name):
    response = HttpResponse(content, content_type=CSV_TYPE)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def open_data_list(request):
    """The list of every dataset, as the recommendations' `list.csv`: each identifier, title
    and passport."""
    rows = [["property", "title", "value", "format"]]
    with translation.override(public.source_language()):
        rows += [
            [item.identifier, str(item.dataset.title), item.url_meta, "csv"]
            for item in publications(request)
        ]
    return csv_response(open_data_csv(rows), "list.csv")


def open_data_page(request):
    """«Открытые данные»: every dataset with its files."""
    return TemplateResponse(
        request, "mentoring_pages/open_data.html", {"publications": publications(request)}
    )
