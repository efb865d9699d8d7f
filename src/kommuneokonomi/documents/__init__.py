"""Readers for agreement files, one per format behind one interface: `read_document(path)`."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kommuneokonomi.documents.base import DocumentError, Reader
from kommuneokonomi.documents.html import HtmlReader
from kommuneokonomi.documents.markdown import MarkdownReader
from kommuneokonomi.documents.pdf import PdfReader
from kommuneokonomi.documents.structure import assign_sections, repair_reading_order
from kommuneokonomi.documents.text import TextReader
from kommuneokonomi.models import Document

#: tried in order; the first that accepts the bytes reads them
READERS: tuple[Reader, ...] = (PdfReader(), HtmlReader(), MarkdownReader(), TextReader())
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "DocumentError", "parse_document", "read_document"]


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and normalise one agreement file. Raises DocumentError with the reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"filen kan ikke læses: {exc.strerror}") from exc
    if size > max_bytes:
        raise DocumentError(f"filen er {size:,} bytes, over grænsen på {max_bytes:,} bytes".replace(",", "."))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"filen kan ikke læses: {exc.strerror}") from exc
    return parse_document(data, str(path), path.suffix.lower())


def parse_document(data: bytes, name: str, suffix: str = "", reader: Reader | None = None) -> Document:
    """Normalise bytes; `reader` overrides the detection (benchmarks compare PDF engines this way)."""
    if not data.strip():
        raise DocumentError("filen er tom")
    if suffix == ".pdf" and not data.lstrip().startswith(b"%PDF"):
        raise DocumentError("filen hedder .pdf, men er ikke en PDF-fil")
    if data.startswith(b"PK\x03\x04"):  # a ZIP container: Word, Excel, OpenDocument or an archive
        kind = (
            "et Word-dokument" if b"word/" in data[:65536] else "et ZIP-arkiv (fx Excel eller OpenDocument)"
        )
        raise DocumentError(f"filen er {kind}; gem aftalen som PDF, markdown, HTML eller tekst og indlæs den")
    reader = reader or next(r for r in READERS if r.accepts(data, suffix))
    result = reader.read(data)
    blocks = repair_reading_order(result.blocks)
    sections = assign_sections(blocks, result.box_ends)
    return Document(
        path=name,
        format=reader.format,
        sha256=hashlib.sha256(data).hexdigest(),
        n_lines=result.n_lines,
        n_pages=result.n_pages,
        encoding=result.encoding,
        blocks=blocks,
        sections=sections,
    )
