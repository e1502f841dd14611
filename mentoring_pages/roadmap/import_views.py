"""«Импорт из Word/Excel»: upload, preview what was recognised (the dates read, anything
doubtful, the deadlines already past), confirm. On a roadmap page the events land in a new
draft revision of it; on the roadmap index (and from the board) they make a new draft
roadmap. Nothing is ever published by an import."""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.admin_views import PageAdminView
from mentoring_pages.models import RoadmapIndexPage, RoadmapPage
from mentoring_pages.roadmap.board.permissions import source_language_code
from mentoring_pages.roadmap.importer import (
    NOT_INTO_A_TRANSLATION,
    create_roadmap_page,
    import_into_draft,
    imported_from_data,
    imported_to_data,
    in_source_language,
    new_roadmap_page,
    preview_import,
    read_for_import,
)
from mentoring_pages.roadmap.reader import RoadmapImportError


class ImportRoadmapForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Roadmap file"),
        # The reader says what is wrong with an empty file as with any other bad one.
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx,.csv"}),
    )


class ConfirmImportForm(forms.Form):
    """What becomes of the events whose deadline has already passed: asked only when some
    have; left open unless the curator says they were done."""

    OPEN, DONE = "open", "done"
    past_deadlines = forms.ChoiceField(
        label=gettext_lazy("Events whose deadline has already passed"),
        choices=[
            (OPEN, gettext_lazy("Leave them planned: they will show as overdue")),
            (DONE, gettext_lazy("Mark them done, noting the date of the import")),
        ],
        initial=OPEN,
        required=False,
        widget=forms.RadioSelect,
    )


# The upload waiting for its confirmation, with the number of the preview it was shown in:
# a file uploaded since (in another tab) is not saved by an older preview's confirmation.
UPLOAD_FIELD = "upload"


def session_key(page):
    return f"roadmap-upload-{page.pk}"


class ImportRoadmapView(PageAdminView):
    template_name = "mentoring_pages/admin/roadmap_import.html"
    header_icon = "upload"
    page_model = RoadmapPage
    url_name = "roadmap_import"

    @staticmethod
    def may_import(page, user):
        return page.permissions_for_user(user).can_edit()

    @classmethod
    def shows_button(cls, page, user):
        return in_source_language(page) and cls.may_import(page, user)

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(self.page_model, pk=page_id)
        if not self.may_import(self.page, request.user):
            raise PermissionDenied
        if not in_source_language(self.page):
            return self.refuse_translation(request)
        lock = self.page.get_lock()
        if lock and lock.for_user(request.user):
            messages.error(
                request,
                _("“%(title)s” is locked: it cannot be changed now.")
                % {"title": self.page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        return super().dispatch(request, page_id)

    def refuse_translation(self, request):
        """The admin's frame with the reason in its header; nothing read or kept."""
        messages.error(
            request,
            NOT_INTO_A_TRANSLATION % {"title": self.page.get_admin_display_title()},
        )
        return TemplateResponse(
            request, "wagtailadmin/generic/base.html", self.get_context_data(), status=400
        )

    def get_page_title(self):
        return _("Import from Word/Excel")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            max_size=filesizeformat(settings.ROADMAP_IMPORT_MAX_BYTES),
            upload_url=reverse(self.url_name, args=[self.page.pk]),
            **kwargs,
        )

    def imported_into(self, imported):
        """The roadmap as the import would leave it, for the preview."""
        return self.page

    def save(self, imported, user, past_done):
        """Write the import as a draft; the roadmap to edit next."""
        import_into_draft(self.page, imported, user, past_done=past_done)
        return self.page

    def get(self, request, page_id):
        return self.render_to_response(self.get_context_data(form=ImportRoadmapForm()))

    def post(self, request, page_id):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = ImportRoadmapForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                imported = read_for_import(upload, upload.name)
            except RoadmapImportError as error:
                form.add_error("file", str(error))
            else:
                upload_id = uuid.uuid4().hex
                request.session[session_key(self.page)] = {
                    UPLOAD_FIELD: upload_id,
                    "data": imported_to_data(imported),
                }
                return self.render_preview(imported, upload_id, ConfirmImportForm())
        # A file that is not a roadmap is the uploader's mistake: say so, change nothing.
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def render_preview(self, imported, upload_id, confirm_form, status=200):
        return self.render_to_response(
            self.get_context_data(
                imported=imported,
                preview=preview_import(self.imported_into(imported), imported),
                confirm_form=confirm_form,
                upload_field=UPLOAD_FIELD,
                upload_id=upload_id,
            ),
            status=status,
        )

    def confirm(self, request):
        waiting = request.session.get(session_key(self.page))
        if waiting is None:
            messages.error(request, _("The upload has expired. Please upload the file again."))
            return redirect("roadmap_import", self.page.pk)
        imported = imported_from_data(waiting["data"])
        upload_id = waiting[UPLOAD_FIELD]
        if request.POST.get(UPLOAD_FIELD) != upload_id:
            # Confirmed from an older preview: the latest file's preview, to check first.
            messages.error(
                request,
                _(
                    "Another file was uploaded since the preview you confirmed. This is the "
                    "latest file: check its preview and confirm it, or choose another file."
                ),
            )
            return self.render_preview(imported, upload_id, ConfirmImportForm(), status=409)
        confirm_form = ConfirmImportForm(request.POST)
        if not confirm_form.is_valid():
            # The upload stays waiting: the curator chooses again and confirms.
            return self.render_preview(imported, upload_id, confirm_form, status=400)
        del request.session[session_key(self.page)]
        past_done = confirm_form.cleaned_data["past_deadlines"] == ConfirmImportForm.DONE
        roadmap = self.save(imported, request.user, past_done)
        messages.success(
            request,
            _(
                "Imported %(stages)s stages and %(events)s events into a new draft. "
                "Check it and publish."
            )
            % {
                "stages": len(imported.stages),
                "events": imported.event_count,
            },
        )
        return redirect("wagtailadmin_pages:edit", roadmap.pk)


class ImportNewRoadmapView(ImportRoadmapView):
    """The same on the roadmap index: the file becomes a new draft roadmap under it."""

    page_model = RoadmapIndexPage
    url_name = "roadmap_import_new"

    @staticmethod
    def may_import(page, user):
        return page.permissions_for_user(user).can_add_subpage()

    def get_page_title(self):
        return _("New roadmap from Word/Excel")

    def imported_into(self, imported):
        return new_roadmap_page(self.page, imported)

    def save(self, imported, user, past_done):
        return create_roadmap_page(self.page, imported, user=user, past_done=past_done)


def new_roadmap_imports(user):
    """[(roadmap index, its import address)] where `user` may import a new roadmap: the
    indexes in the site's source language (translations follow through wagtail-localize)."""
    indexes = RoadmapIndexPage.objects.filter(
        locale__language_code=source_language_code()
    ).select_related("locale")
    return [
        (index, reverse(ImportNewRoadmapView.url_name, args=[index.pk]))
        for index in indexes
        if ImportNewRoadmapView.shows_button(index, user)
    ]


urlpatterns = [
    ImportRoadmapView.url_pattern("roadmaps/<int:page_id>/import/"),
    ImportNewRoadmapView.url_pattern("roadmaps/index/<int:page_id>/import/"),
]


import_button = ImportRoadmapView.header_button(gettext_lazy("Import from Word/Excel"), priority=25)
new_roadmap_import_button = ImportNewRoadmapView.header_button(
    gettext_lazy("New roadmap from Word/Excel"), priority=25
)
