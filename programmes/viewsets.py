"""The admin's screens for the programme's data: one menu, «Mentoring», of snippet
listings whose CSV exports are safe to open in Excel. Registered in wagtail_hooks."""

from django import forms
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from site_project.spreadsheets import SafeCsvExportMixin

from .models import (
    Consent,
    ConsentText,
    MentoringForm,
    MonitoringResult,
    ParticipationFigures,
    Programme,
    TargetIndicator,
)
from .school_admin import (
    InstancePermissionViewSetMixin,
    SchoolScopedChooserViewSetMixin,
    SchoolScopedSnippetChooser,
    SchoolScopedViewSetMixin,
)


def yes_no_column(model, name):
    """A yes/no field as a word in the admin's language (Wagtail would show True/False)."""
    return Column(
        name,
        label=capfirst(model._meta.get_field(name).verbose_name),
        accessor=lambda instance: _("yes") if getattr(instance, name) else _("no"),
        sort_key=name,
    )


class LocaleLabelledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locale" in self.fields:
            # Wagtail gives its chooser's language filter no label: Django shows «Locale».
            self.fields["locale"].label = _("Locale")


class LocaleLabelMixin:
    """A chooser's filters, that by language labelled in the admin's language."""

    def get_filter_form_class(self):
        return type("FilterForm", (LocaleLabelledForm, super().get_filter_form_class()), {})


class LocaleLabelChooseView(LocaleLabelMixin, ChooseView):
    pass


class LocaleLabelChooseResultsView(LocaleLabelMixin, ChooseResultsView):
    pass


class CreateWithAFormOnlyView(SnippetCreateView):
    """The chooser's «create» address: records are made in their own editors, so there is
    no creation form and nothing to find here (Wagtail routes it anyway, and a POST to it
    failed on the missing form)."""

    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LocaleLabelChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LocaleLabelChooseView
    choose_results_view_class = LocaleLabelChooseResultsView
    create_view_class = CreateWithAFormOnlyView


class LocaleLabelSnippetViewSet(InstancePermissionViewSetMixin, SnippetViewSet):
    """A snippet whose chooser labels its language filter in the admin's language, and whose
    views ask its permission policy about the record at hand."""

    chooser_viewset_class = LocaleLabelChooserViewSet


class WordedSnippetChooser(SchoolScopedSnippetChooser):
    """The snippet chooser with its viewset's own words: Wagtail's «Выбрать %(object)s» puts
    the model's name in the nominative («Выбрать форма наставничества»)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ChooserViewSet.widget_class sets the viewset's words on this class.
        worded = type(self)
        self.choose_one_text = worded.choose_one_text
        self.choose_another_text = worded.choose_another_text
        self.link_to_chosen_text = worded.link_to_chosen_text


class SchoolScopedChooserViewSet(SchoolScopedChooserViewSetMixin, LocaleLabelChooserViewSet):
    base_widget_class = SchoolScopedSnippetChooser


class WordedChooserViewSet(SchoolScopedChooserViewSet):
    """A snippet chooser that says «Выбрать программу», as a subclass words it."""

    base_widget_class = WordedSnippetChooser


class ProgrammeChooserViewSet(WordedChooserViewSet):
    choose_one_text = _("Choose a programme")
    choose_another_text = _("Choose another programme")
    edit_item_text = _("Edit this programme")


class MentoringFormChooserViewSet(WordedChooserViewSet):
    choose_one_text = _("Choose a form of mentoring")
    choose_another_text = _("Choose another form of mentoring")
    edit_item_text = _("Edit this form of mentoring")


class SafeCsvIndexView(SafeCsvExportMixin, IndexView):
    pass


class ProgrammeSnippetViewSet(SchoolScopedViewSetMixin, LocaleLabelSnippetViewSet):
    """The programme's data, of the user's schools only; its listings' CSV exports are safe to
    open in Excel."""

    chooser_viewset_class = SchoolScopedChooserViewSet
    index_view_class = SafeCsvIndexView
    # An indexed model (programmes, forms, consents) is searched by its own search_fields:
    # naming fields here makes the listing's search autocomplete them, which fails (500) on
    # SQLite for a field without an AutocompleteField.
    # The listing's button in a subclass's words, where Wagtail's «Добавить %(model_name)s»
    # leaves the name in the nominative («Добавить программа»).
    add_item_label = None

    def get_index_view_kwargs(self, **kwargs):
        if self.add_item_label:
            kwargs["add_item_label"] = self.add_item_label
        return super().get_index_view_kwargs(**kwargs)


class ProgrammeViewSet(ProgrammeSnippetViewSet):
    model = Programme
    chooser_viewset_class = ProgrammeChooserViewSet
    add_item_label = _("Add a programme")
    icon = "doc-full"
    menu_label = _("Programmes")
    list_display = ["title", "first_year", "last_year", LiveStatusTagColumn(), "locale"]
    list_filter = ["first_year", "live"]
    list_export = ["title", "first_year", "last_year", "goal", "live"]
    export_filename = "programmes"


class MentoringFormViewSet(ProgrammeSnippetViewSet):
    model = MentoringForm
    chooser_viewset_class = MentoringFormChooserViewSet
    add_item_label = _("Add a form of mentoring")
    icon = "group"
    menu_label = _("Forms of mentoring")
    list_display = ["title", "kind", "programme", "locale"]
    list_filter = ["programme", "kind"]
    list_export = ["title", "kind", "programme", "mentor_category", "mentee_category", "goal"]
    export_filename = "mentoring_forms"


class TargetIndicatorViewSet(ProgrammeSnippetViewSet):
    model = TargetIndicator
    icon = "tasks"
    menu_label = _("Target indicators")
    list_display = ["category", "year", "target_percent", "actual_percent", "programme"]
    list_filter = ["programme", "year", "category"]
    list_export = [
        "programme",
        "category",
        "year",
        "target_percent",
        "actual_percent",
        "comment",
    ]
    export_filename = "target_indicators"
    search_fields = ["comment"]


class ParticipationFiguresViewSet(ProgrammeSnippetViewSet):
    model = ParticipationFigures
    icon = "table"
    menu_label = _("Participation figures")
    list_display = ["form", "year", "mentors", "mentees", "pairs", "programme"]
    list_filter = ["programme", "year", "form"]
    list_export = [
        "programme",
        "year",
        "form",
        "mentors",
        "mentees",
        "pairs",
        "pupils_total",
        "teachers_total",
    ]
    export_filename = "participation_figures"


class MonitoringResultViewSet(ProgrammeSnippetViewSet):
    model = MonitoringResult
    icon = "pick"
    menu_label = _("Monitoring results")
    list_display = ["metric", "year", "stage", "value_before", "value_after", "unit", "programme"]
    list_filter = ["programme", "year", "stage", "form", "kind"]
    list_export = [
        "programme",
        "year",
        "stage",
        "kind",
        "metric",
        "form",
        "value_before",
        "value_after",
        "unit",
        "comment",
    ]
    export_filename = "monitoring_results"
    search_fields = ["metric", "comment"]


class UsableConsentsMixin:
    """A page's consent chooser offers only what the page may rely on, not the registry."""

    def get_object_list(self):
        return Consent.objects.usable_on_pages()


