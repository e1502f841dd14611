from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from programmes.admin_forms import SchoolOwnedAdminForm
from programmes.fields import optional_link
from programmes.panels import IndicatorSummaryPanel

from .schools import school_foreign_key

LIST_FEATURES = ["bold", "italic", "ol", "ul", "link"]

YEAR_VALIDATORS = [
    MinValueValidator(2000, _("Enter a year from 2000 to 2100.")),
    MaxValueValidator(2100, _("Enter a year from 2000 to 2100.")),
]


class YearPeriodMixin:
    """A model that covers the years from its `first_year` to its `last_year` (a programme,
    a roadmap): the period cannot end before it begins."""

    def clean(self):
        super().clean()
        if self.first_year and self.last_year and self.first_year > self.last_year:
            raise ValidationError(
                {"last_year": _("The last year cannot come before the first year.")}
            )


def one_per_line(text):
    """The items of a field written one per line, blank lines left out."""
    return [line for line in text.splitlines() if line.strip()]


class Programme(
    YearPeriodMixin,
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A school's programme of mentoring, as its approved document states it."""

    school = school_foreign_key(related_name="programmes")
    title = models.CharField(_("title"), max_length=255)
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    summary = models.TextField(_("what the programme is"), blank=True)
    goal = models.TextField(_("goal"))
    tasks = RichTextField(_("tasks"), features=LIST_FEATURES, blank=True)
    expected_results = RichTextField(_("expected results"), features=LIST_FEATURES, blank=True)
    terms = RichTextField(_("terms and definitions"), features=LIST_FEATURES, blank=True)
    participant_bases = RichTextField(
        _("bases of mentors and mentees"), features=["h3", *LIST_FEATURES], blank=True
    )
    monitoring = RichTextField(
        _("monitoring and evaluation"), features=["h3", *LIST_FEATURES], blank=True
    )
    efficiency_criteria = RichTextField(
        _("criteria of a mentor's efficiency"), features=["h3", *LIST_FEATURES], blank=True
    )

    base_form_class = SchoolOwnedAdminForm
    panels = [
        FieldPanel("school"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("first_year"), FieldPanel("last_year")], heading=_("Period")),
        FieldPanel("summary"),
        FieldPanel("goal"),
        FieldPanel("tasks"),
        FieldPanel("expected_results"),
        IndicatorSummaryPanel(heading=_("Indicators: target and actual")),
        InlinePanel("legal_acts", heading=_("Legal basis"), label=_("Act")),
        InlinePanel("management_roles", heading=_("Management structure"), label=_("Role")),
        InlinePanel("stages", heading=_("Stages of the programme"), label=_("Stage")),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
        MultiFieldPanel(
            [
                FieldPanel("terms"),
                FieldPanel("participant_bases"),
                FieldPanel("monitoring"),
                FieldPanel("efficiency_criteria"),
            ],
            heading=_("Other sections of the programme"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("goal"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
        # The admin searches only the user's schools' programmes (school_records).
        index.FilterField("school"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-first_year", "title"]

    def __str__(self):
        return f"{self.title} ({self.first_year}–{self.last_year})"

    @property
    def years(self):
        return range(self.first_year, self.last_year + 1)

    def check_year(self, year, field="year"):
        """Raise a form error on `field` unless `year` lies within the programme's period."""
        if year is not None and year not in self.years:
            raise ValidationError(
                {
                    field: _("The year must lie within the programme's period, %(first)s–%(last)s.")
                    % {"first": self.first_year, "last": self.last_year}
                }
            )


def programme_foreign_key(related_name):
    """The key from a programme's own record (a form of mentoring, an indicator, figures, a
    result) to the programme: deleting the programme deletes the record."""
    return models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


class LegalAct(TranslatableMixin, Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="legal_acts")
    kind = models.CharField(_("kind of act"), max_length=255, blank=True)
    title = models.TextField(_("title"))
    number = models.CharField(_("number"), max_length=100, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    document = optional_link("wagtaildocs.Document", _("document"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("document")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self):
        return self.title


class ManagementRole(TranslatableMixin, Orderable):
    """One row of the programme's management structure: who does what, and when."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="management_roles")
    role = models.CharField(_("role"), max_length=255)
    responsibilities = models.TextField(_("responsibilities"), help_text=_("One per line."))
    timing = models.CharField(_("when"), max_length=255, blank=True)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("management role")
        verbose_name_plural = _("management roles")

    def __str__(self):
        return self.role

    @property
    def responsibility_list(self):
        return one_per_line(self.responsibilities)


class ProgrammeStage(TranslatableMixin, Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="stages")
    title = models.CharField(_("title"), max_length=255)
    activities = models.TextField(_("activities"), help_text=_("One per line."))
    result = models.TextField(_("result"), blank=True)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("stage of the programme")
        verbose_name_plural = _("stages of the programme")

    def __str__(self):
        return self.title

    @property
    def activity_list(self):
        return one_per_line(self.activities)


class DocumentKind(models.TextChoices):
    LEGAL_ACT = "legal_act", _("legal acts")
    ORDER = "order", _("orders")
    REGULATION = "regulation", _("regulations")
    TEMPLATE = "template", _("templates")
    PROGRAMME = "programme", _("programmes")
    REPORT = "report", _("reports")


class DocumentLink(TranslatableMixin, Orderable):
    """A document in a list, with the title to show for it."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.title or self.document.title


class DocumentItem(DocumentLink):
    """A document of a kind and a date: a legal act, an order, a regulation, a template …"""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("document"),
        FieldPanel("title"),
    ]

    class Meta(DocumentLink.Meta):
        abstract = True


class ProgrammeDocument(DocumentItem):
    """A document of the programme (положение, приказ, the programme itself …)."""

    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="documents")

    class Meta(DocumentItem.Meta):
        verbose_name = _("programme document")
        verbose_name_plural = _("programme documents")
