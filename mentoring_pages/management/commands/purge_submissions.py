"""Delete the form submissions older than FORM_SUBMISSION_RETENTION_DAYS. Run it daily (cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from mentoring_pages.models.forms import expired_submissions


class Command(BaseCommand):
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
            self.stdout.write(f"{count} submission(s) older than {days} days would be deleted.")
        else:
            self.stdout.write(f"{count} submission(s) older than {days} days deleted.")
