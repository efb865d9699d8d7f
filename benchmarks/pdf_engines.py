"""Benchmark: which PDF engine reads agreements best, measured on the same PDFs in one run.

Each engine is used two ways where it can be:
- plain: its own text extraction per page, normalised as before (the old reader did this with pypdf);
- layout: its positioned text (runs with boxes, font size and weight) and filled areas, through
  `documents/layout.py` (the reader does this with PDFium).
PDF sets: the three PDF-extracted corpus files rendered line by line (tests/pdf_fixture.py), the five
corpus agreements reflowed as published (tests/pdf_layouts.render_corpus), and three invented layouts
(tests/pdf_layouts.build: plain, Tabel 1 split by a page break, Tabel 1 with two columns).
Measured: layout quality (two-line title one heading, no header/footer text, Tabel 1 rows as one
table_row with label and amounts, box text contiguous, paragraphs intact), key figures found against
what was drawn, key figures equal to the text path on the corpus PDFs, speed (pages/s, engines alternated
within each repetition, as a ratio to pypdf plain) and peak memory (a fresh process per engine).
PyMuPDF is AGPL (not usable in this MIT project); it is measured only if installed, for reference.

    pip install -e '.[test,bench]'
    python benchmarks/pdf_engines.py [--repeat 5]

Speed is CPU time of this process (the machine is shared; wall time would measure the neighbours).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kommuneokonomi.documents import DocumentError, parse_document, read_document  # noqa: E402
from kommuneokonomi.documents.base import RawLine, ReadResult  # noqa: E402
from kommuneokonomi.documents.layout import Page, Segment, Shade  # noqa: E402
from kommuneokonomi.documents.normalise import flowing_blocks  # noqa: E402
from kommuneokonomi.documents.pdf import PdfReader, layout_result, read_pages  # noqa: E402
from kommuneokonomi.extraction import extract  # noqa: E402
from kommuneokonomi.models import Document  # noqa: E402

import pdf_layouts  # noqa: E402
from pdf_fixture import render_pdf  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


# ---------------------------------------------------------------- engines: bytes -> ReadResult


def plain_result(pages: list[str]) -> ReadResult:
    """The old reader's path: each page's text split into lines, normalised."""
    lines: list[RawLine] = []
    number = 0
    for page_no, text in enumerate(pages, start=1):
        first = True
        for raw in text.split("\n"):
            number += 1
            lines.append(
                RawLine(number=number, text=raw, page=page_no, page_start=first and bool(raw.strip()))
            )
            first = first and not raw.strip()
    return ReadResult(blocks=flowing_blocks(lines, pages_known=True), n_lines=number, n_pages=len(pages))


def pypdf_text(data: bytes, mode: str = "plain") -> list[str]:
    from pypdf import PdfReader as PyPdf

    return [p.extract_text(extraction_mode=mode) or "" for p in PyPdf(io.BytesIO(data)).pages]


def pdfium_text(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    # PDFium joins a word hyphenated at a line end itself and marks the join with U+FFFE
    out = [
        doc[i].get_textpage().get_text_range().replace("\r\n", "\n").replace("\ufffe", "")
        for i in range(len(doc))
    ]
    doc.close()
    return out


def plumber_text(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def plumber_pages(data: bytes) -> list[Page]:
    import pdfplumber

    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            words = page.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5)
            segments = [
                Segment(
                    w["x0"],
                    w["x1"],
                    w["top"],
                    w["bottom"],
                    w["text"],
                    w["size"],
                    "bold" in w["fontname"].lower() or w["fontname"].endswith("Bd"),
                    w["bottom"],
                )
                for w in words
            ]
            shades = [
                Shade(r["x0"], r["x1"], r["top"], r["bottom"])
                for r in page.rects
                if r.get("fill")
                and r["width"] > 20
                and r["height"] > 20
                and not _white(r.get("non_stroking_color"))
            ]
            out.append(Page(i + 1, float(page.width), float(page.height), segments, shades))
    return out


def oxide_text(data: bytes) -> list[str]:
    import pdf_oxide

    doc = pdf_oxide.PdfDocument.from_bytes(data)
    return [doc.extract_text(i) for i in range(doc.page_count())]


def oxide_pages(data: bytes) -> list[Page]:
    import pdf_oxide

    doc = pdf_oxide.PdfDocument.from_bytes(data)
    out = []
    for i in range(doc.page_count()):
        x0, y0, x1, y1 = doc.page_media_box(i)
        height = y1 - y0
        segments = []
        for s in doc.extract_spans(i):
            x, y, w, h = s.bbox
            segments.append(
                Segment(x, x + w, height - (y + h), height - y, s.text, s.font_size, s.is_bold, height - y)
            )
        shades = [
            Shade(x, x + w, height - y - h, height - y)
            for r in doc.extract_rects(i)
            for x, y, w, h in [_positive(r["bbox"])]
            if r.get("fill_color") and w > 20 and h > 20 and not _white(r["fill_color"])
        ]
        out.append(Page(i + 1, x1 - x0, height, segments, shades))
    return out


def mupdf_text(data: bytes) -> list[str]:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [p.get_text() for p in doc]


def mupdf_pages(data: bytes) -> list[Page]:
    import pymupdf

    out = []
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for i, page in enumerate(doc):
            segments = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for s in line["spans"]:
                        x0, top, x1, bottom = s["bbox"]
                        segments.append(
                            Segment(
                                x0,
                                x1,
                                top,
                                bottom,
                                s["text"],
                                s["size"],
                                bool(s["flags"] & 16),
                                s["origin"][1],
                            )
                        )
            shades = [
                Shade(d["rect"].x0, d["rect"].x1, d["rect"].y0, d["rect"].y1)
                for d in page.get_drawings()
                if d.get("fill") and d["rect"].width > 20 and d["rect"].height > 20 and not _white(d["fill"])
            ]
            out.append(Page(i + 1, page.rect.width, page.rect.height, segments, shades))
    return out


def _white(color) -> bool:
    if color is None:
        return True
    values = color if isinstance(color, (tuple, list)) else (color,)
    return all(v >= 0.96 for v in values)


def _positive(bbox):
    x, y, w, h = bbox
    return (x, y + h, w, -h) if h < 0 else (x, y, w, h)


@dataclass
class Engine:
    name: str
    licence: str
    mode: str  # plain | layout
    raw: Callable[[bytes], object]  # the engine's own work alone
    read: Callable[[bytes], ReadResult]

    @property
    def label(self) -> str:
        return f"{self.name} {self.mode}"


class _Adapter:
    """A Reader for parse_document, so every engine's output is normalised the same way."""

    format = "pdf"

    def __init__(self, read: Callable[[bytes], ReadResult]):
        self._read = read

    def accepts(self, data: bytes, suffix: str) -> bool:
        return True

    def read(self, data: bytes) -> ReadResult:
        return self._read(data)


