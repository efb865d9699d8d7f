"""Shared test fixtures: the corpus (read from ../shared/corpus, never copied) and PDF renderings of it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine

from kommuneokonomi.knowledge.index import metadata as knowledge_metadata
from kommuneokonomi.store import metadata, resolve_url

from pdf_fixture import render_pdf

# Every run is reproducible: the same examples on this machine and in CI for the same code, so a red CI
# run is a red local run (no deadline on a loaded 2-core machine). HYPOTHESIS_PROFILE=explore draws new
# examples each run, to look for what the fixed draw does not reach (README, "Tests").
settings.register_profile("repro", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repro"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = Path(__file__).parent / "golden"


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def corpus_by_sha() -> dict[str, Path]:
    return {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in corpus_files()}


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus is missing: {CORPUS} (tests read the agreements from ../shared/corpus)")
    return CORPUS


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory, corpus) -> Path:
    """The three PDF-extracted text files of the corpus rendered as real PDFs."""
    out = tmp_path_factory.mktemp("pdf")
    for path in corpus_files():
        if not path.read_text("utf-8").lstrip().startswith("#"):
            render_pdf(path, out / (path.stem + ".pdf"))
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A store on each backend: a SQLite file, and the test PostgreSQL (scripts/postgres.sh), emptied."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    url = os.environ.get("KOMMUNEOKONOMI_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(
                "CI runs the PostgreSQL tests: KOMMUNEOKONOMI_TEST_PG is not set (see scripts/postgres.sh)"
            )
        pytest.skip("no test PostgreSQL here: source scripts/postgres.sh to run these")
    engine = create_engine(resolve_url(url))
    knowledge_metadata.drop_all(engine)
    metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    path = tmp_path / "test.sqlite"
    monkeypatch.setenv("KOMMUNEOKONOMI_DB", str(path))
    return str(path)
