"""A store that cannot be used (issue 11): one Danish line naming the store (password hidden) and a non-zero
exit from every command that opens it; never a traceback, never SQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommuneokonomi import cli
from kommuneokonomi.cli import app
from kommuneokonomi.store import Store, StoreUnavailable

runner = CliRunner()
AGREEMENT = Path(__file__).parent / "devset" / "seen" / "aftale_2027.md"
#: every command that opens the store, with the least it needs besides --db
COMMANDS = [
    ["ingest", str(AGREEMENT)],
    ["aftaler"],
    ["versioner", "2027"],
    ["soeg", "ramme"],
    ["aftalepunkter"],
    ["sammenlign", "2023", "2024"],
    ["ret", "--vis"],
    ["overholdelse"],
    ["serve"],
]


def one_clear_line(result, *wanted: str) -> None:
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fejl: databasen "), result.stderr
    for text in wanted:
        assert text in lines[0], lines[0]
    assert "[SQL" not in lines[0] and "Error" not in lines[0]


@pytest.fixture
def corrupt(tmp_path) -> Path:
    path = tmp_path / "beskadiget.sqlite"
    path.write_bytes(b"ikke en database " * 200)
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_corrupt_sqlite_file_in_every_command(corrupt, command):
    one_clear_line(
        runner.invoke(app, [*command, "--db", str(corrupt)]), str(corrupt), "ikke en SQLite-database"
    )


@pytest.mark.parametrize(
    ("url", "wanted", "hidden"),
    [
        ("postgresql://bruger:hemmelig@127.0.0.1:1/db", ["127.0.0.1:1", "svarer ikke"], "hemmelig"),
        (
            "mysql://bruger:hemmelig@vaert/db",
            ["mysql://bruger:***@vaert/db", "ukendt databasetype 'mysql'"],
            "hemmelig",
        ),
        ("foo://x", ["foo://x", "ukendt databasetype 'foo'"], None),
    ],
)
def test_unreachable_or_unsupported_urls(url, wanted, hidden):
    result = runner.invoke(app, ["aftaler", "--db", url])
    one_clear_line(result, *wanted)
    assert hidden is None or hidden not in result.stderr


def test_missing_directory_and_a_directory_as_the_file(tmp_path):
    missing = tmp_path / "findes-ikke" / "db.sqlite"
    one_clear_line(
        runner.invoke(app, ["aftaler", "--db", str(missing)]), f"mappen {missing.parent} findes ikke"
    )
    assert not missing.parent.exists()  # a given path's directory is not created behind the user's back
    one_clear_line(runner.invoke(app, ["aftaler", "--db", str(tmp_path)]), "en mappe")


def test_a_read_only_store_reads_and_refuses_writes_in_one_line(tmp_path):
    path = tmp_path / "store.sqlite"
    assert runner.invoke(app, ["ingest", "--db", str(path), str(AGREEMENT)]).exit_code == 0
    read_only = f"sqlite:///file:{path}?mode=ro&uri=true"
    assert runner.invoke(app, ["aftaler", "--db", read_only]).exit_code == 0
    other = Path(__file__).parent / "devset" / "seen" / "aftale_2021.md"
    result = runner.invoke(app, ["ingest", "--db", read_only, str(other)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"FEJL: {other}: databasen file:{path} kan ikke bruges: der må ikke skrives i databasen "
        "(skrivebeskyttet fil eller mappe)"
    ]
    new = (
        f"sqlite:///file:{tmp_path / 'ny.sqlite'}?mode=ro&uri=true"  # a new store cannot be created read-only
    )
    one_clear_line(runner.invoke(app, ["aftaler", "--db", new]), "kan ikke åbnes")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in a read-only directory")
def test_a_read_only_directory(tmp_path):
    folder = tmp_path / "skrivebeskyttet"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        one_clear_line(runner.invoke(app, ["aftaler", "--db", str(folder / "db.sqlite")]), "kan ikke åbnes")
    finally:
        folder.chmod(0o755)


def test_a_store_that_breaks_while_in_use(tmp_path, monkeypatch, capsys):
    """Opened fine, then unusable (the file overwritten, a server gone): StoreUnavailable from the store,
    and the command line's entry point turns it into one line."""
    path = tmp_path / "store.sqlite"
    store = Store(str(path))
    store.engine.dispose()
    path.write_bytes(b"\0" * 4096)
    with pytest.raises(StoreUnavailable, match="kan ikke bruges: filen er ikke en SQLite-database"):
        store.documents()
    monkeypatch.setattr(sys, "argv", ["kommuneokonomi", "aftaler", "--db", str(tmp_path / "ny.sqlite")])
    monkeypatch.setattr(Store, "latest", lambda self: store.documents())
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"Fejl: databasen {path} kan ikke bruges: filen er ikke en SQLite-database "
        "(beskadiget, eller en anden slags fil)"
    ]


def test_the_installed_command_prints_no_traceback(corrupt):
    run = subprocess.run(
        [sys.executable, "-m", "kommuneokonomi", "aftaler", "--db", str(corrupt)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
