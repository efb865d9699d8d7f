"""The store: idempotent ingest, versions per year, atomic failure, location by option or environment."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from kommuneokonomi import store as store_module
from kommuneokonomi.cli import app
from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.store import Store

from conftest import corpus_files

runner = CliRunner()
DOC_2024 = corpus_files()[4]


def test_same_file_twice_changes_nothing(store_url):
    store = Store(store_url)
    first = ingest_file(DOC_2024, store)
    before = store.dump()
    again = ingest_file(DOC_2024, store)
    assert (first.status, again.status) == ("ny", "uændret")
    assert store.dump() == before


def test_changed_file_for_same_year_is_a_new_version_and_the_old_stays(tmp_path, store_url):
    store = Store(store_url)
    ingest_file(DOC_2024, store)
    changed = tmp_path / "2024-rettet.txt"
    changed.write_text(DOC_2024.read_text("utf-8").replace("304,8 mia.", "305,1 mia."), "utf-8")
    outcome = ingest_file(changed, store)
    assert (outcome.status, outcome.version) == ("ny version", 2)
    docs = store.documents(2024)
    assert [d.version for d in docs] == [1, 2]
    old, new = (store.figures(d.id)["serviceramme"].value for d in docs)
    assert (old, new) == (304800, 305100)
    assert store.latest()[2024].version == 2


def test_failure_part_way_leaves_the_store_exactly_as_it_was(store_url, monkeypatch):
    store = Store(store_url)
    ingest_file(corpus_files()[0], store)
    before = store.dump()
    real_insert = store_module.insert

    def failing_insert(table):
        if table.name == "blocks":  # after the document, figures and warnings rows were written
            raise RuntimeError("disken er fuld")
        return real_insert(table)

    monkeypatch.setattr(store_module, "insert", failing_insert)
    outcome = ingest_file(DOC_2024, store)
    assert outcome.failed and "databasen er uændret" in outcome.error and "disken er fuld" in outcome.error
    assert store.dump() == before


def test_location_from_environment_and_option(tmp_path, monkeypatch):
    env_db = tmp_path / "env.sqlite"
    opt_db = tmp_path / "opt.sqlite"
    monkeypatch.setenv("KOMMUNEOKONOMI_DB", str(env_db))
    assert runner.invoke(app, ["ingest", str(DOC_2024)]).exit_code == 0
    assert env_db.exists() and not opt_db.exists()
    assert runner.invoke(app, ["ingest", "--db", str(opt_db), str(corpus_files()[0])]).exit_code == 0
    assert [d.year for d in Store(str(opt_db)).documents()] == [2020]
    assert [d.year for d in Store(str(env_db)).documents()] == [2024]


def test_unusable_database_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    result = runner.invoke(app, ["ingest", "--db", f"sqlite:///{blocker}/under/db.sqlite", str(DOC_2024)])
    assert result.exit_code == 2 and "kan ikke åbnes" in result.stderr


def test_whole_corpus_twice_via_cli(corpus, store_url):
    assert runner.invoke(app, ["ingest", "--db", store_url, str(corpus)]).exit_code == 0
    before = Store(store_url).dump()
    result = runner.invoke(app, ["ingest", "--db", store_url, str(corpus)])
    assert result.exit_code == 0 and result.output.count("uændret") == 5
    assert Store(store_url).dump() == before


def test_identical_copies_in_one_batch_are_stored_once(tmp_path, db):
    folder = tmp_path / "kopier"
    folder.mkdir()
    for i in range(2):
        shutil.copy(DOC_2024, folder / f"kopi{i}.txt")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0 and result.output.count("uændret") == 1
    assert len(Store(db).documents()) == 1


def test_blocks_round_trip_with_their_line_map(store_url):
    store = Store(store_url)
    outcome = ingest_file(DOC_2024, store)
    stored = store.blocks(store.latest()[2024].id)
    original = outcome.result.document.blocks
    assert [(b.kind, b.text, b.section, b.part) for b in stored] == [
        (b.kind, b.text, b.section, b.part) for b in original
    ]
    assert [b.offsets for b in stored] == [[tuple(o) for o in b.offsets] for b in original]
