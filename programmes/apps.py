from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Mentoring programmes")

    def ready(self):
        from .roles import apply_role_permissions

        post_migrate.connect(apply_role_permissions, sender=self)
