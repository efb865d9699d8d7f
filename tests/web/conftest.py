"""An app over a temporary store with the five agreements ingested."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.store import Store
from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import WriteAccess

from conftest import CORPUS

#: the write token of the test apps; `writer` sends it as the API and the forms expect
TOKEN = "test-skrivenoegle-0123456789"
WRITER = WriteAccess(token=TOKEN)
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def writing_client(db: str) -> TestClient:
    """A client of a fresh app on `db` that sends the write token with every request."""
    return TestClient(create_app(db, WRITER), headers=AUTH)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("web") / "web.sqlite")
    store = Store(path)
    for f in collect_files([CORPUS])[0]:
        assert not ingest_file(f, store).failed
    store.engine.dispose()
    return path


@pytest.fixture(scope="session")
def app(web_db):
    return create_app(web_db, WRITER)


@pytest.fixture(scope="session")
def client(app) -> TestClient:
    return TestClient(app, headers=AUTH)
