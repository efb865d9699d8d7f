"""Reading order of extracted text laid out in columns, repaired before paragraphs are built.

Two ways a PDF-to-text conversion loses the reading order of columns:
- a two-column page printed side by side: each line holds a piece of the left column, a gap, and a
  piece of the right column. The gap runs down the page as a band of blank character positions (the
  right column need not start at the same position on every line: extraction spaces its lines apart
  unevenly); the pieces beside it are prose (words, not amounts). The lines are read as the left
  column, then the right one.
- a table extracted column by column: first all row labels, one a line, then each value column as a
  title line (optional) and one value a line, as many values as labels. The lines are paired back
  into rows (label, value, value …), with the column titles as a header row.
- a table extracted cell by cell: its column titles, one a line, then its rows' cells, one a line, row
  after row ("Budgetår" / "Tilskudsprocent" / "2031" / "75" / "2032" / "60" …), when every cell is a
  number and the first column holds the years. The lines are grouped back into rows under a header row.
All work on plain text lines (the text reader); a reader that saw the geometry gives cells itself.
"""

from __future__ import annotations

import re

from kommuneokonomi.documents.base import RawLine
from kommuneokonomi.extraction.numbers import NUMBER

#: a gap of this many spaces (or more) between two columns of text
_GUTTER = 3
#: a side-by-side stretch has at least this many lines with prose on both sides of the same gutter
_MIN_PAIRED = 5
#: a piece of a column is prose: at least this many words with letters
_PROSE_WORDS = 2
_WORD_RE = re.compile(r"[A-Za-zÆØÅæøåÉé]{2,}")
_VALUE_RE = re.compile(rf"^[-−–]?\s?(?:{NUMBER})$|^[-−–]$")
_AMOUNT_END_RE = re.compile(rf"(?:{NUMBER})\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: a column table has at least this many rows
_MIN_ROWS = 4
_MAX_LABEL_CHARS = 60
_MAX_TITLE_LINES = 2
#: the narrowest band left blank between the two columns, where their ragged edges come closest
_MIN_BAND = 2


def _right_starts(text: str) -> list[int]:
    """Positions where text resumes after a gutter, with words on both sides of it (a stretch may open
    with the columns' headings, one word on the right: "Finansieringstilskud      Skat")."""
    out = []
    for m in re.finditer(rf"\S(\s{{{_GUTTER},}})(?=\S)", text):
        start = m.end(1)
        if _WORD_RE.search(text[start:]) and _WORD_RE.search(text[: m.start(1)]):
            out.append(start)
    return out


def split_side_by_side(lines: list[RawLine]) -> list[RawLine]:
    """Lines of a two-column stretch read as the left column, then the right one (see module doc)."""
    if not any("   " in ln.text for ln in lines):
        return lines
    starts = [_right_starts(ln.text) if ln.cells is None and "   " in ln.text else [] for ln in lines]
    out: list[RawLine] = []
    i = 0
    while i < len(lines):
        stretch = _stretch_at(lines, starts, i)
        if stretch is None:
            out.append(lines[i])
            i += 1
            continue
        end, col = stretch
        left = [RawLine(ln.number, ln.text[:col].rstrip(), ln.page, ln.page_start) for ln in lines[i:end]]
        right = [RawLine(ln.number, ln.text[col:].strip(), ln.page) for ln in lines[i:end]]
        out += [*left, RawLine(lines[end - 1].number, "", lines[end - 1].page, hint="break"), *right]
        out.append(RawLine(lines[end - 1].number, "", lines[end - 1].page, hint="break"))
        i = end
    return out


def _stretch_at(lines: list[RawLine], starts: list[list[int]], i: int) -> tuple[int, int] | None:
    """(end, column) of a side-by-side stretch whose first line, i, has text on both sides, or None.

    The gutter starts as line i's gap; every later line narrows it to the part its own blank positions
    leave (a left piece reaching further, a right piece starting sooner), down to _MIN_BAND positions. The
    stretch ends at a line that leaves no such band (a line across the page), a table row or a new page;
    it counts when at least _MIN_PAIRED of its lines hold prose on both sides of the band."""
    best: tuple[int, int, int] | None = None
    for start in starts[i]:
        found = _scan_band(lines, i, len(lines[i].text[:start].rstrip()), start)
        if found is not None and (best is None or found[2] > best[2]):
            best = found
    return (best[0], best[1]) if best is not None and best[2] >= _MIN_PAIRED else None


def _scan_band(lines: list[RawLine], i: int, lo: int, hi: int) -> tuple[int, int, int] | None:
    """(end, column, prose pairs) of the stretch from line i with the gutter [lo, hi) on that line."""
    end = i
    for k in range(i, len(lines)):
        ln = lines[k]
        if ln.cells is not None or (ln.page_start and k > i):
            break
        if ln.text.strip():
            band = _blank_band(ln.text.rstrip(), lo, hi)
            if band is None:
                break
            lo, hi = band
        end = k + 1
    while end > i and not lines[end - 1].text.strip():
        end -= 1
    paired = sum(
        1
        for ln in lines[i:end]
        if _WORD_RE.search(ln.text[:hi]) and len(_WORD_RE.findall(ln.text[hi:])) >= _PROSE_WORDS
    )
    return (end, hi, paired) if end > i else None


def _blank_band(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The widest part of [lo, hi) that the line leaves blank (its text before or after, a gap in it),
    or None when less than _MIN_BAND positions are left."""
    best: tuple[int, int] | None = None
    runs = [(m.start(), m.end()) for m in re.finditer(r" +", text)] + [(len(text), max(hi, len(text)))]
    for a, b in runs:
        a, b = max(a, lo), min(b, hi)
        if b - a >= _MIN_BAND and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return best


def _label_like(text: str) -> bool:
    """A row label: a few words, no amount at its end, not the end of a sentence ("mv." is a label's)."""
    s = text.strip()
    if not s or len(s) > _MAX_LABEL_CHARS or not _WORD_RE.search(s) or _AMOUNT_END_RE.search(s):
        return False
    return not s.endswith((".", ":", ";", ",")) or s.endswith("mv.")


def _title_like(text: str) -> bool:
    s = text.strip()
    return bool(_WORD_RE.search(s)) and len(s) <= 40 and not re.search(r"\d", _YEAR_RE.sub("", s))


def pair_column_table(lines: list[RawLine]) -> list[RawLine]:
    """A table extracted column by column is paired back into rows (see module doc)."""
    out: list[RawLine] = []
    i = 0
    while i < len(lines):
        found = _column_table_at(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        start, titles, columns, end = found
        out += lines[i:start]  # a caption or unit line before the labels
        labels = lines[start : start + len(columns[0])]
        if any(titles):
            first = labels[0]
            heads = [" ".join(t.text.strip() for t in group) for group in titles]
            out.append(
                RawLine(first.number, "  ".join(heads), first.page, first.page_start, "heading", ["", *heads])
            )
        for r, label in enumerate(labels):
            values = [col[r].text.strip() for col in columns]
            out.append(
                RawLine(
                    label.number,
                    "  ".join([label.text.strip(), *values]),
                    label.page,
                    label.page_start and not any(titles),
                    cells=[label.text.strip(), *values],
                )
            )
        i = end
    return out


def _column_table_at(
    lines: list[RawLine], i: int
) -> tuple[int, list[list[RawLine]], list[list[RawLine]], int] | None:
    """(first label, title lines per column, value lines per column, end) of a column table whose run of
    label lines starts at line i, or None. The labels are the last lines of the run, one per value: the
    lines before them (a caption, a unit line) stay as they are."""
    if lines[i].cells is not None or not _label_like(lines[i].text):
        return None
    j = i
    while j < len(lines) and lines[j].cells is None and _label_like(lines[j].text):
        j += 1
    run = j - i
    if run < _MIN_ROWS:
        return None
    titles: list[list[RawLine]] = []
    columns: list[list[RawLine]] = []
    n: int | None = None
    k = j
    while k < len(lines):
        head: list[RawLine] = []
        while k < len(lines) and len(head) < _MAX_TITLE_LINES and _title_like(lines[k].text):
            head.append(lines[k])
            k += 1
        values: list[RawLine] = []
        while k < len(lines) and lines[k].cells is None and _VALUE_RE.match(lines[k].text.strip()):
            values.append(lines[k])
            k += 1
        if len(values) < _MIN_ROWS or (n is not None and len(values) != n):
            k -= len(head) + len(values)
            break
        n = len(values)
        titles.append(head)
        columns.append(values)
    if n is None or n > run:
        return None
    return j - n, titles, columns, k


#: a table extracted cell by cell has at most this many columns
_MAX_CELL_COLUMNS = 4


def pair_cell_lines(lines: list[RawLine]) -> list[RawLine]:
    """A table extracted one cell a line is grouped back into rows (see module doc)."""
    out: list[RawLine] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].cells is None and _VALUE_RE.match(lines[j].text.strip()):
            j += 1
        width = _cell_table_width(lines, i, j) if j > i else None
        if width is None:
            out += lines[i : max(j, i + 1)]
            i = max(j, i + 1)
            continue
        titles = out[-width:]
        del out[-width:]
        heads = [t.text.strip() for t in titles]
        first = titles[0]
        out.append(RawLine(first.number, "  ".join(heads), first.page, first.page_start, "heading", heads))
        for r in range(i, j, width):
            cells = [ln.text.strip() for ln in lines[r : r + width]]
            row = lines[r]
            out.append(RawLine(row.number, "  ".join(cells), row.page, row.page_start, cells=cells))
        i = j
    return out


def _cell_table_width(lines: list[RawLine], i: int, j: int) -> int | None:
    """The number of columns of a table whose cells are the value lines i..j-1, one a line, under as many
    title lines right before them; the first column's cells are years, one per row, in order, and no other
    cell is a year. None when no width fits."""
    n = j - i
    for width in range(2, _MAX_CELL_COLUMNS + 1):
        if n % width or n // width < 2 or i < width:
            continue
        titles = lines[i - width : i]
        if not all(
            t.cells is None and _title_like(t.text) and not _YEAR_RE.fullmatch(t.text.strip()) for t in titles
        ):
            continue
        cells = [ln.text.strip() for ln in lines[i:j]]
        years = cells[::width]
        others = [c for k, c in enumerate(cells) if k % width]
        if not all(_YEAR_RE.fullmatch(y) for y in years) or any(_YEAR_RE.fullmatch(c) for c in others):
            continue
        if [int(y) for y in years] != sorted({int(y) for y in years}):
            continue
        return width
    return None


#: a line of a list with dot leaders between its label and an amount: "Bruttoanlæg 2031 ....... 24,6 mia.kr."
_LEADER_RE = re.compile(r"^(?P<label>\S.*?)\s*(?:\.{4,}|…{2,}|(?:\. ){4,})\s*(?P<value>[-−–]?\s?\d.*?)\s*$")
#: "(service / anlæg)" in the label and "3,0 / 1,0 mia. kr." as its value: one value for each name
_PAIRED_LABEL_RE = re.compile(r"\((?P<names>[^()]+/[^()]+)\)")
_PAIRED_VALUE_RE = re.compile(
    rf"^(?P<values>[-−–]?\s?(?:{NUMBER})(?:\s*/\s*[-−–]?\s?(?:{NUMBER}))+)\s*(?P<unit>.*)$"
)


def leader_statements(text: str) -> list[str] | None:
    """A dot-leader line of a headline list read as the statements it makes, one a value, or None.

    "Udgiftsloft 2031 ........ 366,2 mia. kr." states "Udgiftsloft 2031 366,2 mia. kr."; a label that
    names several things with a slash and as many values with a slash ("Betinget bloktilskud (service /
    anlæg) .... 3,0 / 1,0 mia. kr.") states one value for each ("Betinget bloktilskud service 3,0 mia.
    kr."). A table of contents (a bare page number after the leaders) is furniture, not read here.
    """
    m = _LEADER_RE.match(text.strip())
    if m is None or re.fullmatch(r"\d{1,3}", m.group("value")):
        return None
    label, value = m.group("label"), m.group("value")
    names = _PAIRED_LABEL_RE.search(label)
    values = _PAIRED_VALUE_RE.match(value)
    if names and values:
        parts = [n.strip() for n in names.group("names").split("/")]
        numbers = [v.strip() for v in values.group("values").split("/")]
        if len(parts) == len(numbers):
            stem = (label[: names.start()] + label[names.end() :]).strip()
            unit = values.group("unit")
            return [f"{stem} {p} {n} {unit}".strip() for p, n in zip(parts, numbers, strict=True)]
    return [f"{label} {value}"]
