"""The endpoints of /api/v1/: read-only, anonymous, JSON.

Every list is paginated and filtered (filters.py); a parameter no endpoint knows is refused
with a 400, as is a bad value. An answer is kept in Django's cache under the public data's
generation (home.page_cache), which home.purging drops on every change a visitor could see,
as it drops pages; each answer carries an ETag and Last-Modified, and a conditional request
whose data have not changed gets a 304 without a body. Each address has a rate limit (429
with Retry-After)."""

import hashlib

from django import forms
from django.conf import settings
from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.models import Locale

from home import page_cache
from home.views import answer_in_visitors_language
from programmes.schools import school_of_path

from . import filters, parameters, public, serializers
from .throttling import AddressRateThrottle

conditional = decorator_from_middleware(ConditionalGetMiddleware)


class Pages(PageNumberPagination):
    """Pages of 50 (page_size: 1 to 200); a page number or size that is not one is a 400,
    a page past the last a 404."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        return checked_number(
            request, self.page_size_query_param, self.max_page_size, self.page_size
        )

    def paginate_queryset(self, queryset, request, view=None):
        checked_number(request, self.page_query_param, filters.MAX_ID, 1)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        largest = {self.page_query_param: filters.MAX_ID, self.page_size_query_param: 200}
        for parameter in parameters:
            parameter["schema"].update(minimum=1, maximum=largest[parameter["name"]])
        return parameters


def checked_number(request, name, largest, default):
    """The query's whole number `name`, from 1 to `largest`, or `default` if not given."""
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        return forms.IntegerField(min_value=1, max_value=largest).clean(value)
    except forms.ValidationError as error:
        raise ValidationError({name: error.messages}) from None


class PublicDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Anyone reads, without a session or a sign-in; only JSON; a rate limit per address.

    An endpoint names its `rule`: the function of api.public that gives what it may show,
    the one place that says so. `with_locale`: its records' words are in their page's
    language, read with them."""

    rule = None
    with_locale = False

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = []
    throttle_classes = [AddressRateThrottle]
    filter_backends = [DjangoFilterBackend]
    pagination_class = Pages
    lookup_value_regex = r"[0-9]+"
    detail_serializer_class = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # The model, for the schema and the router; what is shown is the rule's.
        cls.queryset = cls.serializer_class.Meta.model.objects.none()

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        return conditional(super().as_view(actions, **initkwargs))

    def get_queryset(self):
        shown = self.rule()
        return shown.select_related("locale") if self.with_locale else shown

    def initial(self, request, *args, **kwargs):
        answer_in_visitors_language(request)
        # Before Django REST framework's own reading of the query (`format`); a method the
        # endpoint does not have is a 405 whatever its parameters.
        if request.method in ("GET", "HEAD"):
            self.check_parameters()
        super().initial(request, *args, **kwargs)

    def check_parameters(self):
        parameters.check(self.request.query_params, self.known_parameters())

    def known_parameters(self):
        if self.action != "list":
            return set()
        paginator = self.paginator
        return {
            *self.filterset_class.base_filters,
            paginator.page_query_param,
            paginator.page_size_query_param,
        }

    def get_object(self):
        # SQLite cannot even compare a larger number with a key: no such object.
        if int(self.kwargs[self.lookup_field]) > filters.MAX_ID:
            raise NotFound
        return super().get_object()

    def filter_queryset(self, queryset):
        # One object is found by its id in any language; the filters are the list's.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    @cached_property
    def content_language(self):
        language = self.request.query_params.get("language")
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return language if language in codes else public.source_language()

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "language_of_locale": self.language_of_locale,
            "school_of_path": self.school_of_path,
        }

    @cached_property
    def language_of_locale(self):
        """{locale id: language code}: a record's words (a status) in its own language."""
        return dict(Locale.objects.values_list("pk", "language_code"))

    def school_of_path(self, path):
        return self.schools_by_path(path)

    @cached_property
    def schools_by_path(self):
        return school_of_path(public.schools(), translations=True)

    def list(self, request, *args, **kwargs):
        return self.kept(lambda: super(PublicDataViewSet, self).list(request, *args, **kwargs))

    def retrieve(self, request, *args, **kwargs):
        return self.kept(lambda: super(PublicDataViewSet, self).retrieve(request, *args, **kwargs))

    def kept(self, answer):
        """The answer's data, kept as pages are (home.page_cache), with its Last-Modified."""
        # The whole address, scheme and host too: the answer's links are built from them.
        address = self.request.build_absolute_uri()
        key = "api:" + hashlib.sha256(address.encode()).hexdigest()
        data, changed = page_cache.kept_public_data(key, lambda: answer().data)
        response = Response(data)
        if changed is not None:
            response["Last-Modified"] = http_date(changed)
        # Anyone may keep it, but must ask again each time (a 304 when unchanged).
        patch_cache_control(response, public=True, no_cache=True)
        return response


