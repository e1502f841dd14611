"""The curator's consent report in the admin («Отчёты → Согласия на сайте»): who is shown
on the site and on what consent, and the consents running out soon; and its warning on the
dashboard. Only for those who may read the consent registry (curators)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mentoring_pages.consent.rules import EXPIRY_WARNING_DAYS, consent_report

REPORT_URL_NAME = "mentoring_pages_consent_report"
PERMISSION = "programmes.view_consent"


def may_read_consents(user):
    return user.has_perm(PERMISSION)


class ConsentReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "mentoring_pages/admin/consent_report.html"
    page_title = _("Consents of people on the site")
    header_icon = "user"
    http_method_names = ["get", "head"]

    def dispatch(self, request, *args, **kwargs):
        if not may_read_consents(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report=consent_report(), warning_days=EXPIRY_WARNING_DAYS, **kwargs
        )


class ConsentReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_consents(request.user)


class ConsentWarningsPanel(Component):
    """The dashboard's warning: pages shown without a valid consent, consents running out."""

    name = "consent_warnings"
    template_name = "mentoring_pages/admin/consent_panel.html"
    order = 80

    def __init__(self, report):
        self.report = report

    def get_context_data(self, parent_context=None):
        return {
            "report": self.report,
            "report_url": reverse(REPORT_URL_NAME),
            "warning_days": EXPIRY_WARNING_DAYS,
        }


urlpatterns = [path("consent-report/", ConsentReportView.as_view(), name=REPORT_URL_NAME)]


def consent_report_menu_item():
    return ConsentReportMenuItem(
        _("Consents of people on the site"),
        reverse_lazy(REPORT_URL_NAME),
        name="consent-report",
        icon_name="user",
        order=50,
    )


def add_consent_warnings_panel(request, panels):
    if not may_read_consents(request.user):
        return
    report = consent_report()
    if report.with_problems or report.expiring:
        panels.append(ConsentWarningsPanel(report))
