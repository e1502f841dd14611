from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.management.site_language import SiteLanguageCommand
from site_project.schools import DETAILS, ENGLISH_DETAILS, add_school


class Command(SiteLanguageCommand):
    help = (
        "Add a school: its site (its own host name, or a path under a site), home page, "
        "empty «Наставничество» section, groups, collections and moderation workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full-name", required=True)
        parser.add_argument("--short-name", required=True, help="names its groups: «Школа № 5»")
        parser.add_argument("--inn", default="", help="10 digits (12 for a person)")
        parser.add_argument("--address", default="")
        parser.add_argument("--municipality", default="")
        parser.add_argument("--head", default="", help="position and name of the head")
        parser.add_argument("--curator-contact", default="", help="phone or e-mail address")
        parser.add_argument("--full-name-en", default="", help="for its English pages")
        parser.add_argument("--short-name-en", default="", help="for its English pages")
        parser.add_argument("--address-en", default="", help="for its English pages")
        # One of the two; add_school says so in Russian if not (argparse would in English).
        parser.add_argument("--hostname", default="", help="its own site: school5.example.ru")
        parser.add_argument(
            "--path", default="", help="or its slug under a site: shkola-5 (at /shkola-5/)"
        )
        parser.add_argument(
            "--site", default="", help="with --path: that site's host name (the default site)"
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        try:
            school = add_school(
                hostname=options["hostname"],
                path=options["path"],
                under_site=self.site(options["site"]),
                log=self.log,
                english={field: options[field] for field in ENGLISH_DETAILS},
                **{field: options[field] for field in DETAILS},
            )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(_("School added: %(school)s") % {"school": school}))

    def site(self, hostname):
        if not hostname:
            return None
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            raise CommandError(_("No site %(hostname)s.") % {"hostname": hostname})
        return site

    def log(self, message):
        if self.verbosity >= 2:
            self.stdout.write(f"  {message}")
