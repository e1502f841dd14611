"""The API against its own schema: every operation of the live schema, called with
parameters Schemathesis generates from it (good and bad), never answers 5xx, and every
answer — status, headers and body — is what the schema says."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as examples

# Read from the running site, as a client would; making it reads no data.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def connection_kept():
    """The site's WSGI handler closes the database connection after each request, as
    Django's test client does not: in a test, that would close the test's transaction
    (PostgreSQL)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@examples(
    # API_CONTRACT_EXAMPLES=500 for a deeper search than CI's.
    max_examples=int(os.environ.get("API_CONTRACT_EXAMPLES", "25")),
    deadline=None,
    # The schools' data, read only, serve every example.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_keeps_to_the_schema(case, two_schools, settings, connection_kept):
    settings.API_RATE = "1000000/minute"  # the limit has a test of its own
    case.call_and_validate()
