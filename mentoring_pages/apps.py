from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringPagesConfig(AppConfig):
    name = "mentoring_pages"
    verbose_name = _("Mentoring pages")
