"""The centre's reminders: to the curators of the schools it is waiting for, only."""

import io
import smtplib

import pytest
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command

from programmes.roles import CURATOR
from programmes.tests.factories import ParticipationFiguresFactory

from .conftest import add_school

pytestmark = pytest.mark.django_db


def test_curators_of_a_late_school_hear_what_is_missing_the_others_nothing(
    mailoutbox, user_in, today
):
    late = add_school("gymnasium", done=1, overdue=2, figures=False)
    up_to_date = add_school("lyceum", done=1, overdue=0)
    # add_school enters last year's figures; this one has this year's too
    form = up_to_date.programme.forms.get()
    ParticipationFiguresFactory(form=form, year=today.year)
    user_in(CURATOR, "late-curator", school=late.school, email="late@example.org")
    user_in(CURATOR, "fine-curator", school=up_to_date.school, email="fine@example.org")

    call_command("centre_reminders", stdout=io.StringIO())

    assert [message.to for message in mailoutbox] == [["late@example.org"]]
    body = mailoutbox[0].body
    assert "2 просроченных мероприятия" in body
    assert "за 2026 год ещё не внесены" in body


def test_a_mail_server_refusing_one_school_still_reaches_the_others(
    monkeypatch, mailoutbox, user_in
):
    for name, address in (("gymnasium", "first@example.org"), ("lyceum", "second@example.org")):
        late = add_school(name, done=1, overdue=2, figures=False)
        user_in(CURATOR, name, school=late.school, email=address)
    deliver = EmailMessage.send

    def refuse_the_first(message, fail_silently=False):
        if message.to == ["first@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"first@example.org": (550, b"no such user")})
        return deliver(message, fail_silently)

    monkeypatch.setattr(EmailMessage, "send", refuse_the_first)
    output, errors = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("centre_reminders", stdout=output, stderr=errors)

    assert [message.to for message in mailoutbox] == [["second@example.org"]]
    assert "Напоминаний отправлено: 1" in output.getvalue()
    assert "gymnasium" in errors.getvalue()
    assert "не отправлено: 1" in str(failed.value)
