"""Normalisation of flowing text (PDF-extracted text and PDF pages) into blocks with a line map.

- running headers, footers and page numbers are dropped;
- bullet glyphs are removed and the item becomes a bullet block;
- hyphenated line breaks are joined the Danish way: "ud-/vikling" -> "udvikling", while
  "midt- og langsigtet", "it-systemer", "DUT-vejledningen" and "COVID-19-indsatsen" keep their hyphen;
- paragraphs are rebuilt from layout cues (blank lines, short last lines, headings);
- rows of a "Tabel N" become table_row blocks (label, value).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kommuneokonomi.documents.base import RawLine
from kommuneokonomi.documents.columns import (
    leader_statements,
    pair_cell_lines,
    pair_column_table,
    split_side_by_side,
)
from kommuneokonomi.extraction.numbers import NUMBER
from kommuneokonomi.models import Block, BlockKind

BULLET_GLYPHS = "\uf0b7\u2022\u25aa\u25cf\u25e6\u2023\u2043\uf0a7\u00b7"
BULLET_RE = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s*")
#: a list item's marker typed as a character that also stands in running text: a dash, a star, Word's "o",
#: "1)", "a)", "(1)", "(a)" before a space; an item only where a list can stand (_typed_bullet)
_TYPED_BULLET_RE = re.compile(r"^\s*(?:[-–—*o]|\(?(?:\d{1,2}|[a-z])\))\s+(?=\S)")
#: "3", "Side 3", "3/12", "3 af 12", "- 3 -", "– 3 –"
PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–]\s*)?(?:side\s+)?\d{1,3}(?:\s*(?:/|af)\s*\d{1,3})?(?:\s*[-–])?\s*$", re.IGNORECASE
)
#: the running title, with a separator ("… for 2020 ꞏ September 2019") or its page number after a gap
_RUNNING_TITLE_RE = re.compile(
    r"^\s*Aftale om kommunernes økonomi for \d{4}\s*(?P<sep>[ꞏ·•|–-].*|\s{2,}(?:side\s+)?\d{1,3})?$"
)
CHAPTER_RE = re.compile(r"^(?P<number>\d{1,2})(?:\.\s+|\s{2,})(?P<title>[A-ZÆØÅ][^\n]{1,90})$")
PART_RE = re.compile(r"^(?P<kind>Boks|Tabel|Figur)\s+(?P<number>\d{1,2})\.?\s*$")
#: "Tabel 1", "Tabel 1. Balance …", "Tabel 1: …" — not a sentence about the table ("Tabel 1 viser …")
_TABLE_CAPTION_RE = re.compile(r"^Tabel\s+\d{1,2}\b(?!\s+[a-zæøå])")
#: a numbered section heading below a chapter: "2.1 Serviceudgifterne", "4.3. Regulering af bloktilskuddet"
_SUBCHAPTER_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+[A-ZÆØÅ][^\n]{1,80}$")
#: a line of a table of contents: a title, dot leaders and a page number
_TOC_RE = re.compile(r"(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d{1,3}\s*$")
#: a running header or footer with its page number set off by a wide gap ("Aftaler om … for 2011      4")
_PAGED_HEADER_RE = re.compile(
    r"^(?:(?:side\s+)?\d{1,3}(?:\s{2,}|\t)\D.*|\D.*?(?:\s{2,}|\t)(?:side\s+)?(?:[-–]\s?)?\d{1,3}(?:\s?[-–])?)$",
    re.IGNORECASE,
)
#: the page number at the end ("4", "side 4", "– 4 –") or the start of a running header
_PAGE_NUMBER_AT_EDGE = r"(?:^|\s)(?:side\s+)?(?:[-–]\s?)?\d{1,3}(?:\s?[-–])?\s*$|^\s*(?:side\s+)?\d{1,3}\s"
#: a running title with a wide gap and no page number ("Aftale om kommunernes økonomi for 2014     Juni 2013")
_GAPPED_TITLE_RE = re.compile(r"^\D*økonomi\b.*(?:\s{2,}|\t)\S", re.I)
#: its sign may be typeset as an en dash or a minus sign, as a row's amount may (TABLE_ROW_RE)
_SPACED_CELL_RE = re.compile(r"(?:(?<=\s\s)|(?<=\t))[-−–]?\d{1,3}(?: \d{3})+(?:,\d+)?(?=\s{2,}|\t|\s*$)")
#: the frame of a box drawn with box-drawing characters: top, bottom and a side line with its text
_FRAME_TOP_RE = re.compile(r"^\s*[┌╔╭][─═━]{3,}[┐╗╮]\s*$")
_FRAME_BOTTOM_RE = re.compile(r"^\s*[└╚╰][─═━]{3,}[┘╝╯]\s*$")
_FRAME_SIDE_RE = re.compile(r"^\s*[│║┃]\s?(?P<text>.*?)\s*[│║┃]\s*$")
#: a cell of a table row that prints no amount ("−": nothing in that column)
_EMPTY_CELL = ("-", "–")
BILAG_RE = re.compile(r"^Bilag\s+(?P<number>\d{1,2})\b\.?.*$")
#: a row's one amount may have a plain space between its digit groups ("Bloktilskud mv. -72 627"); at most
#: two groups, so that two columns of such amounts ("251 934 254 000") are not read as one
TABLE_ROW_RE = re.compile(
    rf"^(?P<label>[^\d\s].*?[^\s\d,-])\s+(?P<value>[-−–]?\s?\d{{1,3}} \d{{3}}(?:,\d+)?|{NUMBER})\s*$"
)
#: a caption such as "Balance for kommunerne i 2024" is not a row
#: aligned columns in extracted text: cells are separated by a tab or by two spaces or more
_ALIGNED_RE = re.compile(r"\t|\s{2,}")
#: the most words a row label ("Aktivitetsbestemt medfinansiering af sundhedsvæsenet") and a column title
#: ("Aftale for 2024 (2024-pl)") of a table have
_MAX_LABEL_WORDS = 8
_MAX_TITLE_WORDS = 5
_SIGNED_NUMBER_RE = re.compile(rf"[-−–]?\s?{NUMBER}")
_YEAR_ONLY_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CAPTION_RE = re.compile(r"\b(?:i|for|fra|til)\s+(?:19|20)\d{2}$")
#: how often a line must repeat to be a running header
_HEADER_REPEATS = 3
#: a table's value cell: an amount, bare or with its unit ("2,6 pct.", "412,3 mia. kr.", "-850 mio. kr.")
VALUE_CELL_RE = re.compile(
    rf"^[-−–]?\s?(?:{NUMBER})(?:\s*(?:pct\.?|%|procent|(?:mio|mia)\.?\s*kr\.?|kr\.?(?:\s*pr\.?\s*indbygger)?))?$",
    re.IGNORECASE,
)
#: a line drawn across a text table with dashes, equals signs or underscores ("-------"), or a grid
#: table's ("+--------+-----+", "|:-------|----:|")
_RULE_RE = re.compile(r"^(?=.*[-=_–—─━═]{3})[-=_–—─━═+|:\s]{5,}$")
#: a row of a table drawn with pipes in plain text ("| Serviceudgifter | 350.200 |")
_PIPE_ROW_RE = re.compile(r"^\|.*\|$")
_NUMBER_CELL_RE = re.compile(r"(?:\s{2,}|\t)[-−–]?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:\s|$)")
#: abbreviations after which a line-final full stop does not end a sentence
ABBREVIATIONS = {
    "mv",
    "bl.a",
    "fx",
    "pct",
    "kr",
    "mio",
    "mia",
    "jf",
    "ca",
    "dvs",
    "inkl",
    "ekskl",
    "pr",
    "nr",
    "stk",
    "mht",
    "ift",
    "pba",
    "ifm",
    "evt",
    "f.eks",
    "ff",
    "d",
    "m.fl",
    "osv",
    "vedr",
}
TERMINAL = '.:!?;)”"'
#: words a heading does not end with (prepositions, conjunctions, articles): a line ending so goes on
_NO_HEADING_END = frozenset(
    [
        "med",
        "i",
        "og",
        "til",
        "af",
        "for",
        "om",
        "på",
        "efter",
        "fra",
        "ved",
        "at",
        "som",
        "en",
        "et",
        "den",
        "det",
        "de",
        "der",
        "eller",
        "samt",
        "mod",
        "under",
        "over",
    ]
)
#: words after a line-final hyphen that show a suspended compound ("midt- og langsigtet")
_SUSPENSION_WORDS = {"og", "eller", "samt", "til", "som", "end", "el."}
#: lower-case abbreviations that keep their hyphen ("it-systemer", "e-handel")
_KEEP_HYPHEN = {"it", "e", "tv", "pc", "sms", "ikt", "cpr", "mv", "ca", "bl.a", "fx"}


@dataclass(slots=True)
class _Builder:
    kind: BlockKind
    text: str
    offsets: list[tuple[int, int]]
    page: int | None
    page_start: bool
    cells: list[str] | None = None
    last_line_len: int = 0
    ended_terminal: bool = False


@dataclass
class _State:
    blocks: list[Block] = field(default_factory=list)
    current: _Builder | None = None
    chapter_no: int = 0
    in_table: bool = False
    #: the table is a list of aligned rows without a caption: it ends at the first line that is no row
    in_list: bool = False
    rows_seen: int = 0
    #: the first line of a row label wrapped over two lines ("Forsikrede ledige (dagpenge og" / "aktivering)")
    label_start: tuple[RawLine, str] | None = None

    def close(self) -> None:
        if self.current is not None and self.current.text.strip():
            c = self.current
            self.blocks.append(
                Block(
                    kind=c.kind,
                    text=c.text.strip(),
                    offsets=c.offsets,
                    page=c.page,
                    page_start=c.page_start,
                    cells=c.cells,
                )
            )
        self.current = None

    def open(self, kind: BlockKind, line: RawLine, text: str, cells: list[str] | None = None) -> None:
        self.close()
        self.current = _Builder(
            kind=kind,
            text=text,
            offsets=[(0, line.number), *line.joined],
            page=line.page,
            page_start=line.page_start,
            cells=cells,
            last_line_len=len(text),
            ended_terminal=text.rstrip().endswith(tuple(TERMINAL)),
        )

    def emit(self, kind: BlockKind, line: RawLine, text: str, cells: list[str] | None = None) -> None:
        self.open(kind, line, text, cells)
        self.close()

    def continue_label(self, line: RawLine, text: str) -> None:
        """The last row's label goes on in this line under its amounts ("Aktivitetsbestemt medfinansiering
        11.900 12.300" / "af sundhedsvæsenet")."""
        last = self.blocks[-1]
        assert last.cells is not None
        self.blocks[-1] = last.model_copy(
            update={
                "text": f"{last.text} {text}",
                "cells": [f"{last.cells[0]} {text}", *last.cells[1:]],
                "offsets": [*last.offsets, (len(last.text) + 1, line.number)],
            }
        )

    def emit_row(self, line: RawLine, text: str, cells: list[str]) -> None:
        """A table row; a label begun on the line before is its start."""
        self.rows_seen += 1
        if self.label_start is None:
            self.emit("table_row", line, text, cells)
            return
        first, head = self.label_start
        self.label_start = None
        self.open("table_row", first, f"{head} {text}", [f"{head} {cells[0]}", *cells[1:]])
        assert self.current is not None
        self.current.offsets.append((len(head) + 1, line.number))
        self.close()


