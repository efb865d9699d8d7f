"""Reader for agreements saved as a web page (the ministries publish the text as HTML too): headings,
paragraphs, list items and table rows from the page's elements, read with the standard library's HTML
parser; scripts, styles, navigation and forms are not text of the agreement.

Each block's line is the source line its element starts on. A paragraph set wholly in bold is a
heading, as in the markdown reader.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kommuneokonomi.documents.base import DocumentError, ReadResult, decode_text, sniff_text
from kommuneokonomi.models import Block, BlockKind, DocumentFormat

_HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
#: elements whose content is not the agreement's text
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "head", "iframe"}
)
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "area", "base", "col", "source"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: elements that end the text before them and start a new block
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "dd",
        "dt",
        "blockquote",
        "caption",
        "figcaption",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "pre",
        "address",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
    }
    | _HEADINGS
)
_BOLD = frozenset({"b", "strong"})
_SPACE_RE = re.compile(r"\s+")


class _Blocks(HTMLParser):
    """Collects blocks while the parser walks the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._skip = 0  # depth inside skipped elements
        self._parts: list[tuple[str, bool]] = []  # (text, in bold) of the block being read
        self._line = 1
        self._kind: BlockKind = "paragraph"
        self._bold = 0
        self._row: list[str] | None = None  # the cells of the table row being read
        self._cell: list[str] | None = None
        self._row_line = 1
        self._pre = 0
        self._items = 0  # depth inside list items: a paragraph in one is the item's text

    # -- the parser's callbacks --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._text("\n" if self._pre else " ")
            return
        if tag in _SKIPPED:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "tr":
            self._flush()
            self._row, self._row_line = [], self.getpos()[0]
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in _BLOCKS and self._cell is None:
            self._flush()
            self._line = self.getpos()[0]
            self._items += tag == "li"
            self._kind = "heading" if tag in _HEADINGS else "bullet" if self._items else "paragraph"
            self._pre += tag == "pre"
        elif tag in _BOLD:
            self._bold += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip or tag in _VOID:
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_SPACE_RE.sub(" ", "".join(self._cell)).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._end_row()
        elif tag in _BLOCKS and self._cell is None:
            self._flush()
            self._pre -= tag == "pre" and self._pre > 0
            self._items -= tag == "li" and self._items > 0
            self._kind = "bullet" if self._items else "paragraph"
        elif tag in _BOLD:
            self._bold = max(0, self._bold - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text(data)

    # -- building blocks ----------------------------------------------------------------------------------
    def _text(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
            return
        if not self._parts and not data.strip():
            return
        if not self._parts:
            self._line = self.getpos()[0]
        self._parts.append((data, self._bold > 0))

    def _flush(self) -> None:
        parts, self._parts = self._parts, []
        if not parts:
            return
        raw = "".join(text for text, _ in parts)
        pieces = raw.split("\n") if self._pre else [raw]
        words = [p for p in (_SPACE_RE.sub(" ", piece).strip() for piece in pieces) if p]
        all_bold = all(bold for text, bold in parts if text.strip())
        kind: BlockKind = (
            "heading" if self._kind == "paragraph" and all_bold and not self._pre else self._kind
        )
        for k, text in enumerate(words):
            self._add(kind, text, self._line + k if self._pre else self._line)

    def _end_row(self) -> None:
        cells = [c for c in self._row or [] if c]
        self._row = None
        if len(cells) >= 2:
            self.blocks.append(
                Block(kind="table_row", text=" ".join(cells), offsets=[(0, self._row_line)], cells=cells)
            )
        elif cells:
            self._add("paragraph", cells[0], self._row_line)

    def _add(self, kind: BlockKind, text: str, line: int) -> None:
        self.blocks.append(Block(kind=kind, text=text, offsets=[(0, line)]))

    def close(self) -> None:
        super().close()
        if self._row is not None:
            if self._cell is not None:
                self._row.append(_SPACE_RE.sub(" ", "".join(self._cell)).strip())
            self._end_row()
        self._flush()


def looks_like_html(text: str) -> bool:
    """The page starts as an HTML document (a doctype or an <html> element, after an XML declaration)."""
    return _HTML_START_RE.match(text[:10_000]) is not None


class HtmlReader:
    format: DocumentFormat = "html"

    def accepts(self, data: bytes, suffix: str) -> bool:
        if data.startswith(b"%PDF"):
            return False
        return suffix in (".html", ".htm", ".xhtml") or looks_like_html(sniff_text(data, 10_000))

    def read(self, data: bytes) -> ReadResult:
        text, encoding = decode_text(data)
        parser = _Blocks()
        parser.feed(text)
        parser.close()
        if not parser.blocks:
            raise DocumentError("websiden indeholder ingen tekst (kun opmærkning, scripts eller navigation)")
        notes = [] if encoding == "utf-8" else [encoding]
        return ReadResult(blocks=parser.blocks, n_lines=text.count("\n") + 1, encoding=encoding, notes=notes)
