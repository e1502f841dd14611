"""`purge_submissions`: what people sent is deleted after the retention period, nothing else."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.factories import ApplicationPageFactory, QuestionnairePageFactory
from programmes.tests.factories import ConsentTextFactory

pytestmark = pytest.mark.django_db


def days_ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


@pytest.fixture
def submissions(section, settings):
    """Applications and answers on either side of a 30-day retention period."""
    settings.FORM_SUBMISSION_RETENTION_DAYS = 30
    application = ApplicationPageFactory(parent=section.landing)
    questionnaire = QuestionnairePageFactory(parent=section.landing)
    consent_text = ConsentTextFactory()

    def application_sent(when):
        submission = ApplicationSubmission.objects.create(
            page=application, form_data={}, consent_text=consent_text, consented_at=when
        )
        ApplicationSubmission.objects.filter(pk=submission.pk).update(submit_time=when)
        return submission.pk

    def answers_sent(when):
        submission = FormSubmission.objects.create(page=questionnaire, form_data={})
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=when)
        return submission.pk

    old = {
        "applications": [application_sent(days_ago(30, hours=1)), application_sent(days_ago(400))],
        "answers": [answers_sent(days_ago(31))],
    }
    kept = {
        "applications": [application_sent(days_ago(29, hours=23))],
        "answers": [answers_sent(days_ago(1)), answers_sent(timezone.now())],
    }
    return old, kept


def remaining():
    return {
        "applications": sorted(ApplicationSubmission.objects.values_list("pk", flat=True)),
        "answers": sorted(FormSubmission.objects.values_list("pk", flat=True)),
    }


def test_purge_deletes_exactly_the_old_ones(submissions, capsys):
    _old, kept = submissions

    call_command("purge_submissions")

    assert remaining() == kept
    assert "Удалены 3 заявки старше 30 дн." in capsys.readouterr().out


def test_a_dry_run_deletes_nothing(submissions, capsys):
    old, kept = submissions

    call_command("purge_submissions", "--dry-run")

    assert remaining() == {key: sorted(old[key] + kept[key]) for key in ("applications", "answers")}
    assert "Будут удалены 3 заявки старше 30 дн." in capsys.readouterr().out
