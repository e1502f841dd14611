"""The base of our management commands: they speak the site's language. Cron mails their
output to the school's staff, who read Russian; Django runs a command with translations
off."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class SiteLanguageCommand(BaseCommand):
    leave_locale_alone = True

    def execute(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return super().execute(*args, **options)
