import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft202012Validator
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from opendata.api import ENDPOINTS
from website.wsgi import application


def document(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.json()


def validator(openapi, name):
    """A JSON Schema validator for one component, its references resolved in place."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": openapi["components"]}
    return Draft202012Validator(schema)


def schema_names(openapi):
    return [name for name in openapi["components"]["schemas"] if name != "Error"]


def test_the_description_names_every_endpoint_with_a_listing_and_a_detail(client, net):
    paths = document(client)["paths"]
    for endpoint in ENDPOINTS:
        assert f"/api/v2/{endpoint.api_name}/" in paths
        assert f"/api/v2/{endpoint.api_name}/{{id}}/" in paths


@pytest.mark.parametrize("endpoint", [endpoint.api_name for endpoint in ENDPOINTS])
def test_listing_and_detail_match_the_description(client, net, endpoint):
    openapi = document(client)
    operation = openapi["paths"][f"/api/v2/{endpoint}/"]["get"]
    name = operation["responses"]["200"]["content"]["application/json"]["schema"]
    name = name["properties"]["items"]["items"]["$ref"].rsplit("/", 1)[-1]
    item_validator = validator(openapi, name)
    for query in ("", "?fields=*"):
        listing = client.get(f"/api/v2/{endpoint}/{query}").json()
        assert listing["items"]
        for item in listing["items"]:
            item_validator.validate(item)
    detail = client.get(listing["items"][0]["meta"]["detail_url"]).json()
    item_validator.validate(detail)
    described = openapi["components"]["schemas"][name]
    assert set(detail) == set(described["properties"])
    assert set(detail["meta"]) == set(described["properties"]["meta"]["properties"])


def test_every_declared_filter_is_a_described_parameter(client, net):
    paths = document(client)["paths"]
    for endpoint in ENDPOINTS:
        described = {p["name"] for p in paths[f"/api/v2/{endpoint.api_name}/"]["get"]["parameters"]}
        assert {f.name for f in endpoint.filters} <= described
        assert set(endpoint.common_parameters) <= described


def test_the_description_states_the_licence(client, net):
    assert document(client)["info"]["license"]["name"] == "CC BY 4.0"


@pytest.fixture
def api_schema(client, net):
    """The description, run against the WSGI application on this test's database
    connection: as Django's test client does while it makes a request, requests
    must not close the connection that holds the test's transaction."""
    schema = schemathesis.openapi.from_dict(document(client))
    schema.app = application
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_generated_requests_never_get_a_server_error(api_schema):
    checks = [not_a_server_error, status_code_conformance, response_schema_conformance]
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=12,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            case.call_and_validate(checks=checks, headers={"Host": "localhost"})

        call()
