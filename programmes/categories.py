"""Who takes part in mentoring, and which participants count towards which coverage."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Participant(models.TextChoices):
    PUPIL = "pupil", _("pupil")
    TEACHER = "teacher", _("teacher")
    YOUNG_SPECIALIST = "young_specialist", _("young specialist")
    STUDENT = "student", _("student")
    EMPLOYER = "employer", _("employer's representative")
    PARENT = "parent", _("parent")
    GRADUATE = "graduate", _("graduate")


class IndicatorCategory(models.TextChoices):
    """The groups whose coverage the Target Model sets yearly targets for."""

    PUPILS = "pupils", _("pupils")
    TEACHERS = "teachers", _("teachers")
    YOUNG_SPECIALISTS = "young_specialists", _("young specialists")


# Which participants of a form count towards a group's coverage: young specialists are
# teachers too; students, employers, parents and graduates come from outside the school.
COUNTED_IN = {
    IndicatorCategory.PUPILS: {Participant.PUPIL},
    IndicatorCategory.TEACHERS: {Participant.TEACHER, Participant.YOUNG_SPECIALIST},
    IndicatorCategory.YOUNG_SPECIALISTS: {Participant.YOUNG_SPECIALIST},
}
