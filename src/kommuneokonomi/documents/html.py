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
        self._span = (1, 1)  # (colspan, rowspan) of the cell being read
        self._spans: list[tuple[int, int]] = []  # those of the row's cells
        self._header_row = True  # every cell of the row so far is a header cell (<th>)
        self._head: list[tuple[int, list[str], list[tuple[int, int]]]] = []  # header rows not yet given
        self._body_begun = False  # a row of data cells has been read in this table
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
            self._row, self._row_line, self._spans, self._header_row = [], self.getpos()[0], [], True
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            self._span = (_span(attrs, "colspan"), _span(attrs, "rowspan"))
            self._header_row = self._header_row and tag == "th"
        elif tag in _BLOCKS and self._cell is None:
            if tag == "table":
                self._give_head()
                self._body_begun = False
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
            self._spans.append(self._span)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._end_row()
        elif tag in _BLOCKS and self._cell is None:
            if tag == "table":
                self._give_head()
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
        row, self._row, line = self._row or [], None, self._row_line
        if self._header_row and row and not self._body_begun:
            self._head.append((line, row, self._spans))  # a header may go on in the next row
            return
        self._give_head()
        self._body_begun = True
        self._give_row(row, line)

    def _give_head(self) -> None:
        """The table's header rows as one row: a header over two or more rows with merged cells (a year
        over the columns it spans, "2030" over "Aftale" and "Budget") gives each column the titles above
        it ("2030 Aftale")."""
        head, self._head = self._head, []
        if len(head) > 1 and any(span != (1, 1) for _, _, spans in head for span in spans):
            self._give_row(_merge_header([(row, spans) for _, row, spans in head]), head[0][0])
            return
        for line, row, _ in head:  # rows of header cells with no merged cell are rows of their own
            self._give_row(row, line)

    def _give_row(self, row: list[str], line: int) -> None:
        cells = [c for c in row if c]
        if len(cells) >= 2:
            self.blocks.append(
                Block(kind="table_row", text=" ".join(cells), offsets=[(0, line)], cells=cells)
            )
        elif cells:
            self._add("paragraph", cells[0], line)

    def _add(self, kind: BlockKind, text: str, line: int) -> None:
        self.blocks.append(Block(kind=kind, text=text, offsets=[(0, line)]))

    def close(self) -> None:
        super().close()
        if self._row is not None:
            if self._cell is not None:
                self._row.append(_SPACE_RE.sub(" ", "".join(self._cell)).strip())
                self._spans.append(self._span)
            self._end_row()
        self._give_head()
        self._flush()


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's colspan or rowspan (1 when absent or not a small whole number); typographic quotes that a
    word processor put around the value (rowspan=“2”) are no part of it."""
    value = (dict(attrs).get(name) or "").strip("“”„\"'")
    return int(value) if value.strip().isdigit() and 0 < int(value) <= 50 else 1


def _carry(line: list[str], carried: dict[int, tuple[str, int]]) -> None:
    """Fill the row's next columns that a cell above spans into."""
    while len(line) in carried:
        text, left = carried.pop(len(line))
        if left > 1:
            carried[len(line)] = (text, left - 1)
        line.append(text)


def _merge_header(rows: list[tuple[list[str], list[tuple[int, int]]]]) -> list[str]:
    """Header rows laid out on the table's grid (a cell spanning columns stands over each of them, one
    spanning rows in each of them), then read down each column: its distinct titles joined in order."""
    grid: list[list[str]] = []
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to span)
    for cells, spans in rows:
        line: list[str] = []
        for text, (colspan, rowspan) in zip(cells, spans, strict=False):
            _carry(line, carried)
            for _ in range(colspan):
                if rowspan > 1:
                    carried[len(line)] = (text, rowspan - 1)
                line.append(text)
        _carry(line, carried)
        grid.append(line)
    width = max(len(line) for line in grid)
    merged = []
    for j in range(width):
        titles: list[str] = []
        for line in grid:
            if j < len(line) and line[j] and line[j] not in titles:
                titles.append(line[j])
        merged.append(" ".join(titles))
    return merged


def read_fragment(text: str, first_line: int = 1) -> list[Block]:
    """The blocks of a piece of HTML inside another document (a `<table>` written over several lines in
    markdown, as pandoc exports a table with merged header cells), each at its line in the whole document."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    return [
        block.model_copy(update={"offsets": [(at, line + first_line - 1) for at, line in block.offsets]})
        for block in parser.blocks
    ]


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
