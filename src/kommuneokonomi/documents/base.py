"""The reader interface: every format turns bytes into normalised blocks with a line map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

from kommuneokonomi.documents.characters import normalise_characters
from kommuneokonomi.models import Block, DocumentFormat
from kommuneokonomi.textfiles import UTF16_BOMS, TextDecodeError, decode_bytes, decode_utf16

#: how a reader that sees the layout classed a line: "break" (an empty line) ends the paragraph, a
#: "heading" line is a heading (bold or larger type), "furniture" (running header, footer, page number, a
#: repeated table header row) is dropped but keeps its line number
Hint = Literal["text", "break", "heading", "furniture"]


class DocumentError(Exception):
    """A file that cannot be read as an agreement. The message names the reason; the caller adds the file."""


@dataclass(slots=True)
class RawLine:
    """One physical line of the source, before normalisation."""

    number: int  # 1-based line number in the source (for PDF: in the extracted text stream)
    text: str
    page: int | None = None
    page_start: bool = False
    hint: Hint = "text"
    #: a table row's cells (label, amount, amount …) or a table header row's column titles
    cells: list[str] | None = None
    #: (offset in text, line number) for lines joined into this one (a heading over two lines)
    joined: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class ReadResult:
    blocks: list[Block]
    n_lines: int
    n_pages: int | None = None
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    #: line numbers on which a box ends, where the reader sees it (PDF): the Boks part ends there
    box_ends: set[int] = field(default_factory=set)


class Reader(Protocol):
    """One reader per format (as in docling): `accepts` sniffs, `read` normalises."""

    format: DocumentFormat

    def accepts(self, data: bytes, suffix: str) -> bool: ...

    def read(self, data: bytes) -> ReadResult: ...


def sniff_text(data: bytes, size: int = 200_000) -> str:
    """The start of the file as text, for a reader that sniffs the format (never raises)."""
    text = decode_utf16(data[:size], "replace") or data[:size].decode("utf-8", errors="replace")
    return normalise_characters(text)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file: UTF-16 with a BOM, UTF-8 (with or without BOM), else Windows-1252/latin-1
    (named in the result); CRLF and CR line ends become LF and the typography is made plain
    (`characters.normalise_characters`).

    Binary data (NUL bytes, many control characters) is refused.
    """
    if not data.strip():
        raise DocumentError("filen er tom")
    if b"\x00" in data[:65536] and not data.startswith(UTF16_BOMS):
        raise DocumentError("filen er binær (indeholder NUL-bytes) og hverken tekst, markdown eller PDF")
    try:
        text, encoding = decode_bytes(data)
    except TextDecodeError as exc:
        raise DocumentError(str(exc)) from exc
    sample = text[:65536]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    odd = sum(1 for ch in sample if 0x80 <= ord(ch) < 0xA0 or ch == "\ufffd")
    if (control + odd) > max(8, len(sample) // 50):
        raise DocumentError("filen ligner binære data, ikke tekst (for mange kontroltegn)")
    return normalise_characters(text.replace("\r\n", "\n").replace("\r", "\n")), encoding
