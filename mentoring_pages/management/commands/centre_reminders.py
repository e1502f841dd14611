"""From cron, as often as the municipal centre wants (monthly, say): write to the curators
of each school whose current roadmap has overdue events, or which has no participation
figures for this year yet, what the centre is waiting for. One e-mail per school, to all
its curators with an e-mail address; none to a school that is up to date."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext, ngettext

from mentoring_pages.centre.rollup import progress_by_school
from mentoring_pages.management.reminders import ReminderCommand
from mentoring_pages.roadmap import statuses
from programmes.models import ParticipationFigures, School
from programmes.roles import CURATOR, users_in_role


def what_is_missing(school, progress, has_figures, year):
    """The lines of the reminder for `school`, or [] when it is up to date."""
    lines = []
    if progress is not None and progress.overdue:
        lines.append(
            ngettext(
                "Your roadmap has %(count)d overdue event: mark it done or correct its dates.",
                "Your roadmap has %(count)d overdue events: mark them done or correct their dates.",
                progress.overdue,
            )
            % {"count": progress.overdue}
        )
    if not has_figures:
        lines.append(
            gettext("The participation figures for %(year)d have not been entered yet.")
            % {"year": year}
        )
    return lines


def reminders(on=None):
    """[(school, EmailMessage)] for the schools the centre is waiting for."""
    on = on or statuses.today()
    progress = progress_by_school(on)
    with_figures = set(
        ParticipationFigures.objects.filter(year=on.year, programme__live=True).values_list(
            "programme__school_id", flat=True
        )
    )
    messages = []
    for school in School.objects.all():
        lines = what_is_missing(school, progress.get(school.pk), school.pk in with_figures, on.year)
        recipients = list(
            users_in_role(CURATOR, school).exclude(email="").values_list("email", flat=True)
        )
        if not lines or not recipients:
            continue
        subject = gettext("The municipal mentoring centre is waiting for %(school)s") % {
            "school": school.short_name
        }
        body = "\n\n".join([gettext("Hello!"), *lines, gettext("The municipal mentoring centre")])
        messages.append(
            (school, EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
        )
    return messages


class Command(ReminderCommand):
    help = (
        "E-mail the curators of each school whose roadmap has overdue events or whose "
        "participation figures for this year are missing."
    )

    def reminders(self):
        return [
            (
                message,
                gettext("Not sent to the curators of %(school)s") % {"school": school.short_name},
            )
            for school, message in reminders()
        ]
