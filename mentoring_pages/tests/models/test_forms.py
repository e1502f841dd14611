"""Application forms as a visitor uses them: consent, validation, spam, e-mail, languages."""

import datetime
import time
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from mentoring_pages.forms import thanks
from mentoring_pages.forms.protection import HONEYPOT_FIELD
from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.models.forms import CONSENT_FIELD, PARENT_CONSENT_FIELD, REFERENCE_COLUMN
from mentoring_pages.tests.applications import (
    answer_shown,
    answers,
    application_form,
    error_summary,
    is_thanked,
    shown_consent,
)
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import (
    ApplicationFormFieldFactory,
    QuestionnaireFieldFactory,
    QuestionnairePageFactory,
)
from mentoring_pages.tests.html import html_lang
from programmes.tests.factories import ConsentTextFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def consent_text():
    return ConsentTextFactory(version=3, summary="Школа хранит ваши ФИО и e-mail один год.")


@pytest.fixture
def application(section):
    return application_form(
        section.landing, to_address="curator@example.org", thank_you_text="<p>Спасибо!</p>"
    )


@pytest.mark.parametrize(
    ("form_page", "rules"),
    [
        ("application", {"minors", "reply_within_days", "to_address"}),
        ("questionnaire", {"monitoring_stage", "metric_kind"}),
    ],
)
def test_a_translator_changes_the_forms_words_never_its_rules(request, form_page, rules):
    """wagtail-localize's editor offers a translator the form's words only. Before, it
    offered to override a question's name (so the English answers no longer added up with
    the Russian ones) and to «translate» the address the curators' notice goes to."""
    page = request.getfixturevalue(form_page)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    offered = {
        path
        for segments in (OverridableSegment, StringSegment)
        for path in segments.objects.filter(source=source).values_list("context__path", flat=True)
    }

    assert rules.isdisjoint(offered)
    assert not [
        path for path in offered if path.endswith((".clean_name", ".field_type", ".required"))
    ]
    assert any(path.endswith(".label") for path in offered)


@pytest.fixture
def questionnaire(section):
    page = QuestionnairePageFactory(parent=section.landing)
    QuestionnaireFieldFactory(page=page, label="Оцените встречи", field_type="rating")
    return page


def test_form_shows_the_consent_the_policy_and_required_in_words(client, application, consent_text):
    content = client.get(application.url).content.decode()

    assert "Школа хранит ваши ФИО и e-mail один год." in content
    assert "версия 3" in content
    assert "(обязательно)" in content
    assert "csrfmiddlewaretoken" in content
    assert f'name="{CONSENT_FIELD}"' in content
    assert f'name="{PARENT_CONSENT_FIELD}"' not in content


def test_an_application_without_consent_is_refused_and_nothing_is_stored(
    client, application, consent_text
):
    response = client.post(
        application.url, answers(application, **{CONSENT_FIELD: None}), follow=True
    )

    assert response.status_code == 400
    assert "Без вашего согласия мы не можем принять заявку." in response.content.decode()
    assert not ApplicationSubmission.objects.exists()


def test_an_application_with_consent_is_stored_with_the_version_and_time(
    client, application, consent_text
):
    before = timezone.now()
    response = client.post(application.url, answers(application), follow=True)

    assert is_thanked(response)
    assert "Спасибо!" in response.content.decode()
    submission = ApplicationSubmission.objects.get()
    assert submission.consent_text == consent_text
    assert before <= submission.consented_at <= timezone.now()
    assert submission.form_data == {
        application.fields["name"].clean_name: "Мария",
        application.fields["email"].clean_name: "maria@example.org",
        application.fields["about"].clean_name: "Помогу с математикой",
    }


