"""Reader for text extracted from PDFs (pdftotext-like output)."""

from __future__ import annotations

import re

from kommuneokonomi.documents.base import RawLine, ReadResult, decode_text
from kommuneokonomi.documents.normalise import flowing_blocks
from kommuneokonomi.models import DocumentFormat

#: pdftotext starts each page's text with a single space: " 2. Kommunernes økonomiske rammer"
_PAGE_START_RE = re.compile(r"^ \S")


class TextReader:
    format: DocumentFormat = "text"

    def accepts(self, data: bytes, suffix: str) -> bool:
        return not data.startswith(b"%PDF")

    def read(self, data: bytes) -> ReadResult:
        text, encoding = decode_text(data)
        lines: list[RawLine] = []
        page = 1  # counted from form feeds; pages are only reported when the text has them
        for number, raw in enumerate(text.split("\n"), start=1):
            parts = raw.split("\f")
            for k, part in enumerate(parts):
                if k:
                    page += 1
                lines.append(
                    RawLine(
                        number=number,
                        text=part,
                        page=None,
                        page_start=bool(k) or bool(_PAGE_START_RE.match(part)),
                    )
                )
        notes = [] if encoding == "utf-8" else [encoding]
        return ReadResult(
            blocks=flowing_blocks(lines, pages_known=page > 1),
            n_lines=text.count("\n") + 1,
            n_pages=page if page > 1 else None,
            encoding=encoding,
            notes=notes,
        )
