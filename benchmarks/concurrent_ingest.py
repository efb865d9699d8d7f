"""Two `kommuneokonomi ingest` batches into one store at the same time (issue 11): how many files fail, how
many distinct contents are stored, and whether each year's versions are 1..n.

    .venv/bin/python benchmarks/concurrent_ingest.py [--db URL] [--n 30]

The files are the test's: variants of two development-set agreements, half of them in both batches.
Without --db a new SQLite file is used; a PostgreSQL store given with --db is emptied first.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import create_engine  # noqa: E402

from kommuneokonomi.knowledge.index import metadata as knowledge_metadata  # noqa: E402
from kommuneokonomi.store import Store, metadata, resolve_url  # noqa: E402
from test_store_concurrency import write_batches  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--n", type=int, default=30, help="files per batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = args.db or str(folder / "store.sqlite")
        if args.db:
            engine = create_engine(resolve_url(url))
            knowledge_metadata.drop_all(engine)
            metadata.drop_all(engine)
            engine.dispose()
        shas = write_batches(folder / "files", args.n)
        start = time.perf_counter()
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "kommuneokonomi",
                    "ingest",
                    "--db",
                    url,
                    str(folder / "files" / batch),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for batch in "ab"
        ]
        stderr = [run.communicate()[1] for run in runs]
        elapsed = time.perf_counter() - start
        errors = [line for text in stderr for line in text.splitlines() if line.startswith("FEJL")]
        crashed = [text.strip().splitlines()[-1] for text in stderr if "Traceback" in text]
        store = Store(url)
        stored = {d.sha256 for d in store.documents()}
        gapless = all(
            [d.version for d in store.documents(y)] == list(range(1, len(store.documents(y)) + 1))
            for y in {d.year for d in store.documents()}
        )
    print(
        f"{store.engine.dialect.name}: 2 batches x {args.n} files in {elapsed:.1f} s; "
        f"files failed: {len(errors)} of {2 * args.n}; distinct contents stored: {len(stored & shas)} of "
        f"{len(shas)}; versions 1..n per year: {gapless}; exit codes {[run.returncode for run in runs]}"
    )
    for line in errors[:2] + [f"batch ended with a traceback: {last}" for last in crashed]:
        print("  " + line[:200])


if __name__ == "__main__":
    main()
