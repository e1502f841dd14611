"""An application's status: curators mark that they called the applicant back and whether
a pair was formed, with a note; who changed it and when is kept; the dashboard counts what
is still open. Nobody else sees or changes any of it."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import registry as log_registry

from mentoring_pages.forms import personal_data_log
from mentoring_pages.forms.admin import RECENT_DAYS
from mentoring_pages.models import ApplicationState, ApplicationStateChange, ApplicationSubmission
from mentoring_pages.tests.applications import application_form
from mentoring_pages.tests.factories import ApplicationFormFieldFactory
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.tests.factories import ConsentTextFactory
from site_project.tests.admin_refusals import outcome, sent_to_the_dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(section):
    return application_form(section.landing, title="Хочу стать наставником")


@pytest.fixture
def send(application):
    """`send(name, page=application, state=new)`: an application from `name`."""
    consent_text = ConsentTextFactory()

    def sent(name, page=application, state=ApplicationState.NEW):
        return ApplicationSubmission.objects.create(
            page=page,
            form_data={page.fields["name"].clean_name: name},
            consent_text=consent_text,
            consented_at=timezone.now(),
            state=state,
        )

    return sent


def state_url(submission):
    return reverse("application_state", args=[submission.pk])


def listing_url(page):
    return reverse("wagtailforms:list_submissions", args=[page.pk])


def rows(response):
    """{applicant's name: the row's cells as text} of the applications list."""
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.select_one("table.listing")
    headings = [cell.get_text(" ", strip=True) for cell in table.select("thead th")][1:]
    listed = {}
    for row in table.select("tbody tr"):
        cells = dict(
            zip(
                headings,
                [cell.get_text(" ", strip=True) for cell in row.select("td")[1:]],
                strict=True,
            )
        )
        listed[cells["Имя"]] = cells
    return listed


def test_a_curator_changes_the_status_with_a_note(client, user_in, application, send):
    curator = user_in(CURATOR, first_name="Анна", last_name="Петрова")
    submission = send("Мария")
    client.force_login(curator)
    before = timezone.now()

    form = client.get(state_url(submission))
    response = client.post(
        state_url(submission), {"state": "contacted", "note": "Перезвонить после 15:00"}
    )

    assert form.status_code == 200
    assert "Мария" in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == listing_url(application)
    listed = rows(client.get(listing_url(application)))["Мария"]
    assert listed["Статус"] == "Связались Изменить статус"
    assert listed["Заметка куратора"] == "Перезвонить после 15:00"
    assert listed["Статус изменён"].endswith(", Анна Петрова")
    [change] = ApplicationStateChange.objects.filter(submission=submission)
    assert (change.state, change.note_changed, change.changed_by) == ("contacted", True, curator)
    assert before <= change.changed_at <= timezone.now()
    assert listed["Статус изменён"] == change.summary()


def test_the_status_form_shows_the_history_newest_first(client, user_in, send):
    first, second = user_in(CURATOR, username="first"), user_in(CURATOR, username="second")
    submission = send("Мария")
    client.force_login(first)
    client.post(state_url(submission), {"state": "contacted", "note": "Позвонила"})
    client.force_login(second)
    client.post(state_url(submission), {"state": "accepted", "note": "Пара с Ивановым"})

    soup = BeautifulSoup(client.get(state_url(submission)).content, "html.parser")

    history = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in soup.select("[data-changes] tbody tr")
    ]
    assert [(who.split(", ")[-1], state, note) for who, state, note in history] == [
        ("second", "Принята", "Заметка изменена"),
        ("first", "Связались", "Заметка изменена"),
    ]
    assert soup.select_one("input[name=state][checked]")["value"] == "accepted"


def test_the_list_links_every_application_to_its_status_form(login_as, application, send):
    submission = send("Мария")

    page = login_as(CURATOR).get(listing_url(application)).content.decode()

    assert f'href="{state_url(submission)}"' in page


def test_saving_the_same_status_and_note_records_nothing(login_as, send):
    submission = send("Мария", state=ApplicationState.CONTACTED)
    client = login_as(CURATOR)

    response = client.post(state_url(submission), {"state": "contacted", "note": ""}, follow=True)

    assert "Ничего не изменилось" in response.content.decode()
    assert not ApplicationStateChange.objects.exists()


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_others_cannot_see_or_change_the_status(login_as, application, send, role):
    submission = send("Секретная Заявительница")
    client = login_as(role)

    seen = client.get(state_url(submission))
    changed = client.post(state_url(submission), {"state": "declined", "note": "Не подходит"})
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert outcome(seen) == sent_to_the_dashboard()
    assert outcome(changed) == sent_to_the_dashboard()
    submission.refresh_from_db()
    assert (submission.state, submission.state_note) == ("new", "")
    assert not ApplicationStateChange.objects.exists()
    assert state_url(submission) not in dashboard
    assert 'id="open-applications' not in dashboard


def test_a_curator_of_no_such_application_gets_no_answer_about_it(login_as, send):
    submission = send("Мария")
    missing = reverse("application_state", args=[submission.pk + 1000])

    assert login_as(CURATOR).get(missing).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"state": "paired", "note": "Пара сформирована"},
        {"note": "Без статуса"},
        {"state": "accepted", "note": "я" * 4001},
    ],
)
def test_a_bad_status_or_note_is_refused_and_changes_nothing(login_as, send, data):
    submission = send("Мария")

    response = login_as(CURATOR).post(state_url(submission), data)

    assert response.status_code == 400
    errors = BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert errors, "the curator is told what is wrong"
    assert all(any("а" <= letter <= "я" for letter in error.get_text().lower()) for error in errors)
    submission.refresh_from_db()
    assert (submission.state, submission.state_note) == ("new", "")
    assert not ApplicationStateChange.objects.exists()


def test_an_unknown_status_is_named_in_russian(login_as, send):
    response = login_as(CURATOR).post(state_url(send("Мария")), {"state": "paired"})

    assert "Такого статуса нет" in response.content.decode()


def test_a_change_without_the_csrf_token_is_refused(user_in, send):
    submission = send("Мария")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user_in(CURATOR))

    response = client.post(state_url(submission), {"state": "accepted"})

    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.state == "new"


def test_the_list_filters_by_status_and_still_by_reference(login_as, application, send):
    send("Новая Анна")
    contacted = send("Позвонили Борису", state=ApplicationState.CONTACTED)
    send("Принятая Вера", state=ApplicationState.ACCEPTED)
    client = login_as(CURATOR)

    by_state = rows(client.get(listing_url(application), {"state": "contacted"}))
    by_reference = rows(client.get(listing_url(application), {"reference": contacted.reference}))
    everything = rows(client.get(listing_url(application)))

    assert list(by_state) == ["Позвонили Борису"]
    assert list(by_reference) == ["Позвонили Борису"]
    assert sorted(everything) == ["Новая Анна", "Позвонили Борису", "Принятая Вера"]


def test_reading_the_status_form_is_logged(login_as, application, send):
    submission = send("Мария")

    login_as(CURATOR).get(state_url(submission))

    entries = log_registry.get_logs_for_instance(application).filter(action=personal_data_log.READ)
    assert [(entry.user.username, entry.data) for entry in entries] == [
        (CURATOR, {"submission": submission.pk})
    ]


def dashboard_panel(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    return soup.select_one("#open-applications-section")


def test_the_dashboard_counts_new_and_contacted_applications_per_form(
    login_as, section, application, send
):
    other = application_form(section.landing, title="Хочу найти наставника", slug="find")
    for state, times in (("new", 3), ("contacted", 2), ("accepted", 4), ("declined", 1)):
        for number in range(times):
            send(f"Заявитель {number}", state=state)
    send("Ученик", page=other, state=ApplicationState.CONTACTED)

    panel = dashboard_panel(login_as(CURATOR))

    counts = {
        row.select_one("th").get_text(strip=True): [
            (link.get_text(strip=True), link["href"]) for link in row.select("td a")
        ]
        for row in panel.select("tbody tr")
    }
    assert [heading.get_text(strip=True) for heading in panel.select("thead th")] == [
        "Форма",
        "Новая",
        "Связались",
    ]
    since = (timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)).isoformat()
    assert counts == {
        "Хочу стать наставником": [
            ("3", f"{listing_url(application)}?state=new&date_from={since}"),
            ("2", f"{listing_url(application)}?state=contacted&date_from={since}"),
        ],
        "Хочу найти наставника": [
            ("0", f"{listing_url(other)}?state=new&date_from={since}"),
            ("1", f"{listing_url(other)}?state=contacted&date_from={since}"),
        ],
    }


def test_the_dashboard_says_when_nothing_is_open(login_as, send):
    send("Мария", state=ApplicationState.ACCEPTED)

    panel = dashboard_panel(login_as(CURATOR))

    assert "Новых заявок нет" in panel.get_text()


def test_the_dashboard_panel_costs_the_same_for_few_and_many_applications(
    login_as, section, application, send, few_and_many
):
    login_as(CURATOR)
    forms = iter(
        application_form(section.landing, title=f"Форма {number}", slug=f"form-{number}")
        for number in range(100)
    )

    def add(count):
        for number in range(count):
            page = next(forms) if number % 10 == 0 else application
            send(f"Заявитель {number}", page=page, state=("new", "contacted")[number % 2])

    few, many = few_and_many(reverse("wagtailadmin_home"), add)

    assert len(many) == len(few)
    assert "Форма 5" in many.response.content.decode()


def test_purging_an_old_application_deletes_its_status_history(
    settings, login_as, application, send
):
    settings.FORM_SUBMISSION_RETENTION_DAYS = 30
    old, recent = send("Старая"), send("Новая")
    client = login_as(CURATOR)
    for submission in (old, recent):
        client.post(state_url(submission), {"state": "declined", "note": "Телефон +7 900 000"})
    ApplicationSubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=31)
    )

    call_command("purge_submissions")

    assert list(ApplicationSubmission.objects.all()) == [recent]
    assert list(ApplicationStateChange.objects.values_list("submission", flat=True)) == [recent.pk]


def test_a_question_named_like_the_status_keeps_its_answers(login_as, application, send):
    question = ApplicationFormFieldFactory(page=application, label="State", sort_order=4)
    submission = send("Мария")
    submission.form_data[question.clean_name] = "Пермский край"
    submission.save()

    listed = rows(login_as(CURATOR).get(listing_url(application)))["Мария"]

    assert listed["State"] == "Пермский край"
    assert listed["Статус"] == "Новая Изменить статус"


def test_the_export_has_the_status_and_the_note(login_as, application, send):
    submission = send("Мария")
    client = login_as(CURATOR)
    client.post(state_url(submission), {"state": "accepted", "note": "Пара с Ивановым"})

    export = client.get(listing_url(application), {"export": "csv"})

    [row] = csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")))
    assert (row["Статус"], row["Заметка куратора"]) == ("Принята", "Пара с Ивановым")


def answers_shown(response):
    """{question: answer} as the status form shows the application."""
    soup = BeautifulSoup(response.content, "html.parser")
    answers = soup.select_one("dl.application-answers")
    return {
        term.get_text(strip=True): term.find_next_sibling("dd").get_text(strip=True)
        for term in answers.select("dt")
    }


def exported(client, page):
    """The rows of the CSV export of `page`'s submissions."""
    export = client.get(listing_url(page), {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("name", ["state", "state_changed", "state_note", "reference"])
def test_a_question_saved_under_a_name_the_application_uses_keeps_its_answers(
    login_as, application, send, name
):
    # As saved before statuses existed (a question's name never changes once saved).
    ApplicationFormFieldFactory(page=application, label="State", clean_name=name, sort_order=4)
    submission = send("Мария")
    submission.form_data[name] = "Пермский край"
    submission.save()
    client = login_as(CURATOR)
    client.post(state_url(submission), {"state": "contacted", "note": "Перезвонить"})

    listed = rows(client.get(listing_url(application)))["Мария"]
    shown = answers_shown(client.get(state_url(submission)))
    [row] = exported(client, application)

    assert listed["State"] == "Пермский край"
    assert listed["Статус"] == "Связались Изменить статус"
    assert listed["Заметка куратора"] == "Перезвонить"
    assert listed["Номер заявки"] == submission.reference
    assert shown["State"] == "Пермский край"
    assert (row["State"], row["Статус"], row["Номер заявки"]) == (
        "Пермский край",
        "Связались",
        submission.reference,
    )


def test_a_cleared_note_is_kept_nowhere(login_as, application, send):
    submission = send("Мария")
    client = login_as(CURATOR)
    client.post(state_url(submission), {"state": "contacted", "note": "Мама: +7 912 345-67-89"})
    client.post(state_url(submission), {"state": "accepted", "note": "Пара с Ивановым"})
    client.post(state_url(submission), {"state": "accepted", "note": ""})

    status_form = client.get(state_url(submission))
    listing = client.get(listing_url(application)).content.decode()
    stored = io.StringIO()
    call_command("dumpdata", stdout=stored)

    soup = BeautifulSoup(status_form.content, "html.parser")
    history = [
        [cell.get_text(strip=True) for cell in row.select("td")][1:]
        for row in soup.select("[data-changes] tbody tr")
    ]
    assert history == [
        ["Принята", "Заметка изменена"],
        ["Принята", "Заметка изменена"],
        ["Связались", "Заметка изменена"],
    ]
    for seen in (status_form.content.decode(), listing, str(exported(client, application))):
        assert "345-67-89" not in seen
        assert "Ивановым" not in seen
    assert "345-67-89" not in stored.getvalue()
    assert "Ивановым" not in stored.getvalue()


def test_a_status_change_alone_does_not_say_the_note_changed(login_as, send):
    submission = send("Мария")
    client = login_as(CURATOR)
    client.post(state_url(submission), {"state": "contacted", "note": ""})

    soup = BeautifulSoup(client.get(state_url(submission)).content, "html.parser")

    [row] = soup.select("[data-changes] tbody tr")
    assert [cell.get_text(strip=True) for cell in row.select("td")][1:] == ["Связались", ""]


def test_the_status_form_shows_several_choices_as_a_list(login_as, application, send):
    subjects = ApplicationFormFieldFactory(
        page=application,
        label="Предметы",
        field_type="checkboxes",
        choices="Математика\nФизика\nХимия",
        sort_order=4,
    )
    submission = send("Мария")
    submission.form_data[subjects.clean_name] = ["Математика", "Физика"]
    submission.save()

    shown = answers_shown(login_as(CURATOR).get(state_url(submission)))

    assert shown["Предметы"] == "Математика, Физика"


def test_when_the_status_changed_reads_in_the_admins_language(user_in, client, send):
    curator = user_in(CURATOR, first_name="Анна", last_name="Петрова")
    submission = send("Мария")
    change = ApplicationStateChange.objects.create(
        submission=submission,
        state=ApplicationState.CONTACTED,
        changed_by=curator,
        changed_at=timezone.make_aware(datetime.datetime(2026, 3, 5, 17, 5)),
    )

    with translation.override("ru"):
        russian = change.summary()
    with translation.override("en"):
        english = change.summary()

    assert russian == "5 марта 2026, 17:05, Анна Петрова"
    assert english == "5 March 2026, 5:05 p.m., Анна Петрова"


def test_the_dashboard_counts_only_the_applications_of_the_last_90_days(
    login_as, application, send
):
    now = timezone.now()
    for name, days in (("Давняя", RECENT_DAYS + 1), ("Недавняя", RECENT_DAYS - 1), ("Сегодня", 0)):
        submission = send(name)
        ApplicationSubmission.objects.filter(pk=submission.pk).update(
            submit_time=now - datetime.timedelta(days=days)
        )
    client = login_as(CURATOR)

    panel = dashboard_panel(client)
    new = panel.select_one("tbody td a")
    listed = rows(client.get(new["href"]))

    assert RECENT_DAYS == 90
    assert "последние 90 дней" in panel.get_text()
    assert new.get_text(strip=True) == "2"
    assert sorted(listed) == ["Недавняя", "Сегодня"]
    assert sorted(rows(client.get(listing_url(application), {"state": "new"}))) == [
        "Давняя",
        "Недавняя",
        "Сегодня",
    ]
