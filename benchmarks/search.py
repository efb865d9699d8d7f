"""Search engines compared: quality on the 45 questions and query latency on the corpus and ×N copies.

Candidates, all over the same Snowball-danish stems and the same re-ranking on top (compounds, neuter -t,
coverage, year boost; knowledge/search.py):
- `baseline`: the hand-written BM25 that search used before (benchmarks/bm25_baseline.py), in memory;
- `fts5`: SQLite FTS5 in the store (the embedded default);
- `tantivy`: a tantivy index (PyPI `tantivy`) of the same units in a temporary directory;
- `postgresql`: PostgreSQL full-text search in the store (with --pg URL, e.g. $KOMMUNEOKONOMI_TEST_PG).
Within one run the candidates alternate, question by question, so load on the machine hits all alike.
Targets (issue 12): success@5 stays 1.0, passage recall@5 at least 0.9, p95 under 20 ms at ×20.

    python benchmarks/search.py [--copies 20] [--repeat 5] [--pg URL] [--show-misses]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from bm25_baseline import SearchIndex as Baseline
from corpus_copies import copies, ingest_copy
from kommuneokonomi.knowledge import index as kindex
from kommuneokonomi.knowledge.corpus import load_texts
from kommuneokonomi.knowledge.search import SearchIndex, _Candidate
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = Path(__file__).with_name("search_questions.yaml")
K = 5


class TantivySearch(SearchIndex):
    """The same search with tantivy as the engine (BM25; the subheading field boosted by 0.5)."""

    def __init__(self, store: Store, directory: Path) -> None:
        import tantivy

        super().__init__(store)
        builder = tantivy.SchemaBuilder()
        for name in ("stems", "context"):
            builder.add_text_field(name, stored=True, tokenizer_name="whitespace")
        for name in ("uid", "document_id", "seq", "year"):
            builder.add_integer_field(name, stored=True, indexed=True, fast=True)
        builder.add_text_field("section", stored=True, tokenizer_name="raw")
        self._index = tantivy.Index(builder.build(), path=str(directory))
        writer = self._index.writer()
        with store.engine.connect() as conn:
            for r in conn.execute(
                kindex.units.select().where(kindex.units.c.document_id.in_(self.document_ids))
            ):
                writer.add_document(
                    tantivy.Document(
                        uid=r.id,
                        document_id=r.document_id,
                        seq=r.seq,
                        year=r.year,
                        stems=r.stems,
                        context=r.context,
                        section=r.section or "",
                    )
                )
        writer.commit()
        self._index.reload()
        self._searcher = self._index.searcher()

    def _engine(self, required, any_of, aar, limit):
        parts = ["+(" + " OR ".join('"' + " ".join(v) + '"' for v in group) + ")" for group in required]
        if any_of:
            parts.append(("+" if parts else "") + "(" + " OR ".join(any_of) + ")")
        q = " ".join(parts)
        if aar:
            q = f"({q}) AND ({' OR '.join(f'year:{y}' for y in sorted(aar))})"
        query = self._index.parse_query(q, ["stems", "context"], field_boosts={"context": 0.5})
        out = []
        for score, address in self._searcher.search(query, limit).hits:
            d = self._searcher.doc(address)
            words = frozenset(f"{d['stems'][0]} {d['context'][0]}".split())
            section = d["section"][0] or None
            out.append(
                (
                    _Candidate(d["uid"][0], d["document_id"][0], d["seq"][0], d["year"][0], section, words),
                    score,
                )
            )
        return out


def evaluate(index, questions: list[dict], show_misses: bool = False) -> tuple[float, float, float]:
    """(passage recall@K, success@K, MRR): recall counts the answering passages found in the top K
    (at most K per question), success whether at least one is; MRR uses the rank of the first."""
    recalls, reciprocal = [], []
    for item in questions:
        hits = index.search(item["q"], aar=set(item.get("aar", [])) or None, limit=K)
        relevant = {(y, line) for y, line in item["svar"]}
        found = [
            next(((y, line) for y, line in relevant if h.aar == y and h.blok[0] <= line <= h.blok[1]), None)
            for h in hits
        ]
        recalls.append(len({f for f in found if f}) / min(len(relevant), K))
        rank = next((i for i, f in enumerate(found, start=1) if f), None)
        reciprocal.append(1 / rank if rank else 0.0)
        if show_misses and not rank:
            print(f"  miss: {item['q']!r} -> {[(h.aar, h.blok) for h in hits]}")
    return (
        statistics.mean(recalls),
        statistics.mean(1.0 if r else 0.0 for r in reciprocal),
        statistics.mean(reciprocal),
    )


def _ingest(files: list[Path], n: int, store: Store) -> None:
    """The originals, then copy k of each (the n files of a copy) with its years shifted by 6·k."""
    for i, path in enumerate(files):
        outcome = ingest_copy(path, i // n, store)
        if outcome.failed:
            raise SystemExit(f"{path.name}: {outcome.error}")


def candidates(files: list[Path], n: int, tmp: Path, pg: str | None) -> dict:
    store = Store(str(tmp / f"s{len(files)}.sqlite"))
    _ingest(files, n, store)
    out = {"baseline": Baseline(load_texts(store)), "fts5": SearchIndex(store)}
    if importlib.util.find_spec("tantivy"):
        (tmp / f"tv{len(files)}").mkdir()
        out["tantivy"] = TantivySearch(store, tmp / f"tv{len(files)}")
    else:
        print("tantivy is not installed (pip install -e '.[bench]'): measured without it")
    if pg:
        pg_store = Store(pg)
        kindex.metadata.drop_all(pg_store.engine)
        from kommuneokonomi.store import metadata

        metadata.drop_all(pg_store.engine)
        pg_store = Store(pg)
        _ingest(files, n, pg_store)
        out["postgresql"] = SearchIndex(pg_store)
    return out


def latencies(
    engines: dict, questions: list[dict], repeat: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Wall-clock and CPU milliseconds per query for each engine (CPU: this process's threads, so the
    PostgreSQL server's share is not in it; on a shared machine it is the steadier figure)."""
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in engines}
    names = list(engines)
    for r in range(repeat):
        for qi, item in enumerate(questions):
            shift = (r + qi) % len(names)
            for name in names[shift:] + names[:shift]:  # alternate who goes first
                wall, cpu = time.perf_counter(), time.process_time()
                engines[name].search(item["q"], aar=set(item.get("aar", [])) or None, limit=10)
                times[name][0].append((time.perf_counter() - wall) * 1000)
                times[name][1].append((time.process_time() - cpu) * 1000)
    return times


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pg", help="a PostgreSQL URL to measure too (its tables are emptied)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    questions = yaml.safe_load(QUESTIONS.read_text("utf-8"))
    n = len([p for p in args.corpus.iterdir() if p.is_file()])
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for size in (n, n * args.copies) if args.copies > 1 else (n,):
            files = copies(args.corpus, size, tmp / f"corpus{size}", shift=False)
            engines = candidates(files, n, tmp, args.pg)
            if size == n:
                for name, engine in engines.items():
                    recall, success, mrr = evaluate(engine, questions, args.show_misses)
                    print(
                        f"{name}: quality on {len(questions)} questions: recall@{K} {recall:.3f}, "
                        f"success@{K} {success:.3f}, MRR {mrr:.3f}"
                    )
            for name, (wall, cpu) in latencies(engines, questions, args.repeat).items():
                print(
                    f"{name}: {size} agreements, {len(wall)} queries: wall median "
                    f"{statistics.median(wall):.2f} ms, p95 {_p95(wall):.2f} ms; CPU median "
                    f"{statistics.median(cpu):.2f} ms, p95 {_p95(cpu):.2f} ms"
                )
        print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
