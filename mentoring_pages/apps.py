from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringPagesConfig(AppConfig):
    name = "mentoring_pages"
    verbose_name = _("Mentoring pages")

    def ready(self):
        # Deleting a submission is logged whatever deletes it, a command included; so is
        # a consent's scan, whatever serves it.
        from mentoring_pages.forms import personal_data_log  # noqa: F401
