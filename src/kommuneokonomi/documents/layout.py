"""Page layout to reading-order lines: what a PDF's geometry says that its text alone does not.

Input per page: text segments with their boxes and font (as the PDF engine reports them) and the shaded
areas. Output: `RawLine`s in reading order, with hints for `normalise.flowing_blocks`:
- running headers, footers and page numbers (the same text at the same height on many pages, in the top
  or bottom margin) are marked as furniture and dropped;
- a line whose segments stand in columns with amounts is a table row: its cells are kept
  (label, amount, amount …); a text-only row over such rows is the table's header row, and a header row
  repeated at the top of a later page (a table split by a page break) is furniture;
- lines in a shaded area with two lines or more are a box (Boks): kept together, placed in the body at
  the first paragraph start at or below the box's top, never inside a paragraph;
- whole bold lines and lines in a larger type are headings; consecutive heading lines of the same type
  are one heading ("Aftale om kommunernes økonomi" / "for 2027"), except after a bare "Boks 1" or
  "Tabel 1";
- a vertical gap larger than the line spacing is a paragraph break.
Coordinates are in points from the top of the page.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from kommuneokonomi.documents.base import Hint, RawLine
from kommuneokonomi.documents.normalise import BULLET_RE, PAGE_NUMBER_RE, TERMINAL, VALUE_CELL_RE, join_lines
from kommuneokonomi.extraction.numbers import NUMBER

_NUMBER_CELL_RE = re.compile(rf"^(?:{NUMBER})$")
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_EMPTY_CELLS = ("-", "–", "−")
_BARE_PART_RE = re.compile(r"^(?:Boks|Tabel|Figur)\s+\d{1,2}\.?$")
#: share of the page height at the top and bottom where running headers and footers stand
_MARGIN_ZONE = 0.12
#: a gap between two segments of one line wider than this many font sizes separates table cells
_CELL_GAP = 1.0
#: a column of text beside the running text starts this far (points) right of the text's left edge and
#: stands beside running text on at least this many lines
_SIDE_MIN_OFFSET = 100.0
_SIDE_MIN_LINES = 3
#: a table row's label line goes on in the line this many font sizes above or below it
_WRAP_GAP = 1.6
#: a vertical gap this many times the body line pitch (or more) is a paragraph break
_PARAGRAPH_GAP = 1.3
_HEADING_MAX_CHARS = 120
#: a line set this many font sizes out or in against the line before starts a paragraph
_INDENT = 0.8
#: this many heading lines (bold or larger) show that the document marks its headings by type
_MIN_HEADINGS = 3
#: paragraphs are set apart by space when at least this share of apparent paragraph ends has a gap
_SPACED_SHARE = 0.6


@dataclass(slots=True)
class Segment:
    """A run of text on one line, as the engine reports it."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    bold: bool
    base: float  # the baseline


@dataclass(slots=True)
class Shade:
    """A filled, coloured area (a box's background)."""

    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    segments: list[Segment]
    shades: list[Shade] = field(default_factory=list)


@dataclass(slots=True)
class Line:
    page: int
    segments: list[Segment]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    cells: list[str]
    base: float
    box: int | None = None  # index of the shaded area it stands in
    box_top: float = 0.0
    kind: str = "text"  # text | row | header | furniture | heading | merged (into a row's label)

    @property
    def text(self) -> str:
        return " ".join(self.cells)

    @property
    def numeric_cells(self) -> int:
        """Cells after the label that hold a value: an amount, bare or with its unit ("2,6 pct.")."""
        return sum(
            1 for c in self.cells[1:] if _NUMBER_CELL_RE.match(c.replace(" ", "")) or VALUE_CELL_RE.match(c)
        )


def _cells(segments: list[Segment]) -> list[str]:
    """Join the segments of a line; a wide gap starts a new cell."""
    cells: list[str] = []
    prev: Segment | None = None
    for seg in segments:
        text = seg.text.strip()
        if not text:
            continue
        if prev is None or seg.x0 - prev.x1 > _CELL_GAP * max(seg.size, prev.size):
            cells.append(text)
        else:
            gap = seg.x0 - prev.x1
            sep = "" if gap < 0.15 * seg.size and not prev.text.endswith(" ") else " "
            cells[-1] = cells[-1] + sep + text
        prev = seg
    return cells


