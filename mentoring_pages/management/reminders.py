"""What the reminder commands share: each e-mail sent on its own (in the site's language, as
every command of ours speaks)."""

from django.core.management.base import CommandError
from django.utils.translation import gettext

from home.management.site_language import SiteLanguageCommand


class ReminderCommand(SiteLanguageCommand):
    """Sends the e-mails of `reminders()`: [(EmailMessage, whom it was for, to say when it
    could not be sent)]. A mail server refusing one must not keep the next from being sent
    (SMTP errors are OSErrors); the command fails at the end if any was not."""

    def reminders(self):
        raise NotImplementedError

    def handle(self, *args, **options):
        sent, unsent = 0, 0
        for message, whom in self.reminders():
            try:
                sent += message.send()
            except OSError as error:
                unsent += 1
                self.stderr.write(f"{whom}: {error}")
        self.stdout.write(gettext("Reminders sent: %(count)d") % {"count": sent})
        if unsent:
            raise CommandError(gettext("Reminders not sent: %(count)d") % {"count": unsent})