def engines(only: str | None = None) -> list[Engine]:
    """The candidates that are installed (`only`: one of them by label, importing no other)."""
    out = [
        Engine("pypdf", "BSD-3", "plain", pypdf_text, lambda d: plain_result(pypdf_text(d))),
        Engine(
            "pypdf",
            "BSD-3",
            "layout-text",
            lambda d: pypdf_text(d, "layout"),
            lambda d: plain_result(pypdf_text(d, "layout")),
        ),
        Engine("pypdfium2", "Apache-2.0/BSD-3", "plain", pdfium_text, lambda d: plain_result(pdfium_text(d))),
        Engine("pypdfium2", "Apache-2.0/BSD-3", "layout", read_pages, PdfReader().read),
        Engine("pdfplumber", "MIT", "plain", plumber_text, lambda d: plain_result(plumber_text(d))),
        Engine("pdfplumber", "MIT", "layout", plumber_pages, lambda d: layout_result(plumber_pages(d))),
        Engine("pdf_oxide", "MIT/Apache-2.0", "plain", oxide_text, lambda d: plain_result(oxide_text(d))),
        Engine("pdf_oxide", "MIT/Apache-2.0", "layout", oxide_pages, lambda d: layout_result(oxide_pages(d))),
        Engine("pymupdf", "AGPL-3.0", "plain", mupdf_text, lambda d: plain_result(mupdf_text(d))),
        Engine("pymupdf", "AGPL-3.0", "layout", mupdf_pages, lambda d: layout_result(mupdf_pages(d))),
    ]
    available = []
    for e in out:
        if only is not None and e.label != only:
            continue
        try:
            __import__(e.name)
        except ImportError:
            print(f"({e.name} is not installed: skipped)")
            continue
        available.append(e)
    return available


