"""Which school each of the programme's records belongs to: the one table every admin screen,
chooser, filter and form of them reads (programmes/school_admin.py)."""

from django.contrib.auth import get_permission_codename
from django.db.models import Q

from .schools import schools_allowing, schools_changed_by

# The path from a record to its school. A programme, a consent and a consent text have their
# own; the programme's facts belong to the programme's school.
SCHOOL_LOOKUPS = {
    "programmes.Programme": "school",
    "programmes.Consent": "school",
    "programmes.ConsentText": "school",
    "programmes.MentoringForm": "programme__school",
    "programmes.TargetIndicator": "programme__school",
    "programmes.ParticipationFigures": "programme__school",
    "programmes.MonitoringResult": "programme__school",
}


def belongs_to_a_school(model):
    return model._meta.label in SCHOOL_LOOKUPS


def in_schools(model, schools):
    """A filter for `model`'s records of those schools."""
    return Q(**{f"{SCHOOL_LOOKUPS[model._meta.label]}__in": schools})


def permission_name(model, action):
    return f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"


def allowed_to(user, action, queryset):
    """The records of `queryset` in the schools where one of the user's roles may do `action`
    ("view", "change", …) to them."""
    schools = schools_allowing(user, permission_name(queryset.model, action))
    return queryset.filter(in_schools(queryset.model, schools))


def read_by(user, queryset):
    """The records of `queryset` in the schools where the user may view them."""
    return allowed_to(user, "view", queryset)


def changed_by(user, queryset):
    """The records of `queryset` in the schools `user` changes (and so may choose for a record
    of theirs)."""
    return queryset.filter(in_schools(queryset.model, schools_changed_by(user)))
