from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import Site

from home.demo import build_school_site
from home.management.site_language import SiteLanguageCommand
from mentoring_pages.demo.builders import build_section
from mentoring_pages.demo.centre import build_centre
from programmes.demo import build_programme, create_demo_users
from programmes.models import School
from site_project.demo_schools import build_demo_schools


class Command(SiteLanguageCommand):
    help = (
        "Build the demo municipality: three schools' sites, one user per role of each and a "
        "coordinator. Safe to run again: existing content is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=8000, help="the server's, for the addresses printed"
        )

    @transaction.atomic
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        home = build_school_site(log=self.log)
        programme = build_programme(log=self.log)
        build_section(home, programme, log=self.log)
        schools = build_demo_schools(log=self.log)
        create_demo_users(log=self.log, schools=schools)
        build_centre(log=self.log)
        self.stdout.write(self.style.SUCCESS(gettext("Demo content is ready.")))
        schools = {school.home_page_id: school for school in School.objects.all()}
        for site in Site.objects.select_related("root_page").order_by("hostname"):
            name = schools.get(site.root_page_id) or site.site_name or site.root_page.title
            self.stdout.write(f"  {name}: http://{site.hostname}:{options['port']}/")

    def log(self, message):
        if self.verbosity >= 1:
            self.stdout.write(f"  {message}")
