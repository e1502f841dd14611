"""What the site's own admin pages share: those of the admin menu (the sign-in security
page, the consent report) are refused to the users they are not for, their menu item shown
only to the others, their title closing the breadcrumbs; those about one page (a roadmap's
import, a questionnaire's results) are reached from a button in that page's header; the
dashboard's panels are given what they show."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse, reverse_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
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


class PageHeaderButton(PageMenuItem):
    """The button to a PageAdminView (`view`) in the header menu of `page`."""

    def __init__(self, view, label, priority, *, page):
        super().__init__(label, icon_name=view.header_icon, priority=priority, page=page)
        self.view = view
        self.url_name = view.url_name

    def is_shown(self, user):
        return self.page.specific_class is self.view.page_model and self.view.shows_button(
            self.page, user
        )


class PageAdminView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page about one page of `page_model`, `self.page` (its `dispatch` finds it
    by the URL's `page_id` and refuses the users it is not for), subtitled with the page's
    title, served at the admin URL named `url_name` (`url_pattern`) and reached from a
    button in the page's header for the users `shows_button(page, user)` lets in
    (`header_button`)."""

    page_model = None
    url_name = None

    @staticmethod
    def shows_button(page, user):
        raise NotImplementedError

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        # The page, then this screen: the header names the screen (not «Home»), and the
        # breadcrumbs lead back to the page's editor.
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    @classmethod
    def url_pattern(cls, route):
        """The view at `route`, which has the page's `<int:page_id>`."""
        return path(route, cls.as_view(), name=cls.url_name)

    @classmethod
    def header_button(cls, label, priority):
        """A register_page_header_buttons hook: the view's button, with its icon, `label`
        at `priority` in the page's header menu."""

        def buttons(page, user, view_name, next_url=None):
            yield PageHeaderButton(cls, label, priority, page=page)

        return buttons


class DashboardPanel(Component):
    """A panel of the admin's dashboard, made with its template's context; a subclass names
    it, its template and its `order` (Wagtail's own panels come at 210 and after)."""

    def __init__(self, **context):
        self.context = context

    def get_context_data(self, parent_context=None):
        return self.context
