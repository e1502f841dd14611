"""Unpublish the pages whose person's consent no longer allows them (expired, withdrawn, or
changed: consent.rules), delete their photos nothing else uses, and e-mail the curators what
was done. Run it daily, just after the school's midnight (cron)."""

from django.utils.translation import gettext, ngettext

from home.management.site_language import SiteLanguageCommand
from mentoring_pages.consent.enforcement import enforce_consents


class Command(SiteLanguageCommand):
    help = "Unpublish pages whose consent to dissemination no longer allows them."

    def handle(self, *args, **options):
        pages = enforce_consents()
        for page in pages:
            self.stdout.write(
                gettext("Unpublished: %(title)s (%(url)s)")
                % {"title": page.title, "url": page.get_url()}
            )
        if options["verbosity"] > 0:
            self.stdout.write(
                ngettext("%(count)d page unpublished.", "%(count)d pages unpublished.", len(pages))
                % {"count": len(pages)}
            )
