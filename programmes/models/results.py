"""The programme's numbers: targets, participation and monitoring. Only aggregates: no
person is ever named here."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin

from programmes.admin_forms import SchoolOwnedAdminForm
from programmes.categories import IndicatorCategory

from .forms import MentoringForm
from .programme import programme_foreign_key

PERCENT_VALIDATORS = [
    MinValueValidator(0, _("A percentage cannot be below 0.")),
    MaxValueValidator(100, _("A percentage cannot be above 100.")),
]
COUNT_VALIDATORS = [MinValueValidator(0, _("A count cannot be negative."))]


def percent_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=4, decimal_places=1, validators=PERCENT_VALIDATORS, **kwargs
    )


def count_field(verbose_name):
    return models.IntegerField(verbose_name, default=0, validators=COUNT_VALIDATORS)


class ProgrammeYearFact(TranslatableMixin, models.Model):
    """A fact of one programme (a `programme_foreign_key` in each subclass, each with its
    own reverse name) in one of its years."""

    year = models.PositiveSmallIntegerField(_("year"))

    base_form_class = SchoolOwnedAdminForm

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.programme_id:
            self.programme.check_year(self.year)


def form_programme_errors(fact):
    """{"form": message} when the fact's form of mentoring is another programme's, or {}."""
    if fact.form_id and fact.programme_id and fact.form.programme_id != fact.programme_id:
        return {"form": _("Choose a form of mentoring of this programme.")}
    return {}


class TargetIndicator(ProgrammeYearFact):
    """A yearly coverage target for a group of participants, and its actual value."""

    programme = programme_foreign_key(related_name="indicators")
    category = models.CharField(_("participants"), max_length=20, choices=IndicatorCategory.choices)
    target_percent = percent_field(_("target, %"))
    actual_percent = percent_field(_("actual, %"), null=True, blank=True)
    comment = models.TextField(_("source or comment"), blank=True)

    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("target_percent"), FieldPanel("actual_percent")]),
        FieldPanel("comment"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("target indicator")
        verbose_name_plural = _("target indicators")
        ordering = ["category", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "category", "year"],
                name="unique_indicator_per_programme_category_year",
                violation_error_message=_(
                    "This programme already has an indicator for this category and year."
                ),
            )
        ]

    def __str__(self):
        return f"{self.get_category_display()}, {self.year}: {self.target_percent} %"


class ParticipationFigures(ProgrammeYearFact):
    """How many took part in a year in one form, and the school's headcount that year."""

    programme = programme_foreign_key(related_name="participation")
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        on_delete=models.CASCADE,
        related_name="participation",
    )
    mentors = count_field(_("mentors"))
    mentees = count_field(_("mentees"))
    pairs = count_field(_("pairs and groups"))
    pupils_total = count_field(_("pupils at the school"))
    teachers_total = count_field(_("teachers at the school"))

    panels = [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("year"), FieldPanel("form")]),
        FieldRowPanel([FieldPanel("mentors"), FieldPanel("mentees"), FieldPanel("pairs")]),
        FieldRowPanel([FieldPanel("pupils_total"), FieldPanel("teachers_total")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("participation figures")
        verbose_name_plural = _("participation figures")
        ordering = ["-year", "form__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "year", "form"],
                name="unique_figures_per_programme_year_form",
                violation_error_message=_(
                    "This programme already has figures for this form and year."
                ),
            )
        ]

    def __str__(self):
        return f"{self.form}, {self.year}"

    def clean(self):
        super().clean()
        errors = {}
        if self.mentees is not None and self.pairs is not None and self.mentees < self.pairs:
            errors["mentees"] = _(
                "There cannot be fewer mentees than pairs and groups: each has at least one."
            )
        errors |= form_programme_errors(self)
        if errors:
            raise ValidationError(errors)


class MonitoringStage(models.IntegerChoices):
    QUALITY = 1, _("stage 1: quality of the programme")
    GROWTH = 2, _("stage 2: participants' growth")


class MetricKind(models.TextChoices):
    MENTOR_SATISFACTION = "mentor_satisfaction", _("mentors' satisfaction")
    MENTEE_SATISFACTION = "mentee_satisfaction", _("mentees' satisfaction")
    QUALITY = "quality", _("quality of the programme")
    GROWTH = "growth", _("participants' growth")
    OTHER = "other", _("other")


class MonitoringResult(ProgrammeYearFact):
    """One measured result of the programme's monitoring."""

    programme = programme_foreign_key(related_name="monitoring_results")
    stage = models.PositiveSmallIntegerField(_("stage"), choices=MonitoringStage.choices)
    kind = models.CharField(_("kind of metric"), max_length=30, choices=MetricKind.choices)
    metric = models.CharField(_("metric"), max_length=255)
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monitoring_results",
        help_text=_("Leave empty for the programme as a whole."),
    )
    value_before = models.DecimalField(
        _("value before"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    value_after = models.DecimalField(
        _("value after"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For stage 1, the measured value."),
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("year"), FieldPanel("stage")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("form")]),
        FieldPanel("metric"),
        FieldRowPanel([FieldPanel("value_before"), FieldPanel("value_after"), FieldPanel("unit")]),
        FieldPanel("comment"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("monitoring result")
        verbose_name_plural = _("monitoring results")
        ordering = ["-year", "stage", "metric"]

    def __str__(self):
        return f"{self.metric} ({self.year})"

    def clean(self):
        super().clean()
        errors = {}
        if self.value_after is None:
            errors["value_after"] = _("Enter the measured value.")
        if self.stage == MonitoringStage.GROWTH and self.value_before is None:
            errors["value_before"] = _(
                "Stage 2 compares participants before and after: enter the value before."
            )
        errors |= form_programme_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def change(self):
        if self.value_before is None or self.value_after is None:
            return None
        return self.value_after - self.value_before
