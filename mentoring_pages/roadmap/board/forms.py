"""The board's forms that act: the bulk change of the selected events, and the choice of a
quarterly report to download. (The filters are in filters.py.)"""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentoring_pages.models import RoadmapEvent
from mentoring_pages.roadmap import report_files, reports
from mentoring_pages.roadmap.statuses import EventStatus


class BoardEventsField(forms.ModelMultipleChoiceField):
    """The events chosen among the board's. An id is looked up among the board's own first:
    Django's check passes any number to the database, and SQLite refuses one beyond its
    integer with an OverflowError."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            on_board = {str(pk) for pk in self.queryset.values_list("pk", flat=True)}
            if not {str(pk) for pk in value} <= on_board:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().clean(value)


class BulkChangeForm(forms.Form):
    """The selected events, a new status (or none: keep each event's) and a note (empty:
    keep each event's note). Only events of roadmaps the user may edit can be chosen."""

    event = BoardEventsField(
        label=_("Events"),
        queryset=RoadmapEvent.objects.none(),
        error_messages={
            "required": _("Select at least one event."),
            "invalid_choice": _("Some of the selected events are not on your board."),
            "invalid_pk_value": _("Some of the selected events are not on your board."),
        },
    )
    new_status = forms.ChoiceField(label=_("New status"), required=False)
    note = forms.CharField(
        label=_("New status note"),
        required=False,
        max_length=RoadmapEvent._meta.get_field("status_note").max_length,
        help_text=_("Replaces the note of each selected event; leave empty to keep the notes."),
    )

    def __init__(self, *args, pages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = RoadmapEvent.objects.filter(page__in=list(pages))
        self.fields["new_status"].choices = [("", _("Keep the status")), *EventStatus.choices]

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("new_status") and not cleaned_data.get("note"):
            raise forms.ValidationError(_("Choose a new status or write a note."))
        return cleaned_data


class ReportForm(forms.Form):
    """Which roadmap and quarter to download the execution report of, and as what file:
    the form's two buttons send the format."""

    page = forms.TypedChoiceField(
        label=_("Roadmap"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose one of your roadmaps.")},
    )
    quarter = forms.ChoiceField(
        label=_("Quarter"),
        error_messages={
            "invalid_choice": _("Choose a quarter from the list: up to the current one.")
        },
    )
    format = forms.ChoiceField(
        label=_("File format"),
        choices=[(value, value.upper()) for value in report_files.FORMATS],
        required=False,
        error_messages={"invalid_choice": _("The report is made as XLSX or PDF.")},
    )

    def __init__(self, *args, pages=(), on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = [(page.pk, page.board_title) for page in pages]
        # The roadmap running now is the one reported on; the archive's are still offered.
        current = max(pages, key=lambda page: page.last_year, default=None)
        self.fields["page"].initial = current.pk if current else None
        quarters = reports.report_quarters(pages, on)
        self.fields["quarter"].choices = [(str(q), q.label) for q in quarters]
        default = reports.default_quarter(on)
        self.fields["quarter"].initial = str(default if default in quarters else quarters[0])

    def clean_quarter(self):
        return reports.Quarter.parse(self.cleaned_data["quarter"])

    def clean_format(self):
        # A link made before there was a choice asks for no format: the XLSX it gave.
        return self.cleaned_data["format"] or report_files.FORMATS[0]