def _side_columns(page: Page, boxes: list[Shade]) -> list[Shade]:
    """A box beside the running text with neither shading nor frame: text runs that start at one x, a
    gutter (as wide as between table cells) right of text on the same lines, on several lines. Its area
    is treated as a box's."""

    def inside(seg: Segment) -> bool:
        mx, my = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
        return any(b.x0 <= mx <= b.x1 and b.top <= my <= b.bottom for b in boxes)

    body = [s for s in page.segments if s.text.strip() and not inside(s)]
    if not body:
        return []
    left = min(s.x0 for s in body)
    starts: dict[int, list[Segment]] = defaultdict(list)
    for seg in body:
        if seg.x0 > left + _SIDE_MIN_OFFSET and not VALUE_CELL_RE.match(seg.text.strip()):
            starts[round(seg.x0 / 2)].append(seg)
    out = []
    for segs in starts.values():
        x = min(s.x0 for s in segs)
        beside = [s for s in segs if _gutter_before(s, body)]
        if len(beside) >= _SIDE_MIN_LINES:
            top, bottom = min(s.top for s in segs), max(s.bottom for s in segs)
            out.append(Shade(x - 1, page.width, top - 1, bottom + 1))
    return out


def _gutter_before(seg: Segment, body: list[Segment]) -> bool:
    """Text stands to the left of the run on its line, and the nearest of it ends a gutter away."""
    left = [o.x1 for o in body if o is not seg and abs(o.base - seg.base) < seg.size and o.x1 <= seg.x0 + 1]
    return bool(left) and seg.x0 - max(left) > _CELL_GAP * seg.size


#: a footnote reference: "1", "12", "(3)", "a)", "*", "†"
_FOOTNOTE_MARK_RE = re.compile(r"^(?:\(?\d{1,2}\)?|[a-z]\)|\*{1,3}|[†‡])$")
#: a footnote reference is set this much smaller than the text it is glued to, and raised by this much
_MARK_SIZE = 0.85
_MARK_RISE = 0.2


def _footnote_marks(segments: list[Segment]) -> dict[int, int]:
    """The segments that are footnote references set as superscripts, each with the segment it is glued
    to: a short mark, smaller than the text it follows without a gap and raised above its baseline ("26,3"
    + raised "1"). Left in, such a mark gets a line of its own above the text (its baseline is another)
    and cuts the paragraph."""
    marks: dict[int, int] = {}
    for k, seg in enumerate(segments):
        if not _FOOTNOTE_MARK_RE.match(seg.text.strip()):
            continue
        for h, other in enumerate(segments):
            if (
                h != k
                and seg.size <= _MARK_SIZE * other.size
                and other.base - seg.base >= _MARK_RISE * other.size
                and -0.1 * other.size <= seg.x0 - other.x1 <= 0.3 * other.size
                and seg.bottom > other.top
                and seg.top < other.bottom
            ):
                marks[k] = h
                break
    return marks


def _lines_of(page: Page) -> list[Line]:
    """Group segments into lines by their vertical middle; a shaded box's lines apart from the body's."""
    boxes = [
        s for s in page.shades if (s.x1 - s.x0) < page.width * 0.95 or (s.bottom - s.top) < page.height * 0.6
    ]
    boxes += _side_columns(page, boxes)
    # the outermost area first: a shaded header row inside a box belongs to the box
    boxes.sort(key=lambda b: -(b.x1 - b.x0) * (b.bottom - b.top))

    def box_of(seg: Segment) -> int | None:
        mx, my = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
        for i, b in enumerate(boxes):
            if b.x0 <= mx <= b.x1 and b.top <= my <= b.bottom:
                return i
        return None

    groups: dict[int | None, list[Segment]] = defaultdict(list)
    marks = _footnote_marks(page.segments)
    # the text a mark is glued to takes its place, so that no gap is left where it stood, and the word
    # space after the mark (a mark stands before a space: "26,3¹ mia. kr.", "… i 2038.² Tilskuddet")
    reach = {host: max(page.segments[k].x1 for k, h in marks.items() if h == host) for host in marks.values()}
    for k, seg in enumerate(page.segments):
        if seg.text.strip() and k not in marks:
            if k in reach:
                seg = replace(seg, x1=reach[k], text=seg.text.rstrip() + " ")
            groups[box_of(seg)].append(seg)
    lines: list[Line] = []
    for box, segs in groups.items():
        segs.sort(key=lambda s: (s.base, s.x0))
        rows: list[list[Segment]] = []
        for seg in segs:
            if rows and abs(seg.base - rows[-1][0].base) <= 0.35 * max(seg.size, rows[-1][0].size):
                rows[-1].append(seg)
                continue
            rows.append([seg])
        for row in rows:
            row.sort(key=lambda s: s.x0)
            cells = _cells(row)
            if not cells:
                continue
            chars = sum(len(s.text) for s in row)
            lines.append(
                Line(
                    page=page.number,
                    segments=row,
                    top=min(s.top for s in row),
                    bottom=max(s.bottom for s in row),
                    x0=row[0].x0,
                    x1=max(s.x1 for s in row),
                    size=max(s.size for s in row),
                    bold=sum(len(s.text) for s in row if s.bold) >= 0.9 * chars,
                    cells=cells,
                    base=statistics.median(s.base for s in row),
                    box=box,
                    box_top=boxes[box].top if box is not None else 0.0,
                )
            )
    # a shaded area with a single line is a highlighted row or label, not a box
    per_box = Counter(ln.box for ln in lines if ln.box is not None)
    for ln in lines:
        if ln.box is not None and per_box[ln.box] < 2:
            ln.box = None
    return lines


