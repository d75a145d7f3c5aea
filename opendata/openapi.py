"""The OpenAPI 3.1 description of the API, made from the endpoints' own declarations."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .api import ENDPOINTS, MAX_FILTER_VALUES, MAX_LIMIT, MAX_OFFSET

ERROR = {
    "type": "object",
    "properties": {"message": {"type": "string"}},
    "required": ["message"],
}
ERROR_RESPONSE = {
    "description": "The request cannot be answered; the message says why.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def common_parameters():
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "limit": {
            "description": f"How many items to return (at most {MAX_LIMIT}).",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT, "default": 20},
        },
        "offset": {
            "description": "How many items to skip.",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        },
        "fields": {
            "description": "Fields to show, comma-separated; * for all, _ for none, -name to "
            "leave one out (Wagtail API syntax).",
            "schema": {"type": "string"},
        },
        "order": {
            "description": "A field to sort by, - in front to reverse, or random.",
            "schema": {"type": "string"},
        },
        "locale": {
            "description": "Only items in this language.",
            "schema": {"type": "string", "enum": languages},
        },
        "translation_key": {
            "description": "Only the translations of the item with this stable identifier.",
            "schema": {"type": "string", "format": "uuid"},
        },
    }


def item_schema(endpoint):
    fields = endpoint.all_fields()
    meta = {
        "type": {"type": "string"},
        "detail_url": {"type": "string", "format": "uri"},
        **{item.name: item.schema for item in fields if item.meta},
    }
    return {
        "type": "object",
        "description": endpoint.api_description,
        "properties": {
            "id": {"type": "integer"},
            "meta": {"type": "object", "properties": meta, "additionalProperties": False},
            **{item.name: item.schema for item in fields if not item.meta},
        },
        "additionalProperties": False,
    }


def schema_name(endpoint):
    return "".join(part.capitalize() for part in endpoint.api_name.split("_"))


def list_pattern(value_pattern):
    """The pattern of a comma-separated list of values, each matching ``value_pattern``."""
    value = value_pattern.pattern.removeprefix("^").removesuffix(r"\Z")
    return f"^(?:{value})(?:,(?:{value})){{0,{MAX_FILTER_VALUES - 1}}}$"


def listing_operation(endpoint, prefix):
    parameters = [
        {"name": name, "in": "query", "required": False, **definition}
        for name, definition in common_parameters().items()
    ]
    parameters += [
        {
            "name": item.name,
            "in": "query",
            "required": False,
            "description": item.description,
            "schema": {"type": "string", "pattern": list_pattern(item.pattern)},
            **({"example": item.examples[0]} if item.examples else {}),
        }
        for item in endpoint.filters
    ]
    name = schema_name(endpoint)
    return {
        "get": {
            "operationId": f"list_{endpoint.api_name}",
            "summary": endpoint.api_description,
            "tags": [endpoint.api_name],
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "A page of items.",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "meta": {
                                        "type": "object",
                                        "properties": {"total_count": {"type": "integer"}},
                                        "required": ["total_count"],
                                    },
                                    "items": {
                                        "type": "array",
                                        "items": {"$ref": f"#/components/schemas/{name}"},
                                    },
                                },
                                "required": ["meta", "items"],
                            }
                        }
                    },
                },
                "400": ERROR_RESPONSE,
            },
        }
    }


def detail_operation(endpoint):
    name = schema_name(endpoint)
    return {
        "get": {
            "operationId": f"get_{endpoint.api_name}",
            "summary": f"One item of {endpoint.api_name}.",
            "tags": [endpoint.api_name],
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 1},
                },
                {
                    "name": "fields",
                    "in": "query",
                    "required": False,
                    **common_parameters()["fields"],
                },
            ],
            "responses": {
                "200": {
                    "description": "The item, with all its fields.",
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                    },
                },
                "400": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
            },
        }
    }


def openapi_document(prefix="/api/v2/"):
    paths = {}
    for endpoint in ENDPOINTS:
        paths[f"{prefix}{endpoint.api_name}/"] = listing_operation(endpoint, prefix)
        paths[f"{prefix}{endpoint.api_name}/{{id}}/"] = detail_operation(endpoint)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} open data API",
            "version": "2",
            "description": "Read-only, public. Every item carries a translation_key shared "
            "by all its translations, and links to them. Content is published under "
            f"{settings.CONVIVIUM_OPEN_DATA_LICENCE['name']} "
            f"({settings.CONVIVIUM_OPEN_DATA_LICENCE['url']}).",
            "license": {
                "name": settings.CONVIVIUM_OPEN_DATA_LICENCE["name"],
                "url": settings.CONVIVIUM_OPEN_DATA_LICENCE["url"],
            },
        },
        "paths": paths,
        "components": {
            "schemas": {
                "Error": ERROR,
                **{schema_name(endpoint): item_schema(endpoint) for endpoint in ENDPOINTS},
            }
        },
    }


@require_GET
def openapi_view(request):
    return JsonResponse(openapi_document(), json_dumps_params={"indent": 2})
