"""Back the whole site up into one file: see home.backup. Run it daily (cron)."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext

from home.backup import BackupError, write_archive
from home.management.site_language import SiteLanguageCommand


class Command(SiteLanguageCommand):
    help = (
        "Write the database's content and the uploaded files (MEDIA_ROOT) into one .tar.gz "
        "archive, readable by its owner only. It holds personal data: keep it encrypted."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The file to write, e.g. nastavnik.tar.gz.")

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        try:
            write_archive(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write(gettext("Site backed up to %(archive)s.") % {"archive": archive})
