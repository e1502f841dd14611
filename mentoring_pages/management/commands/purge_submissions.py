"""Delete the form submissions older than FORM_SUBMISSION_RETENTION_DAYS. Run it daily (cron)."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import ngettext

from home.management.site_language import SiteLanguageCommand
from mentoring_pages.models.forms import expired_submissions


class Command(SiteLanguageCommand):
    help = (
        "Delete form submissions older than the retention period (FORM_SUBMISSION_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            querysets = expired_submissions()
            count = sum(queryset.count() for queryset in querysets)
            if not options["dry_run"]:
                for queryset in querysets:
                    queryset.delete()
        days = settings.FORM_SUBMISSION_RETENTION_DAYS
        if options["dry_run"]:
            said = ngettext(
                "%(count)d submission older than %(days)d days would be deleted.",
                "%(count)d submissions older than %(days)d days would be deleted.",
                count,
            )
        else:
            said = ngettext(
                "%(count)d submission older than %(days)d days deleted.",
                "%(count)d submissions older than %(days)d days deleted.",
                count,
            )
        self.stdout.write(said % {"count": count, "days": days})
