import json

from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext
from wagtail.models import Page

from home.management.site_language import SiteLanguageCommand
from mentoring_pages.models import RoadmapPage
from mentoring_pages.roadmap.importer import (
    NOT_INTO_A_TRANSLATION,
    as_data,
    create_roadmap_page,
    fill_roadmap,
    guess_period,
    in_source_language,
    read_for_import,
)
from mentoring_pages.roadmap.reader import RoadmapImportError


class Command(SiteLanguageCommand):
    help = (
        "Import a roadmap from a .docx, .xlsx or .csv file: as a new draft roadmap page "
        "under --parent, or with --dry-run just show what the file holds."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--parent", type=int, help="ID of the page to create it under")
        parser.add_argument("--title", default="", help="the page's title (default: the file's)")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument("--json", action="store_true", help="print the roadmap as JSON")

    def handle(self, *args, file, parent, title, dry_run, json, **options):
        try:
            with open(file, "rb") as stream:
                imported = read_for_import(stream, file)
        except OSError as error:
            raise CommandError(
                gettext("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
        except RoadmapImportError as error:
            raise CommandError(str(error)) from error

        if dry_run:
            page = RoadmapPage(title=title or imported.title)
            page.first_year, page.last_year = guess_period(imported)
            fill_roadmap(page, imported)
        else:
            page = create_roadmap_page(self.parent_page(parent), imported, title)

        if json:
            self.stdout.write(self.to_json(as_data(page)))
        else:
            events = len(page.events.all())
            self.stdout.write(
                gettext("Stages: %(stages)d, events: %(events)d")
                % {"stages": len(page.stages.all()), "events": events}
            )

    def parent_page(self, parent_id):
        if parent_id is None:
            raise CommandError(gettext("Give --parent PAGE_ID, or --dry-run to write nothing."))
        parent = Page.objects.filter(pk=parent_id).first()
        if parent is None:
            raise CommandError(gettext("There is no page with ID %(id)s.") % {"id": parent_id})
        if RoadmapPage not in parent.specific_class.allowed_subpage_models():
            raise CommandError(
                gettext(
                    "A roadmap cannot be created under “%(title)s” (%(kind)s); choose the "
                    "roadmaps page."
                )
                % {"title": parent.title, "kind": parent.specific_class._meta.verbose_name}
            )
        if not in_source_language(parent):
            raise CommandError(NOT_INTO_A_TRANSLATION % {"title": parent.title})
        return parent

    @staticmethod
    def to_json(data):
        return json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
