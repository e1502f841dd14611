from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import reports


class Command(BaseCommand):
    help = (
        "Write the quarterly execution report of a roadmap (its events of the quarter, their "
        "statuses and the counts) to an XLSX file."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, required=True, help="ID of the roadmap page")
        parser.add_argument("--quarter", required=True, help="the quarter, e.g. 2024Q3")
        parser.add_argument("--out", required=True, help="the .xlsx file to write")

    def handle(self, *args, page, quarter, out, **options):
        try:
            quarter = reports.Quarter.parse(quarter)
        except ValueError as error:
            raise CommandError(str(error)) from error
        roadmap_page = RoadmapPage.objects.filter(pk=page).first()
        if roadmap_page is None:
            raise CommandError(f"There is no roadmap with page ID {page}.")
        with translation.override(settings.LANGUAGE_CODE):
            report = reports.build_report(roadmap_page, quarter)
            content = reports.xlsx_bytes(report)
        try:
            Path(out).write_bytes(content)
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror}") from error
        summary = report.summary
        self.stdout.write(
            f"{out}: «{roadmap_page.title}», {quarter}: {summary.total} events, "
            f"{summary.done} done, {summary.overdue} overdue"
        )
