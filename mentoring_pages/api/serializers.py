"""The fields of each endpoint: what the public pages show, nothing more. A page's school
and address come from the view's context (views.py), worked out once for the whole list."""

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mentoring_pages.models import CasePage, NewsPage, RoadmapEvent, RoadmapPage, RoadmapStage
from mentoring_pages.roadmap import statuses
from programmes.models import (
    MentoringForm,
    ParticipationFigures,
    Programme,
    School,
    TargetIndicator,
)

from . import public


class SchoolSerializer(serializers.ModelSerializer):
    inn = serializers.SerializerMethodField(
        help_text=_("The organisation's INN (10 digits), if it is given.")
    )
    url = serializers.SerializerMethodField(
        help_text=_("The address of the school's site in the language asked for, if it has one.")
    )

    class Meta:
        model = School
        # Not the head nor the curator's contact: people, and their phone or e-mail.
        fields = ["id", "short_name", "full_name", "inn", "address", "municipality", "url"]

    def get_inn(self, school) -> str:
        return public.organisation_inn(school)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, school):
        return self.context["school_urls"].get(school.pk)


class PageSerializer(serializers.ModelSerializer):
    """A page's id, school, language, title and address."""

    school = serializers.SerializerMethodField(help_text=_("The school's id."))
    language = serializers.CharField(source="locale.language_code", read_only=True)
    url = serializers.SerializerMethodField(help_text=_("The page's address."))

    class Meta:
        fields = ["id", "school", "language", "title", "url"]

    @extend_schema_field(OpenApiTypes.INT)
    def get_school(self, page):
        return self.context["school_of_path"](page.path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page.get_full_url(self.context["request"])


class MentoringFormSerializer(serializers.ModelSerializer):
    class Meta:
        model = MentoringForm
        fields = ["id", "title", "kind", "mentor_category", "mentee_category", "goal"]


class ProgrammeSerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="locale.language_code", read_only=True)
    forms = MentoringFormSerializer(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = [
            "id",
            "school",
            "language",
            "title",
            "first_year",
            "last_year",
            "summary",
            "goal",
            "forms",
        ]


class EventSerializer(serializers.ModelSerializer):
    roadmap = serializers.IntegerField(source="page_id", read_only=True)
    status_label = serializers.SerializerMethodField(
        help_text=_("The status in the content's language.")
    )
    overdue = serializers.BooleanField(
        source="is_overdue",
        read_only=True,
        help_text=_("The deadline has passed and the event is neither done nor cancelled."),
    )

    class Meta:
        model = RoadmapEvent
        fields = [
            "id",
            "roadmap",
            "stage_number",
            *RoadmapEvent.PLANNED_FIELDS,
            "status",
            "status_label",
            "overdue",
            "status_note",
            "status_changed_at",
        ]

    def get_status_label(self, event) -> str:
        # In the event's language, whatever the client's: the answer is kept for everyone.
        with translation.override(self.context["language_of_locale"][event.locale_id]):
            return str(statuses.status_label(event.display_status))


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoadmapStage
        fields = ["number", "title"]


class RoadmapSerializer(PageSerializer):
    programme = serializers.IntegerField(source="public_programme", read_only=True, allow_null=True)
    events_total = serializers.IntegerField(
        read_only=True, help_text=_("Its events, the cancelled left out, as its page counts them.")
    )
    events_done = serializers.IntegerField(read_only=True)
    events_overdue = serializers.IntegerField(read_only=True)

    class Meta:
        model = RoadmapPage
        fields = [
            *PageSerializer.Meta.fields,
            "first_year",
            "last_year",
            "programme",
            "last_published_at",
            "events_total",
            "events_done",
            "events_overdue",
        ]


class RoadmapDetailSerializer(RoadmapSerializer):
    stages = StageSerializer(many=True, read_only=True)
    events = EventSerializer(many=True, read_only=True)

    class Meta(RoadmapSerializer.Meta):
        fields = [*RoadmapSerializer.Meta.fields, "stages", "events"]


class IndicatorSerializer(serializers.ModelSerializer):
    school = serializers.IntegerField(source="programme.school_id", read_only=True)
    # Numbers, not strings as Django REST framework gives decimals by default.
    target_percent = serializers.DecimalField(
        max_digits=4, decimal_places=1, coerce_to_string=False, read_only=True, label=_("target, %")
    )
    actual_percent = serializers.DecimalField(
        max_digits=4,
        decimal_places=1,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
        label=_("actual, %"),
    )

    class Meta:
        model = TargetIndicator
        fields = [
            "id",
            "school",
            "programme",
            "year",
            "category",
            "target_percent",
            "actual_percent",
        ]


class ParticipantsSerializer(serializers.ModelSerializer):
    school = serializers.IntegerField(source="programme.school_id", read_only=True)
    form_title = serializers.CharField(source="form.title", read_only=True)
    form_kind = serializers.CharField(source="form.kind", read_only=True)

    class Meta:
        model = ParticipationFigures
        fields = [
            "id",
            "school",
            "programme",
            "year",
            "form",
            "form_title",
            "form_kind",
            "mentors",
            "mentees",
            "pairs",
            "pupils_total",
            "teachers_total",
        ]


class NewsSerializer(PageSerializer):
    summary = serializers.CharField(source="lead", read_only=True)

    class Meta:
        model = NewsPage
        fields = [*PageSerializer.Meta.fields, "date", "summary"]


class CaseSerializer(PageSerializer):
    date = serializers.SerializerMethodField(help_text=_("The day it was first published."))

    class Meta:
        model = CasePage
        fields = [*PageSerializer.Meta.fields, "date", "summary"]

    @extend_schema_field(serializers.DateField(allow_null=True))
    def get_date(self, case):
        published = case.first_published_at
        return timezone.localtime(published).date().isoformat() if published else None
