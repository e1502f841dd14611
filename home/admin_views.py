"""What the site's own admin pages share (the sign-in security page, the consent report):
refused to the users they are not for, their menu item shown only to the others, their
title closing the breadcrumbs."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class RestrictedMenuItem(MenuItem):
    """A menu item shown only to the users `allows(user)` lets in."""

    def __init__(self, label, url, allows, **kwargs):
        super().__init__(label, url, **kwargs)
        self.allows = allows

    def is_shown(self, request):
        return self.allows(request.user)


class AdminPageView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page for the users `allows(user)` lets in (others are refused), served at
    the admin URL named `url_name`, with a menu item (`menu_item`) under its title and
    icon."""

    url_name = None
    menu_name = None
    menu_order = 1000

    @staticmethod
    def allows(user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.allows(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @classmethod
    def menu_item(cls):
        return RestrictedMenuItem(
            cls.page_title,
            reverse_lazy(cls.url_name),
            allows=cls.allows,
            name=cls.menu_name,
            icon_name=cls.header_icon,
            order=cls.menu_order,
        )
