from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import build_school_site
from mentoring_pages.demo.builders import build_section
from mentoring_pages.demo.centre import build_centre
from programmes.demo import build_programme, create_demo_users


class Command(BaseCommand):
    help = "Build the demo school's site. Safe to run again: existing content is kept."

    @transaction.atomic
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        home = build_school_site(log=self.log)
        programme = build_programme(log=self.log)
        build_section(home, programme, log=self.log)
        create_demo_users(log=self.log)
        build_centre(log=self.log)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def log(self, message):
        if self.verbosity >= 1:
            self.stdout.write(f"  {message}")
