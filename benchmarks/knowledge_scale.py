"""What the knowledge features cost as the store grows: 5, 50 and 500 agreements.

The larger corpora are year-shifted copies of the five with shuffled paragraphs (benchmarks/corpus_copies.py),
written to a temporary directory. The extraction reads budget years 1900-2099 only, so a copy is extracted
with its own years and then shifted (the budget year and every year in its text, 6 years per copy). For
each size, into a new SQLite store:
- ingest: all files, including the index build (search units, commitments, follow-up links), and the
  index build alone; also the last agreement's ingest and index build (what adding one more costs);
- first search after a start: a new process opens the store and runs one query (time inside it);
- tracker after a start: the same process filters the commitments (status "fulgt op"), counts the facets
  and reads page 1 with the links;
- tracker with free text: words of the statement ("digitale løsninger") and a party, facets and page 1.
Ratios are to the five.

    python benchmarks/knowledge_scale.py [--sizes 5,50,500]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_copies import copies, ingest_copy
from kommuneokonomi.knowledge import index
from kommuneokonomi.store import Store

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("midtvejsregulering", "eksterne konsulenter", '"lokalt råderum"', "velfærdsaftaler frihed")
AFTER_START = """
import json, sys, time
t0 = time.perf_counter()
from kommuneokonomi.store import Store
from kommuneokonomi.knowledge.search import SearchIndex
from kommuneokonomi.knowledge import tracker
t1 = time.perf_counter()
store = Store(sys.argv[1])
hits = SearchIndex(store).search(sys.argv[2], limit=10)
t2 = time.perf_counter()
followed = tracker.Filters(status="fulgt op")
shown = tracker.find(store, followed, 1, 50)
tracker.facets(store, followed)
t3 = time.perf_counter()
words = tracker.Filters(tekst="digitale løsninger", part="KL")
tracker.find(store, words, 1, 50)
tracker.facets(store, words)
t4 = time.perf_counter()
print(json.dumps({"search": t2 - t1, "tracker": t3 - t2, "tracker_text": t4 - t3, "hits": len(hits),
                  "commitments": shown.antal}))
"""


def after_start(db: Path, query: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", AFTER_START, str(db), query], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def measure(corpus: Path, size: int, tmp: Path, keep: Path | None = None) -> dict:
    files = copies(corpus, size, tmp / f"c{size}", shift=False)
    db = (keep or tmp) / f"s{size}.sqlite"
    store = Store(str(db))
    builds: list[float] = []
    original = index.build

    def timed_build(s, d):
        start = time.perf_counter()
        original(s, d)
        builds.append(time.perf_counter() - start)

    index.build = timed_build
    ingests = []
    try:
        for i, path in enumerate(files):
            start = time.perf_counter()
            outcome = ingest_copy(path, i // 5, store)
            ingests.append(time.perf_counter() - start)
            if outcome.failed:
                raise SystemExit(f"{path.name}: {outcome.error}")
    finally:
        index.build = original
    store.engine.dispose()
    starts = [after_start(db, q) for q in QUERIES]
    return {
        "ingest": sum(ingests),
        "index": sum(builds),
        "last_ingest": ingests[-1],
        "last_index": builds[-1],
        "first_search": statistics.median(s["search"] for s in starts),
        "tracker": statistics.median(s["tracker"] for s in starts),
        "tracker_text": statistics.median(s["tracker_text"] for s in starts),
        "commitments": starts[0]["commitments"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sizes", default="5,50,500")
    parser.add_argument("--keep", type=Path, help="write the stores here and keep them (for profiling)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            r = results[size] = measure(args.corpus, size, Path(tmp), args.keep)
            base = results[sizes[0]]
            print(
                f"{size} agreements: ingest {r['ingest']:.1f} s (index build {r['index']:.1f} s of it; "
                f"x{r['ingest'] / base['ingest']:.1f}); last agreement added: "
                f"ingest {r['last_ingest']:.2f} s, "
                f"index {r['last_index']:.2f} s (x{r['last_index'] / base['last_index']:.1f}); "
                f"first search after a start {r['first_search'] * 1000:.0f} ms "
                f"(x{r['first_search'] / base['first_search']:.1f}); tracker after a start "
                f"{r['tracker'] * 1000:.0f} ms (x{r['tracker'] / base['tracker']:.1f}; "
                f"{r['commitments']} followed up); with free text and party "
                f"{r['tracker_text'] * 1000:.0f} ms (x{r['tracker_text'] / base['tracker_text']:.1f})",
                flush=True,
            )
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
