"""The README's main command (`bash scripts/run.sh`) on a clone alone and on a file given (no set-up)."""

from __future__ import annotations

import os
import subprocess

from kommuneokonomi.agreements import from_parameters
from kommuneokonomi.parameters import shipped_parameters
from kommuneokonomi.store import Store

from conftest import ROOT, corpus_files


def _run(tmp_path, *args: str, corpus: str | None = None) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "KOMMUNEOKONOMI_SKIP_SETUP": "1",
        "KOMMUNEOKONOMI_DB": str(tmp_path / "run.sqlite"),
        "COLUMNS": "250",
    }
    if corpus is not None:
        env["KOMMUNEOKONOMI_CORPUS"] = corpus
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "run.sh"), *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_clone_without_the_corpus_shows_the_shipped_parameters(tmp_path):
    missing = tmp_path / "shared" / "corpus"
    result = _run(tmp_path, corpus=str(missing))
    assert result.returncode == 0, result.stderr
    assert f"Ingen aftalefiler i {missing} — viser de indbyggede parametre" in result.stdout
    header = next(line for line in result.stdout.splitlines() if "Nøgle" in line)
    assert all(str(year) in header for year in from_parameters(shipped_parameters()))
    assert "serviceramme" in result.stdout
    assert Store(str(tmp_path / "run.sqlite")).documents() == []
    empty = tmp_path / "tom"
    empty.mkdir()
    (empty / ".skjult").write_text("x")
    result = _run(tmp_path, corpus=str(empty))
    assert result.returncode == 0 and "Ingen aftalefiler i" in result.stdout


def test_a_file_given_is_ingested_relative_to_where_the_user_stands(tmp_path):
    doc = tmp_path / "aftale.txt"
    doc.write_text(corpus_files()[4].read_text("utf-8"), "utf-8")
    result = _run(tmp_path, "aftale.txt", corpus=str(tmp_path / "findes-ikke"))
    assert result.returncode == 0, result.stderr
    assert "Ingen aftalefiler" not in result.stdout and "aftale.txt" in result.stdout
    assert [d.year for d in Store(str(tmp_path / "run.sqlite")).documents()] == [2024]
    result = _run(tmp_path, "mangler.txt")
    assert result.returncode == 1 and "mangler.txt: filen eller mappen findes ikke" in result.stderr
