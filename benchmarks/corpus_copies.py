"""Larger corpora for the benchmarks, synthesised from the real five in a temporary directory (never
committed): copy k shifts every year 1990-2099 in the text by 6·k (the five span six budget years, so no two
copies share a year) and shuffles the paragraphs after the front matter with a fixed seed.

The extraction reads budget years 1900-2099 only, so a copy with years past 2099 cannot be read as written:
`copies(..., shift=False)` writes the copies with their own years and `ingest_copy` shifts each after
extraction."""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

from kommuneokonomi.documents import read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.ingest import FileOutcome, index_outcome, ingest_file
from kommuneokonomi.store import Store

_YEAR_RE = re.compile(r"(?<!\d)(19[9]\d|20\d\d)(?!\d)")
FRONT_LINES = 80  # title, date and the frames paragraph (the budget year of an untitled file) stay put


def copies(corpus: Path, n_documents: int, out: Path, seed: int = 2024, shift: bool = True) -> list[Path]:
    """Write n_documents agreement files to `out` (the originals first, then shifted copies; with
    shift=False the copies keep their years, for a caller that shifts them after extraction)."""
    originals = sorted(p for p in corpus.iterdir() if p.is_file())
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n_documents):
        k, source = divmod(i, len(originals))
        text = originals[source].read_text("utf-8")
        if k:
            if shift:
                text = shift_years(text, k)
            lines = text.split("\n")
            head, body = "\n".join(lines[:FRONT_LINES]), "\n".join(lines[FRONT_LINES:])
            paragraphs = re.split(r"\n\s*\n", body)
            rng.shuffle(paragraphs)
            text = head + "\n\n" + "\n\n".join(paragraphs)
        path = out / f"{k:03d}_{originals[source].name}"
        path.write_text(text, "utf-8")
        written.append(path)
    return written


def shift_years(text: str, k: int) -> str:
    """Every year 1990-2099 in the text moved by 6·k (still four digits, so line maps stay valid)."""
    return _YEAR_RE.sub(lambda m: str(int(m.group(0)) + 6 * k), text)


def ingest_copy(path: Path, k: int, store: Store) -> FileOutcome:
    """Ingest copy k of an agreement (k = 0: the original) with its years shifted by 6·k."""
    if not k:
        return ingest_file(path, store)
    result = extract(read_document(path))
    for block in result.document.blocks:
        block.text = shift_years(block.text, k)
    sha = hashlib.sha256(f"{result.meta.sha256}+{k}".encode()).hexdigest()
    result.meta = result.meta.model_copy(update={"year": result.meta.year + 6 * k, "sha256": sha})
    added = store.add(result)
    outcome = FileOutcome(path=path, result=result, status=added.status, version=added.document.version)
    return index_outcome(store, added.document, outcome)
