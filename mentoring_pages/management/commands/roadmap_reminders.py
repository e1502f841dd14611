"""Daily from cron: remind each curator of the overdue events of their roadmaps and of those
due in the next week. One e-mail per curator, and none to a curator with nothing to do.

Who gets it: active users in a school's curators' group («Куратор — <школа>») with an e-mail
address.
Superusers are not written to unless they are curators too: the site's technical
administrator is not the person responsible for the programme's deadlines. Each curator
hears of the roadmaps they may edit, as the board shows them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from mentoring_pages.management.reminders import ReminderCommand
from mentoring_pages.roadmap import statuses
from mentoring_pages.roadmap.board.listing import REMINDER_DAYS, reminder_events
from mentoring_pages.roadmap.board.permissions import editable_roadmaps
from programmes.roles import CURATOR


def curators():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__school_role__role=CURATOR)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def reminder(user, on=None):
    """The e-mail for `user`, or None when none of their roadmaps' events needs a word."""
    on = on or statuses.today()
    overdue, due = reminder_events(editable_roadmaps(user), on)
    if not overdue and not due:
        return None
    subject = gettext("Roadmap deadlines: %(overdue)d overdue, %(due)d due soon") % {
        "overdue": len(overdue),
        "due": len(due),
    }
    body = render_to_string(
        "mentoring_pages/admin/reminder_email.txt",
        {
            "user": user,
            "name": user.get_full_name() or user.get_username(),
            "overdue": overdue,
            "due": due,
            "days": REMINDER_DAYS,
            "on": on,
            "board_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("mentoring_pages_board"),
        },
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


class Command(ReminderCommand):
    help = (
        "E-mail each curator the overdue events of their roadmaps and those due in the next "
        f"{REMINDER_DAYS} days (run daily)."
    )

    def reminders(self):
        on = statuses.today()
        for user in curators():
            message = reminder(user, on)
            if message is not None:
                yield message, gettext("Not sent to %(name)s") % {"name": user.get_username()}