class UsableConsentChooseView(UsableConsentsMixin, LocaleLabelChooseView):
    pass


class UsableConsentChooseResultsView(UsableConsentsMixin, LocaleLabelChooseResultsView):
    pass


class UsableConsentsChosenMixin:
    """The chooser returns only what it offers: an editor, who may not read the registry,
    learns no other consent's holder (a minor's name) by asking for its id."""

    def get_object(self, pk):
        instance = super().get_object(pk)
        if not Consent.objects.usable_on_pages().filter(pk=instance.pk).exists():
            raise Consent.DoesNotExist
        return instance

    def get_objects(self, pks):
        return super().get_objects(pks).filter(pk__in=Consent.objects.usable_on_pages())


class UsableConsentChosenView(UsableConsentsChosenMixin, SnippetChosenView):
    pass


class UsableConsentChosenMultipleView(UsableConsentsChosenMixin, SnippetChosenMultipleView):
    pass


class ConsentChooserViewSet(WordedChooserViewSet):
    choose_one_text = _("Choose a consent")
    choose_another_text = _("Choose another consent")
    edit_item_text = _("Edit this consent")
    choose_view_class = UsableConsentChooseView
    choose_results_view_class = UsableConsentChooseResultsView
    chosen_view_class = UsableConsentChosenView
    chosen_multiple_view_class = UsableConsentChosenMultipleView


class ConsentViewSet(ProgrammeSnippetViewSet):
    """The consent registry: curators only (see roles.py)."""

    model = Consent
    chooser_viewset_class = ConsentChooserViewSet
    icon = "clipboard-list"
    menu_label = _("Consents")
    list_display = [
        "person",
        "kind",
        "valid_from",
        "valid_until",
        "withdrawn_at",
        yes_no_column(Consent, "is_minor"),
    ]
    list_filter = ["kind", "is_minor"]


class ConsentTextViewSet(ProgrammeSnippetViewSet):
    """The wordings of the consent to processing that the forms ask for."""

    model = ConsentText
    icon = "doc-full-inverse"
    menu_label = _("Consent texts for forms")
    list_display = ["title", "version", "in_force_from", "locale"]
    list_filter = ["locale"]


class MentoringViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 200
    items = (
        ProgrammeViewSet,
        MentoringFormViewSet,
        TargetIndicatorViewSet,
        ParticipationFiguresViewSet,
        MonitoringResultViewSet,
        ConsentViewSet,
        ConsentTextViewSet,
    )
