"""Django's SMTP backend, whose failures to reach the mail server are all ConnectionErrors.

Wagtail's moderation e-mails skip a connection that fails with a ConnectionError or a
timeout only: a mail server that answers 421, refuses the password or whose name does not
resolve raised past them and turned submitting a page for moderation, or a status change
on the roadmap board, into a 500 that undid it. Our own mail (reminders, consent notices)
catches OSError, of which ConnectionError is one, and says who was not written to."""

from django.core.mail.backends import smtp


class SMTPBackend(smtp.EmailBackend):
    def open(self):
        try:
            return super().open()
        except ConnectionError:
            raise
        except OSError as error:
            raise ConnectionError(f"The mail server cannot be reached: {error}") from error

    def close(self):
        try:
            super().close()
        except OSError as error:
            raise ConnectionError(f"The mail server dropped the connection: {error}") from error
