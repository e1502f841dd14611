"""What the public sees of the schools' programme data: live programmes, and the records
(forms, indicators, figures) of live programmes, in one language. The municipal centre's
page and the open API read it here."""

from django.db.models import Q

from .models import Programme


def public_programmes(locale=None):
    """Live programmes, in `locale` if given."""
    return Programme.objects.filter(Q(live=True) & in_locale(locale))


def of_public_programmes(locale=None):
    """A filter for a programme's records: those of live programmes, in `locale` if given."""
    return Q(programme__live=True) & in_locale(locale, "programme__")


def in_locale(locale, prefix=""):
    return Q(**{f"{prefix}locale": locale}) if locale is not None else Q()
