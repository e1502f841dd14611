from collections import defaultdict

from django import forms
from django.db import models
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.page_cache import lazy_context
from home.page_head import page_head
from home.search import searchable
from mentoring_pages.roadmap import exports, statuses
from mentoring_pages.roadmap.deadlines import Recurrence
from mentoring_pages.roadmap.import_panel import ImportButtonPanel
from mentoring_pages.roadmap.statuses import EventStatus
from programmes.admin_forms import SchoolPageForm
from programmes.models.programme import YearPeriodMixin

from .base import ProgrammeMixin, SectionIndexPage, SectionPage


class RoadmapIndexPage(SectionIndexPage):
    """«Дорожные карты»: the roadmaps of the programme, each with its progress: the current
    ones first, then the finished ones as the archive (statuses.is_finished)."""

    subpage_types = ["mentoring_pages.RoadmapPage"]
    content_panels = SectionIndexPage.content_panels + [
        ImportButtonPanel(
            "roadmap_import_new", _("New roadmap from Word/Excel"), needs="can_add_subpage"
        ),
    ]

    class Meta:
        verbose_name = _("roadmap index")
        verbose_name_plural = _("roadmap indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the cards' fragment is not kept (roadmap_index_page.html).
        context.update(lazy_context(self.cards, ("roadmaps", "archived_roadmaps")))
        context["today"] = statuses.today()
        return context

    def cards(self):
        """The current roadmaps and the finished ones, each (page, progress)."""
        roadmaps = list(
            RoadmapPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-last_year", "-first_year", "path")
        )
        # The cards show progress only: each event's status and end date, not the event
        # (a thousand events made into objects were four fifths of this page's time).
        states = defaultdict(list)
        for page_id, status, end in RoadmapEvent.objects.filter(page__in=roadmaps).values_list(
            "page_id", "status", "end"
        ):
            states[page_id].append(statuses.EventState(status, end))
        on = statuses.today()
        # (page, progress) for the cards: two queries however many roadmaps and events.
        cards = [(page, statuses.progress(states[page.pk], on)) for page in roadmaps]
        return {
            "roadmaps": [card for card in cards if not card[0].is_finished(on)],
            "archived_roadmaps": [card for card in cards if card[0].is_finished(on)],
        }


class RoadmapPageForm(SchoolPageForm):
    """Checks stage numbers, records the day a status changed, and asks once more before
    publishing a roadmap with overdue events (a past plan imported without marking its
    events done would show the school as failing). Every button of the editor that leads
    to publishing asks: «Опубликовать», «Отправить на модерацию» and a moderator's
    «Утвердить». Approving from the dashboard and bulk publishing go ahead: they act on a
    version whose editor was already asked when sending it to moderation."""

    # The editor's buttons (their POST names in Wagtail's page editor) that publish, or
    # send the page on its way to being published.
    PUBLISHING_ACTIONS = ("action-publish", "action-submit", "action-workflow-action")

    publish_with_overdue = forms.BooleanField(
        label=_("Publish with overdue events"),
        help_text=_("The public page will show these events as overdue."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unconfirmed_overdue = []

    def overdue_titles(self):
        """The titles of the events, as posted, that are overdue today."""
        return [
            form.cleaned_data["title"]
            for form in self.formsets["events"].forms
            if form.is_valid()
            and form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and statuses.is_overdue(form.cleaned_data.get("status"), form.cleaned_data.get("end"))
        ]

    def check_overdue_before_publishing(self, cleaned_data):
        publishing = any(action in self.data for action in self.PUBLISHING_ACTIONS)
        rejecting = self.data.get("workflow-action-name", "approve") != "approve"
        if not publishing or rejecting or cleaned_data.get("publish_with_overdue"):
            return
        self.unconfirmed_overdue = self.overdue_titles()
        if self.unconfirmed_overdue:
            count = len(self.unconfirmed_overdue)
            self.add_error(
                None,
                ngettext(
                    "%(count)s event is overdue: %(events)s. Publish anyway? Tick "
                    "“Publish with overdue events” and press the same button again.",
                    "%(count)s events are overdue: %(events)s. Publish anyway? Tick "
                    "“Publish with overdue events” and press the same button again.",
                    count,
                )
                % {"count": count, "events": "; ".join(self.unconfirmed_overdue)},
            )

    def clean(self):
        cleaned_data = super().clean()
        self.check_overdue_before_publishing(cleaned_data)
        stage_numbers = {
            form.cleaned_data.get("number")
            for form in self.formsets["stages"].forms
            if form.is_valid() and not form.cleaned_data.get("DELETE")
        }
        for form in self.formsets["events"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if form.cleaned_data.get("stage_number") not in stage_numbers:
                form.add_error(
                    "stage_number", _("There is no stage with this number in the roadmap.")
                )
            if "status" in form.changed_data:
                # The status itself was already set by the form; this records the day.
                form.instance.status = form.initial.get("status")
                statuses.change_status(form.instance, form.cleaned_data["status"])
        return cleaned_data


class OverdueConfirmationPanel(FieldPanel):
    """The «publish with overdue events» tick box, shown only once publishing has asked."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            # Comparing revisions binds the panels without a form: a question, not content.
            if self.form is None:
                return False
            return bool(self.form.unconfirmed_overdue or self.bound_field.value())


class RoadmapPage(RoutablePageMixin, ProgrammeMixin, YearPeriodMixin, SectionPage):
    """A roadmap (дорожная карта): stages of numbered events, each with its live status."""

    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    base_form_class = RoadmapPageForm
    content_panels = Page.content_panels + [
        ImportButtonPanel("roadmap_import", _("Import from Word/Excel"), needs="can_edit"),
        OverdueConfirmationPanel("publish_with_overdue"),
        FieldRowPanel([FieldPanel("first_year"), FieldPanel("last_year")], heading=_("Period")),
        FieldPanel("programme"),
        FieldPanel("intro"),
        InlinePanel("stages", heading=_("Stages"), label=_("Stage")),
        InlinePanel("events", heading=_("Events"), label=_("Event")),
    ]
    search_fields = searchable(
        index.SearchField("intro"),
        index.RelatedFields("events", [index.SearchField("title")]),
    )
    parent_page_types = ["mentoring_pages.RoadmapIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def is_finished(self, on=None):
        """Whether the roadmap's period is over: it is then shown as the archive."""
        return statuses.is_finished(self.last_year, on)

    @cached_property
    def all_events(self):
        """Every event in the roadmap's order: one query, shared by the page and exports."""
        return list(self.events.all())

    @cached_property
    def all_stages(self):
        return list(self.stages.all())

    def stages_with_events(self, events, strays=False):
        """[(stage, [events])] in order; `events` may be a filtered subset. With `strays`,
        events whose stage number matches no stage (an import or an edit gone astray) come
        last, under the stage None, rather than vanish from the page."""
        by_stage = {}
        for event in events:
            by_stage.setdefault(event.stage_number, []).append(event)
        stages = [(stage, by_stage.pop(stage.number, [])) for stage in self.all_stages]
        left = [event for stage_events in by_stage.values() for event in stage_events]
        if strays and left:
            stages.append((None, left))
        return stages

    def filter_events(self, status, on=None):
        """Events with `status`, or overdue ones; any other value shows them all."""
        on = on or statuses.today()
        return [e for e in self.all_events if statuses.matches(e.status, e.end, status, on)]

    # The files this page serves under a file name (site_project.urls), by route name.
    FILE_ROUTES = {
        "calendar.ics": "calendar",
        "export.csv": "export_csv",
        "export.xlsx": "export_xlsx",
    }

    def calendar_urls(self, request):
        """The calendar feed's absolute address, and the same with webcal:// which opens a
        calendar app's subscribe dialogue."""
        page_url = page_head(request, self).url
        if page_url is None:  # a page no site reaches
            return None, None
        url = request.build_absolute_uri(page_url + "calendar.ics")
        return url, "webcal://" + url.split("://", 1)[1]

    # `?view=list`: one row per event (number, title, deadline, status) in every stage, for
    # a quick look over the whole plan; the cards with every detail are the default.
    LIST_VIEW = "list"
    cache_query_parameters = ("status", "view")

    def get_cached_paths(self):
        return ["/", *self.FILE_ROUTES, "export/csv/", "export/xlsx/", "calendar/"]

    @path("", name="roadmap")
    def roadmap_view(self, request):
        # `?status=done&status=planned` or an unknown value shows everything, never an error.
        status = statuses.status_filter(request.GET.getlist("status"))
        # Anything but exactly `view=list` shows the cards, never an error.
        view = self.LIST_VIEW if request.GET.getlist("view") == [self.LIST_VIEW] else ""
        on = statuses.today()
        calendar_url, webcal_url = self.calendar_urls(request)
        return self.render(
            request,
            context_overrides={
                "status": status,
                "view": view,
                "status_label": statuses.status_label(status) if status else "",
                # Read only when the template's {% wagtailpagecache %} is not kept.
                "events": SimpleLazyObject(lambda: self.events_context(status, on)),
                "today": on,
                "calendar_url": calendar_url,
                "webcal_url": webcal_url,
            },
        )

    def events_context(self, status, on):
        """The progress, the status filter and the events shown by `status`: rendering a
        hundred events is most of the page's work."""
        shown = {id(event) for event in self.filter_events(status, on)}
        stages = [
            (
                stage,
                statuses.progress(stage_events, on),
                [event for event in stage_events if id(event) in shown],
            )
            for stage, stage_events in self.stages_with_events(self.all_events, strays=True)
        ]
        # The stage the school is at: the first with events not yet done. It is shown open,
        # the others folded, so that a phone shows where the roadmap has got.
        current_stage = next(
            (
                index
                for index, (_stage, made, _events) in enumerate(stages)
                if made.done < made.total
            ),
            None,
        )
        return {
            "status_choices": [
                (value, statuses.status_label(value), len(self.filter_events(value, on)))
                for value in statuses.STATUS_FILTERS
            ],
            "progress": statuses.progress(self.all_events, on),
            "stages": stages,
            "current_stage": current_stage,
            "event_count": len(self.all_events),
            "shown_count": len(shown),
        }

    # The files' routes end in a slash, not «.csv»/«.ics»: Wagtail serves only paths of
    # [\w-] segments ending in "/" (wagtail.urls), so «calendar.ics» would be a 404. The
    # file names come from Content-Disposition; calendar apps go by the content type.
    @path("export/csv/", name="export_csv")
    @method_decorator(require_safe)
    def export_csv(self, request):
        return exports.roadmap_csv(self)

    @path("export/xlsx/", name="export_xlsx")
    @method_decorator(require_safe)
    def export_xlsx(self, request):
        return exports.roadmap_xlsx(self)

    @path("calendar/", name="calendar")
    @method_decorator(require_safe)
    def calendar(self, request):
        return exports.roadmap_calendar(self, request)


class RoadmapStage(TranslatableMixin, Orderable):
    page = ParentalKey(RoadmapPage, on_delete=models.CASCADE, related_name="stages")
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=500)

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("title")])]
    # Events find their stage by its number: a translation must keep the source's numbers.
    override_translatable_fields = [SynchronizedField("number")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return f"{self.number}. {self.title}" if self.number else self.title


class RoadmapEvent(TranslatableMixin, Orderable):
    """One event (мероприятие) of a roadmap. Its deadline is kept as written and as the
    dates it means; whether it is overdue follows from those and its status."""

    page = ParentalKey(RoadmapPage, on_delete=models.CASCADE, related_name="events")
    stage_number = models.CharField(_("stage number"), max_length=20)
    number = models.CharField(_("number"), max_length=20, blank=True)
    title = models.TextField(_("event"))
    deadline_text = models.TextField(_("deadline as written"), blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    recurrence = models.CharField(
        _("recurrence"), max_length=20, choices=Recurrence.choices, default=Recurrence.UNKNOWN
    )
    responsible = models.TextField(
        _("responsible"),
        blank=True,
        help_text=_(
            "Positions, not names: a public page may name someone only with their written consent."
        ),
    )
    expected_result = models.TextField(_("expected result or document"), blank=True)
    indicator = models.TextField(_("performance indicator"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    status_note = models.CharField(_("status note"), max_length=500, blank=True)
    status_changed_at = models.DateField(_("status changed on"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("stage_number"), FieldPanel("number")]),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("deadline_text"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("recurrence")]),
            ],
            heading=_("Deadline"),
        ),
        FieldPanel("responsible"),
        FieldRowPanel([FieldPanel("expected_result"), FieldPanel("indicator")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
    ]
    # What the roadmap's document says of an event, as opposed to its live status.
    PLANNED_FIELDS = [
        "number",
        "title",
        "deadline_text",
        "start",
        "end",
        "recurrence",
        "responsible",
        "expected_result",
        "indicator",
    ]
    # Numbers tie events to stages and to the source document: never translated.
    override_translatable_fields = [SynchronizedField("stage_number"), SynchronizedField("number")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    @property
    def is_overdue(self):
        return statuses.is_overdue(self.status, self.end)

    @property
    def display_status(self):
        """The status a visitor sees: overdue stands in for planned or in progress."""
        return statuses.display_status(self.status, self.end)

    @property
    def display_status_label(self):
        return statuses.status_label(self.display_status)
