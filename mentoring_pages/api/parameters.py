"""The one rule of the API's query parameters, for every endpoint and the schema: a
parameter the endpoint does not know, one given twice (the last would win silently) or
given empty (an empty language would mean every language) is refused."""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError


def check(query_params, known):
    """Raise a 400 naming each bad parameter with what is wrong with it."""
    problems = (
        {
            name: [_("This endpoint has no such parameter.")]
            for name in query_params
            if name not in known
        }
        | {
            name: [_("Give this parameter once.")]
            for name, values in query_params.lists()
            if name in known and len(values) > 1
        }
        | {
            name: [_("Give a value, or leave the parameter out.")]
            for name, values in query_params.lists()
            if name in known and values == [""]
        }
    )
    if problems:
        raise ValidationError(problems)