# ---------------------------------------------------------------- measures


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def layout_checks(doc: Document, layout: pdf_layouts.Layout) -> dict[str, float]:
    blocks = doc.blocks
    texts = [_norm(b.text) for b in blocks]
    title = any(b.kind == "heading" and _norm(b.text) == layout.title for b in blocks)
    furniture = sum(1 for t in texts if layout.header in t or re.fullmatch(r"\d{1,3}", t))
    rows_cells = sum(
        1 for row in layout.rows if any(b.kind == "table_row" and b.cells == list(row) for b in blocks)
    )
    rows_text = sum(1 for row in layout.rows if any(t == " ".join(row) for t in texts))
    boxes = 0
    for name, content in layout.boxes.items():
        i = next((k for k, t in enumerate(texts) if t == name), None)
        if i is not None and " ".join(texts[i + 1 :]).startswith(_norm(" ".join(content[1:]))):
            boxes += 1
    paragraphs = sum(1 for p in layout.paragraphs if _norm(p) in texts)
    return {
        "title": float(title),
        "furniture": furniture,
        "rows": rows_cells / len(layout.rows),
        "rows_text": rows_text / len(layout.rows),
        "boxes": boxes / len(layout.boxes),
        "paragraphs": paragraphs / len(layout.paragraphs),
    }


def figure_values(doc: Document) -> dict[str, str] | str:
    try:
        result = extract(doc)
    except DocumentError as exc:
        return f"refused: {exc}"
    return {k: str(f.value) for k, f in result.figures.items() if f.value is not None}


def rss_child(engine_label: str, paths: list[str]) -> None:
    """Peak resident memory while one engine reads the PDFs, over the interpreter with it imported."""
    engine = engines(only=engine_label)[0]
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for p in paths:
        engine.read(Path(p).read_bytes())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{base} {peak}")


def _fmt(mean: dict[str, float], key: str, percent: bool = True) -> str:
    if not mean:
        return "-"
    return f"{mean[key]:.0%}" if percent else f"{mean[key]:.1f}"


