"""Who saw personal data: reading, exporting or deleting what people sent through the forms
and opening a consent's scan are written to Wagtail's log (who, when, what), which curators
read in the admin's site history and on each form's and consent's history. Deleting is
logged on every path (the admin, the retention command) since it is caught where the row
goes; reading happens in the admin's list below and in an application's status view
(forms.admin), opening in Wagtail's document view."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.documents.models import document_served
from wagtail.log_actions import log
from wagtail.models import Page

from home.acting_user import acting_user
from programmes.models import Consent
from site_project.spreadsheets import SafeCsvExportMixin

READ = "nastavnik.submissions.read"
EXPORT = "nastavnik.submissions.export"
DELETE = "nastavnik.submissions.delete"
OPEN_SCAN = "nastavnik.consent.open_scan"

ACTIONS = {
    READ: (_("Read form submissions"), _("Form submissions read")),
    EXPORT: (_("Export form submissions"), _("Form submissions exported")),
    DELETE: (_("Delete a form submission"), _("Form submission deleted")),
    OPEN_SCAN: (_("Open a consent's scan"), _("Consent scan opened")),
}


def register_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


class LoggedSubmissionsListView(SafeCsvExportMixin, SubmissionsListView):
    """Wagtail's list and export of a form's submissions, logged; its CSV safe to open."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_export:
            log(
                self.form_page,
                EXPORT,
                user=request.user,
                data={"format": self.request.GET["export"]},
            )
        else:
            log(self.form_page, READ, user=request.user)
        return response


@receiver(post_delete)
def submission_deleted(sender, instance, **kwargs):
    if not isinstance(instance, AbstractFormSubmission):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # a page deleted takes its submissions and its log with it
        log(page, DELETE, user=acting_user(), data={"submission": instance.pk})


@receiver(document_served)
def scan_opened(sender, instance, request, **kwargs):
    """A consent's scan was served: sent once every check allowed it (a refused visitor
    opened nothing)."""
    user = request.user if request.user.is_authenticated else None
    for consent in Consent.objects.filter(document=instance):
        log(consent, OPEN_SCAN, user=user, data={"document": instance.pk})
