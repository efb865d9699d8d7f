"""Benchmark and quality of search: index build time, query latency, recall@5 and MRR.

Ingests the corpus into a temporary SQLite store, builds the index from the store (as `soeg` does), then
runs the questions in benchmarks/search_questions.yaml. Targets (issue 4): index build under 2 s, median
query under 5 ms, p95 under 20 ms, recall@5 of 0.9 or more.

    python benchmarks/search.py [--corpus ../shared/corpus] [--repeat 20] [--show-misses]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from kommuneokonomi.ingest import collect_files, ingest_file
from kommuneokonomi.knowledge.corpus import load_texts
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = Path(__file__).with_name("search_questions.yaml")
K = 5


def evaluate(
    index: SearchIndex, questions: list[dict], show_misses: bool = False
) -> tuple[float, float, float]:
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    questions = yaml.safe_load(QUESTIONS.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "search.sqlite"))
        files, _ = collect_files([args.corpus])
        for path in files:
            ingest_file(path, store)
        start = time.perf_counter()
        index = SearchIndex(load_texts(store))
        t_build = time.perf_counter() - start
        store.engine.dispose()
    print(
        f"index: {len(index.units)} paragraphs from {len(files)} agreements built in {t_build:.3f} s "
        f"(target < 2 s: {'met' if t_build < 2 else 'MISSED'})"
    )
    latencies = []
    for _ in range(args.repeat):
        for item in questions:
            start = time.perf_counter()
            index.search(item["q"], aar=set(item.get("aar", [])) or None, limit=10)
            latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    median = statistics.median(latencies)
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"queries: {len(latencies)} ({len(questions)} questions × {args.repeat}); median {median:.2f} ms "
        f"(target < 5: {'met' if median < 5 else 'MISSED'}), p95 {p95:.2f} ms "
        f"(target < 20: {'met' if p95 < 20 else 'MISSED'})"
    )
    recall, success, mrr = evaluate(index, questions, args.show_misses)
    print(
        f"quality on {len(questions)} questions: passage recall@{K} {recall:.3f} "
        f"(target >= 0.9: {'met' if recall >= 0.9 else 'MISSED'}); success@{K} (an answer in the top {K}) "
        f"{success:.3f} (target >= 0.9: {'met' if success >= 0.9 else 'MISSED'}); MRR {mrr:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
