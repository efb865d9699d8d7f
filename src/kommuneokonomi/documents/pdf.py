"""Reader for PDF files: text per page with pypdf, then the same normalisation as extracted text.

Line numbers refer to the extracted text stream (all pages, in order); each block also carries its page.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader as _PyPdfReader
from pypdf.errors import PdfReadError, PyPdfError

from kommuneokonomi.documents.base import DocumentError, RawLine, ReadResult
from kommuneokonomi.documents.normalise import flowing_blocks

logging.getLogger("pypdf").setLevel(logging.ERROR)


class PdfReader:
    format = "pdf"

    def accepts(self, data: bytes, suffix: str) -> bool:
        return data.lstrip()[:5] == b"%PDF-"

    def read(self, data: bytes) -> ReadResult:
        if b"%%EOF" not in data[-2048:]:
            raise DocumentError("PDF-filen er afkortet (mangler %%EOF-markeringen) eller ødelagt")
        try:
            reader = _PyPdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    unlocked = reader.decrypt("")
                except Exception as exc:  # pypdf raises several types for unsupported encryption
                    raise DocumentError(f"PDF-filen er krypteret og kan ikke læses ({exc})") from exc
                if not unlocked:
                    raise DocumentError("PDF-filen er krypteret med en adgangskode og kan ikke læses")
            pages = [page.extract_text() or "" for page in reader.pages]
        except DocumentError:
            raise
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            raise DocumentError(f"PDF-filen er ødelagt eller afkortet: {exc}") from exc
        if not any(p.strip() for p in pages):
            raise DocumentError("PDF-filen indeholder ingen tekst (er den scannet? OCR understøttes ikke)")
        lines: list[RawLine] = []
        number = 0
        for page_no, page_text in enumerate(pages, start=1):
            first = True
            for raw in page_text.split("\n"):
                number += 1
                lines.append(
                    RawLine(number=number, text=raw, page=page_no, page_start=first and bool(raw.strip()))
                )
                if raw.strip():
                    first = False
        return ReadResult(blocks=flowing_blocks(lines, pages_known=True), n_lines=number, n_pages=len(pages))
