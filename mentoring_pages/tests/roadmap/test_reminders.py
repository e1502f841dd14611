"""`manage.py roadmap_reminders`: one e-mail a day to each curator with something overdue
or due within a week on the roadmaps they keep, and none to anyone else."""

import datetime
import io
import smtplib

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import GroupPagePermission

from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.statuses import EventStatus
from mentoring_pages.tests.factories import roadmap_with_events
from programmes.roles import CURATOR, group_of
from programmes.schools import default_school

pytestmark = pytest.mark.django_db


def days(offset):
    return statuses.today() + datetime.timedelta(days=offset)


def run():
    stdout = io.StringIO()
    call_command("roadmap_reminders", stdout=stdout)
    return stdout.getvalue()


def roadmap_with(parent, title, events):
    """A roadmap of (title, end, status) events."""
    return roadmap_with_events(
        parent,
        [
            {"title": name, "start": None, "end": end, "status": status}
            for name, end, status in events
        ],
        title=title,
    )


@pytest.fixture
def schools(section, django_user_model):
    """Two schools' curators, each keeping their own roadmap (a group per school, as a
    multi-school installation has), and a third whose roadmap has nothing due."""
    curators = group_of(default_school(), CURATOR)
    # The role's blanket permission on the roadmaps index is replaced by one per school.
    GroupPagePermission.objects.filter(group=curators).delete()
    change = Permission.objects.get(codename="change_page")

    def curator(name, page, email=True):
        school = Group.objects.create(name=f"Школа {name}")
        GroupPagePermission.objects.create(group=school, page=page, permission=change)
        user = django_user_model.objects.create_user(
            username=name, email=f"{name}@school.example" if email else ""
        )
        user.groups.add(curators, school)
        return user

    first = roadmap_with(
        section.roadmaps,
        "Карта первой школы",
        [
            ("Первая: просрочено", days(-2), EventStatus.PLANNED),
            ("Первая: сегодня", days(0), EventStatus.IN_PROGRESS),
            ("Первая: через неделю", days(7), EventStatus.PLANNED),
            ("Первая: через 8 дней", days(8), EventStatus.PLANNED),
            ("Первая: выполнено", days(-5), EventStatus.DONE),
            ("Первая: выполнено к сроку", days(3), EventStatus.DONE),
            ("Первая: отменено", days(-5), EventStatus.CANCELLED),
        ],
    )
    second = roadmap_with(
        section.roadmaps,
        "Карта второй школы",
        [("Вторая: через 3 дня", days(3), EventStatus.PLANNED)],
    )
    third = roadmap_with(
        section.roadmaps,
        "Карта третьей школы",
        [
            ("Третья: через месяц", days(30), EventStatus.PLANNED),
            ("Третья: выполнено", days(-1), EventStatus.DONE),
        ],
    )
    return {
        "first": curator("first", first),
        "second": curator("second", second),
        "third": curator("third", third),
    }


def mail_to(mailoutbox, user):
    [message] = [message for message in mailoutbox if message.to == [user.email]]
    return message


def listed_events(body):
    """The titles of the events the e-mail lists, in its order: each is a line «- N. title»."""
    return [line.split(" ", 2)[2] for line in body.splitlines() if line.startswith("- ")]


def test_each_curator_gets_one_email_about_their_own_roadmap(mailoutbox, schools):
    output = run()

    assert len(mailoutbox) == 2
    assert output == "Напоминаний отправлено: 2\n"
    first = mail_to(mailoutbox, schools["first"]).body
    assert listed_events(first) == [
        "Первая: просрочено",
        "Первая: сегодня",
        "Первая: через неделю",
    ]
    assert "Карта первой школы" in first
    assert days(-2).strftime("%d.%m.%Y") in first
    second = mail_to(mailoutbox, schools["second"]).body
    assert listed_events(second) == ["Вторая: через 3 дня"]
    assert second.rstrip().endswith(" http://testserver/admin/roadmap-board/")


def test_a_refused_address_keeps_no_other_curator_from_hearing(mailoutbox, schools, monkeypatch):
    deliver = EmailMessage.send

    def refuse_the_first(message, fail_silently=False):
        if message.to == [schools["first"].email]:
            raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
        return deliver(message, fail_silently)

    monkeypatch.setattr(EmailMessage, "send", refuse_the_first)
    output, errors = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="не отправлено: 1"):
        call_command("roadmap_reminders", stdout=output, stderr=errors)

    assert [message.to for message in mailoutbox] == [[schools["second"].email]]
    assert "Напоминаний отправлено: 1" in output.getvalue()
    assert schools["first"].get_username() in errors.getvalue()


def test_overdue_events_come_first_then_the_others_by_deadline(mailoutbox, schools):
    run()

    body = mail_to(mailoutbox, schools["first"]).body
    with translation.override(settings.LANGUAGE_CODE):
        overdue = ngettext(
            "%(counter)s event of your roadmaps is overdue:",
            "%(counter)s events of your roadmaps are overdue:",
            1,
        ) % {"counter": 1}
        due = ngettext(
            "Due in the next %(counter)s day:", "Due in the next %(counter)s days:", 7
        ) % {"counter": 7}
    headings = [line for line in body.splitlines() if line in (overdue, due)]
    assert headings == [overdue, due]
    assert body.index(overdue) < body.index("Первая: просрочено") < body.index(due)
    assert body.index(due) < body.index("Первая: сегодня") < body.index("Первая: через неделю")


def test_events_due_in_eight_days_and_closed_events_are_left_out(mailoutbox, schools):
    """A week ahead counts (7 days), 8 days does not; done and cancelled events never do."""
    run()

    listed = listed_events(mail_to(mailoutbox, schools["first"]).body)
    assert "Первая: через неделю" in listed
    for title in ("через 8 дней", "выполнено", "выполнено к сроку", "отменено"):
        assert f"Первая: {title}" not in listed


def test_a_curator_with_nothing_due_gets_no_email(mailoutbox, schools):
    run()

    assert [message for message in mailoutbox if message.to == [schools["third"].email]] == []


def test_the_email_is_in_the_sites_language(mailoutbox, schools, settings):
    with translation.override("en"):
        run()

    message = mail_to(mailoutbox, schools["second"])
    with translation.override(settings.LANGUAGE_CODE):
        expected = gettext("Roadmap deadlines: %(overdue)d overdue, %(due)d due soon") % {
            "overdue": 0,
            "due": 1,
        }
    assert message.subject == expected


def test_nobody_else_is_written_to(mailoutbox, schools, django_user_model):
    django_user_model.objects.create_superuser(username="root", email="root@school.example")
    inactive = django_user_model.objects.create_user(
        username="gone", email="gone@school.example", is_active=False
    )
    inactive.groups.set(schools["first"].groups.all())
    no_address = django_user_model.objects.create_user(username="noaddress", email="")
    no_address.groups.set(schools["first"].groups.all())

    run()

    assert sorted(message.to[0] for message in mailoutbox) == [
        "first@school.example",
        "second@school.example",
    ]


def test_no_events_no_emails(mailoutbox, section, django_user_model):
    user = django_user_model.objects.create_user(username="c", email="c@school.example")
    user.groups.add(group_of(default_school(), CURATOR))

    assert run() == "Напоминаний отправлено: 0\n"
    assert mailoutbox == []
