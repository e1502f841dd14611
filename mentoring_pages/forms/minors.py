"""The one rule for minors on the application forms: the data of a pupil under 18 are
processed with the consent of a parent or legal representative (152-ФЗ ст. 9), as the
school's own consent forms have it. Here: which answer says «under 18», and what it then
requires. The page chooses who may apply (`Minors`); every form and language follows this."""

import django.forms
from django.db import models
from django.utils.translation import gettext_lazy as _

MINOR_FIELD = "applicant_is_minor"
PARENT_CONSENT_FIELD = "parent_consent"
UNDER_18 = "under_18"
ADULT = "adult"


class Minors(models.TextChoices):
    """Who may apply for or as a pupil under 18 through an application form."""

    NONE = "none", _("Adults only (teachers, graduates, parents about themselves)")
    PARENT_APPLIES = "parent_applies", _("A parent or legal representative applies for a pupil")
    MAY_APPLY = "may_apply", _("Pupils may apply themselves, with a parent's consent")


PARENT_CONSENT_REQUIRED = _(
    "A pupil under 18 takes part only with the consent of a parent or legal representative."
)


def add_fields(form, minors):
    """Give `form` the questions the rule needs. Where pupils may apply themselves, everyone
    says whether they are under 18: a required choice with nothing chosen, so that a pupil
    cannot skip it and send their own consent alone (a pupil's grade does not say it: an
    11th-grader may be 18, a graduate 17)."""
    if minors == Minors.MAY_APPLY:
        form.fields[MINOR_FIELD] = django.forms.ChoiceField(
            label=_("Are you under 18?"),
            choices=[(UNDER_18, _("Yes, I am under 18")), (ADULT, _("No, I am 18 or older"))],
            widget=django.forms.RadioSelect,
            help_text=PARENT_CONSENT_REQUIRED,
            error_messages={"required": _("Say whether you are under 18.")},
        )
    if minors != Minors.NONE:
        form.fields[PARENT_CONSENT_FIELD] = django.forms.BooleanField(
            label=_(
                "I am the pupil's parent or legal representative and agree to the "
                "processing of the pupil's personal data on the same terms"
            ),
            # Required at once where a parent always applies; otherwise once the applicant
            # says they are under 18 (check()).
            required=minors == Minors.PARENT_APPLIES,
            help_text=_("Only if you are under 18: your parent or legal representative ticks it.")
            if minors == Minors.MAY_APPLY
            else "",
            error_messages={"required": PARENT_CONSENT_REQUIRED},
        )


def is_for_minor(minors, cleaned_data):
    return minors == Minors.PARENT_APPLIES or cleaned_data.get(MINOR_FIELD) == UNDER_18


def check(form, minors):
    """Refuse an application for a minor without the parent's consent."""
    missing = not form.cleaned_data.get(PARENT_CONSENT_FIELD)
    # Where the field is required, Django has already said so.
    if (
        is_for_minor(minors, form.cleaned_data)
        and missing
        and PARENT_CONSENT_FIELD not in form.errors
    ):
        form.add_error(PARENT_CONSENT_FIELD, PARENT_CONSENT_REQUIRED)
