from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.models import ReferenceIndex

        from . import publishing, purging, restrictions, signals  # noqa: F401  (connect the receivers)
        from .models import SiteSettings

        # The header and footer show what the settings reference (the logo, the privacy
        # policy): home.purging finds the pages showing them through the index.
        ReferenceIndex.register_model(SiteSettings)
