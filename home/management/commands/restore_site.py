"""Restore the whole site from an archive of backup_site: see home.backup."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext

from home.backup import BackupError, restore_archive
from home.management.site_language import SiteLanguageCommand


class Command(SiteLanguageCommand):
    help = (
        "Replace the database's content and the uploaded files (MEDIA_ROOT) with those of an "
        "archive written by backup_site. The database must be migrated to the same version; "
        "one that already holds a site is replaced only with --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="An archive written by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the site the database holds (its users and pages) with the archive's.",
        )

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        try:
            manifest = restore_archive(
                archive, force=options["force"], verbosity=options["verbosity"], stdout=self.stdout
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write(
                gettext("Site restored from %(archive)s, backed up %(created)s.")
                % {"archive": archive, "created": manifest["created"]}
            )
