from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext

from home.management.site_language import SiteLanguageCommand
from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap import report_files, reports
from site_project.record_ids import record_id


class Command(SiteLanguageCommand):
    help = (
        "Write the quarterly execution report of a roadmap (the school, the counts by stage "
        "and status, the quarter's events with their statuses as of the quarter's end, the "
        "target indicators, lines to sign) to an XLSX or PDF file, in the site's language."
    )

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, required=True, help="ID of the roadmap page")
        parser.add_argument(
            "--quarter", required=True, help="the quarter, e.g. 2024Q3; up to the current one"
        )
        parser.add_argument("--out", required=True, help="the file to write")
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=report_files.FORMATS,
            help="xlsx or pdf; by default, the --out file's extension, else xlsx",
        )

    def handle(self, *args, page, quarter, out, file_format=None, **options):
        if file_format is None:
            extension = Path(out).suffix.lower().lstrip(".")
            file_format = extension if extension in report_files.FORMATS else "xlsx"
        try:
            quarter = reports.Quarter.parse(quarter)
            reports.check_not_future(quarter)
        except ValueError as error:
            raise CommandError(str(error)) from error
        # An id past the database's integers names no page (SQLite would overflow).
        roadmap_page = RoadmapPage.objects.filter(pk=record_id(page)).first()
        if roadmap_page is None:
            raise CommandError(gettext("There is no roadmap with page ID %(id)s.") % {"id": page})
        report = reports.build_report(roadmap_page, quarter)
        content, _content_type, _name = report_files.content(report, file_format)
        try:
            Path(out).write_bytes(content)
        except OSError as error:
            raise CommandError(
                gettext("Cannot write %(file)s: %(error)s") % {"file": out, "error": error.strerror}
            ) from error
        summary = report.summary
        self.stdout.write(
            gettext(
                "%(file)s: «%(title)s», %(quarter)s, as of %(on)s: %(total)d events, "
                "%(done)d done, %(overdue)d overdue"
            )
            % {
                "file": out,
                "title": report.title,
                "quarter": quarter,
                "on": f"{report.on:%d.%m.%Y}",
                "total": summary.total,
                "done": summary.done,
                "overdue": summary.overdue,
            }
        )
