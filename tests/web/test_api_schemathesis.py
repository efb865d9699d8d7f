"""Schemathesis against the OpenAPI spec: every generated request gets a JSON answer, never a 500.

The app is built when the module is imported (schemathesis needs the schema at collection time) on a
temporary store with the five corpus agreements, so the search and commitment endpoints have text.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.store import Store
from kommuneokonomi.web.app import create_app
from web.conftest import AUTH, WRITER

from conftest import CORPUS

_TMP = tempfile.TemporaryDirectory()
_DB = str(Path(_TMP.name) / "schemathesis.sqlite")
for _path in collect_files([CORPUS])[0]:
    ingest_file(_path, Store(_DB))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_DB, WRITER))


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_json_errors(case):
    response = case.call(headers=AUTH)  # the writes too, with the write token
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert isinstance(body, dict) and isinstance(body.get("fejl"), str) and body["fejl"], body


class APIWorkflow(schema.as_state_machine()):  # type: ignore[misc]
    """Stateful: the OpenAPI links chain a stored scenario to its address and to a comparison, and a
    correction to the list of corrections and its undo, with the ids the answers gave."""

    def get_call_kwargs(self, case):
        return {"headers": AUTH}

    def validate_response(self, response, case, additional_checks=None, **kwargs):
        assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
        if response.status_code >= 400:
            body = response.json()
            assert isinstance(body, dict) and isinstance(body.get("fejl"), str) and body["fejl"], body


TestAPIWorkflow = APIWorkflow.TestCase
TestAPIWorkflow.settings = settings(
    max_examples=15, stateful_step_count=4, deadline=None, suppress_health_check=list(HealthCheck)
)
