"""The endpoints' query parameters. A bad value (not a number, a year out of range, an
unknown status or language) is refused with a 400 naming the parameter, in the visitor's
language; so is a parameter no endpoint knows or one given twice (views.py). The id of a
school or roadmap there is not gets a 404."""

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import NotFound

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import statuses
from programmes.models import School
from programmes.schools import pages_of

from .public import public_pages, source_language

FIRST_YEAR, LAST_YEAR = 2000, 2100
# The largest id the schema admits: the smallest key range among the tables the ids name
# (Wagtail's pages: 32 bits). A larger one names nothing (views.py).
MAX_ID = 2**31 - 1


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An object by its id."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


def existing(objects, pk, parameter, message):
    """The object of `objects` with this id; else a 404 saying which parameter named it."""
    found = objects.filter(pk=pk).first()
    if found is None:
        raise NotFound({parameter: [message]})
    return found


@extend_schema_field({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})
class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class PublicDataFilterSet(django_filters.FilterSet):
    """The language (the site's default unless asked), a school and a year. `page_lookup`
    says how a record reaches its school: through its page ("" for a page itself, by its
    place in the school's tree) or, with `school_field`, through a key to its School."""

    language = django_filters.ChoiceFilter(
        label=_("The content's language (Russian unless asked)"),
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        method="by_language",
        empty_label=None,
    )
    school = IdFilter(method="by_school")
    year = YearFilter(
        method="by_year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )

    page_lookup = ""
    school_field = None
    year_lookup = "year"
    language_lookup = "locale__language_code"

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("language", source_language())
        super().__init__(data, *args, **kwargs)

    def by_language(self, queryset, name, value):
        return queryset.filter(**{self.language_lookup: value})

    def by_school(self, queryset, name, pk):
        school = existing(School.objects, pk, name, _("There is no school with this id."))
        if self.school_field:
            return queryset.filter(**{self.school_field: school})
        return queryset.filter(pages_of(School.objects.filter(pk=school.pk), self.page_lookup))

    def by_year(self, queryset, name, year):
        return queryset.filter(**{self.year_lookup: year})


class SchoolFilterSet(django_filters.FilterSet):
    """Schools have no language: it chooses which of their sites' addresses is given."""

    language = PublicDataFilterSet.base_filters["language"]

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("language", source_language())
        super().__init__(data, *args, **kwargs)

    def by_language(self, queryset, name, value):
        return queryset


class ProgrammeFilterSet(PublicDataFilterSet):
    school_field = "school"

    def by_year(self, queryset, name, year):
        return queryset.filter(first_year__lte=year, last_year__gte=year)


class RoadmapFilterSet(PublicDataFilterSet):
    def by_year(self, queryset, name, year):
        # A roadmap for 2025/2026 runs in 2025 and 2026.
        return queryset.filter(first_year__lte=year, last_year__gte=year)


class EventFilterSet(PublicDataFilterSet):
    roadmap = IdFilter(method="by_roadmap")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[*statuses.EventStatus.choices, (statuses.OVERDUE, statuses.OVERDUE_LABEL)],
        method="by_status",
    )

    page_lookup = "page__"
    language_lookup = "page__locale__language_code"
    # An event's year is that of its deadline.
    year_lookup = "end__year"

    def by_roadmap(self, queryset, name, pk):
        roadmaps = public_pages(RoadmapPage)
        roadmap = existing(roadmaps, pk, name, _("There is no published roadmap with this id."))
        return queryset.filter(page=roadmap)

    def by_status(self, queryset, name, value):
        if value == statuses.OVERDUE:
            return queryset.filter(statuses.overdue_events())
        return queryset.filter(status=value)


class ProgrammeRecordFilterSet(PublicDataFilterSet):
    school_field = "programme__school"
    language_lookup = "programme__locale__language_code"


class NewsFilterSet(PublicDataFilterSet):
    year_lookup = "date__year"


class CaseFilterSet(PublicDataFilterSet):
    year_lookup = "first_published_at__year"
