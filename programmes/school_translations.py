"""wagtail-localize's screens limited to the user's schools. Its views check a type-wide
permission («submit translation», «change programme»), which every school's staff hold: ours,
registered ahead of its own at the same addresses, first ask whether the user may change the
page or record translated (another school's is not found, 404) and list only the user's
schools' translations."""

from functools import reduce, wraps
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource, get_translatable_models
from wagtail_localize.views import edit_translation
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetsApi
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .school_admin import is_among
from .school_records import belongs_to_a_school, changed_by, read_by
from .schools import pages_of, schools_changed_by, schools_of, sees_every_school


def is_changed_by(user, instance):
    """Whether `user` may translate `instance`: a page in the tree of a school where they
    change things, a record of such a school (its editors translate the programme, which
    only its curators publish: home.publishing), or a record shared by every school (a tag)
    that its permission policy lets them change (not a tag another school's page carries).
    wagtail-localize asks only about the model; its own checks of the user's permissions on
    it follow (a curator may submit a news item for translation, and not publish it)."""
    if user.is_active and user.is_superuser:
        return True
    if isinstance(instance, Page):
        in_schools = Page.objects.filter(pages_of(schools_changed_by(user)))
        return is_among(in_schools, instance)
    model = type(instance)
    if belongs_to_a_school(model):
        return is_among(changed_by(user, model._default_manager.all()), instance)
    return policy_registry.get_by_type(model).user_has_permission_for_instance(
        user, "change", instance
    )


def translated_by(user, translations):
    """Of `translations`, those of the pages and records the user reads."""
    if sees_every_school(user):
        return translations
    readable = [Page.objects.filter(pages_of(schools_of(user)))]
    shared = []
    for model in get_translatable_models():
        if belongs_to_a_school(model):
            readable.append(read_by(user, model._default_manager.all()))
        elif not issubclass(model, Page):
            shared.append(model)
    visible = reduce(
        or_,
        (Q(source__object_id__in=records.values("translation_key")) for records in readable),
        Q(source__specific_content_type__in=ContentType.objects.get_for_models(*shared).values()),
    )
    return translations.filter(visible)


def require_changed_by(user, found):
    """`found` (a page, a record, or the translation source of one) unless the page or record
    is not the user's to change: then not found."""
    instance = found
    if isinstance(found, TranslationSource):
        try:
            instance = found.get_source_instance()
        except ObjectDoesNotExist:
            raise Http404 from None
    if not is_changed_by(user, instance):
        raise Http404
    return found


def translation_changed_by_user(view):
    """wagtail-localize's editor of one translation (its strings, PO file, preview, stop),
    only for a page or record the user changes."""

    @wraps(view)
    def scoped_view(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(Translation, pk=translation_id)
        require_changed_by(request.user, translation.source)
        return view(request, translation_id, *args, **kwargs)

    return scoped_view


class ChangedByUserMixin:
    """A wagtail-localize view of one page or record (submitting it for translation, bringing
    its translations up to date): only for one the user changes."""

    def get_object(self):
        return require_changed_by(self.request.user, super().get_object())


class SchoolScopedPageTranslationView(ChangedByUserMixin, SubmitPageTranslationView):
    pass


class SchoolScopedSnippetTranslationView(ChangedByUserMixin, SubmitSnippetTranslationView):
    pass


class SchoolScopedUpdateTranslationsView(ChangedByUserMixin, UpdateTranslationsView):
    pass


class SchoolScopedSnippetsApi(LocalizeSnippetsApi):
    """wagtail-localize's listing of a snippet's records (its editor's choosers)."""

    def get_queryset(self):
        records = super().get_queryset()
        if belongs_to_a_school(records.model):
            return read_by(self.request.user, records)
        return records


class TranslationsReportFilters(TranslationsReportView.filterset_class):
    """wagtail-localize names two filters by its model's fields, in English."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["source_locale"].label = _("Original language")
        self.filters["target_locale"].label = _("Translation language")


class SchoolScopedTranslationsReport(TranslationsReportView):
    filterset_class = TranslationsReportFilters

    def get_queryset(self):
        # In a stable order, for its pages.
        return translated_by(self.request.user, super().get_queryset()).order_by("pk")


TRANSLATION_EDITOR_VIEWS = {
    "strings/<int:string_segment_id>/edit/": edit_translation.edit_string_translation,
    "overrides/<int:overridable_segment_id>/edit/": edit_translation.edit_override,
    "pofile/download/": edit_translation.download_pofile,
    "pofile/upload/": edit_translation.upload_pofile,
    "machine_translate/": edit_translation.machine_translate,
    "preview/": edit_translation.preview_translation,
    "preview/<str:mode>/": edit_translation.preview_translation,
    "disable/": edit_translation.stop_translation,
}


def localize_urls():
    """Ours ahead of wagtail-localize's views at the same addresses (this app's hooks are
    registered before its own)."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SchoolScopedPageTranslationView.as_view(),
            name="programmes_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SchoolScopedSnippetTranslationView.as_view(),
            name="programmes_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SchoolScopedUpdateTranslationsView.as_view(),
            name="programmes_update_translations",
        ),
        *(
            path(
                f"localize/translate/<int:translation_id>/{route}",
                translation_changed_by_user(view),
            )
            for route, view in TRANSLATION_EDITOR_VIEWS.items()
        ),
        path(
            "localize/reports/translations/",
            SchoolScopedTranslationsReport.as_view(),
            name="programmes_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            SchoolScopedTranslationsReport.as_view(results_only=True),
            name="programmes_translations_report_results",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            SchoolScopedSnippetsApi.as_view({"get": "list"}),
            name="programmes_snippets_api_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SchoolScopedSnippetsApi.as_view({"get": "retrieve"}),
            name="programmes_snippets_api_detail",
        ),
    ]
