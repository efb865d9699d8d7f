"""A store with the five corpus agreements ingested, shared by the knowledge tests."""

from __future__ import annotations

import pytest

from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.knowledge.corpus import load_texts
from kommuneokonomi.knowledge.tracker import find
from kommuneokonomi.store import Store

from conftest import CORPUS


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("knowledge") / "corpus.sqlite")
    store = Store(path)
    files, _ = collect_files([CORPUS])
    for f in files:
        assert not ingest_file(f, store).failed
    store.engine.dispose()
    return path


@pytest.fixture(scope="session")
def texts(corpus_db):
    return load_texts(Store(corpus_db))


@pytest.fixture(scope="session")
def linked(corpus_db):
    """Every commitment of the corpus with its follow-up links, as the tracker shows them."""
    return find(Store(corpus_db), pr_side=0).items
