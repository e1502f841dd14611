"""The forms in the admin: who may read what people sent (curators and superusers only),
and a questionnaire's results with the action that records them as a monitoring result."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet
from wagtail.models import Locale

from home.admin_views import PageAdminView
from mentoring_pages.forms.personal_data_log import LoggedSubmissionsListView
from mentoring_pages.forms.results import page_results
from mentoring_pages.models import ApplicationSubmission, QuestionnairePage
from programmes.models import MonitoringResult
from programmes.roles import CURATOR


def may_read_submissions(user):
    """Applications and answers are for the curators (and superusers) alone."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=CURATOR).exists())


def only_curators(user, editable_forms):
    # Wagtail lists the forms a user may edit; moderators may edit every page, but reading
    # what people sent is not theirs to do.
    return editable_forms if may_read_submissions(user) else editable_forms.none()


class ApplicationSubmissionsFilterSet(SubmissionsListFilterSet):
    reference = django_filters.CharFilter(
        label=gettext_lazy("Reference number"), method="filter_reference"
    )

    def filter_reference(self, queryset, name, value):
        return queryset.filter(ApplicationSubmission.reference_lookup(value))


class ApplicationSubmissionsListView(LoggedSubmissionsListView):
    """An application form's submissions, found by the number the applicant quotes."""

    filterset_class = ApplicationSubmissionsFilterSet


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
    the site's default language (whichever translation's results were read). Unsaved,
    validated."""
    programme = page.programme.get_translation_or_none(Locale.get_default()) or page.programme
    result = MonitoringResult(
        programme=programme,
        locale_id=programme.locale_id,
        year=year,
        stage=page.monitoring_stage,
        kind=page.metric_kind,
        metric=rating.label[:255],
        value_before=value_before,
        value_after=rating.mean,
        unit=_("points out of %(scale)s") % {"scale": rating.scale},
        comment=_("Questionnaire “%(title)s”: %(count)s answers to this question.")
        % {"title": page.title, "count": rating.count},
    )
    result.full_clean()
    return result


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
            submissions_url=reverse("wagtailforms:list_submissions", args=[self.page.pk]),
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


urlpatterns = [QuestionnaireResultsView.url_pattern("questionnaires/<int:page_id>/results/")]


results_button = QuestionnaireResultsView.header_button(gettext_lazy("Results"), priority=26)