def drop_page_furniture(lines: list[RawLine], pages_known: bool) -> list[RawLine]:
    """Remove page numbers, running headers/footers and repeated page furniture.

    Running titles before the first chapter heading are kept (they may be the document title), unless
    they carry a separator ("… ꞏ September 2019"), which marks a header; so is a line the layout set as a
    heading there, though the running header repeats its words (the title page's title).
    """
    stripped = [ln.text.strip() for ln in lines]
    first_chapter = next((i for i, s in enumerate(stripped) if CHAPTER_RE.match(s)), len(lines))
    repeated: set[str] = set()
    if pages_known:
        edge: Counter[str] = Counter()
        by_page: dict[int | None, list[int]] = {}
        for i, ln in enumerate(lines):
            if stripped[i]:
                by_page.setdefault(ln.page, []).append(i)
        for idxs in by_page.values():
            for i in idxs[:2] + idxs[-2:]:
                edge[_digits_masked(stripped[i])] += 1
        n_pages = max(1, len(by_page))
        repeated = {s for s, n in edge.items() if n >= max(3, n_pages // 2) and len(s) < 120}
    # a running header repeats on many pages, with its page number or a gap: counted over the whole text
    # (a text without form feeds has no pages to look at the edges of)
    masked = Counter(_digits_masked(s) for s in stripped if ("  " in s or "\t" in s) and _running_header(s))
    out: list[RawLine] = []
    carry_start = False  # a dropped header opened the page: the next kept line starts it
    for i, ln in enumerate(lines):
        s = stripped[i]
        m = _RUNNING_TITLE_RE.match(s) if s else None
        if ln.hint == "furniture" or (
            s
            and ln.cells is None
            and (
                (PAGE_NUMBER_RE.match(s) and not _in_number_list(stripped, i))
                or (_digits_masked(s) in repeated and not (ln.hint == "heading" and i < first_chapter))
                or (("...." in s or "…" in s or ". . . ." in s) and _TOC_RE.search(s))
                or (masked and masked[_digits_masked(s)] >= _HEADER_REPEATS and _running_header(s))
                or (m and (m.group("sep") or i > first_chapter))
            )
        ):
            carry_start = carry_start or ln.page_start
            continue
        if carry_start and s:
            ln.page_start, carry_start = True, False
        out.append(ln)
    return out


def _running_header(text: str) -> bool:
    """A line shaped like a running header: a title (no amounts, years at most) and a page number set off
    by a wide gap, or the agreement's title with a gap before a date."""
    m = _PAGED_HEADER_RE.match(text)
    if m:
        title = re.sub(
            r"(?:^|\s)(?:side\s+)?(?:[-–]\s?)?\d{1,3}(?:\s?[-–])?\s*$|^\s*(?:side\s+)?\d{1,3}\s",
            " ",
            text,
            flags=re.I,
        )
        return len(text) < 120 and not re.search(r"\d", _YEAR_ONLY_RE.sub("", title))
    return len(text) < 120 and bool(_GAPPED_TITLE_RE.match(text)) and not _NUMBER_CELL_RE.search(text)


def lift_framed_boxes(lines: list[RawLine]) -> list[RawLine]:
    """A box drawn with frame characters (┌──┐ / │ text │ / └──┘), as a sidebar comes out of a two-column
    page, is read as its own paragraphs after the sentence it interrupts: its lines keep their numbers,
    the frame goes, and the interrupted sentence reads on."""
    out: list[RawLine] = []
    waiting: list[RawLine] = []  # a lifted box, placed at the next paragraph break after a sentence end
    i = 0
    while i < len(lines):
        inner = _framed_box(lines, i)
        if inner is not None:
            top, bottom = lines[i], lines[i + len(inner) + 1]
            waiting += [RawLine(top.number, "", top.page, hint="break"), *inner]
            waiting.append(RawLine(bottom.number, "", bottom.page, hint="break"))
            i += len(inner) + 2
            continue
        ln = lines[i]
        out.append(ln)
        if waiting and not ln.text.strip() and _sentence_ended(out):
            out += waiting
            waiting = []
        i += 1
    return out + waiting


def _framed_box(lines: list[RawLine], i: int) -> list[RawLine] | None:
    """The inner lines of a framed box whose top edge is line i, or None."""
    if not _FRAME_TOP_RE.match(lines[i].text):
        return None
    inner: list[RawLine] = []
    for ln in lines[i + 1 :]:
        if _FRAME_BOTTOM_RE.match(ln.text):
            return inner
        side = _FRAME_SIDE_RE.match(ln.text)
        if side is None:
            return None
        inner.append(RawLine(ln.number, side.group("text"), ln.page, ln.page_start))
    return None


def _sentence_ended(out: list[RawLine]) -> bool:
    last = next((ln.text.strip() for ln in reversed(out) if ln.text.strip()), "")
    return not last or last.endswith(tuple(TERMINAL))


def _digits_masked(text: str) -> str:
    """The line with its numbers and the width of its gaps masked: a running header on every page."""
    return re.sub(r"\s{2,}", "  ", re.sub(r"\d+", "#", text))


def _in_number_list(stripped: list[str], i: int) -> bool:
    """A bare number inside a table column (neighbours are numbers too) is data, not a page number."""
    neighbours = [s for s in stripped[max(0, i - 3) : i] + stripped[i + 1 : i + 4] if s]
    return sum(1 for s in neighbours if re.fullmatch(NUMBER, s)) >= 2


def join_lines(prev: str, nxt: str, hyphenated_forms: set[str]) -> tuple[str, str]:
    """Join two lines of one paragraph; returns (joined text, separator used)."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if p.endswith("-") and len(p) >= 2 and p[-2].isalnum():
        fragment = re.split(r"[\s(/\"”]", p[:-1])[-1]
        first = re.split(r"[\s,.;:)]", n, maxsplit=1)[0]
        if first.lower() in _SUSPENSION_WORDS:
            return p + " " + n, " "
        keep = (
            any(ch.isdigit() for ch in fragment)
            or sum(1 for ch in fragment if ch.isupper()) >= 2
            or fragment.lower() in _KEEP_HYPHEN
            or (first[:1].isdigit())
            or (first[:1].isupper() and fragment[:1].isupper())
            or f"{fragment}-{first}".lower() in hyphenated_forms
        )
        if keep:
            return p + n, ""
        return p[:-1] + n, ""
    return p + " " + n, " "


_COMPOUND_RE = re.compile(r"(?<!\w)(\w+)-(\w+)")


def hyphenated_forms(lines: Iterable[str]) -> set[str]:
    """Hyphenated compounds written mid-line elsewhere in the document (evidence for keeping a hyphen)."""
    forms: set[str] = set()
    for text in lines:
        if "-" not in text:
            continue
        for m in _COMPOUND_RE.finditer(text):
            if m.end() < len(text.rstrip()):
                forms.add(m.group(0).lower())
    return forms


def flowing_blocks(
    lines: list[RawLine], pages_known: bool, breaks_known: bool = False, headings_known: bool = False
) -> list[Block]:
    """Build blocks from the lines of a PDF-like text (see module docstring).

    A reader that saw the layout may know more: `breaks_known`, every paragraph break is marked (hint
    "break"), so a short line or a page end does not end a paragraph by itself; `headings_known`,
    headings are marked (hint "heading"), so a short line before a capital is not taken for one.
    """
    lines = split_side_by_side(drop_page_furniture(lines, pages_known))
    lines = lift_framed_boxes(pair_cell_lines(pair_column_table(lines)))
    texts = [ln.text for ln in lines if ln.text.strip()]
    lengths = sorted(len(t.rstrip()) for t in texts) or [80]
    typical = lengths[int(len(lengths) * 0.8)]
    short = max(30, int(typical * 0.75))
    forms = hyphenated_forms(ln.text for ln in lines)
    st = _State()
    soft_break = False  # an empty line: a paragraph break only where a sentence ended before it
    for idx, ln in enumerate(lines):
        raw = ln.text
        if ln.hint == "break":
            st.close()
            continue
        if ln.cells is not None:  # a reader that sees columns gives a table's rows and header row
            st.emit("heading" if ln.hint == "heading" else "table_row", ln, raw.strip(), cells=ln.cells)
            st.rows_seen += ln.hint != "heading"
            continue
        if not raw.strip():
            if raw == "":
                soft_break = True
            else:  # a line of spaces marks a paragraph break in PDF-extracted text
                st.close()
            continue
        text = raw.strip()
        if soft_break and st.current is not None and st.current.ended_terminal and not text[:1].islower():
            st.close()
        blank_before, soft_break = soft_break, False
        nxt = _next_text(lines, idx)
        if BULLET_RE.match(raw):
            st.open("bullet", ln, BULLET_RE.sub("", raw).strip())
            continue
        typed = _typed_bullet(st, lines, idx, blank_before)
        if typed is not None:
            st.open("bullet", ln, typed)
            continue
        stated = leader_statements(text) if ("...." in text or "…" in text or ". . . ." in text) else None
        if stated is not None:  # a headline list: each line a statement of its own
            for statement in stated:
                st.emit("paragraph", ln, statement)
            continue
        if _is_structural_heading(text, st) or ln.hint == "heading":
            st.emit("heading", ln, text)
            # "Tabel 1" alone or with its caption on the same line ("Tabel 1. Balance for …")
            st.in_table = bool(_TABLE_CAPTION_RE.match(text))
            st.in_list = False
            st.rows_seen = 0
            continue
        if not st.in_table and _value_cells(_aligned_cells(text)) and _value_cells(_aligned_cells(nxt)):
            st.in_table = st.in_list = True  # aligned rows of a label and values, under no caption
            st.rows_seen = 0
        if st.in_table:
            # a cell with plain spaces between its digit groups ("251 934") between aligned columns
            text = _SPACED_CELL_RE.sub(lambda m: m.group(0).replace(" ", "."), text)
            cells = _pipe_cells(text) if _PIPE_ROW_RE.match(text) else _aligned_cells(text)
            stacked = _stacked_header(st, lines, idx) if cells is not None and st.rows_seen == 0 else None
            if stacked is not None:  # the header over two lines: the line above titles its columns
                st.blocks.pop()
                st.emit("heading", ln, text, cells=stacked)
                continue
            if cells is not None and st.rows_seen == 0 and _titles_only(cells):
                st.emit("heading", ln, text, cells=cells)  # the header row: column titles
                continue
            if _RULE_RE.match(text):
                continue  # a dashed rule between the table's parts (expenditure, income) goes on with it
            if _amount_cells(cells) or _value_cells(cells):
                assert cells is not None
                st.emit_row(ln, text, cells)  # a row with value columns, or a value with its unit
                continue
            if st.in_list:
                st.in_table = st.in_list = False  # the list of rows ended: the line is text
        if st.in_table:
            row = TABLE_ROW_RE.match(text)
            # "Budget 2030" on a line of its own is a column title, not a row of the amount 2030
            year_only = row is not None and _YEAR_ONLY_RE.fullmatch(row.group("value"))
            if row and len(text) < 90 and not _CAPTION_RE.search(text) and not year_only:
                st.emit_row(ln, text, [row.group("label").strip(), row.group("value")])
                continue
            if st.rows_seen and len(text) < 60 and not re.search(r"\d", text) and _label_goes_on(nxt):
                st.label_start = (ln, text)
                continue
            if (
                st.current is None
                and st.blocks
                and st.blocks[-1].kind == "table_row"
                and st.blocks[-1].cells
                and text[:1].islower()
                and len(text) < 60
                and not re.search(r"\d", text)
            ):
                st.continue_label(ln, text)
                continue
            if st.rows_seen == 0 and len(text) < 60 and not text.endswith(tuple(TERMINAL)):
                st.emit("heading", ln, text)  # caption and unit line of the table
                continue
            if st.rows_seen and not _rows_follow(lines, idx):
                st.in_table = False
        cur = st.current
        if not headings_known and (_is_subheading(text, nxt, cur) or _is_subchapter(text, cur)):
            st.emit("heading", ln, text)
            continue
        if breaks_known:
            new_block = cur is None or cur.kind in ("heading", "table_row")
        else:
            new_block = cur is None or _starts_new_paragraph(cur, ln, text, short)
        if cur is not None and not new_block:
            joined, _ = join_lines(cur.text, text, forms)
            offset = len(joined) - len(text)
            cur.text = joined
            cur.offsets.append((offset, ln.number))
            cur.last_line_len = len(raw.rstrip())
            cur.ended_terminal = text.endswith(tuple(TERMINAL))
            continue
        st.open("paragraph", ln, text)
    st.close()
    return st.blocks


#: how many lines an item may wrap over before the next item shows that a list has begun
_ITEM_LINES = 4


def _typed_bullet(st: _State, lines: list[RawLine], idx: int, blank_before: bool) -> str | None:
    """The text of a list item whose marker is typed ("- 75 pct. i 2050", "– en lånepulje …", "1) …"), or
    None. Such a marker also starts a wrapped line of prose (a dash) or a table row ("- heraf betinget
    bloktilskud"), so it marks an item only outside a table and where a list stands: after a lead ending
    in ":", after another item, or at a paragraph's start when another item follows within a few lines."""
    raw = lines[idx].text
    m = _TYPED_BULLET_RE.match(raw)
    if m is None or st.in_table:
        return None
    cur = st.current
    listed = cur is not None and (cur.kind == "bullet" or cur.text.rstrip().endswith(":"))
    starts = cur is None or cur.kind == "heading" or (blank_before and cur.ended_terminal)
    if listed or (starts and _item_follows(lines, idx)):
        return raw[m.end() :].strip()
    return None


def _item_follows(lines: list[RawLine], idx: int) -> bool:
    """Does another typed item start within the next few lines of the same paragraph?"""
    for ln in lines[idx + 1 : idx + 1 + _ITEM_LINES]:
        if not ln.text.strip():
            return False
        if _TYPED_BULLET_RE.match(ln.text):
            return True
    return False


def _aligned_cells(text: str) -> list[str] | None:
    """The cells of a line laid out in aligned columns ("Overførsler      65.900     64.800"), or None.

    A row's label is a few words, a column after it holds an amount or a short title ("Budget 2023
    (2024-pl)"); a longer run of words before or after a tab or a wide gap is prose that extraction
    spaced out, not a column.
    """
    cells = [c.strip() for c in _ALIGNED_RE.split(text) if c.strip()]
    words = [len(c.split()) for c in cells]
    if words and (words[0] > _MAX_LABEL_WORDS or any(n > _MAX_TITLE_WORDS for n in words[1:])):
        return None
    return cells if len(cells) >= 2 and not cells[0][:1].isdigit() else None


def _pipe_cells(text: str) -> list[str] | None:
    """The cells of a row drawn with pipes; an empty corner cell over the labels is kept (the header's
    titles then stand over the value columns)."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    return cells if len(cells) >= 2 and any(cells[1:]) and not cells[0][:1].isdigit() else None


def _value_cells(cells: list[str] | None) -> bool:
    """A label and values, each an amount with its unit or bare ("Anlæg    2,3 pct."), none a year alone."""
    values = (cells or [])[1:]
    return (
        bool(values)
        and not any(ch.isdigit() for ch in (cells or [""])[0][:1])
        and all(VALUE_CELL_RE.match(c) and not _YEAR_ONLY_RE.fullmatch(c) for c in values)
    )


def _amount_cells(cells: list[str] | None) -> bool:
    """A row with a label and two value columns or more, each an amount or empty ("-")."""
    return (
        cells is not None
        and len(cells) >= 3
        and all(_SIGNED_NUMBER_RE.fullmatch(c) is not None or c in _EMPTY_CELL for c in cells[1:])
        and any(_SIGNED_NUMBER_RE.fullmatch(c) for c in cells[1:])
    )


_ALIGNED_CELL_RE = re.compile(r"\S+(?: \S+)*")


def _stacked_header(st: _State, lines: list[RawLine], idx: int) -> list[str] | None:
    """A table's header over two lines of aligned text ("Aftale 2030" over "(2031-pl)", beside "Aftale
    2031"): the line above, just read as the table's caption or unit line, holds only column titles that
    stand over the value columns of this line; each is put before the title of the column it stands over
    (by character position). None when the line above is no such title line."""
    above = next((ln for ln in reversed(lines[:idx]) if ln.text.strip()), None)
    last = st.blocks[-1] if st.blocks else None
    if (
        above is None
        or last is None
        or last.kind != "heading"
        or last.cells
        or last.line_start != above.number
    ):
        return None
    upper = [
        (m.start(), m.end(), m.group(0)) for m in _ALIGNED_CELL_RE.finditer(above.text.replace("\t", "  "))
    ]
    lower = [
        (m.start(), m.end(), m.group(0))
        for m in _ALIGNED_CELL_RE.finditer(lines[idx].text.replace("\t", "  "))
    ]
    splits = [c.strip() for c in _ALIGNED_RE.split(lines[idx].text) if c.strip()]
    if len(lower) < 3 or len(lower) != len(splits) or not upper or upper[0][0] < lower[0][1]:
        return None  # the line above reaches into the label column: a caption, not column titles
    if not all(_titles_only(["", t]) and not _TABLE_CAPTION_RE.match(t) for *_, t in upper):
        return None
    titles = [[t] for *_, t in lower]
    for start, end, text in upper:
        overlap = [min(end, e) - max(start, s) for s, e, _ in lower]
        best = max(range(1, len(lower)), key=lambda k: overlap[k])
        if overlap[best] <= 0:
            return None  # a title over no column
        titles[best].insert(len(titles[best]) - 1, text)
    return [" ".join(t) for t in titles]


def _titles_only(cells: list[str]) -> bool:
    """A header row: every cell after the label is a column title ("Aftale 2016", "Budget 2015"), with
    no number in it but a year; or a bare year ("2030 (2031-pl)", "2031")."""
    return all(
        (c[:1].isalpha() or _YEAR_ONLY_RE.match(c))
        and not any(ch.isdigit() for ch in _YEAR_ONLY_RE.sub("", c))
        for c in cells[1:]
    )


def _label_goes_on(nxt: str) -> bool:
    """The next line ends a wrapped row label: it goes on in lower case or with a qualifier in
    parentheses ("(dagpenge og aktivering)") and ends in an amount."""
    return (nxt[:1].islower() or nxt[:1] == "(") and re.search(rf"(?:{NUMBER})\s*$", nxt) is not None


def _next_text(lines: list[RawLine], idx: int) -> str:
    for ln in lines[idx + 1 : idx + 6]:
        if ln.text.strip():
            return ln.text.strip()
    return ""


def _rows_follow(lines: list[RawLine], idx: int) -> bool:
    """Does a table row follow within the next lines (a table interrupted by an unrelated paragraph)?"""
    seen = 0
    for ln in lines[idx + 1 :]:
        s = ln.text.strip()
        if not s:
            continue
        seen += 1
        if seen > 40 or CHAPTER_RE.match(s) or PART_RE.match(s):
            return False
        if (TABLE_ROW_RE.match(s) and len(s) < 60) or _amount_cells(_aligned_cells(s)):
            return True
    return False


def _is_structural_heading(text: str, st: _State) -> bool:
    m = CHAPTER_RE.match(text)
    if m and not text.endswith((".", ",")) and len(text) < 90:
        number = int(m.group("number"))
        if number == st.chapter_no + 1 or (number == 1 and st.chapter_no == 0):
            st.chapter_no = number
            return True
        return False
    if PART_RE.match(text):
        return True
    cur = st.current
    # the paragraph before stops at a word a sentence cannot end with ("… i overensstemmelse med")
    resumed = (
        cur is not None
        and cur.kind == "paragraph"
        and not cur.ended_terminal
        and _stops_mid_sentence(cur.text)
    )
    if (
        _TABLE_CAPTION_RE.match(text)
        and len(text) < 90
        and not text.endswith((".", ",", ";"))
        and not resumed
    ):
        # "Tabel 1. Balance for kommunerne i 2031": a caption, not a sentence, and not a sentence's
        # reference wrapped to the start of a line ("… i overensstemmelse med" / "Tabel 1. Heri indgår …")
        return True
    return bool(BILAG_RE.match(text) and len(text) < 90)


def _is_subchapter(text: str, cur: _Builder | None) -> bool:
    """ "2.1 Serviceudgifterne" on a line of its own, after a finished sentence or a heading."""
    if not _SUBCHAPTER_RE.match(text) or text.endswith((".", ",", ";", ":", "-")):
        return False
    return cur is None or cur.kind == "heading" or cur.ended_terminal


def _stops_mid_sentence(text: str) -> bool:
    """The line ends with a word a sentence or heading cannot end with ("… i overensstemmelse med")."""
    words = text.split()
    return bool(words) and words[-1].lower() in _NO_HEADING_END


def _is_subheading(text: str, nxt: str, cur: _Builder | None) -> bool:
    if len(text) > 90 or not text[:1].isupper() or text.endswith((".", ":", "!", "?", ";", ",", "-")):
        return False
    if _stops_mid_sentence(text):
        return False  # "… fastsættes i overensstemmelse med": a sentence wrapped, not a heading
    if cur is not None and cur.kind != "heading" and not cur.ended_terminal:
        return False
    return bool(nxt) and (nxt[:1].isupper() or BULLET_RE.match(nxt) is not None)


def _starts_new_paragraph(cur: _Builder, ln: RawLine, text: str, short: int) -> bool:
    if cur.kind in ("heading", "table_row"):
        return True
    if cur.kind == "bullet":
        # an item wrapped after its lead-in's colon, or after an abbreviation ("inkl.") before a
        # lower-case word, goes on
        if cur.text.endswith(":") or (text[:1].islower() and not _ends_sentence(cur.text)):
            return False
        return cur.ended_terminal or (text[:1].isupper() and not cur.text.endswith(("-", ",")))
    if text[:1].islower():
        return _ends_sentence(cur.text)  # a sentence resumed after an interruption
    return cur.ended_terminal and (cur.last_line_len < short or ln.page_start)


def _ends_sentence(text: str) -> bool:
    """Ends with a full stop that is not an abbreviation's ("mv.", "bl.a.") or a number's."""
    if not text.rstrip().endswith("."):
        return False
    last = text.rstrip()[:-1].rsplit(None, 1)[-1].lower().lstrip("(“”\"'")
    # a unit glued to its scale ("mia.kr.") ends as its last part does
    glued = last.rsplit(".", 1)[-1]
    return last not in ABBREVIATIONS and glued not in ABBREVIATIONS and not last[-1:].isdigit()
