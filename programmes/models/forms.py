from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from programmes.admin_forms import SchoolOwnedAdminForm
from programmes.categories import Participant

from .programme import LIST_FEATURES, programme_foreign_key


class FormKind(models.TextChoices):
    PUPIL_PUPIL = "pupil_pupil", _("pupil – pupil")
    TEACHER_TEACHER = "teacher_teacher", _("teacher – teacher")
    STUDENT_PUPIL = "student_pupil", _("student – pupil")
    EMPLOYER_PUPIL = "employer_pupil", _("employer – pupil")
    TEACHER_PUPIL = "teacher_pupil", _("teacher – pupil")
    OTHER = "other", _("other")


class MentoringForm(TranslatableMixin, index.Indexed, ClusterableModel):
    """A form of mentoring a programme runs («Ученик – ученик», «Учитель – учитель» …)."""

    programme = programme_foreign_key(related_name="forms")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=FormKind.choices)
    mentor_category = models.CharField(_("mentors are"), max_length=20, choices=Participant.choices)
    mentee_category = models.CharField(_("mentees are"), max_length=20, choices=Participant.choices)
    goal = models.TextField(_("goal"))
    tasks = RichTextField(_("tasks"), features=LIST_FEATURES, blank=True)
    expected_results = RichTextField(_("expected results"), features=LIST_FEATURES, blank=True)
    mentor_profile = RichTextField(_("who the mentor is"), features=LIST_FEATURES, blank=True)
    mentee_profile = RichTextField(_("who the mentee is"), features=LIST_FEATURES, blank=True)
    implementation = RichTextField(
        _("how the form is carried out"), features=LIST_FEATURES, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    base_form_class = SchoolOwnedAdminForm
    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("mentor_category"), FieldPanel("mentee_category")]),
        FieldPanel("goal"),
        FieldPanel("tasks"),
        FieldPanel("expected_results"),
        FieldRowPanel([FieldPanel("mentor_profile"), FieldPanel("mentee_profile")]),
        FieldPanel("implementation"),
        InlinePanel("role_models", heading=_("Role models"), label=_("Role model")),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("goal"),
        index.AutocompleteField("title"),
        index.FilterField("locale"),
        # The admin searches only the user's schools' forms (school_records).
        index.RelatedFields("programme", [index.FilterField("school")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("form of mentoring")
        verbose_name_plural = _("forms of mentoring")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


class RoleModel(TranslatableMixin, Orderable):
    """A variant inside a form («Успевающий – неуспевающий», «Лидер – пассивный» …)."""

    form = ParentalKey(MentoringForm, on_delete=models.CASCADE, related_name="role_models")
    title = models.CharField(_("title"), max_length=255)
    goal = models.TextField(_("goal"), blank=True)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("role model")
        verbose_name_plural = _("role models")

    def __str__(self):
        return self.title
