"""Fault injection (issue 11): an ingest killed with SIGKILL, inside its store transaction or at any moment,
leaves the store as it was or with one complete new version; never a document without its figures or
blocks, never index rows without their document, never a half-built index; and the store still opens and
takes the same file again."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.knowledge import index as knowledge
from kommuneokonomi.store import Store, blocks, documents, figures, gaps, warnings

SEEN = Path(__file__).parent / "devset" / "seen"
FIRST, SECOND = SEEN / "aftale_2027.md", SEEN / "aftale_2021.md"

#: the ingest in a child process, lean (no command line around it): it says when it is ready, and with a
#: hook "module:table" it stops (and says so) just before it writes that table, inside the transaction that
#: wrote the rows before it: the store's `add`, or the knowledge index's `build`
CHILD = """
import sys, time
from pathlib import Path
import kommuneokonomi.knowledge.index as knowledge
import kommuneokonomi.store as store
from kommuneokonomi.ingest import ingest_file
hook, url, *paths = sys.argv[1:]
if hook:
    module, table = hook.split(":")
    owner = store if module == "store" else knowledge
    real = owner.insert
    def hanging(t):
        if t.name == table:
            print("I TRANSAKTIONEN", flush=True)
            time.sleep(120)
        return real(t)
    owner.insert = hanging
target = store.Store(url)
print("KLAR", flush=True)
for path in paths:
    ingest_file(Path(path), target)
"""


def child(hook: str, url: str, *paths: Path) -> subprocess.Popen[str]:
    run = subprocess.Popen(
        [sys.executable, "-c", CHILD, hook, url, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None and run.stdout.readline().strip() == "KLAR", run.communicate()
    return run


def kill(run: subprocess.Popen[str]) -> None:
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)


def rows(store: Store, column) -> set[int]:
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(column))}


def assert_whole(store: Store) -> set[str]:
    """No partial document and no orphaned or half-built index; returns the stored contents."""
    ids = rows(store, documents.c.id)
    assert rows(store, figures.c.document_id) == ids and rows(store, blocks.c.document_id) == ids
    assert rows(store, warnings.c.document_id) <= ids and rows(store, gaps.c.document_id) <= ids
    knowledge.ensure_tables(store)
    built = rows(store, knowledge.built.c.document_id)
    assert built <= ids
    assert rows(store, knowledge.units.c.document_id) == built  # each document's index whole or absent
    assert rows(store, knowledge.commitment_rows.c.document_id) <= built
    assert (
        rows(store, knowledge.links.c.from_document_id) | rows(store, knowledge.links.c.to_document_id)
        <= built
    )
    return {d.sha256 for d in store.documents()}


@pytest.mark.parametrize("where", ["store:blocks", "knowledge:knowledge_built"])
def test_killed_inside_the_transaction(store_url, where):
    """Killed after the document, figures and warnings (or the search units, commitments and links) were
    written, before the commit: none of it is kept; the next ingest stores the file as if nothing happened."""
    store = Store(store_url)
    ingest_file(FIRST, store)
    before = assert_whole(store)
    run = child(where, store_url, SECOND)
    assert run.stdout is not None and run.stdout.readline().strip() == "I TRANSAKTIONEN", run.communicate()
    kill(run)
    store.engine.dispose()
    store = Store(store_url)
    after = assert_whole(store)
    if where.startswith("store"):
        assert after == before  # the document's transaction never committed
    else:  # the document committed, its index did not: it is built on first use
        assert len(after - before) == 1
        knowledge.ensure_built(store)
        assert rows(store, knowledge.built.c.document_id) == rows(store, documents.c.id)
    again = ingest_file(SECOND, store)
    assert not again.failed and again.status == ("ny" if where.startswith("store") else "uændret")
    assert_whole(store)
    assert [d.version for d in store.documents(2021)] == [1]


def test_killed_at_any_moment(store_url, tmp_path):
    """A batch killed after a few delays, wherever it happens to be: each time the store is whole, opens,
    and numbers its versions without a gap."""
    ingest_file(FIRST, Store(store_url))
    base = SECOND.read_text("utf-8")
    for i, delay in enumerate((0.3, 0.9)):
        paths = [tmp_path / f"v{i}_{j}.md" for j in range(4)]
        for j, path in enumerate(paths):
            path.write_text(base + f"\n\nBilag {i}.{j}.\n", "utf-8")
        run = child("", store_url, *paths)
        time.sleep(delay)
        kill(run)
        store = Store(store_url)
        assert_whole(store)
        versions = [d.version for d in store.documents(2021)]
        assert versions == list(range(1, len(versions) + 1))
        store.engine.dispose()
