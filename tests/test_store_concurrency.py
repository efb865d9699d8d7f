"""Concurrent writers (issue 11): two CLI batches at once, parallel uploads to two app instances (as two
workers), and knowledge builds at the same time lose nothing, number each year's versions 1..n, store the
same content once (the other writer says "uændret"), and never show a constraint error or SQL."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.knowledge import index as knowledge
from kommuneokonomi.store import Store, blocks, documents, figures
from kommuneokonomi.web.app import create_app
from kommuneokonomi.web.auth import WriteAccess

DEVSET = Path(__file__).parent / "devset"
BASES = (DEVSET / "seen" / "aftale_2021.md", DEVSET / "seen" / "aftale_2027.md")
N_BATCH = 6  # files per batch: enough for the two to overlap for seconds
LEAKS = ("UNIQUE", "constraint", "[SQL", "IntegrityError", "Traceback", "duplicate key")


def variant(base: Path, tag: str) -> str:
    """The agreement with one line more at the end: the same figures, another file (another sha256)."""
    return base.read_text("utf-8") + f"\n\nBilag {tag}.\n"


def write_batches(folder: Path, n: int) -> set[str]:
    """Two batches of n files over two years; every second pair of files is in both batches (the same
    content twice at once). Returns the distinct contents' sha256."""
    shas = set()
    for batch in "ab":
        (folder / batch).mkdir(parents=True)
        for i in range(n):
            base = BASES[i % 2]
            text = variant(base, str(i) if i % 4 < 2 else f"{batch}{i}")
            (folder / batch / f"v{i:02d}_{base.name}").write_text(text, "utf-8")
            shas.add(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return shas


def assert_consistent(store: Store, shas: set[str]) -> None:
    """Every distinct content stored once, versions 1..n per year, each with its figures and blocks, and
    the knowledge index built for each."""
    docs = store.documents()
    assert {d.sha256 for d in docs} == shas and len(docs) == len(shas)
    for year in {d.year for d in docs}:
        assert [d.version for d in store.documents(year)] == list(range(1, len(store.documents(year)) + 1))
    with store.engine.connect() as conn:
        n_figures = dict(
            conn.execute(select(figures.c.document_id, func.count()).group_by(figures.c.document_id)).all()
        )
        n_blocks = dict(
            conn.execute(select(blocks.c.document_id, func.count()).group_by(blocks.c.document_id)).all()
        )
        built = {r[0] for r in conn.execute(select(knowledge.built.c.document_id))}
        ids = {r[0] for r in conn.execute(select(documents.c.id))}
    assert set(n_figures) == set(n_blocks) == ids
    assert built == {d.id for d in store.latest().values()}  # the index holds the newest version of a year


def test_two_cli_batches_at_once_store_every_file(tmp_path, store_url):
    """Into a new store: both also create its tables (and the index tables) at the same moment."""
    shas = write_batches(tmp_path, N_BATCH)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "kommuneokonomi", "ingest", "--db", store_url, str(tmp_path / batch)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in "ab"
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr
        assert "FEJL" not in stderr and not any(leak in stdout + stderr for leak in LEAKS), stderr
    # each file both batches have: one stores it, the other says "uændret"
    assert sum(stdout.count("uændret") for stdout, _ in outputs) == 2 * N_BATCH - len(shas)
    assert_consistent(Store(store_url), shas)


def test_parallel_uploads_to_two_workers(store_url):
    """Eight uploads of one file and six distinct ones at once, spread over two app instances on one store
    (what two server workers are): every answer JSON 200, the same file stored once."""
    clients = [TestClient(create_app(store_url, WriteAccess(open=True))) for _ in range(2)]
    same = variant(BASES[0], "samme").encode("utf-8")
    uploads = [("samme.md", same)] * 8 + [
        (f"ny{i}.md", variant(BASES[i % 2], f"ny{i}").encode()) for i in range(6)
    ]

    def post(i: int) -> tuple[int, dict]:
        name, data = uploads[i]
        r = clients[i % 2].post("/api/ingest", files={"fil": (name, data, "text/markdown")})
        assert r.headers["content-type"].startswith("application/json"), r.text
        return r.status_code, r.json()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(post, range(len(uploads))))
    assert {code for code, _ in answers} == {200}, answers
    same_answers = Counter(
        body["status"] for (_, body), (name, _) in zip(answers, uploads, strict=True) if name == "samme.md"
    )
    assert same_answers["uændret"] == 7 and same_answers["ny"] + same_answers["ny version"] == 1
    shas = {hashlib.sha256(data).hexdigest() for _, data in uploads}
    assert_consistent(Store(store_url), shas)


def test_knowledge_builds_at_once_link_as_one_after_the_other(store_url, tmp_path):
    """Two neighbouring years ingested at the same time link with each other as when ingested one after the
    other (each build sees what the other committed), and building one document twice at once leaves one
    index (its terms counted once)."""
    files = [DEVSET / "heldout" / "aftale_2026.pdf", DEVSET / "heldout" / "aftale_2028.md"]
    sequential = Store(str(tmp_path / "sequential.sqlite"))
    for path in files:
        ingest_file(path, sequential)
    expected = _links(sequential)
    assert expected  # the pair has a follow-up link, so a lost link would show

    start = threading.Barrier(2)

    def ingest(path: Path) -> None:
        store = Store(store_url)
        start.wait()
        assert not ingest_file(path, store).failed

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(ingest, files))
    store = Store(store_url)
    assert _links(store) == expected
    words = _terms(store)

    doc = store.latest()[2028]
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda _: knowledge.build(Store(store_url), doc), range(2)))
    assert _terms(store) == words and _links(store) == expected
    assert (
        knowledge.built_units(store)[doc.id]
        == knowledge.built_units(sequential)[sequential.latest()[2028].id]
    )


def _terms(store: Store) -> list[tuple]:
    """The index's term rows, as a whole: a build done twice at once must leave them as one build does."""
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(knowledge.terms)).all())


def _links(store: Store) -> list[tuple[int, int, str]]:
    years = {d.id: d.year for d in store.documents()}
    with store.engine.connect() as conn:
        rows = conn.execute(select(knowledge.links)).all()
    return sorted((years[r.from_document_id], years[r.to_document_id], r.data) for r in rows)
