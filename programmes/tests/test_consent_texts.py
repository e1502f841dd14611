"""Consent texts: which version a form asks for, and a version agreed to never changes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from mentoring_pages.models import ApplicationSubmission
from mentoring_pages.tests.factories import ApplicationPageFactory
from programmes.models import ConsentText
from programmes.schools import default_school
from programmes.tests.factories import ConsentTextFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def test_the_current_text_is_the_highest_version_in_force():
    ConsentTextFactory(version=1)
    second = ConsentTextFactory(version=2)
    ConsentTextFactory(version=3, in_force_from=timezone.localdate() + datetime.timedelta(days=1))

    assert ConsentText.current(default_school(), "ru") == second


def test_there_is_no_current_text_without_any():
    assert ConsentText.current(default_school(), "ru") is None


def test_the_current_text_in_english_or_else_in_russian(english):
    text = ConsentTextFactory(version=1)

    assert ConsentText.current(default_school(), "en") == text
    translated = translate(text, english, {text.summary: "We keep your name for a year."})
    assert ConsentText.current(default_school(), "en") == translated
    assert translated.version == 1


@pytest.fixture
def agreed_to(home_page):
    text = ConsentTextFactory(version=1)
    ApplicationSubmission.objects.create(
        page=ApplicationPageFactory(parent=home_page),
        form_data={},
        consent_text=text,
        consented_at=timezone.now(),
    )
    return text


def test_a_version_agreed_to_cannot_change(agreed_to):
    agreed_to.summary = "Другой текст"

    with pytest.raises(ValidationError, match="нельзя менять"):
        agreed_to.full_clean()


def test_a_version_whose_translation_was_agreed_to_cannot_change_in_the_admin(
    english, home_page, admin_client
):
    """Someone agreed through the English form: the Russian wording of that version stays,
    refused with a message, and the English one is not rewritten."""
    text = ConsentTextFactory(version=1)
    translated = translate(text, english, {text.summary: "We keep your name for a year."})
    ApplicationSubmission.objects.create(
        page=ApplicationPageFactory(parent=home_page),
        form_data={},
        consent_text=translated,
        consented_at=timezone.now(),
    )
    url = reverse(ConsentText.snippet_viewset.get_url_name("edit"), args=[text.pk])
    fields = {
        "school": text.school_id,
        "title": text.title,
        "version": 1,
        "text": rich_text(text.text),
    }

    response = admin_client.post(
        url, {**fields, "in_force_from": "2024-01-01", "summary": "Храним пять лет."}
    )

    assert response.status_code == 200
    assert "нельзя менять" in response.content.decode()
    assert ConsentText.objects.get(pk=text.pk).summary == text.summary
    assert ConsentText.objects.get(pk=translated.pk).summary == "We keep your name for a year."


def test_the_translation_of_a_version_agreed_to_in_russian_may_still_be_corrected(
    agreed_to, english
):
    translated = translate(agreed_to, english, {agreed_to.summary: "We keep your name a year."})
    translated.summary = "We keep your name and phone number for a year."

    translated.full_clean()


def test_a_version_agreed_to_keeps_its_date_editable(agreed_to):
    agreed_to.in_force_from = datetime.date(2024, 2, 1)

    agreed_to.full_clean()


def test_a_version_nobody_agreed_to_can_change():
    text = ConsentTextFactory(version=1)
    text.summary = "Исправленный текст"

    text.full_clean()


def test_a_version_agreed_to_cannot_be_deleted(agreed_to):
    with pytest.raises(ProtectedError):
        agreed_to.delete()


def test_deleting_a_version_agreed_to_in_the_admin_is_refused(agreed_to, admin_client):
    url = reverse(ConsentText.snippet_viewset.get_url_name("delete"), args=[agreed_to.pk])

    response = admin_client.post(url, follow=True)

    assert response.status_code == 200
    assert "её нельзя удалить" in response.content.decode()
    assert ConsentText.objects.filter(pk=agreed_to.pk).exists()
