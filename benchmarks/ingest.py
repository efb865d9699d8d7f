"""Benchmark: ingesting the five corpus agreements as text and as PDF.

Prints documents and pages per second and the ratio against merely reading the files:
- text: read + normalise + extract + check, against a plain read and decode of the same files;
- PDF: the same for the three PDF-extracted corpus files rendered as real PDFs (tests/pdf_fixture.py),
  against pypdf's text extraction alone;
- full ingest into a fresh SQLite store.
Targets (issue 2): all five text files in under 1 s together; PDF at 20 pages/s or more.

    python benchmarks/ingest.py [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kommuneokonomi.documents import read_document  # noqa: E402
from kommuneokonomi.extraction import extract  # noqa: E402
from kommuneokonomi.ingest import ingest_file  # noqa: E402
from kommuneokonomi.store import Store  # noqa: E402

from pdf_fixture import render_pdf  # noqa: E402

TEXT_TARGET_SECONDS = 1.0
PDF_TARGET_PAGES_PER_SECOND = 20.0


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())

    def read_plain() -> None:
        for p in files:
            p.read_bytes().decode("utf-8")

    def read_extract() -> None:
        for p in files:
            extract(read_document(p))

    t_plain = median_time(read_plain, args.repeat)
    t_text = median_time(read_extract, args.repeat)
    print(
        f"text: {len(files)} documents in {t_text:.3f} s = {len(files) / t_text:.1f} documents/s "
        f"(median of {args.repeat}); plain read {t_plain * 1000:.2f} ms; "
        f"ratio {t_text / t_plain:.0f}x plain read"
    )
    verdict = "met" if t_text < TEXT_TARGET_SECONDS else "MISSED"
    print(f"text target: all five under {TEXT_TARGET_SECONDS:.1f} s -> {verdict}")

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [
            render_pdf(p, Path(tmp) / (p.stem + ".pdf"))
            for p in files
            if not p.read_text("utf-8").lstrip().startswith("#")
        ]
        datas = [p.read_bytes() for p in pdfs]
        pages = sum(len(PdfReader(io.BytesIO(d)).pages) for d in datas)

        def pypdf_only() -> None:
            for d in datas:
                for page in PdfReader(io.BytesIO(d)).pages:
                    page.extract_text()

        def pdf_extract() -> None:
            for p in pdfs:
                extract(read_document(p))

        t_pypdf = median_time(pypdf_only, args.repeat)
        t_pdf = median_time(pdf_extract, args.repeat)
        rate = pages / t_pdf
        print(
            f"pdf: {len(pdfs)} documents, {pages} pages in {t_pdf:.3f} s = {rate:.1f} pages/s, "
            f"{len(pdfs) / t_pdf:.1f} documents/s; pypdf extraction alone {pages / t_pypdf:.1f} pages/s; "
            f"ratio {t_pdf / t_pypdf:.2f}x pypdf"
        )
        print(
            f"pdf target: {PDF_TARGET_PAGES_PER_SECOND:.0f} pages/s or more -> "
            f"{'met' if rate >= PDF_TARGET_PAGES_PER_SECOND else 'MISSED'}"
        )

        def full_ingest() -> None:
            with tempfile.TemporaryDirectory() as dbdir:
                store = Store(str(Path(dbdir) / "bench.sqlite"))
                for p in files:
                    ingest_file(p, store)
                store.engine.dispose()

        t_ingest = median_time(full_ingest, args.repeat)
        print(
            f"ingest into a new SQLite store (text files): {t_ingest:.3f} s = {len(files) / t_ingest:.1f} "
            f"documents/s; ratio {t_ingest / t_plain:.0f}x plain read"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
