"""The forms in the admin: who may read what people sent (curators and superusers only),
an application's status that curators keep (the list, its form, the dashboard's counts),
and a questionnaire's results with the action that records them as a monitoring result."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView
from wagtail.log_actions import log
from wagtail.models import Locale

from home.admin_views import DashboardPanel, PageAdminView
from mentoring_pages.forms.personal_data_log import READ, LoggedSubmissionsListView
from mentoring_pages.forms.results import page_results
from mentoring_pages.models import ApplicationState, ApplicationSubmission, QuestionnairePage
from mentoring_pages.models.forms import STATE_COLUMN, STATE_COLUMNS
from programmes.models import MonitoringResult
from programmes.roles import CURATOR, has_role, schools_where
from programmes.schools import pages_of, school_of_page, schools_allowing


def may_read_submissions(user):
    """Applications and answers are for the curators (and superusers) alone."""
    return user.is_active and (user.is_superuser or has_role(user, CURATOR))


def only_curators(user, editable_forms):
    # Wagtail lists the forms a user may edit; moderators may edit every page, but reading
    # what people sent is not theirs to do, even for a curator of another school.
    if not may_read_submissions(user):
        return editable_forms.none()
    if user.is_superuser:
        return editable_forms
    return editable_forms.filter(pages_of(schools_where(user, CURATOR)))


class ApplicationSubmissionsFilterSet(SubmissionsListFilterSet):
    reference = django_filters.CharFilter(
        label=gettext_lazy("Reference number"), method="filter_reference"
    )
    state = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=ApplicationState.choices,
        empty_label=gettext_lazy("Any status"),
    )

    def filter_reference(self, queryset, name, value):
        return queryset.filter(ApplicationSubmission.reference_lookup(value))


def submissions_url(page_id, **filters):
    """The address of the list of the submissions of the form `page_id`, filtered by
    `filters`."""
    url = reverse("wagtailforms:list_submissions", args=[page_id])
    return f"{url}?{urlencode(filters)}" if filters else url


class ApplicationSubmissionsListView(LoggedSubmissionsListView):
    """An application form's submissions, found by the number the applicant quotes or by
    their status, each with a link to change its status."""

    filterset_class = ApplicationSubmissionsFilterSet

    def to_row_dict(self, item):
        # Wagtail's row, as get_data() reads it: the export's choice labels would put the
        # status in place of the answer to a question named like the model's field «state».
        return SubmissionsListView.to_row_dict(self, item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            names = [name for name, _label in self.form_page.get_data_fields()]
            state = names.index(STATE_COLUMN)
            for row in context["data_rows"]:
                row["fields"][state] = format_html(
                    '{} <a href="{}">{}</a>',
                    row["fields"][state],
                    reverse(ApplicationStateView.url_name, args=[row["model_id"]]),
                    _("Change status"),
                )
        return context


def readable_application(user, submission_id):
    """The application `user` may read (a curator's form's), or the refusal: nobody else
    learns whether it exists."""
    if not may_read_submissions(user):
        raise PermissionDenied
    return get_object_or_404(
        ApplicationSubmission.objects.select_related("page", "consent_text"),
        pk=submission_id,
        page__in=get_forms_for_user(user),
    )


def answer_text(answer):
    """An answer as Wagtail's list shows it: several choices joined by commas."""
    return ", ".join(answer) if isinstance(answer, list) else answer


# A curator's note is a reminder, not a file: as long as a long answer of a form.
MAX_NOTE_LENGTH = 4000


class ApplicationStateForm(forms.Form):
    state = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=ApplicationState.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose the application's status."),
            "invalid_choice": gettext_lazy(
                "There is no such status. Choose one of: new, contacted, accepted, declined."
            ),
        },
    )
    note = forms.CharField(
        label=gettext_lazy("Curator's note"),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "What was agreed, when to call back. Only curators see it; only the current "
            "note is kept: the history says when it changed, not what it said. It is "
            "deleted with the application."
        ),
    )


