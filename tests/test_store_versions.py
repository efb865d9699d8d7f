"""A worse version does not silently win (issue 11): a new document for a year that lacks key figures the
version in use has is stored, reported and held back ("ikke taget i brug") until the user confirms it
(`ingest --erstat`, `erstat=true`); an older store gets the notion on open, its newest versions in use."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.knowledge.index import built_units
from kommuneokonomi.store import Store
from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import WriteAccess

from conftest import corpus_files

runner = CliRunner()
GOOD = corpus_files()[0]  # the 2020 agreement, whose Tabel 1 has "Overførsler 73.807"


@pytest.fixture(scope="module")
def garbled(tmp_path_factory) -> Path:
    """The same agreement with one Tabel 1 amount split by a stray space, as a bad PDF extraction does."""
    text_ = GOOD.read_text("utf-8")
    assert text_.count("Overførsler 73.807") == 1
    path = tmp_path_factory.mktemp("garbled") / "aftale_2020_garbled.txt"
    path.write_text(text_.replace("Overførsler 73.807", "Overførsler 7 3.807"), "utf-8")
    return path


@pytest.fixture(scope="module")
def better(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("better") / "aftale_2020_v3.txt"
    path.write_text(GOOD.read_text("utf-8") + "\n\nBilag: rettet udgave.\n", "utf-8")
    return path


def test_the_garbled_row_is_a_warning_and_the_version_is_held_back(db, garbled, better):
    assert runner.invoke(app, ["ingest", str(GOOD)]).exit_code == 0
    result = runner.invoke(app, ["ingest", str(garbled)])
    assert result.exit_code == 0 and "ikke taget i brug" in result.stdout
    assert "tabel_raekke_ulaeselig: Tabel 1: rækken 'overførsler' (linje 134)" in result.stdout
    assert (
        f"{garbled.name}: version 2 mangler 1 nøgletal, som version 1 har: balance.overfoersler; "
        "den er gemt, men ikke taget i brug (version 1 gælder stadig); "
        "tag den i brug med: kommuneokonomi ingest --erstat"
    ) in result.stderr
    store = Store(db)
    assert [d.version for d in store.documents(2020)] == [1, 2]  # nothing lost
    assert store.latest()[2020].version == 1  # the good one stays in use
    # the search index and the commitments keep the version in use, not the held-back text
    assert set(built_units(store)) == {store.latest()[2020].id}
    assert [s for _, s in store.versions(2020)] == ["i brug", "ikke taget i brug"]
    listing = runner.invoke(app, ["versioner", "2020"])
    assert listing.exit_code == 0 and "ikke taget i brug" in listing.stdout and "i brug" in listing.stdout
    assert "database (version 1)" in runner.invoke(app, ["aftaler", "--aar", "2020", "-f", "json"]).stdout

    again = runner.invoke(app, ["ingest", str(garbled)])  # unconfirmed again: still held back, said so
    assert "uændret" in again.stdout and "ikke taget i brug" in again.stderr
    assert Store(db).latest()[2020].version == 1

    confirmed = runner.invoke(app, ["ingest", "--erstat", str(garbled)])
    assert confirmed.exit_code == 0 and "taget i brug" in confirmed.stdout, confirmed.output
    assert Store(db).latest()[2020].version == 2 and not Store(db).documents(2020)[1].held_back
    assert set(built_units(Store(db))) == {Store(db).latest()[2020].id}  # adopted: now it is indexed

    # a complete version after it is compared with the version in use (2), lacks nothing, and is used
    assert "ny version" in runner.invoke(app, ["ingest", str(better)]).stdout
    assert [s for _, s in Store(db).versions(2020)] == ["tidligere", "tidligere", "i brug"]


def test_erstat_takes_a_worse_version_into_use_at_once(db, garbled):
    runner.invoke(app, ["ingest", str(GOOD)])
    result = runner.invoke(app, ["ingest", "--erstat", str(garbled)])
    assert "ny version" in result.stdout and "mangler" not in result.stderr
    assert Store(db).latest()[2020].version == 2


def test_the_api_holds_back_and_confirms_with_erstat(store_url, garbled):
    client = TestClient(create_app(store_url, WriteAccess(open=True)))

    def upload(path: Path, **params):
        return client.post(
            "/api/ingest", params=params, files={"fil": (path.name, path.read_bytes(), "text/plain")}
        )

    assert upload(GOOD).json()["status"] == "ny"
    held = upload(garbled).json()
    assert (held["status"], held["version"], held["mangler"]) == (
        "ikke taget i brug",
        2,
        ["balance.overfoersler"],
    )
    assert held["besked"].startswith("version 2 mangler 1 nøgletal, som version 1 har: balance.overfoersler")
    assert "tabel_raekke_ulaeselig" in {w["code"] for w in held["warnings"]}
    assert client.get("/api/aftaler/2020").json()["kilde"] == "database (version 1)"
    versions = client.get("/api/aftaler/2020/versioner").json()["versioner"]
    assert [(v["version"], v["status"]) for v in versions] == [(1, "i brug"), (2, "ikke taget i brug")]
    confirmed = upload(garbled, erstat="true").json()
    assert (confirmed["status"], confirmed["version"]) == ("taget i brug", 2) and "mangler" not in confirmed
    assert client.get("/api/aftaler/2020").json()["kilde"] == "database (version 2)"


def test_an_older_store_migrates_on_open_with_its_newest_versions_in_use(tmp_path, better):
    path = tmp_path / "gammel.sqlite"
    runner.invoke(app, ["ingest", "--db", str(path), str(GOOD), str(better)])
    store = Store(str(path))
    with store.engine.begin() as conn:  # as a store from before issue 11 was
        conn.execute(text("ALTER TABLE documents DROP COLUMN held_back"))
    store.engine.dispose()
    reopened = Store(str(path))
    assert [(d.version, d.held_back) for d in reopened.documents(2020)] == [(1, False), (2, False)]
    assert reopened.latest()[2020].version == 2
