from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Mentoring programmes")

    def ready(self):
        from wagtail.signals import post_page_move

        from .models import School
        from .roles import (
            apply_role_permissions,
            follow_the_school,
            grant_on_new_page,
            page_types_with_roles,
            retire_school,
        )

        post_migrate.connect(apply_role_permissions, sender=self)
        post_page_move.connect(follow_the_school, dispatch_uid="page_follows_its_school")
        pre_delete.connect(retire_school, sender=School)
        for model in page_types_with_roles():
            post_save.connect(grant_on_new_page, sender=model)
