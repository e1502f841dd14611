"""The API's schema, and its page for people: every endpoint with its parameters and
fields, read from the schema itself, in Russian and English."""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from home.views import answer_in_visitors_language

from . import parameters
from .throttling import AddressRateThrottle

API_PREFIX = "/api/v1/"
API_TITLE = _("Mentoring: open API")
ERROR_RESPONSES = {
    "400": _("A parameter is bad: each bad parameter with what is wrong with it."),
    "404": _("There is no such object or page of the list."),
    "429": _("Too many requests from this address: try again after Retry-After seconds."),
}


# The parameters whose schema is given by hand (filters.py), which then has no words.
PARAMETER_DESCRIPTIONS = {
    "school": _("The school's id: only its data."),
    "roadmap": _("The roadmap's id: only its events."),
    "year": _("The year."),
}


def only_the_open_api(endpoints):
    """The schema is of /api/v1/ only, not of the admin's own APIs."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def complete_the_schema(result, generator, request, public):
    """The title in the schema's language; words for the parameters given by hand; and
    every operation may answer 400, 404 or 429, as JSON: say so."""
    result["info"]["title"] = str(API_TITLE)
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = {
        "type": "object",
        "description": str(_("What was wrong: `detail`, or each parameter's messages.")),
        "additionalProperties": {
            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
        },
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                described = PARAMETER_DESCRIPTIONS.get(parameter["name"])
                if described and not parameter.get("description"):
                    parameter["description"] = str(described)
            for status, description in ERROR_RESPONSES.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": str(description),
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result


@dataclass
class Operation:
    path: str
    summary: str
    description: str
    parameters: list
    fields: list  # [(name, type, description)] of each object it gives


def schema_type(schema, components):
    """A field's type in words: integer, string (date), one of …, or a component's name."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = components.get(name, {})
        return ", ".join(map(str, target.get("enum", []))) or name
    if "allOf" in schema:
        return schema_type(schema["allOf"][0], components)
    if schema.get("type") == "array":
        return f"[{schema_type(schema.get('items', {}), components)}]"
    if "enum" in schema:
        return ", ".join(str(value) for value in schema["enum"] if value is not None)
    kind = schema.get("type", "")
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def fields_of(schema, components):
    """The fields of the objects an operation gives: a list's items or the object itself."""
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    target = components.get(name, {})
    if "results" in target.get("properties", {}):
        return fields_of(target["properties"]["results"]["items"], components)
    return [
        (
            field,
            schema_type(spec, components),
            spec.get("description") or spec.get("title", ""),
        )
        for field, spec in target.get("properties", {}).items()
    ]


@cache
def schema(language):
    """The API's OpenAPI schema in `language`, made once per language and process: it
    changes only with the code."""
    with translation.override(language):
        return SchemaGenerator().get_schema(request=None, public=True)


class SchemaView(SpectacularJSONAPIView):
    """/api/v1/schema/: the schema in `lang`, else in the client's language; any other
    parameter, or another language, is refused as elsewhere in the API."""

    authentication_classes = []
    throttle_classes = [AddressRateThrottle]

    def initial(self, request, *args, **kwargs):
        # Before Django REST framework's own reading of the query (`format`).
        answer_in_visitors_language(request)
        parameters.check(request.query_params, {"lang"})
        languages = [code for code, _name in settings.LANGUAGES]
        if request.query_params.get("lang", languages[0]) not in languages:
            raise ValidationError(
                {"lang": [_("Choose one of: %(languages)s.") % {"languages": ", ".join(languages)}]}
            )
        super().initial(request, *args, **kwargs)

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        language = request.query_params.get("lang", translation.get_language())
        return Response(schema(language))


@cache
def operations(language):
    """The API's operations as the schema says them, in `language` (made once each)."""
    described = schema(language)
    components = described["components"]["schemas"]
    found = []
    for path, methods in described["paths"].items():
        operation = methods["get"]
        ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
        found.append(
            Operation(
                path=path,
                summary=operation.get("summary", ""),
                description=operation.get("description", ""),
                parameters=[
                    (
                        parameter["name"],
                        schema_type(parameter.get("schema", {}), components),
                        parameter.get("description", "").split("\n\n")[0],
                    )
                    for parameter in operation.get("parameters", [])
                ],
                fields=fields_of(ok, components),
            )
        )
    return found


def documentation(request):
    """The page for people: every endpoint, its parameters and fields, and the errors."""
    return TemplateResponse(
        request,
        "mentoring_pages/api_documentation.html",
        {
            "operations": operations(translation.get_language()),
            "errors": [(status, str(text)) for status, text in ERROR_RESPONSES.items()],
            "schema_url": reverse("api-schema"),
            "rate": AddressRateThrottle().parse_rate(settings.API_RATE),
        },
    )
