"""A visible «Импорт из Word/Excel» button at the top of a roadmap's (or the roadmap index's)
editor, not only in the page's «…» menu: the admin screen it leads to is named by its URL
name, so the models need not import the views."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class ImportButtonPanel(Panel):
    """A button to the admin view `url_name` about the page being edited, shown once the
    page exists to users whose permissions on it allow `needs` (a method of Wagtail's
    page permission tester, such as "can_edit")."""

    def __init__(self, url_name, label, needs, **kwargs):
        super().__init__(**kwargs)
        self.url_name = url_name
        self.label = label
        self.needs = needs

    def clone_kwargs(self):
        return {
            **super().clone_kwargs(),
            "url_name": self.url_name,
            "label": self.label,
            "needs": self.needs,
        }

    class BoundPanel(Panel.BoundPanel):
        template_name = "mentoring_pages/admin/import_button_panel.html"

        def is_shown(self):
            page = self.instance
            return (
                super().is_shown()
                and page.pk is not None
                and getattr(page.permissions_for_user(self.request.user), self.panel.needs)()
            )

        def get_context_data(self, parent_context=None):
            return {
                **super().get_context_data(parent_context),
                "url": reverse(self.panel.url_name, args=[self.instance.pk]),
                "label": self.panel.label,
            }