def _mark_furniture(pages: list[list[Line]], heights: list[float]) -> None:
    """Running headers/footers: text (digits masked) at the same height in a margin zone on many pages."""
    n_pages = len(pages)
    seen: Counter[tuple[str, int]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen.update({_furniture_key(ln) for ln in lines if _in_margin(ln, height)})
    needed = 2 if n_pages <= 3 else max(3, n_pages // 3)
    repeated = {k for k, n in seen.items() if n >= needed}
    for lines, height in zip(pages, heights, strict=True):
        for ln in lines:
            if ln.box is not None or not _in_margin(ln, height):
                continue
            key = _furniture_key(ln)
            near = any((key[0], key[1] + d) in repeated for d in (-1, 0, 1))
            if near or (PAGE_NUMBER_RE.match(ln.text) and (n_pages == 1 or _edge_line(ln, lines))):
                ln.kind = "furniture"


def _in_margin(line: Line, height: float) -> bool:
    return line.top < height * _MARGIN_ZONE or line.bottom > height * (1 - _MARGIN_ZONE)


def _furniture_key(line: Line) -> tuple[str, int]:
    """The text with its digits masked (page numbers change) and its height on the page in 4-pt steps."""
    return re.sub(r"\d+", "#", line.text), round(line.top / 4)


def _edge_line(line: Line, lines: list[Line]) -> bool:
    """The topmost or bottommost line of its page."""
    return line.top <= min(ln.top for ln in lines) or line.bottom >= max(ln.bottom for ln in lines)


def _mark_tables(lines: list[Line], header_rows: set[str]) -> None:
    """Rows with amounts in columns; the text-only row right above them is the header row."""
    for ln in lines:
        if ln.kind != "text" or len(ln.cells) < 2 or _years_only(ln):
            continue
        # a dash is an empty cell ("-": nothing in that column, as a new row's last year)
        empty = sum(1 for c in ln.cells[1:] if c in _EMPTY_CELLS)
        filled = ln.numeric_cells
        if filled and filled + empty == len(ln.cells) - 1 and not _NUMBER_CELL_RE.match(ln.cells[0]):
            ln.kind = "row"
    for i, ln in enumerate(lines):
        if ln.kind == "text" and len(ln.cells) == 1 and not _NUMBER_CELL_RE.match(ln.cells[0]):
            _join_wrapped_label(ln, lines[i - 1] if i else None, lines[i + 1] if i + 1 < len(lines) else None)
    for i, ln in enumerate(lines):
        if ln.kind != "text" or len(ln.cells) < 2 or (ln.numeric_cells and not _years_only(ln)):
            continue
        nxt = next((x for x in lines[i + 1 : i + 2] if x.kind != "furniture"), None)
        if nxt is not None and nxt.kind == "row" and len(ln.cells) < len(nxt.cells):
            ln.cells = _split_titles(ln.cells, len(nxt.cells))
        if nxt is not None and nxt.kind == "row" and len(ln.cells) <= len(nxt.cells):
            ln.cells = [""] * (len(nxt.cells) - len(ln.cells)) + ln.cells  # an empty stub header
            ln.kind = "furniture" if ln.text in header_rows else "header"
            header_rows.add(ln.text)


#: where a second column title that names a year or a span of years begins inside a header cell, after
#: a first one ("2030–2031 2031–2032 (teknisk)": long titles of right-aligned columns read as one cell)
_SECOND_TITLE_RE = re.compile(r"(?<=\d|\))\s+(?=(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)?\d{2,4})?\b)")


def _split_titles(cells: list[str], width: int) -> list[str]:
    """A header row with fewer cells than its rows: cells holding two titles of years are split, from
    the right, until the header has as many cells as the rows."""
    out = list(cells)
    for k in range(len(out) - 1, -1, -1):
        while len(out) < width:
            m = _SECOND_TITLE_RE.search(out[k])
            if m is None:
                break
            out[k : k + 1] = [out[k][: m.start()], out[k][m.end() :]]
    return out


def _years_only(line: Line) -> bool:
    """Column titles that are years ("Mio. kr., 2024-pl | 2024 | 2025"): a header row, not amounts."""
    return all(_YEAR_RE.match(c) for c in line.cells[1:])


def _join_wrapped_label(ln: Line, above: Line | None, below: Line | None) -> None:
    """A label set over two lines in a table cell: the line without amounts joins the nearer row."""
    near = [
        (abs(row.base - ln.base), row)
        for row in (above, below)
        if row is not None
        and row.kind == "row"
        and abs(row.x0 - ln.x0) < 0.5 * ln.size
        and abs(row.base - ln.base) < _WRAP_GAP * ln.size
    ]
    if not near:
        return
    _, row = min(near, key=lambda t: t[0])
    first, second = (ln.cells[0], row.cells[0]) if row is below else (row.cells[0], ln.cells[0])
    label, _ = join_lines(first, second, set())
    row.cells = [label, *row.cells[1:]]
    ln.kind = "merged"


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            if ln.kind == "text":
                sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _mark_headings(lines: list[Line], body: float) -> None:
    for ln in lines:
        if ln.kind != "text" or len(ln.text) > _HEADING_MAX_CHARS or ln.text.endswith((",", ";")):
            continue
        if ln.bold or ln.size >= body * 1.15:
            ln.kind = "heading"


def _reading_order(lines: list[Line], pitch: float) -> list[Line]:
    """Body lines top to bottom; each box as a whole at the first paragraph start at or below its top."""
    body = sorted((ln for ln in lines if ln.box is None), key=lambda ln: (ln.base, ln.x0))
    boxes: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        if ln.box is not None:
            boxes[ln.box].append(ln)
    order = sorted(boxes.values(), key=lambda b: b[0].box_top)
    out: list[Line] = []
    pending = [sorted(b, key=lambda ln: (ln.base, ln.x0)) for b in order]
    prev: Line | None = None
    for ln in body:
        while pending and pending[0][0].box_top <= ln.top + 1 and _starts_block(prev, ln, pitch):
            out.extend(pending.pop(0))
        out.append(ln)
        if ln.kind != "furniture":
            prev = ln
    for box in pending:
        out.extend(box)
    return out


def _starts_block(prev: Line | None, ln: Line, pitch: float) -> bool:
    if ln.kind == "furniture":
        return False
    if prev is None or ln.kind != "text" or prev.kind != "text":
        return True
    return ln.base - prev.base > _PARAGRAPH_GAP * pitch


def _pitch(pages: list[list[Line]], body: float) -> float:
    """The usual distance between two consecutive body lines."""
    gaps: Counter[float] = Counter()
    for lines in pages:
        text = sorted((ln for ln in lines if ln.kind == "text" and ln.box is None), key=lambda ln: ln.base)
        for a, b in itertools.pairwise(text):
            d = b.base - a.base
            if 0 < d < 3 * body:
                gaps[round(d, 1)] += 1
    return gaps.most_common(1)[0][0] if gaps else body * 1.2


class PageLines(NamedTuple):
    lines: list[RawLine]
    #: paragraphs are set apart by space or indentation: every paragraph break is marked
    breaks_known: bool
    #: headings stand out by weight or size: they are marked, text heuristics are not needed
    headings_known: bool
    #: the line numbers on which a box (Boks) ends: the running text goes on after them
    box_ends: set[int]


def page_lines(pages: list[Page]) -> PageLines:
    """All pages' lines in reading order, numbered from 1 (furniture included in the count)."""
    per_page = [_lines_of(p) for p in pages]
    _mark_furniture(per_page, [p.height for p in pages])
    header_rows: set[str] = set()
    for lines in per_page:
        lines.sort(key=lambda ln: (ln.box is not None, ln.base, ln.x0))
        _mark_tables([ln for ln in lines if ln.box is None], header_rows)
        _mark_tables([ln for ln in lines if ln.box is not None], header_rows)
    body = _body_size(per_page)
    pitch = _pitch(per_page, body)
    out: list[RawLine] = []
    number = ends = spaced_ends = headings = 0
    width, right = _body_width(per_page)
    prev: Line | None = None
    box_ends: set[int] = set()
    for page, lines in zip(pages, per_page, strict=True):
        _mark_headings(lines, body)
        first = True
        for ln in _reading_order(lines, pitch):
            if ln.kind == "merged":  # part of a table row's label
                continue
            if ln.kind == "furniture":
                number += 1
                out.append(RawLine(number=number, text=ln.text, page=page.number, hint="furniture"))
                continue
            number += 1
            if prev is not None and prev.kind == "heading" and _continues_heading(prev, ln):
                out[-1].text += " " + ln.text
                out[-1].joined.append((len(out[-1].text) - len(ln.text), number))
                prev = ln
                continue
            if prev is not None and prev.box is not None and ln.box is None:
                box_ends.add(out[-1].number)
            spaced = prev is not None and _is_break(prev, ln, pitch, right)
            if spaced:
                out.append(RawLine(number=number, text="", page=page.number, hint="break"))
            if _paragraph_end(prev, ln, width):
                ends += 1
                spaced_ends += spaced
            cells = ln.cells if ln.kind in ("row", "header") else None
            hint: Hint = "heading" if ln.kind in ("heading", "header") else "text"
            out.append(RawLine(number, ln.text, page.number, first, hint, cells))
            headings += ln.kind == "heading"
            first = False
            prev = ln
    return PageLines(
        out, ends > 0 and spaced_ends >= _SPACED_SHARE * ends, headings >= _MIN_HEADINGS, box_ends
    )


def _body_width(pages: list[list[Line]]) -> tuple[float, float]:
    """The usual width of a full body line, and the right edge of justified body text."""
    body = [ln for lines in pages for ln in lines if ln.kind == "text" and ln.box is None]
    if not body:
        return 0.0, 0.0
    widths = sorted(ln.x1 - ln.x0 for ln in body)
    rights = sorted(round(ln.x1) for ln in body)
    return widths[int(len(widths) * 0.8)], float(rights[int(len(rights) * 0.8)])


def _paragraph_end(prev: Line | None, ln: Line, width: float) -> bool:
    """A short body line ending a sentence, followed on its page by a capitalised body line."""
    return (
        prev is not None
        and prev.kind == ln.kind == "text"
        and prev.box is None
        and ln.box is None
        and prev.page == ln.page
        and prev.x1 - prev.x0 < 0.75 * width
        and prev.text.endswith((".", ":", "!", "?"))
        and ln.text[:1].isupper()
    )


def _is_break(prev: Line, ln: Line, pitch: float, right: float) -> bool:
    """A paragraph break between two consecutive lines: a box begins or ends, more space than the line
    spacing, a line set out or in against the one before (not a bullet's second line), or on a new page
    after a sentence that ended short of the right edge of the text."""
    if prev.box != ln.box:
        return True
    if prev.page != ln.page:  # a paragraph goes on unless the page ended a sentence short of the edge
        return (
            prev.kind == ln.kind == "text"
            and prev.text.endswith(tuple(TERMINAL))
            and prev.x1 < right - 0.5 * prev.size
        )
    if ln.base - prev.base > _PARAGRAPH_GAP * max(pitch, prev.size * 1.1):
        return True
    if prev.kind != "text" or ln.kind != "text":
        return False
    indent = ln.x0 - prev.x0
    return indent < -_INDENT * ln.size or (indent > _INDENT * ln.size and not BULLET_RE.match(prev.text))


def _continues_heading(prev: Line, ln: Line) -> bool:
    """The second line of a heading set over two lines in the same type."""
    return (
        ln.kind == "heading"
        and ln.page == prev.page
        and ln.box == prev.box
        and abs(ln.size - prev.size) < 0.5
        and ln.bold == prev.bold
        and 0 < ln.base - prev.base <= 1.6 * prev.size
        and not _BARE_PART_RE.match(prev.text)
        and not _BARE_PART_RE.match(ln.text)
    )