class ApplicationStateView(WagtailAdminTemplateMixin, TemplateView):
    """An application as the curator reads it, its status and note to change, and who
    changed them when. Reading it is logged, as reading the list is."""

    template_name = "mentoring_pages/admin/application_state.html"
    header_icon = "form"
    page_title = gettext_lazy("Application status")
    url_name = "application_state"

    def dispatch(self, request, submission_id):
        self.submission = readable_application(request.user, submission_id)
        self.form_page = self.submission.page.specific
        return super().dispatch(request, submission_id)

    def get_page_subtitle(self):
        return _("Application %(reference)s") % {"reference": self.submission.reference}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailforms:index"), "label": _("Forms")},
            {
                "url": submissions_url(self.form_page.pk),
                "label": self.form_page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def render_form(self, form, status=200):
        data = self.submission.get_data()
        answers = [
            (label, answer_text(data.get(name)))
            for name, label in self.form_page.get_data_fields()
            if name not in STATE_COLUMNS  # shown in the form below
        ]
        log(self.form_page, READ, user=self.request.user, data={"submission": self.submission.pk})
        context = self.get_context_data(
            form=form,
            answers=answers,
            changes=self.submission.state_changes.select_related("changed_by"),
            submissions_url=submissions_url(self.form_page.pk),
        )
        return self.render_to_response(context, status=status)

    def get(self, request, submission_id):
        return self.render_form(
            ApplicationStateForm(
                initial={"state": self.submission.state, "note": self.submission.state_note}
            )
        )

    def post(self, request, submission_id):
        form = ApplicationStateForm(request.POST)
        if not form.is_valid():
            return self.render_form(form, status=400)
        if self.submission.change_state(
            form.cleaned_data["state"], form.cleaned_data["note"], request.user
        ):
            messages.success(
                request,
                _("Application %(reference)s: status “%(state)s”.")
                % {
                    "reference": self.submission.reference,
                    "state": self.submission.get_state_display(),
                },
            )
        else:
            messages.info(request, _("Nothing changed: the status and the note are as they were."))
        return redirect(submissions_url(self.form_page.pk))


# What the curator's dashboard counts: the applications still waiting for them, sent in
# the last RECENT_DAYS days. Older ones are not waiting in any sense a curator acts on, and
# every application sent before statuses existed is «Новая»: the dashboard would call the
# whole archive new. Marking those contacted would invent facts; the list still has them.
OPEN_STATES = (ApplicationState.NEW, ApplicationState.CONTACTED)
RECENT_DAYS = 90


def open_applications(user):
    """[(form page's title, [(count, address of the list filtered by it)] per open status)]
    of the forms `user` may read that have open applications sent in the last RECENT_DAYS
    days, in two queries (one finds the user's schools' pages)."""
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    counts = (
        ApplicationSubmission.objects.filter(
            page__in=get_forms_for_user(user),
            state__in=OPEN_STATES,
            submit_time__date__gte=since,
        )
        .values_list("page_id", "page__title", "state")
        .annotate(count=Count("pk"))
        .order_by("page__title", "page_id")
    )
    by_form = {}
    for page_id, title, state, count in counts:
        by_form.setdefault((page_id, title), {})[state] = count
    return [
        (
            title,
            [
                (
                    by_state.get(state, 0),
                    submissions_url(page_id, state=state, date_from=since.isoformat()),
                )
                for state in OPEN_STATES
            ],
        )
        for (page_id, title), by_state in by_form.items()
    ]


class OpenApplicationsPanel(DashboardPanel):
    """The curator's dashboard: how many applications are new or contacted, per form."""

    name = "open_applications"
    template_name = "mentoring_pages/admin/applications_panel.html"
    order = 90


def add_open_applications_panel(request, panels):
    if may_read_submissions(request.user):
        panels.append(
            OpenApplicationsPanel(
                forms_counts=open_applications(request.user),
                states=[state.label for state in OPEN_STATES],
                recent_days=RECENT_DAYS,
            )
        )


def readable_questionnaire(user, page_id):
    if not get_forms_for_user(user).filter(pk=page_id).exists():
        raise PermissionDenied
    return get_object_or_404(QuestionnairePage, pk=page_id)


class MonitoringResultForm(forms.Form):
    question = forms.ChoiceField(label=gettext_lazy("Rating question"))
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    value_before = forms.DecimalField(
        label=gettext_lazy("Value before"),
        required=False,
        max_digits=8,
        decimal_places=2,
        help_text=gettext_lazy(
            "Stage 2 only: the same question's mean in the questionnaire before the programme."
        ),
    )

    def __init__(self, *args, ratings, **kwargs):
        super().__init__(*args, **kwargs)
        self.ratings = {result.name: result for result in ratings}
        self.fields["question"].choices = [
            (result.name, f"{result.label} ({result.mean})") for result in ratings
        ]


def monitoring_result(page, rating, year, value_before):
    """The MonitoringResult the questionnaire's `rating` result makes: its mean is the
    measured value of the metric the page says it measures, recorded for the programme in
    the site's default language, and worded in it (whichever translation's results were
    read, in whatever language the admin speaks). Unsaved, validated."""
    programme = page.programme.get_translation_or_none(Locale.get_default()) or page.programme
    with translation.override(programme.locale.language_code):
        named = page.get_translation_or_none(programme.locale) or page
        question = next(
            (field.label for field in named.get_form_fields() if field.clean_name == rating.name),
            rating.label,
        )
        result = MonitoringResult(
            programme=programme,
            locale_id=programme.locale_id,
            year=year,
            stage=page.monitoring_stage,
            kind=page.metric_kind,
            metric=question[:255],
            value_before=value_before,
            value_after=rating.mean,
            unit=_("points out of %(scale)s") % {"scale": rating.scale},
            comment=_("Questionnaire “%(title)s”: %(count)s answers to this question.")
            % {"title": named.title, "count": rating.count},
        )
    result.full_clean()
    return result


def may_record_results(user, page):
    """Whether `user` may record `page`'s results in its programme: its own school's, where
    the user may add a monitoring result (a curator here may be an editor elsewhere)."""
    school = school_of_page(page)
    return (
        school is not None
        and page.programme.school_id == school.pk
        and schools_allowing(user, "programmes.add_monitoringresult").filter(pk=school.pk).exists()
    )


class QuestionnaireResultsView(PageAdminView):
    template_name = "mentoring_pages/admin/questionnaire_results.html"
    header_icon = "form"
    page_model = QuestionnairePage
    url_name = "questionnaire_results"

    @staticmethod
    def shows_button(page, user):
        return may_read_submissions(user)

    def dispatch(self, request, page_id):
        self.page = readable_questionnaire(request.user, page_id)
        self.submission_count, self.results = page_results(self.page)
        self.ratings = [result for result in self.results if result.is_rating and result.count]
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Questionnaire results")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submission_count=self.submission_count,
            results=self.results,
            submissions_url=submissions_url(self.page.pk),
            **kwargs,
        )

    def form(self, data=None):
        return MonitoringResultForm(
            data, ratings=self.ratings, initial={"year": timezone.localdate().year}
        )

    def get(self, request, page_id):
        return self.render_to_response(self.get_context_data(form=self.form()))

    def post(self, request, page_id):
        form = self.form(request.POST)
        if self.page.programme is None:
            form.add_error(
                None, _("Choose the questionnaire's programme in its page settings first.")
            )
        elif not may_record_results(request.user, self.page):
            form.add_error(
                None,
                _(
                    "The questionnaire's programme is another school's programme: choose your "
                    "school's in its page settings."
                ),
            )
        elif form.is_valid():
            try:
                result = monitoring_result(
                    self.page,
                    form.ratings[form.cleaned_data["question"]],
                    form.cleaned_data["year"],
                    form.cleaned_data["value_before"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                result.save()
                messages.success(
                    request, _("Monitoring result “%(result)s” recorded.") % {"result": result}
                )
                return redirect(self.request.path)
        return self.render_to_response(self.get_context_data(form=form), status=400)


urlpatterns = [
    QuestionnaireResultsView.url_pattern("questionnaires/<int:page_id>/results/"),
    path(
        "applications/<int:submission_id>/status/",
        ApplicationStateView.as_view(),
        name=ApplicationStateView.url_name,
    ),
]


results_button = QuestionnaireResultsView.header_button(gettext_lazy("Results"), priority=26)
