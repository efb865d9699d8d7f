"""Tabel 1, "Balance for kommunerne": rows as printed (incomes negative), converted to mio. kr.

The table is read as a stream of labels and numbers over the blocks that follow its caption, whatever
the layout: one row per line, label and amount on separate lines (PDF text layers), tab, pipe and HTML
tables (cells), rows in any order, extra or missing rows, a page break with a repeated header inside the
table, an interrupting paragraph (prose is skipped). With more than one numeric column the agreement's
column is taken by its header ("Aftale 2025", not "Budget 2024" nor "Ændring ift. 2026"). A row whose
numbers do not fit the columns ("Overførsler 7 3.807") is a warning naming the row and its line, never a
silent gap. Row labels with typos ("Aktivtetsbaseret medfinansiering") are matched to the nearest known
label and reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from kommuneokonomi.extraction.numbers import NUMBER, PRICE_LEVEL_WORDS, parse_number, precision_of, to_mio
from kommuneokonomi.models import Block, Document, Figure, Issue, as_decimal

#: printed labels (lower case) by row key; the first is the canonical spelling
ROW_LABELS: dict[str, tuple[str, ...]] = {
    "serviceudgifter": (
        "serviceudgifter, netto",
        "serviceudgifter",
        "serviceudgifter (netto)",
        # the net operating expenditure on service, named by its kind first
        "nettodriftsudgifter, service",
        "nettodriftsudgifter til service",
        # the area named without "udgifter", as "anlæg, brutto" names bruttoanlæg
        "service, netto",
        "service (netto)",
        "service",
    ),
    "aktivitetsbestemt_medfinansiering": (
        "aktivitetsbestemt medfinansiering",
        "aktivitetsbaseret medfinansiering",
        "kommunal medfinansiering",
        # the full name, as a row label that runs over two lines gives it
        "aktivitetsbestemt medfinansiering af sundhedsvæsenet",
        "kommunal medfinansiering af sundhedsvæsenet",
        "medfinansiering af sundhedsvæsenet",
    ),
    "overfoersler": ("overførsler", "indkomstoverførsler", "overførselsudgifter"),
    "forsikrede_ledige": (
        "udgifter til forsikrede ledige mv.",
        "forsikrede ledige",
        "forsikrede ledige mv.",
        "udgifter til forsikrede ledige",
    ),
    "bruttoanlaeg": (
        "bruttoanlæg (ekskl. ældreboliger)",
        "bruttoanlæg",
        "bruttoanlæg ekskl. ældreboliger",
        "anlæg, brutto",
        "bruttoanlægsudgifter",
        "anlægsudgifter, brutto",
    ),
    "oevrige_udgifter": ("øvrige udgifter", "andre udgifter"),
    "udgifter_i_alt": ("udgifter i alt", "udgifter, i alt", "samlede udgifter"),
    "skatteindtaegter": (
        "skatteindtægter",
        "skatter",
        "skat",
        "kommuneskat",
        "kommuneskatter",
        "kommunale skatter",
        # the two municipal taxes by name
        "indkomst- og ejendomsskat",
        "kommunal indkomst- og ejendomsskat",
        "indkomst- og ejendomsskatter",
    ),
    "bloktilskud": ("bloktilskud mv.", "bloktilskud", "bloktilskud m.v."),
    "heraf_betinget_bloktilskud": ("heraf betinget bloktilskud", "heraf betinget", "betinget bloktilskud"),
    "beskaeftigelsestilskud": (
        "beskæftigelsestilskud",
        "tilskud vedr. beskæftigelse",
        "tilskud vedrørende beskæftigelse",
        "tilskud til beskæftigelse",
    ),
    "oevrige_indtaegter": ("øvrige indtægter", "andre indtægter"),
    # the incomes finance the expenditure: a table that puts them first may total them as its financing
    "indtaegter_i_alt": (
        "indtægter i alt",
        "indtægter, i alt",
        "samlede indtægter",
        "finansiering i alt",
        "finansiering, i alt",
    ),
}
EXPENDITURE_ROWS = (
    "serviceudgifter",
    "aktivitetsbestemt_medfinansiering",
    "overfoersler",
    "forsikrede_ledige",
    "bruttoanlaeg",
    "oevrige_udgifter",
)
INCOME_ROWS = ("skatteindtaegter", "bloktilskud", "beskaeftigelsestilskud", "oevrige_indtaegter")
TOTALS = {"udgifter_i_alt": EXPENDITURE_ROWS, "indtaegter_i_alt": INCOME_ROWS}
_MATCH_CUTOFF = 0.8
#: a word that starts with a label's word and goes on by this many letters is a compound, not a typo
_COMPOUND_CHARS = 4
#: how many blocks after the caption the table may extend over (interruptions included)
_MAX_BLOCKS = 60
#: a run of this many words without a number is prose (an interrupting paragraph), not a table label
_PROSE_WORDS = 9
_MAX_LABEL_WORDS = 7
_CAPTION_CHARS = 120
#: blocks between two rows of the table at most (an interrupting paragraph, a page break)
_MAX_GAP = 8

_CAPTION_RE = re.compile(r"\bTabel\s+\d+\b", re.IGNORECASE)
#: "Tabel 1 (fortsat)", "Tabel 1. (fortsat)", "Tabel 1, fortsat", "Tabel 1 (fortsættelse)": the same table
#: resumed after a page break, not a new one
_CONTINUED_RE = re.compile(r"\bTabel\s+\d+\.?\s*[,(–-]?\s*(?:fortsat|fortsættelse|forts\.)", re.IGNORECASE)
#: a balance table's caption: "balance", "økonomi", or its two sides in either order ("udgifter og
#: indtægter", "finansiering og udgifter")
_BALANCE_RE = re.compile(
    r"balance|økonomi|(?:udgifter|indtægter|finansiering)(?:en)?\s+og\s+(?:udgifter|indtægter|finansiering)",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"\b(?:pct|procent)\b|%", re.IGNORECASE)
_UNIT_RE = re.compile(r"\b(?P<unit>mio|mia)\.?\s*kr\.?", re.IGNORECASE)
_PL_RE = re.compile(rf"(?P<pl>(?:19|20)\d{{2}})\s*-\s*{PRICE_LEVEL_WORDS}", re.IGNORECASE)
#: a year as a price level: "2031-pl", "2062-priser", "2061-pris- og lønniveau"
_PRICE_LEVEL = rf"(?:19|20)\d{{2}}\s*-\s*{PRICE_LEVEL_WORDS}"
#: a column's price level, after its title or on a line of its own under it: in parentheses ("(2031-pl)",
#: "(i 2062-priser)", "(2061-niveau)") or after "i" ("Aftale 2071 i 2072-PL"); it names no year of the column
_COLUMN_PL = rf"\(\s*(?:i\s+)?{_PRICE_LEVEL}\s*\)|\bi\s+{_PRICE_LEVEL}"
#: a cell's number; a "+" marks a change column's cell ("+15,1"): read as a number of its row, it is not
#: an amount of the balance (`_cell_number` refuses it)
_CHANGE = r"\+\s?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
#: an amount in parentheses is negative (the accountants' way to print an income: "(612,1)"); in running
#: text only with decimals or thousands, so that a note mark "(2)" is no amount
_PARENTHESES = r"\(\s?(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)\s?\)"
_NUMBER_RE = re.compile(rf"(?<![\w,.])(?:{_PARENTHESES}|{_CHANGE}|{NUMBER})(?![\w]|,\d)")
_IN_PARENTHESES_RE = re.compile(r"\(\s?([^-−–()\s][^()]*?)\s?\)")
_YEAR_ONLY_RE = re.compile(r"^(?:19|20)\d{2}$")
#: a column that is not the agreement's figure
_NOT_AGREEMENT_RE = re.compile(r"ændring|forskel|ift\.|i forhold til|difference", re.IGNORECASE)
#: column titles of the header: "Aftale", "Budget 2024", "Aftale 2025", "Ændring ift. 2026", "2025"
_COLUMN_RE = re.compile(
    r"(?:(?:Aftale|Aftalt|Budget|Regnskab|Skøn|Forventet|Vedtaget|Ændring|Forskel|Prognose|Korrigeret|B|R)\b\.?"
    # "Ændring ift. 2077", "Ændring ift. aftale 2077", "Forskel i forhold til budgettet 2077": one column
    r"(?:\s+(?:ift\.|i forhold til|fra)(?:\s+(?:aftalen?|budget(?:tet)?))?)?"
    r"(?:\s+(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?)?|(?:19|20)\d{2}\b)"
    # "Aftale 2030 (2031-pl)", "(2031-PL)", "i 2031-PL": the column's price level
    rf"(?:\s*(?i:{_COLUMN_PL}))?"
)
_COLUMN_PL_RE = re.compile(_COLUMN_PL, re.IGNORECASE)
_HEADER_RE = re.compile(
    rf"\b(?:mio|mia)\.?\s*kr\.?,?\s*(?:\(?\s*(?:i\s+)?{_PRICE_LEVEL}\s*\)?)?"
    r"(?P<cols>(?:[\s|,]*" + _COLUMN_RE.pattern + r")*)",
    re.IGNORECASE,
)
_COLUMNS_ONLY_RE = re.compile(r"^(?:[\s|,]*" + _COLUMN_RE.pattern + r")+\s*$")
_PROSE_RE = re.compile(rf"(?:[^\W\d_]+[\s,.;:()]+){{{_PROSE_WORDS},}}")
#: a heading that ends the table: a chapter or section ("2.5 Finansiering"), a box, an annex
_STRUCTURAL_RE = re.compile(r"^(?:\d{1,2}\.(?:\d{1,2}\.?)?\s|Boks\s+\d|Bilag\s+\d)")
_FURNITURE_RE = re.compile(
    r"^(?:side|s\.|af|aftale om kommunernes økonomi(?: for)?|.*\b(?:for|i|fra|til))$", re.IGNORECASE
)


@dataclass
class BalanceTable:
    figures: dict[str, Figure]
    issues: list[Issue]


@dataclass
class _Piece:
    """A label with the numbers that follow it, and where each stands."""

    label: str
    block: Block
    start: int
    numbers: list[tuple[str, Block, int, int]] = field(default_factory=list)


#: a word hyphenated where a label wrapped in its cell ("medfinan-" / "siering"), not a suspended compound
#: ("indkomst- og ejendomsskat")
_WRAPPED_WORD_RE = re.compile(r"(?<=[a-zæøå])-\s+(?!(?:og|eller|samt|til|som)\b)(?=[a-zæøå])")


def _clean(label: str) -> str:
    label = re.sub(r"<[^>]*>|\*+", " ", label)  # markup left in the text (a markdown file as PDF)
    label = re.sub(r"^[-–•:\s]+|[\s:]+$", "", label)
    return _WRAPPED_WORD_RE.sub("", re.sub(r"\s+", " ", label).strip().lower())


#: a qualifier after a row's name: "inkl. balancetilskud", "ekskl. ældreboliger", who pays it ("fra staten")
_QUALIFIER_RE = re.compile(r"\s+(?:inkl|ekskl|inklusive|eksklusive|fra)\b\.?\s.*$")


@cache
def label_key(label: str) -> tuple[str | None, bool]:
    """(row key, exact?) for a printed label; a qualifier in parentheses the known labels do not have
    ("Forsikrede ledige (dagpenge og aktivering)") does not change the row."""
    clean = _clean(label)
    bare = re.sub(r"\s*\([^)]*\)", "", clean).strip()
    bare = _QUALIFIER_RE.sub("", bare)  # "Bloktilskud inkl. balancetilskud": the block grant row
    # a description with the row's usual name in parentheses ("Tilskud til … (beskæftigelsestilskud)")
    named = re.fullmatch(r"[^()]+\(([^()]+)\)", clean)
    # a post under its area ("Sundhed, aktivitetsbestemt medfinansiering")
    area = re.fullmatch(r"[^\W\d_]+, (.+)", bare)
    for key, labels in ROW_LABELS.items():
        if clean in labels or bare in labels or (named and named.group(1).strip() in labels):
            return key, True
        if area and area.group(1) in labels:
            return key, True
    if bare.startswith(("heraf betinget", "heraf tilbageholdt")):  # "heraf betinget af budgetoverholdelse"
        return "heraf_betinget_bloktilskud", True
    candidates = {alias: key for key, labels in ROW_LABELS.items() for alias in labels}
    for form in (clean, bare):  # a typo in the label, or in the label without its qualifier
        best = difflib.get_close_matches(form, list(candidates), n=1, cutoff=_MATCH_CUTOFF)
        if best and _same_head(form, best[0]):
            return candidates[best[0]], False
    return None, False


#: an amount at the end of a label cell ("Tilskud vedrørende … -23.480")
_GLUED_RE = re.compile(rf"\s({NUMBER})$")
#: a row named only as the rest of its side
_OTHERS = ("øvrige", "øvrige poster", "andre", "andet")


def _side(key: str | None) -> str | None:
    """The side of the balance a row stands on: "udgifter" or "indtaegter" (None for no row)."""
    if key in (*EXPENDITURE_ROWS, "udgifter_i_alt"):
        return "udgifter"
    if key in (*INCOME_ROWS, "indtaegter_i_alt", "heraf_betinget_bloktilskud"):
        return "indtaegter"
    return None


def _same_head(form: str, label: str) -> bool:
    """A misspelling keeps the label's first word recognisable: not another word ("andre udgifter" is not
    "udgifter i alt"), nor a Danish compound of it ("finansieringstilskud i alt" is another noun than
    "finansiering i alt")."""
    word, head = form.split()[0], label.split()[0]
    rest = word[len(head) :] if word.startswith(head) else ""
    if len(rest) >= _COMPOUND_CHARS and rest.isalpha():  # a note mark ("…tilskud[^1]") is no word
        return False
    return word.startswith(head) or difflib.SequenceMatcher(None, word, head).ratio() >= _MATCH_CUTOFF


def _captions(blocks: list[Block]) -> list[int]:
    """Where the municipalities' balance table may start: "Tabel N" with "Balance …"/"… økonomi …" (same
    or next blocks) or, under any other title ("Kommunernes budgetforudsætninger"), with rows of the
    balance right after it; or "Balance for kommunerne …"."""
    out = []
    for i, b in enumerate(blocks):
        head = re.sub(r"^[\W_]+", "", b.text[:_CAPTION_CHARS])  # the caption may open a longer block
        if "region" in head.lower() or _CONTINUED_RE.match(head):
            continue
        near = " ".join(x.text[:_CAPTION_CHARS] for x in blocks[i : i + 3])
        captioned = (
            _CAPTION_RE.match(head)
            and (_BALANCE_RE.search(near) or _rows_follow(blocks, i))
            and "region" not in near.lower()
        )
        if captioned or re.match(r"^balance for kommunerne", head, re.IGNORECASE):
            out.append(i)
    return out


#: a caption with no word of the balance starts it when rows of this many of its posts follow within
#: _CAPTION_ROWS_AHEAD blocks (a table of PL rates names service and anlæg, not three posts)
_CAPTION_POSTS = 3
_CAPTION_ROWS_AHEAD = 12


def _rows_follow(blocks: list[Block], i: int) -> bool:
    keys = {_row_key(x) for x in blocks[i + 1 : i + 1 + _CAPTION_ROWS_AHEAD]}
    return len(keys - {None}) >= _CAPTION_POSTS


#: without a caption, a serviceudgifter row starts the table when this many other rows of the balance
#: follow it within _ROWS_AHEAD blocks ("PL, serviceudgifter 2,6 pct." in a list of key figures does not)
_OTHER_ROWS = 2
_ROWS_AHEAD = 4


def _row_key(b: Block) -> str | None:
    label = b.cells[0] if b.cells else b.text
    return label_key(re.split(rf"\s(?={NUMBER})", label)[0])[0] if len(label) < 60 else None


def _first_row(blocks: list[Block]) -> int | None:
    """Without a caption (an annex's table under a sub-heading): the block before the first serviceudgifter
    row that other rows of the balance follow, else before the first serviceudgifter row."""
    starts = [i for i, b in enumerate(blocks) if _row_key(b) == "serviceudgifter"]
    for i in starts:
        ahead = {_row_key(x) for x in blocks[i + 1 : i + 1 + _ROWS_AHEAD]} - {None, "serviceudgifter"}
        if len(ahead) >= _OTHER_ROWS:
            return max(0, i - 1)
    return max(0, starts[0] - 1) if starts else None


def choose_column(columns: list[str], year: int) -> int:
    """The agreement's column: "Aftale <år>" first, else the budget year's, else the first not a change."""
    columns = [_COLUMN_PL_RE.sub("", c) for c in columns]
    usable = [i for i, c in enumerate(columns) if not _NOT_AGREEMENT_RE.search(c)]
    test: Callable[[str], object]
    for test in (
        lambda c: "aftale" in c.lower() and (str(year) in c or not re.search(r"\d{4}", c)),
        lambda c: str(year) in c,
        lambda c: "aftale" in c.lower(),
    ):
        hits = [i for i in usable if test(columns[i])]
        if hits:
            return hits[-1]
    return usable[0] if usable else 0


@dataclass
class _Header:
    unit: str | None = None
    price_level: int | None = None
    columns: list[str] | None = None


def _read_header(text: str, cells: list[str] | None, header: _Header) -> None:
    if header.unit is not None:  # the unit on a line of its own above a header row that repeats it
        if header.columns is None and cells:
            header.columns = [c for c in cells[1:] if c] or None
        return
    u = _UNIT_RE.search(text)
    pl = _PL_RE.search(text)
    header.unit = u.group("unit").lower() if u else None
    header.price_level = int(pl.group("pl")) if pl else None
    if cells:
        header.columns = [c for c in cells[1:] if c] or None
    else:
        m = _HEADER_RE.search(text)
        cols = _COLUMN_RE.findall(m.group("cols")) if m else []
        header.columns = [c.strip() for c in cols if c.strip()] or None


def _pieces(blocks: list[Block], header: _Header) -> tuple[list[_Piece], list[Block]]:
    """Labels with their numbers, across blocks; and the prose blocks skipped as interruptions.

    The header ("Mia. kr., 2025-pl Budget 2024 Aftale 2025"), wherever it stands or repeats, and the
    caption's "Tabel N" are blanked before the text is read as labels and numbers.
    """
    pieces: list[_Piece] = []
    skipped: list[Block] = []
    for b in blocks:
        if b.cells:
            if _UNIT_RE.search(b.cells[0]) or _PL_RE.search(b.cells[0]):
                _read_header(b.cells[0], b.cells, header)
                continue
            titles = [c for c in b.cells[1:] if c]
            if _COLUMNS_ONLY_RE.match(b.cells[0]):
                titles = [b.cells[0], *titles]  # the empty corner cell left out by the reader
            if header.columns is None and titles and all(_COLUMNS_ONLY_RE.match(c) for c in titles):
                header.columns = titles  # a header row under a caption that gave the unit ("Post | Aftale …")
                continue
            label, values = b.cells[0], [v for v in b.cells[1:] if v]
            glued = _GLUED_RE.search(label)
            if glued and header.columns and len(values) == len(header.columns) - 1:
                # a long label wrapped in its cell, and the first amount read into it
                label, values = label[: glued.start()], [glued.group(1), *values]
            piece = _Piece(label, b, 0)
            piece.numbers = [(v, b, 0, len(b.text)) for v in values]
            pieces.append(piece)
            continue
        text = b.text.replace("\x00", " ")  # a tab drawn in a PDF comes out as NUL
        rows_begun = any(p.numbers and label_key(p.label)[0] for p in pieces)
        if _COLUMNS_ONLY_RE.match(text) and header.unit is not None and not rows_begun:
            header.columns = (header.columns or []) + [c.strip() for c in _COLUMN_RE.findall(text)]
            continue  # the header's column titles on lines of their own (PDF)
        if _COLUMN_PL_RE.fullmatch(text.strip(" \t|")):
            continue  # a column's price level on the line under its title ("Aftalt 2060" / "(2061-niveau)")
        if _PROSE_RE.search(text) and not _HEADER_RE.search(text):
            skipped.append(b)
            continue
        for m in _HEADER_RE.finditer(text):
            _read_header(m.group(0), None, header)
        text = _HEADER_RE.sub(lambda m: " " * len(m.group(0)), text)
        text = _CONTINUED_RE.sub(lambda m: " " * len(m.group(0)), text)
        text = _CAPTION_RE.sub(lambda m: " " * len(m.group(0)), text)
        pos = 0
        for m in _NUMBER_RE.finditer(text):
            gap = text[pos : m.start()]
            if gap.strip(" \t|–-"):
                pieces.append(_Piece(gap, b, pos + len(gap) - len(gap.lstrip())))
            elif not pieces:
                pieces.append(_Piece("", b, pos))
            pieces[-1].numbers.append((m.group(0), b, m.start(), m.end()))
            pos = m.end()
        tail = text[pos:]
        if tail.strip(" \t|–-"):
            pieces.append(_Piece(tail, b, pos + len(tail) - len(tail.lstrip())))
    return pieces, skipped


#: a header row naming at least this many balance posts is a transposed table (posts as columns)
_TRANSPOSED_POSTS = 3


def _transposed(region: list[Block]) -> list[Block]:
    """A table turned on its side (the posts as columns, one row per column of the usual table:
    "Ændring", "Aftale 2032", "Aftale 2033") turned back: one row per post, the former row titles as the
    column titles, so that it is read as any other Tabel 1. Each row block then spans the header and the
    rows it was read from."""
    for i, b in enumerate(region):
        if not b.cells or len(b.cells) < _TRANSPOSED_POSTS:
            continue
        # the corner cell may be empty and left out by the reader ("| | Serviceudgifter | …")
        posts = b.cells if label_key(b.cells[0])[0] else b.cells[1:]
        if sum(1 for c in posts if label_key(c)[0]) < _TRANSPOSED_POSTS:
            continue
        rows: list[list[str]] = []
        for r in region[i + 1 :]:
            if not r.cells or len(r.cells) != len(posts) + 1 or label_key(r.cells[0])[0]:
                break
            if not all(_NUMBER_RE.fullmatch(c.strip()) for c in r.cells[1:] if c.strip()):
                break
            rows.append(r.cells)
            last_line = r.line_end
        if not rows:
            continue
        lines = [(0, b.line_start), (1, last_line)]
        corner_title = "" if posts is b.cells else b.cells[0]
        corner = b.model_copy(update={"cells": [corner_title, *(r[0] for r in rows)]})
        turned = []
        for j, post in enumerate(posts, start=1):
            cells = [post, *(r[j] for r in rows)]
            turned.append(b.model_copy(update={"cells": cells, "text": " | ".join(cells), "offsets": lines}))
        return [*region[:i], corner, *turned, *region[i + 1 + len(rows) :]]
    return region


def _table_end(region: list[Block], pieces: list[_Piece]) -> int:
    """The last block of the table: rows (known labels) follow each other with at most _MAX_GAP blocks
    between them (an interrupting paragraph, a page break); a block of only numbers after the last
    label belongs to it (label and amount on separate lines)."""
    position = {id(b): k for k, b in enumerate(region)}
    labelled = sorted({position[id(p.block)] for p in pieces if label_key(p.label)[0]})
    if not labelled:
        return len(region) - 1
    # a block of bare numbers is the table's (cells a reader set apart from their rows), no interruption
    bare = {k for k, b in enumerate(region) if not b.cells and not _NUMBER_RE.sub("", b.text).strip(" \t|")}
    end = labelled[0]
    for k in labelled[1:]:
        if sum(1 for n in range(end + 1, k) if n not in bare) >= _MAX_GAP:
            break
        end = k
    last = [p for p in pieces if position[id(p.block)] == end]
    if last and not last[-1].numbers and end + 1 < len(region):
        end += 1
    return end


def find_balance_table(doc: Document, year: int | None = None) -> BalanceTable | None:
    """The first caption whose blocks hold balance rows (another "Tabel 1" may come first)."""
    start: int | None
    for start in _captions(doc.blocks):
        table = _read_table(doc.blocks, start, year)
        if table is not None:
            return table
    start = _first_row(doc.blocks)
    return None if start is None else _read_table(doc.blocks, start, year)


def _read_table(blocks: list[Block], start: int, year: int | None) -> BalanceTable | None:
    region: list[Block] = []
    for k, b in enumerate(blocks[start : start + _MAX_BLOCKS]):
        if k and (b.kind == "heading" and _STRUCTURAL_RE.match(b.text)):
            break
        m = _CAPTION_RE.search(b.text)
        if k and m and not b.cells and not _CONTINUED_RE.match(b.text, m.start()):
            if m.start() > 0:
                region.append(b.model_copy(update={"text": b.text[: m.start()]}))
            break
        region.append(b)
    region = _transposed(region)
    header = _Header()
    pieces, skipped = _pieces(region, header)
    end = _table_end(region, pieces)
    position = {id(b): k for k, b in enumerate(region)}
    pieces = [p for p in pieces if position[id(p.block)] <= end]
    skipped = [b for b in skipped if position[id(b)] <= end]
    rows = [
        p
        for p in pieces
        if _clean(p.label)
        and p.numbers
        and not all(_YEAR_ONLY_RE.match(n.strip()) for n, *_ in p.numbers)
        and not _FURNITURE_RE.match(_clean(p.label))
    ]
    known = [n for n, p in enumerate(rows) if label_key(p.label)[0]]
    if not known:
        return None
    first_row = position[id(rows[known[0]].block)]
    if header.unit is None and any(_PERCENT_RE.search(b.text) for b in region[: first_row + 1][-3:-1]):
        return None  # a table in pct. ("Pct. | 2030 | 2031" over "Serviceudgifter | 2,9 | 2,6"): PL rates
    rows = rows[known[0] : known[-1] + 1]  # text before the first and after the last row is not the table
    issues: list[Issue] = []
    columns = header.columns
    n_cols = len(columns) if columns else None
    col = choose_column(columns, year or 0) if columns else 0
    unit = header.unit
    if unit is None:
        unit = _infer_unit(rows)
        issues.append(
            Issue(
                code="tabel_enhed_antaget",
                severity="info",
                source=rows[0].block.source(),
                message=f"Tabel 1 angiver ingen enhed; læst som {unit}. kr. ud fra størrelsen af tallene",
            )
        )
    figures: dict[str, Figure] = {}
    side: str | None = None  # the side of the balance the rows so far stand on
    for p in rows:
        label = p.label.strip()
        key, exact = label_key(label)
        if key is None and _clean(label) in _OTHERS:  # "Øvrige" alone: the other items of its side
            key, exact = (
                ("oevrige_udgifter" if side == "udgifter" else "oevrige_indtaegter") if side else None,
                True,
            )
        side = _side(key) or side
        lo = p.block.lines_of(p.start, p.start + max(1, len(label)))[0]
        if key is None:
            if len(label.split()) <= _MAX_LABEL_WORDS:
                issues.append(
                    Issue(
                        code="tabel_ukendt_raekke",
                        severity="advarsel",
                        source=p.block.source(),
                        message=f"Tabel 1: ukendt række {_clean(label)!r} (linje {lo}) blev ikke læst",
                    )
                )
            continue
        numbers = _row_numbers(p, columns)
        number = _cell_number(numbers[col][0]) if numbers is not None else None
        if number is None:
            printed = " ".join(n for n, *_ in p.numbers)
            issues.append(
                Issue(
                    code="tabel_raekke_ulaeselig",
                    severity="advarsel",
                    source=p.block.source(),
                    message=(
                        f"Tabel 1: rækken {ROW_LABELS[key][0]!r} (linje {lo}) kan ikke læses: {printed!r} "
                        f"passer ikke til {n_cols or 1} talkolonne(r)"
                    ),
                )
            )
            continue
        assert numbers is not None
        value_text, vblock, vs, ve = numbers[col]
        if f"balance.{key}" in figures:
            continue
        if not exact:
            issues.append(
                Issue(
                    code="tabel_etiket_stavefejl",
                    severity="info",
                    source=p.block.source(),
                    message=f"Tabel 1: rækken {_clean(label)!r} læst som {ROW_LABELS[key][0]!r}",
                )
            )
        hi = vblock.lines_of(vs, ve)[1] if p.block.cells is None else p.block.line_end
        figures[f"balance.{key}"] = Figure(
            key=f"balance.{key}",
            value=to_mio(number, unit),
            unit="mio. kr.",
            price_level=header.price_level or year,
            source=p.block.source().model_copy(update={"line_start": min(lo, hi), "line_end": hi}),
            precision=to_mio(precision_of(value_text.strip(" ()")), unit),
        )
    first, last = region[0].line_start, rows[-1].block.line_end  # between the caption and the last row
    inside = [b for b in skipped if first < b.line_start < last]
    if inside:
        issues.append(
            Issue(
                code="tabel_afbrudt",
                severity="info",
                source=inside[0].source(),
                message=f"Tabel 1 er afbrudt af tekst (linje {inside[0].line_start}-"
                f"{inside[-1].line_end}); rækkerne er læst samlet",
            )
        )
    issues.extend(check_totals(figures))
    return BalanceTable(figures=figures, issues=issues)


def _row_numbers(p: _Piece, columns: list[str] | None) -> list[tuple[str, Block, int, int]] | None:
    """The row's numbers, one per column, or None if they do not fit the columns.

    A grid PDF's reader may set a change column's cells apart from their rows, as bare lines after the
    first row: that row's own line still holds one number per column, and the bare lines are not its.
    A row of cells that lacks only columns after the agreement's that are not the agreement's figure
    ("Aftale 2038 | Ændring" with "Overførsler | 133,0") is read for the agreement's column, unless the
    number it has is signed "+" (a change's mark, not an amount of the balance).
    """
    n_cols = len(columns) if columns else 1
    numbers = p.numbers
    if len(numbers) > n_cols:
        own = [n for n in numbers if n[1] is p.block]
        if len(own) == n_cols and own == numbers[:n_cols]:
            return own
    if len(numbers) < n_cols and p.block.cells and columns and numbers:
        col = choose_column(columns, 0)
        missing = columns[len(numbers) :]
        if col < len(numbers) and all(_NOT_AGREEMENT_RE.search(c) for c in missing):
            return None if numbers[col][0].lstrip().startswith("+") else numbers
    return numbers if len(numbers) == n_cols else None


def _cell_number(text: str) -> Decimal | None:
    """A cell's amount; "(612,1)" is -612,1."""
    inside = _IN_PARENTHESES_RE.fullmatch(text.strip())
    try:
        return -parse_number(inside.group(1)) if inside else parse_number(text)
    except ValueError:
        return None


def _infer_unit(rows: list[_Piece]) -> str:
    """No unit printed: serviceudgifter in the hundred thousands are mio. kr., in the hundreds mia. kr."""
    for p in rows:
        if label_key(p.label)[0] == "serviceudgifter" and p.numbers:
            try:
                return "mia" if abs(parse_number(p.numbers[0][0])) < 5000 else "mio"
            except ValueError:
                break
    return "mio"


def check_totals(figures: dict[str, Figure]) -> list[Issue]:
    """Rows against printed totals: off by at most one unit of the last printed digit is rounding."""
    issues = []
    for total_key, parts in TOTALS.items():
        total = figures.get(f"balance.{total_key}")
        present = [figures[f"balance.{p}"] for p in parts if f"balance.{p}" in figures]
        if total is None or not present:
            continue
        computed = sum((as_decimal(f.value) for f in present), Decimal(0))
        diff = computed - as_decimal(total.value)
        unit = total.precision or Decimal(1)
        if diff == 0:
            continue
        rounding = abs(diff) <= unit
        issues.append(
            Issue(
                code="tabel_afrunding" if rounding else "tabel_sum_fejl",
                severity="info" if rounding else "fejl",
                source=total.source,
                message=(
                    f"Tabel 1: rækkerne summerer til {computed} mio. kr., men "
                    f"'{ROW_LABELS[total_key][0]}' er trykt som {total.value} (forskel {diff}"
                    f"{', afrunding' if rounding else ''})"
                ),
            )
        )
    return issues
