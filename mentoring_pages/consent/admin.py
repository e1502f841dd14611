"""The curator's consent report in the admin («Отчёты → Согласия на сайте»): who is shown
on the site and on what consent, and the consents running out soon; and its warning on the
dashboard. Only for those who may read the consent registry (curators). And the refusal,
with its reason, of a copy of a page showing a person that would go live."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.admin_views import AdminPageView, DashboardPanel
from mentoring_pages.consent.pages import page_types_showing_people
from mentoring_pages.consent.report import EXPIRY_WARNING_DAYS, consent_report
from programmes.schools import schools_allowing

REPORT_URL_NAME = "mentoring_pages_consent_report"
PERMISSION = "programmes.view_consent"


def may_read_consents(user):
    return user.has_perm(PERMISSION)


class ConsentReportView(AdminPageView):
    template_name = "mentoring_pages/admin/consent_report.html"
    page_title = _("Consents of people on the site")
    header_icon = "user"
    http_method_names = ["get", "head"]
    url_name = REPORT_URL_NAME
    menu_name = "consent-report"
    menu_order = 50
    allows = staticmethod(may_read_consents)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report=consent_report(schools_allowing(self.request.user, PERMISSION)),
            warning_days=EXPIRY_WARNING_DAYS,
            **kwargs,
        )


class ConsentWarningsPanel(DashboardPanel):
    """The dashboard's warning: pages shown without a valid consent, consents running out."""

    name = "consent_warnings"
    template_name = "mentoring_pages/admin/consent_panel.html"
    order = 80


urlpatterns = [path("consent-report/", ConsentReportView.as_view(), name=REPORT_URL_NAME)]


consent_report_menu_item = ConsentReportView.menu_item


def add_consent_warnings_panel(request, panels):
    if not may_read_consents(request.user):
        return
    report = consent_report(schools_allowing(request.user, PERMISSION))
    if report.with_problems or report.expiring:
        panels.append(
            ConsentWarningsPanel(
                report=report,
                report_url=reverse(REPORT_URL_NAME),
                warning_days=EXPIRY_WARNING_DAYS,
            )
        )


def refuse_live_copies_of_people(request, page):
    """Wagtail's «Copy» with «Publish copies», or as an alias, makes live pages at new
    addresses, which no consent lists: the copy failed with «no access» and lost what the
    user typed. It is refused with the reason instead, before anything is copied, and the
    copy form opens again."""
    if request.method != "POST" or not (
        request.POST.get("publish_copies") or request.POST.get("alias")
    ):
        return None
    copied = (
        page.get_descendants(inclusive=True)
        if request.POST.get("copy_subpages")
        else Page.objects.filter(pk=page.pk)
    )
    if not request.POST.get("alias"):
        copied = copied.live()  # «Publish copies» keeps live only what is live
    showing = copied.type(*page_types_showing_people()).specific()
    if any(each.shows_person for each in showing):
        messages.error(
            request,
            _(
                "A copy of a page showing a person cannot go live: the person's consent "
                "lists the original's address only. Copy it as a draft (neither published "
                "nor an alias), add the copy's address to the consent, then publish the copy."
            ),
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None
