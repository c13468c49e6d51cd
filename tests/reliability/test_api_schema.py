"""Schemathesis against the published /api/openapi.json: every operation, generated inputs, no 5xx.

The app is the real one over the real records (the session `real_engine`), called in-process
through WSGI. Each operation gets a bounded, derandomized run; each response must not be a server
error and must conform to the document (status code, content type, JSON schema). URL checks
never leave the process: the fetcher is replaced by one that refuses, as it would for a
private address.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                               status_code_conformance)

from webui import create_app
from webui.openapi import openapi_document

OPERATIONS = [(method.upper(), path) for path, item in openapi_document()["paths"].items() for method in item]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def schema(real_engine):
    app = create_app({"ENGINE": real_engine, "RATELIMIT_ENABLED": False, "SECRET_KEY": "schema-test"})
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


@pytest.fixture(autouse=True)
def no_outbound_fetch(monkeypatch):
    import sources.fetch as fetch

    def refuse(url, **kwargs):
        raise fetch.FetchError("blocked_address", "This test does not fetch web pages.")

    monkeypatch.setattr(fetch, "fetch_url", refuse)


def test_every_route_is_exercised():
    assert len(OPERATIONS) >= 13
    assert ("POST", "/api/check") in OPERATIONS and ("GET", "/api/search") in OPERATIONS


@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_conforms(schema, method, path):
    operation = schema[path][method]
    calls = []

    @settings(max_examples=25, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def run(case):
        response = case.call_and_validate(checks=CHECKS)
        calls.append(response.status_code)

    run()
    assert calls, f"no request was made for {method} {path}"