def quality_table(found: list[Engine], layouts: list[pdf_layouts.Layout]) -> None:
    print(
        "\n| engine | licence | title | header/footer blocks | Tabel 1 rows (cells) | rows (text) | boxes "
        "| paragraphs | figures found (plain, split, two columns) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    expected = pdf_layouts.expected_figures()
    for e in found:
        checks, found_figs = [], []
        for lay in layouts:
            try:
                doc = parse_document(lay.path.read_bytes(), lay.path.name, ".pdf", reader=_Adapter(e.read))
            except DocumentError as exc:
                found_figs.append(f"refused ({exc})")
                continue
            checks.append(layout_checks(doc, lay))
            values = figure_values(doc)
            if isinstance(values, str):
                found_figs.append(values[:40])
                continue
            want = dict(expected)
            if lay.path.name == "layout_two.pdf":  # which column is the agreement's: the extractor's task
                want = {k: v for k, v in want.items() if not k.startswith("balance.")}
            found_figs.append(f"{sum(values.get(k) == v for k, v in want.items())}/{len(want)}")
        mean = {k: statistics.fmean(c[k] for c in checks) for k in checks[0]} if checks else {}
        print(
            f"| {e.label} | {e.licence} | {_fmt(mean, 'title')} | {_fmt(mean, 'furniture', False)} | "
            f"{_fmt(mean, 'rows')} | {_fmt(mean, 'rows_text')} | {_fmt(mean, 'boxes')} | "
            f"{_fmt(mean, 'paragraphs')} | {' '.join(found_figs)} |"
        )


def downstream_table(found: list[Engine], texts: list[Path], pdf_sets: list[list[Path]]) -> None:
    print("\n| engine | corpus fixture PDFs: figures = text path | reflowed corpus PDFs: same |")
    print("|---|---|---|")
    truth = {p.stem: figure_values(read_document(p)) for p in texts}
    for e in found:
        cols = []
        for paths in pdf_sets:
            same = total = 0
            misses: list[str] = []
            for p in paths:
                stem = p.stem.split("_", 1)[1]
                want = truth[stem]
                total += len(want)
                try:
                    doc = parse_document(p.read_bytes(), p.name, ".pdf", reader=_Adapter(e.read))
                    got = figure_values(doc)
                except DocumentError as exc:
                    got = f"refused: {exc}"
                if isinstance(got, str):
                    misses.append(f"{stem[:3]} refused")
                    continue
                same += sum(got.get(k) == v for k, v in want.items())
                missing = [k for k, v in want.items() if got.get(k) != v]
                rows = sum(1 for k in missing if k.startswith("balance."))
                misses += [f"{stem[:3]}:{k}" for k in missing if not k.startswith("balance.")]
                misses += [f"{stem[:3]}: {rows} Tabel 1 rows"] if rows else []
            cols.append(f"{same}/{total}" + (f" (missing {', '.join(misses)})" if misses else ""))
        print(f"| {e.label} | {cols[0]} | {cols[1]} |")


def speed_table(
    found: list[Engine], sets: dict[str, list[bytes]], repeat: int, memory_pdfs: list[Path]
) -> None:
    pages = {name: sum(len(pdfium_text(d)) for d in datas) for name, datas in sets.items()}
    times: dict[tuple[str, str, str], list[float]] = {}
    for _ in range(repeat):
        for e in found:  # engines alternated within each repetition
            for name, datas in sets.items():
                for what, fn in (("engine", e.raw), ("read", e.read)):
                    start = time.process_time()
                    for d in datas:
                        with contextlib.suppress(DocumentError):
                            fn(d)
                    times.setdefault((e.label, name, what), []).append(time.process_time() - start)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"\nspeed: pages per CPU second (median of {repeat}) and time as a ratio to pypdf plain; "
        "engine = the engine's own extraction, read = to normalised blocks; memory = peak RSS growth "
        "while reading the fixture and reflowed PDFs"
    )
    print("| engine | " + " | ".join(f"{n} engine | {n} read" for n in sets) + " | memory MiB |")
    print("|---|" + "---|---|" * len(sets) + "---|")
    for e in found:
        cells = []
        for name in sets:
            for what in ("engine", "read"):
                t = med[(e.label, name, what)]
                base = med[("pypdf plain", name, what)]
                cells.append(f"{pages[name] / t:.0f} ({t / base:.2f}x)")
        rss = subprocess.run(
            [sys.executable, __file__, "--rss", e.label, *map(str, memory_pdfs)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        cells.append(f"+{(int(rss[-1]) - int(rss[-2])) / 1024:.0f}")
        print(f"| {e.label} | " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rss", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss:
        rss_child(args.rss[0], args.rss[1:])
        return 0
    found = engines()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        texts = sorted(p for p in CORPUS.iterdir() if p.is_file())
        fixture = [
            render_pdf(p, out / f"fixture_{p.stem}.pdf")
            for p in texts
            if not p.read_text("utf-8").lstrip().startswith("#")
        ]
        reflowed = [pdf_layouts.render_corpus(p, out / f"reflowed_{p.stem}.pdf") for p in texts]
        layouts = [
            pdf_layouts.build(out / "layout_plain.pdf"),
            pdf_layouts.build(out / "layout_split.pdf", split_table=True),
            pdf_layouts.build(out / "layout_two.pdf", two_columns=True),
        ]
        sets = {
            "fixture": [p.read_bytes() for p in fixture],
            "reflowed": [p.read_bytes() for p in reflowed],
            "layouts": [lay.path.read_bytes() for lay in layouts],
        }
        sizes = {n: (len(d), sum(len(pdfium_text(x)) for x in d)) for n, d in sets.items()}
        print("PDF sets: " + ", ".join(f"{n} {f} files / {p} pages" for n, (f, p) in sizes.items()))
        quality_table(found, layouts)
        downstream_table(found, texts, [fixture, reflowed])
        speed_table(found, sets, args.repeat, fixture + reflowed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