@pytest.mark.parametrize(
    ("field_type", "value", "message"),
    [
        ("number", "9" * 100_000, "не более 20 цифр"),
        ("number", "1e100000000", "не более 20 цифр"),
        ("hidden", "я" * 100_000, "не более 4000 символов"),
    ],
)
def test_no_answer_of_any_type_stores_whatever_a_robot_sends(
    client, application, consent_text, field_type, value, message
):
    field = ApplicationFormFieldFactory(
        page=application, label="Ещё", field_type=field_type, required=False, sort_order=4
    )

    response = client.post(
        application.url, answers(application, **{field.clean_name: value}), follow=True
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ApplicationSubmission.objects.exists()


def test_the_latest_version_in_force_is_asked_for(client, application, consent_text):
    ConsentTextFactory(version=4, in_force_from=timezone.localdate() + datetime.timedelta(days=1))

    client.post(application.url, answers(application), follow=True)

    assert ApplicationSubmission.objects.get().consent_text == consent_text


def test_without_a_consent_text_the_form_says_so_instead_of_asking_and_takes_nothing(
    client, application
):
    shown = client.get(application.url)
    response = client.post(application.url, answers(application), follow=True)

    # Nobody fills in a form that could only be refused.
    assert shown.status_code == 200
    assert "Форма сейчас не принимает заявки" in shown.content.decode()
    assert BeautifulSoup(shown.content.decode(), "html.parser").select("form.site-form") == []
    assert response.status_code == 400
    assert "Форма сейчас не принимает заявки" in response.content.decode()
    assert not ApplicationSubmission.objects.exists()


def test_a_consent_text_changed_while_the_form_was_open_must_be_agreed_to_again(
    client, application, consent_text
):
    """A parent opens the form; a new version comes into force before they send it. The
    application must record the text they read, so they are asked to read the new one."""
    sent_for_old = answers(application)
    new_text = ConsentTextFactory(version=4, summary="Школа хранит ваши ФИО два года.")

    refused = client.post(application.url, sent_for_old, follow=True)
    form = BeautifulSoup(refused.content.decode(), "html.parser")

    assert refused.status_code == 400
    assert "Текст согласия изменился" in refused.content.decode()
    assert "Школа хранит ваши ФИО два года." in refused.content.decode()
    assert not form.find("input", attrs={"name": CONSENT_FIELD}).has_attr("checked")
    assert (
        form.find("input", attrs={"name": application.fields["name"].clean_name})["value"]
        == "Мария"
    )
    assert not ApplicationSubmission.objects.exists()

    agreed = client.post(application.url, answers(application), follow=True)

    assert is_thanked(agreed)
    assert ApplicationSubmission.objects.get().consent_text == new_text


def test_a_consent_text_corrected_in_place_while_the_form_was_open_must_be_agreed_to_again(
    client, application, consent_text
):
    sent_for_old = answers(application)
    consent_text.summary = "Школа хранит ваши ФИО и телефон три года."
    consent_text.save()

    refused = client.post(application.url, sent_for_old)

    assert refused.status_code == 400
    assert "Школа хранит ваши ФИО и телефон три года." in refused.content.decode()
    assert not ApplicationSubmission.objects.exists()


def test_an_application_naming_no_shown_consent_text_is_refused(client, application, consent_text):
    response = client.post(application.url, answers(application, consent_text_shown=None))

    assert response.status_code == 400
    assert not ApplicationSubmission.objects.exists()


def shown_reference(response):
    """The application's number the page shows, or None where it shows the form."""
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    reference = page.select_one(".site-form__reference strong")
    if reference is None:
        assert page.select_one(f'form input[name="{CONSENT_FIELD}"]') is not None
    return reference and reference.get_text()


@pytest.mark.parametrize("page_cache", [0, 3600])
def test_reloading_the_thanks_sends_nothing_again_and_nobody_else_sees_them(
    client, application, consent_text, mailoutbox, settings, page_cache
):
    """A phone reloads a tab it brings back: the thanks were the answer to the POST, and a
    reload sent the application again, under a new number, with a second e-mail."""
    settings.PAGE_CACHE_TIMEOUT = page_cache
    someone_else = Client()
    assert shown_reference(someone_else.get(application.url)) is None  # kept, if it may be

    sent = client.post(application.url, answers(application))
    submission = ApplicationSubmission.objects.get()

    assert sent.status_code == 303
    for _reload in range(2):
        assert shown_reference(client.get(sent["Location"])) == submission.reference
    assert ApplicationSubmission.objects.count() == 1
    assert len(mailoutbox) == 1
    # The same address in another browser is the form, from the page cache or not.
    assert shown_reference(someone_else.get(sent["Location"])) is None


def test_the_same_answers_sent_twice_make_one_application_another_childs_a_second(
    client, application, consent_text, mailoutbox
):
    """A double tap on «Отправить», or «Назад» and sending again: one application, the same
    thanks. A parent applying for a second child changes the answers: a second one."""
    first = client.post(application.url, answers(application))
    again = client.post(application.url, answers(application))

    assert again.status_code == 303 and again["Location"] == first["Location"]
    assert (
        shown_reference(client.get(again["Location"]))
        == ApplicationSubmission.objects.get().reference
    )
    assert len(mailoutbox) == 1

    name = application.fields["name"].clean_name
    second_child = client.post(application.url, answers(application, **{name: "Пётр"}))

    assert second_child.status_code == 303
    assert ApplicationSubmission.objects.count() == 2
    assert len(mailoutbox) == 2
    # Someone else sending the same answers is someone else's application.
    Client().post(application.url, answers(application))
    assert ApplicationSubmission.objects.count() == 3


def test_the_thanks_end_after_an_hour_with_the_session_begun_for_them(
    client, application, consent_text, monkeypatch, settings
):
    """The session keeps its visitor's pages out of the shared caches, and a shared school
    computer's history leads the next pupil to the thanks."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-session-long-gone"
    sent = client.post(application.url, answers(application))

    assert sent.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == thanks.THANKS_SECONDS
    an_hour_later = time.time() + thanks.THANKS_SECONDS + 1
    monkeypatch.setattr(thanks, "time", SimpleNamespace(time=lambda: an_hour_later))
    assert shown_reference(client.get(sent["Location"])) is None


def test_a_session_that_holds_more_than_the_thanks_keeps_its_age(
    client, application, consent_text, settings
):
    session = client.session
    session["something else"] = "kept"
    session.save()

    sent = client.post(application.url, answers(application))

    assert sent.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


def test_the_thank_you_page_gives_the_reference_number_and_what_happens_next(
    client, application, consent_text
):
    application.reply_within_days = 3
    application.save()

    response = client.post(application.url, answers(application), follow=True)
    thanks = BeautifulSoup(response.content.decode(), "html.parser")

    submission = ApplicationSubmission.objects.get()
    year = timezone.localtime(submission.submit_time).year
    assert submission.reference == f"{year}-{submission.pk:05d}"
    assert thanks.select_one(".site-form__reference strong").get_text() == submission.reference
    assert "в течение 3 рабочих дней" in thanks.select_one(".site-form__next").get_text()
    assert submission.get_data()[REFERENCE_COLUMN] == submission.reference
    assert (REFERENCE_COLUMN, "Номер заявки") in [
        (name, str(label)) for name, label in application.get_data_fields()
    ]


def test_a_required_choice_comes_with_nothing_chosen_and_is_refused_when_skipped(
    client, application, consent_text
):
    grade = ApplicationFormFieldFactory(
        page=application,
        label="Класс ученика",
        field_type="dropdown",
        choices="1–4\n5–7",
        sort_order=4,
    )
    form = BeautifulSoup(client.get(application.url).content.decode(), "html.parser")
    options = form.find(id=f"id_{grade.clean_name}").find_all("option")

    response = client.post(application.url, answers(application), follow=True)

    assert [option.get_text() for option in options] == ["— выберите —", "1–4", "5–7"]
    assert options[0]["value"] == "" and not any(
        option.has_attr("selected") for option in options[1:]
    )
    assert response.status_code == 400
    assert not ApplicationSubmission.objects.exists()


def test_phone_e_mail_and_name_questions_bring_the_right_keyboard_and_autofill(
    client, application, consent_text
):
    phone = ApplicationFormFieldFactory(
        page=application, label="Телефон", field_type="tel", sort_order=4
    )
    name, email = application.fields["name"], application.fields["email"]
    name.field_type = "name"
    name.save()
    form = BeautifulSoup(client.get(application.url).content.decode(), "html.parser")

    def attributes(field):
        element = form.find(id=f"id_{field.clean_name}")
        return {key: element.get(key) for key in ("type", "inputmode", "autocomplete")}

    assert attributes(phone) == {"type": "tel", "inputmode": "tel", "autocomplete": "tel"}
    assert attributes(email) == {"type": "email", "inputmode": None, "autocomplete": "email"}
    assert attributes(name) == {"type": "text", "inputmode": None, "autocomplete": "name"}


@pytest.mark.parametrize(
    ("number", "accepted"),
    [
        ("+7 (912) 345-67-89", True),
        ("8 912 3456789", True),
        ("+7 (912) 345-67-89, доб. 12", True),
        ("8 (912) 345-67-89 ext. 12", True),
        # Pasted from a message: no-break spaces and hyphens.
        ("8\u00a0912\u2011345\u201167\u201189", True),
        ("позвоните", False),
        ("12", False),
        ("++++++5----55555", False),
        ("8 912 345-67-89 +7", False),
    ],
)
def test_a_phone_number_is_checked_as_people_write_it(
    client, application, consent_text, number, accepted
):
    phone = ApplicationFormFieldFactory(
        page=application, label="Телефон", field_type="tel", sort_order=4
    )

    response = client.post(
        application.url, answers(application, **{phone.clean_name: number}), follow=True
    )

    assert is_thanked(response) if accepted else response.status_code == 400
    assert ApplicationSubmission.objects.exists() is accepted
    if not accepted:
        assert "Введите номер телефона" in response.content.decode()


def test_screen_readers_skip_the_anti_spam_field(client, application, consent_text):
    form = BeautifulSoup(client.get(application.url).content.decode(), "html.parser")
    trap = form.find(attrs={"name": HONEYPOT_FIELD})

    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None
    assert (trap["tabindex"], trap["autocomplete"]) == ("-1", "off")


def test_an_invalid_application_comes_back_with_the_values_and_errors_by_the_fields(
    client, application, consent_text
):
    name, email, about = (field.clean_name for field in application.fields.values())
    response = client.post(
        application.url, answers(application, **{email: "not-an-address"}), follow=True
    )
    form = BeautifulSoup(response.content.decode(), "html.parser")

    assert response.status_code == 400
    assert form.find(id=f"id_{name}")["value"] == "Мария"
    assert form.find(id=f"id_{about}").get_text().strip() == "Помогу с математикой"
    wrong = form.find(id=f"id_{email}")
    assert (wrong["value"], wrong["aria-invalid"]) == ("not-an-address", "true")
    error = form.find(id=wrong["aria-describedby"]).get_text()
    summary = form.select(".error-summary li a")
    assert [(link["href"], link.get_text()) for link in summary] == [
        (f"#id_{email}", f"Электронная почта: {error}")
    ]
    assert not ApplicationSubmission.objects.exists()


def test_the_honeypot_rejects_without_storing_and_keeps_the_answers(
    client, application, consent_text
):
    """A browser's autofill may fill the hidden field too: the person sees why, with their
    answers, and sends them again."""
    name = application.fields["name"].clean_name
    response = client.post(
        application.url, answers(application, **{HONEYPOT_FIELD: "spam", name: "Мария"})
    )

    assert response.status_code == 400
    assert "Ваши ответы сохранены" in error_summary(response)
    assert answer_shown(response, name) == "Мария"
    assert not ApplicationSubmission.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_labelled(client, application, consent_text):
    content = client.get(application.url).content.decode()

    assert f'<label for="id_{HONEYPOT_FIELD}">' in content
    assert f'name="{HONEYPOT_FIELD}" value="" tabindex="-1" autocomplete="off"' in content


def test_the_rate_limit_rejects_without_storing_and_keeps_no_address(
    client, application, consent_text, settings
):
    settings.FORM_SUBMISSIONS_PER_ADDRESS = 2
    address = {"REMOTE_ADDR": "203.0.113.7"}
    name = application.fields["name"].clean_name

    def pupil(number):
        return answers(application, **{name: f"Ученик {number}"})

    statuses = [
        client.post(application.url, pupil(number), **address, follow=True).status_code
        for number in range(3)
    ]
    other = client.post(application.url, pupil(3), REMOTE_ADDR="198.51.100.1", follow=True)

    assert statuses == [200, 200, 429]
    refused = client.post(application.url, pupil(4), **address)
    assert "Слишком много форм" in error_summary(refused)
    assert answer_shown(refused, name) == "Ученик 4"
    assert is_thanked(other)
    assert ApplicationSubmission.objects.count() == 3
    assert not any("203.0.113.7" in key for key in cache._cache)


def test_the_curators_e_mail_links_to_the_admin_and_carries_no_data(
    client, application, consent_text
):
    client.post(application.url, answers(application), follow=True)

    (message,) = mail.outbox
    assert message.to == ["curator@example.org"]
    assert f"http://testserver/admin/forms/submissions/{application.pk}/" in message.body
    assert "Мария" not in message.body
    assert "maria@example.org" not in message.body


def test_an_application_is_kept_when_the_mail_server_is_down(
    client, application, consent_text, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("mentoring_pages.models.forms.send_mail", refuse)

    response = client.post(application.url, answers(application), follow=True)

    assert is_thanked(response)
    assert ApplicationSubmission.objects.count() == 1


def test_the_landing_links_to_the_application_forms(client, section, application):
    content = client.get(section.landing.url).content.decode()

    assert f'<a class="button" href="{application.url}">{application.title}</a>' in content


def test_the_form_makes_the_same_queries_whatever_its_size(queries_of, application, consent_text):
    small = queries_of(application.url)
    for _ in range(30):
        ApplicationFormFieldFactory(page=application, field_type="dropdown", choices="а\nб\nв")

    large = queries_of(application.url)

    assert len(small) == len(large), large
    assert len(large) <= PAGE_QUERY_LIMIT


def test_the_form_in_english(client, english_section, english, application, consent_text):
    translate(
        application,
        english,
        {"Хочу стать наставником": "I want to become a mentor", "Имя": "Name"},
    )
    translate(
        consent_text, english, {consent_text.summary: "The school keeps your name for a year."}
    )
    english_consent = consent_text.get_translation(english)
    sent = answers(application, **shown_consent(application.get_translation(english)))

    response = client.get("/en/nastavnichestvo/" + application.slug + "/")
    content = response.content.decode()
    posted = client.post("/en/nastavnichestvo/" + application.slug + "/", sent, follow=True)

    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert "I want to become a mentor" in content
    assert ">Name" in content
    assert "The school keeps your name for a year." in content
    assert "(required)" in content
    assert is_thanked(posted) and html_lang(posted) == "en"
    assert posted.redirect_chain == [(f"/en/nastavnichestvo/{application.slug}/?sent", 303)]
    assert ApplicationSubmission.objects.get().consent_text == english_consent
    # The curators read the school's language: the form is named as they know it.
    (message,) = mail.outbox
    assert message.subject == "Новая заявка: Хочу стать наставником"
    assert "«Хочу стать наставником»" in message.body


def test_a_question_named_like_the_honeypot_gets_a_name_of_its_own(
    client, application, consent_text
):
    website = ApplicationFormFieldFactory(page=application, label="Website", required=False)

    response = client.post(
        application.url, answers(application, **{website.clean_name: "x.ru"}), follow=True
    )

    assert website.clean_name == "website_answer"
    assert is_thanked(response)
    assert ApplicationSubmission.objects.get().form_data[website.clean_name] == "x.ru"


def test_russian_questions_get_readable_names(application):
    assert application.fields["name"].clean_name == "imia"
    assert application.fields["email"].clean_name == "elektronnaia_pochta"


def test_a_date_question_opens_the_phones_date_picker_and_keeps_the_date(
    client, application, consent_text
):
    day = ApplicationFormFieldFactory(page=application, label="Удобный день", field_type="date")
    moment = ApplicationFormFieldFactory(
        page=application, label="Удобное время", field_type="datetime"
    )
    form = BeautifulSoup(client.get(application.url).content, "html.parser")

    posted = client.post(
        application.url,
        answers(
            application, **{day.clean_name: "2025-05-14", moment.clean_name: "2025-05-14T15:30"}
        ),
        follow=True,
    )

    assert form.select_one(f"#id_{day.clean_name}")["type"] == "date"
    assert form.select_one(f"#id_{moment.clean_name}")["type"] == "datetime-local"
    assert is_thanked(posted)
    stored = ApplicationSubmission.objects.get().get_data()
    assert str(stored[day.clean_name]) == "2025-05-14"
    assert str(stored[moment.clean_name]).startswith("2025-05-14")


def test_a_hidden_question_shows_no_label_and_sends_its_value(client, application, consent_text):
    source = ApplicationFormFieldFactory(
        page=application, label="Источник", field_type="hidden", required=False
    )
    source.default_value = "сайт"
    source.save()

    form = BeautifulSoup(client.get(application.url).content, "html.parser")

    assert form.find("label", string="Источник") is None
    assert form.select_one(f"input[type=hidden][name={source.clean_name}]")["value"] == "сайт"


def test_the_editors_preview_of_the_thanks_shows_the_number_and_what_happens_next(
    application,
):
    application.reply_within_days = 3

    preview = application.make_preview_request(preview_mode="landing")

    landing = BeautifulSoup(preview.render().content.decode(), "html.parser")
    assert landing.select_one(".site-form__reference strong").get_text().endswith("-00001")
    assert "в течение 3 рабочих дней" in landing.select_one(".site-form__next").get_text()