@csrf_exempt  # it changes nothing: a POST gets the same JSON 404, not the HTML form error
def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a 404 in JSON too."""
    answer_in_visitors_language(request)
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)


def described(summary, description, one):
    """The endpoint's summary and description in the schema, and its one object's."""
    return extend_schema_view(
        list=extend_schema(summary=summary, description=description),
        retrieve=extend_schema(summary=one),
    )


@described(_("Schools"), _("The schools taking part."), _("A school"))
class SchoolViewSet(PublicDataViewSet):
    rule = staticmethod(public.schools)
    serializer_class = serializers.SchoolSerializer
    filterset_class = filters.SchoolFilterSet

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "school_urls": self.school_urls}

    @cached_property
    def school_urls(self):
        """{school id: the address of its home page in the language asked for}."""
        homes = public.homes(self.content_language)
        return {
            school.pk: homes[school.home_page.translation_key].get_full_url(self.request)
            for school in public.schools()
            if school.home_page.translation_key in homes
        }


@described(
    _("Programmes"),
    _("The schools' programmes of mentoring and their forms of mentoring."),
    _("A programme"),
)
class ProgrammeViewSet(PublicDataViewSet):
    rule = staticmethod(public.programmes)
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilterSet


@described(
    _("Roadmaps"),
    _(
        "The roadmaps with their events counted: all, done and overdue. One roadmap "
        "gives its stages and events too."
    ),
    _("A roadmap with its stages and events"),
)
class RoadmapViewSet(PublicDataViewSet):
    rule = staticmethod(public.roadmaps)
    serializer_class = serializers.RoadmapSerializer
    detail_serializer_class = serializers.RoadmapDetailSerializer
    filterset_class = filters.RoadmapFilterSet
    with_locale = True

    def get_queryset(self):
        roadmaps = super().get_queryset()
        if self.action == "retrieve":
            return roadmaps.prefetch_related("stages", "events")
        return roadmaps


@described(
    _("Roadmap events"),
    _("Every event of the roadmaps, with its deadline and status."),
    _("A roadmap event"),
)
class EventViewSet(PublicDataViewSet):
    rule = staticmethod(public.events)
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilterSet


@described(
    _("Target indicators"),
    _("The yearly coverage targets of the programmes and their actual values."),
    _("A target indicator"),
)
class IndicatorViewSet(PublicDataViewSet):
    rule = staticmethod(public.indicators)
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.ProgrammeRecordFilterSet


@described(
    _("Participants"),
    _("How many took part in each form of mentoring, by year."),
    _("Participant counts of one form and year"),
)
class ParticipantsViewSet(PublicDataViewSet):
    rule = staticmethod(public.participants)
    serializer_class = serializers.ParticipantsSerializer
    filterset_class = filters.ProgrammeRecordFilterSet


@described(_("News"), _("The schools' news, newest first."), _("A news item"))
class NewsViewSet(PublicDataViewSet):
    rule = staticmethod(public.news)
    serializer_class = serializers.NewsSerializer
    filterset_class = filters.NewsFilterSet
    with_locale = True


@described(_("Cases"), _("The schools' cases, newest first."), _("A case"))
class CaseViewSet(PublicDataViewSet):
    rule = staticmethod(public.cases)
    serializer_class = serializers.CaseSerializer
    filterset_class = filters.CaseFilterSet
    with_locale = True
