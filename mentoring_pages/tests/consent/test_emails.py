"""The curators learn by e-mail, in Russian, which pages lost their consent and why (in the
rule's own words), and which photos went with them."""

import datetime

import pytest
from django.utils import timezone, translation

from mentoring_pages.consent.emails import notify_curators
from mentoring_pages.models import MentorPage
from programmes.schools import default_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(mentor, end_consent):
    """Two live pages whose consents ended behind the admin's back: one withdrawn on
    1 March 2025, one expired on 31 May 2024."""
    withdrawn, expired = mentor("Анна Петрова"), mentor("Олег Сидоров")
    end_consent(withdrawn, withdrawn_at=timezone.make_aware(datetime.datetime(2025, 3, 1, 12)))
    end_consent(expired, valid_until=datetime.date(2024, 5, 31))
    return list(MentorPage.objects.select_related("consent").order_by("title"))


def test_the_curators_read_which_pages_went_and_why(ended, curators, mailoutbox):
    withdrawn, expired = ended

    with translation.override("en"):  # whoever's request it was: the site's language
        notify_curators(default_school().pk, ended, ["Портрет"])

    (message,) = mailoutbox
    assert message.to == ["curator@example.org"]
    assert message.subject == "Страницы сняты с публикации: нет действующего согласия (2)"
    lines = message.body.splitlines()
    assert f"- Анна Петрова: {withdrawn.get_url()} — Согласие отозвано 01.03.2025." in lines
    assert f"- Олег Сидоров: {expired.get_url()} — Срок согласия истёк 31.05.2024." in lines
    assert lines[-2:] == ["Удалены фотографии:", "- Портрет"]


def test_without_deleted_photos_the_mail_names_none(ended, curators, mailoutbox):
    notify_curators(default_school().pk, ended, [])

    (message,) = mailoutbox
    assert "Удалены фотографии:" not in message.body


def test_without_a_curator_to_tell_nothing_is_sent(ended, mailoutbox):
    notify_curators(default_school().pk, ended, ["Портрет"])

    assert mailoutbox == []
