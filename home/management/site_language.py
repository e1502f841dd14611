"""The base of our management commands: they speak the site's language, whatever language
is active where they are called from (the tests, a view, another command). Cron mails their
output to the school's staff, who read Russian."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation


class SiteLanguageCommand(BaseCommand):
    def execute(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            return super().execute(*args, **options)
