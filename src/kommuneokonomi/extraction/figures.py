"""Key figures stated in the agreement text, found by meaning (frames, conditional grant, PL, tax, pools).

Every number with the unit a key expects is a candidate when its sentence holds the key's cues
(`parameters/figure_cues.yaml`). A candidate is bound to the cue words and the year of its own clause
(nearer words weigh more; a word beyond a clause boundary, or beyond another number of the same kind,
weighs less) and scored. The best candidate is taken only when it clearly wins; otherwise the key is null
and its gap is `tvetydig` with the candidates. Every candidate keeps its score and the cues behind it.
A number bound to another year than the one the key concerns is never a candidate.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kommuneokonomi.extraction.balance import label_key
from kommuneokonomi.extraction.cues import UNITS, CueSpec, Term, cue_specs, word_index
from kommuneokonomi.extraction.text import QUANTITY_RE, YEAR_RE, Sentence, Token, split_sentences
from kommuneokonomi.models import Block, Candidate, Document, Figure, Gap, Issue, Source

#: the winner's score must be at least this many times the best other value's
MARGIN = 1.3
#: a candidate scoring less than MIN_SCORE + MIN_SCORE_PER_GROUP × (number of required cue groups) is
#: not considered; nor one where a required cue counts less than REQUIRE_MIN
MIN_SCORE = 0.3
MIN_SCORE_PER_GROUP = 0.25
REQUIRE_MIN = 0.15
#: words between cue and number at which a cue counts half
HALF_DISTANCE = 6.0
#: extra distance for each clause boundary (a parenthesis counts less), and for each number of the same
#: kind, between cue and number
BOUNDARY_PENALTY = 2.0
PARENTHESIS_PENALTY = 0.5
NUMBER_PENALTY = 8.0
#: a cue nearer to another number of the same kind is bound to that number: it counts this much here
BORROWED = 0.3
#: extra distance for a cue in the previous sentence, and the distance of a cue in the heading above
PREVIOUS_SENTENCE_PENALTY = 10.0
HEADING_DISTANCE = 12.0
#: extra distance for a cue in the lead sentence ("… udgør en andel af provenutabet:") of a bullet
LEAD_PENALTY = 2.0
#: between two bullets of a list: a year never binds across it
ITEM_BREAK = "¶"
#: the support of a candidate stated in one sentence with its companion key's value (`CueSpec.companion`)
COMPANION_SUPPORT = 0.6
#: farther cues do not count
MAX_DISTANCE = 40.0
#: a year farther than this from the number does not bind it
MAX_YEAR_DISTANCE = 25.0
SECTION_BONUS = 0.2
#: a topic cue introduces its numbers: one standing after the number counts as this much farther
TOPIC_AFTER = 3.0
#: "X, hvoraf Y": Y is a part of X and shares the cues bound to X; a part is not the whole
PART_OF = ("hvoraf", "heraf")
PART_PENALTY = 0.6
NEGATIONS = {"ikke", "ingen", "intet"}
#: "der gennemføres ikke en (negativ) midtvejsregulering", "ingen midtvejsregulering": a negated
#: indefinite noun phrase says no such figure is agreed; "ikke en" / "ingen", then at most one word
DENIAL_ARTICLES = {"ikke": {"en", "et", "nogen", "noget"}, "ingen": None, "intet": None}


@dataclass
class Context:
    """A sentence with what comes before it: the previous sentence and the heading above; and the next
    sentence of its paragraph, which may take its amount apart ("… 3,5 mia. kr. betinget. Heraf …")."""

    sentence: Sentence
    previous: Sentence | None
    heading: Sentence | None
    section: str
    following: Sentence | None = None


@dataclass
class Scored:
    key: str
    value: Decimal | int
    token: Token
    context: Context
    score: float
    year: int | None
    span: tuple[int, int]
    why: list[str] = field(default_factory=list)
    conflict: str | None = None  # the wording contradicts the printed sign
    named: tuple[str, ...] = ()  # the term that named it, for each topic and require group

    @property
    def block(self) -> Block:
        return self.context.sentence.block

    def source(self) -> Source:
        return self.block.source(*self.span)


def _contexts(doc: Document) -> list[Context]:
    out: list[Context] = []
    heading: Sentence | None = None
    previous: Sentence | None = None
    prev_block: Block | None = None
    header: Block | None = None  # the column titles of the table being read
    rows: list[Block] = []
    lead: Sentence | None = None  # the sentence before the table
    recent: list[Block] = []  # the last blocks before the table (its caption and unit lines)
    captions: list[Block] = []  # the caption and unit lines of the table being read

    def title_of(first: Block) -> Sentence:
        """The heading above a table, with its caption and unit lines, and its header row if any."""
        parts = [heading.block] if heading is not None else []
        parts += [c for c in captions if heading is None or c is not heading.block]
        if header is not None:
            parts.append(header)
        text = " ".join(x.text for x in parts)
        return Sentence(Block(kind="heading", text=text, offsets=first.offsets, section=first.section,
                              part=first.part), 0, len(text), 0)  # fmt: skip

    def read_table() -> None:
        before = lead if lead is not None and lead.text.rstrip().endswith(":") else None
        if header is None:  # a list of rows with no header row: the unit in its cells or caption line
            for row in rows:
                above = title_of(row)
                where = " ".join(x for x in (row.section, row.part) if x).lower()
                for stated in table_statements(row, None, above.text):
                    out.append(Context(Sentence(stated, 0, len(stated.text), 0), before, above, where))
            return
        above = title_of(header)
        where = " ".join(x for x in (header.section, header.part) if x).lower()
        # a numbered table of amounts ("Tabel 3. …") with no row of the balance states its rows
        lines = [*captions, heading.block] if heading is not None else captions
        numbered = any(_NUMBERED_TABLE_RE.match(x.text) for x in lines)
        amounts = numbered and not any(row.cells and label_key(row.cells[0])[0] for row in rows)
        schedule = table_schedule(header, rows)
        # the row read as a schedule is not also read cell by cell (each cell a schedule of one year)
        read = {line for _, line in schedule.offsets[1:]} if schedule is not None else set()
        for row in rows:
            if row.offsets[0][1] in read:
                continue
            for stated in table_statements(row, header, above.text, amounts):
                out.append(Context(Sentence(stated, 0, len(stated.text), 0), None, above, where))
        if schedule is not None:
            out.append(Context(Sentence(schedule, 0, len(schedule.text), 0), before, above, where))

    for block in doc.blocks:
        section = " ".join(x for x in (block.section, block.part) if x).lower()
        if block.cells:
            if not rows and header is None:
                captions = _caption_lines(recent)
            if _is_header(block):
                read_table()
                header, rows = block, []
            else:
                rows.append(block)
            previous = None
            continue
        read_table()
        header, rows = None, []
        recent = [*recent[-1:], block]
        if block.kind == "table_row":
            previous = None
            continue
        if block.kind == "heading":
            heading = Sentence(block, 0, len(block.text), 0)
            previous = None
            prev_block = block
            if heading.has_number:  # a bold line stating a figure ("**Servicerammen udgør …**")
                out.extend(Context(s, None, None, section) for s in split_sentences(block))
            continue
        if block.kind != "bullet" and not (prev_block and prev_block.text.rstrip().endswith(":")):
            previous = None
        sentences = split_sentences(block)
        for k, s in enumerate(sentences):
            following = sentences[k + 1] if k + 1 < len(sentences) else None
            out.append(Context(_same_size(s, sentences[:k]) or s, previous, heading, section, following))
            out.extend(Context(r, previous, heading, section) for r in _respective_statements(s))
            previous = lead = s
        prev_block = block
    read_table()
    return out


#: an amount distributed in full ("Tilskuddet fordeles i sin helhed efter …", "Hele puljen udmøntes …")
_IN_FULL = (
    r"(?:fordeles|udmøntes|udbetales|tildeles)\s+i\s+sin\s+helhed"
    r"|i\s+sin\s+helhed\s+(?:fordeles|udmøntes|udbetales|tildeles)"
    r"|hele\s+(?:tilskuddet|beløbet|puljen)\s+(?:fordeles|udmøntes|udbetales|tildeles)"
)
_IN_FULL_RE = re.compile(rf"\b(?:{_IN_FULL})\b", re.IGNORECASE)
#: a sentence that gives its subject the size of an amount named before it ("Rammen for skatteforhøjelser
#: er af samme størrelse", "… udgør det samme beløb"), or that distributes the whole of it (the part
#: distributed so is the amount named)
_SAME_SIZE_RE = re.compile(
    rf"\b(?:af\s+samme\s+størrelse|(?:det|den)\s+samme\s+beløb|lige\s+så\s+stor|{_IN_FULL})\b",
    re.IGNORECASE,
)
#: how many sentences back the amount may stand
_SAME_SIZE_BACK = 3


def _same_size(sentence: Sentence, before: list[Sentence]) -> Sentence | None:
    """The sentence read with the amount it refers to, or None.

    "… inden for en ramme på 300 mio. kr. Tilskuddet udgør 75 pct. … Rammen for skatteforhøjelser er af
    samme størrelse." states a frame of 300 mio. kr.: the sentence is read as if the amount of the latest
    sentence before it (of the paragraph, at most _SAME_SIZE_BACK back) that names one stood at its end.
    """
    if sentence.has_number or not _SAME_SIZE_RE.search(sentence.text):
        return None
    for other in reversed(before[-_SAME_SIZE_BACK:]):
        amounts = [t for t in other.tokens if t.kind == "quantity" and t.quantity == "amount"]
        if amounts:
            block = sentence.block
            line = block.source(sentence.start, sentence.end).line_start
            text = f"{sentence.text.rstrip().rstrip('.')}: {amounts[-1].text}."
            stated = Block(
                kind="paragraph", text=text, offsets=[(0, line)], section=block.section, part=block.part
            )
            return Sentence(stated, 0, len(text), sentence.index)
    return None


#: a number in a cell ("2,6", "415", "-95", "-850 mio. kr."), not the end of a range of years ("2030-31")
_HEADER_NUMBER_RE = re.compile(r"\d+,\d|(?<!\d)(?<!\d[-–])\d{1,3}(?!\d)")
#: the unit a table's header names for its cells ("Pct.", "Mia. kr.", "Kr. pr. indbygger")
_TABLE_UNITS = (
    (re.compile(r"kr\.?\s*(?:pr\.?|per)\s*(?:indbygger|borger)", re.IGNORECASE), "kr. pr. indbygger"),
    (re.compile(r"(?:\bpct|procent)\b|%", re.IGNORECASE), "pct."),
)
#: the same units at the end of a row's label ("Grundbidrag, kr. pr. indbygger", "PL (pct.)")
_LABEL_UNIT_RES = tuple(
    re.compile(rf"[\s,(]*(?:{pattern.pattern})\.?\)?\s*$", re.IGNORECASE) for pattern, _ in _TABLE_UNITS
)
_YEAR_CELL_RE = re.compile(r"(?:19|20)\d{2}")
#: a numbered table of amounts that is not the balance ("Tabel 3. Det ekstraordinære finansieringstilskud
#: | Mio. kr. | Fordelt efter … vilkår | 1.000"): its rows state amounts in the unit its header names (the
#: balance, Tabel 1, is read by balance.py; an unnumbered list of amounts states nothing by itself)
_TABLE_AMOUNT_RE = re.compile(r"\b(mio|mia)\.?\s*kr\b", re.IGNORECASE)
_NUMBERED_TABLE_RE = re.compile(r"^Tabel\s+\d{1,2}\b")


def _is_header(block: Block) -> bool:
    """A table row of titles: no cell but the label holds a number other than a year."""
    cells = block.cells or []
    return len(cells) >= 2 and not any(_HEADER_NUMBER_RE.search(YEAR_RE.sub("", c)) for c in cells[1:])


#: a line that names only a table's unit ("Mio. kr.", "Mia. kr., 2034-pl", "Pct.")
_UNIT_LINE_RE = re.compile(
    r"^(?:(?:mio|mia)\.?\s*kr\.?|pct\.?|procent|kr\.?\s*pr\.?\s*indbygger)"
    r"(?:,?\s*\(?(?:19|20)\d{2}\s*-\s*(?:pl|priser)\)?)?$",
    re.IGNORECASE,
)
#: a cell that prints a number with its unit ("2,6 pct.", "412,3 mia. kr.", "−1,3 mia. kr.")
_QUANTITY_CELL_RE = re.compile(rf"[-−–]?\s?(?:{QUANTITY_RE.pattern})", re.IGNORECASE)


#: a caption line of a table that is no heading: "Tabel 2. Reguleringer", "Pris- og lønskøn" (a few words,
#: no sentence)
_CAPTION_WORDS = 8
_UNIT_END_RE = re.compile(r"\b(?:pct|kr|mio|mia)\.$", re.IGNORECASE)


def _caption_lines(recent: list[Block]) -> list[Block]:
    """The caption and unit lines right before a table ("Tabel 2. Reguleringer" / "Mio. kr.")."""
    out: list[Block] = []
    for b in reversed(recent):
        text = _UNIT_END_RE.sub("", b.text.rstrip()).rstrip(" ,")  # "…, pct." ends in a unit, not a sentence
        short = len(text.split()) <= _CAPTION_WORDS and not text.endswith(tuple(".:;!?,"))
        if not (_UNIT_LINE_RE.match(b.text) or (b.kind in ("paragraph", "heading") and short)):
            break
        out.insert(0, b)
    return out


_RESPECTIVELY_RE = re.compile(r"\bhenholdsvis\b", re.IGNORECASE)
#: a coordinated list of a few short items ("service og anlæg", "serviceudgifterne, anlægsudgifterne og de
#: samlede udgifter"), after a preposition
_ITEM_WORD = r"(?!(?:for|til|på|af|ved|vedrørende|og|samt)\b)[^\s\d,.;:()]+"
_ITEM = rf"{_ITEM_WORD}(?:\s+{_ITEM_WORD}){{0,3}}"
_LIST = rf"{_ITEM}(?:\s*,\s*{_ITEM})*\s+(?:og|samt)\s+{_ITEM}"
_LIST_AFTER_RE = re.compile(
    rf"^\s*(?:[^\s\d,.;:()]+\s+){{0,2}}(?:for|til|på|af|ved|vedrørende)\s+(?P<items>{_LIST})(?=\s*(?:[.;:]|$))",
    re.IGNORECASE,
)
#: … or before the verb, as its subject or after a preposition, a few words before "henholdsvis"
_LIST_BEFORE_RE = re.compile(
    rf"(?:\b(?:for|til|på|af|ved|vedrørende)\s+)?(?P<items>{_LIST})\s+(?:er|udgør|var|bliver|blev|skønnes|"
    r"fastsættes|udgjorde)\s+(?:[^\s,.;:()]+\s+){0,4}$",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s*,\s*|\s+(?:og|samt)\s+", re.IGNORECASE)


def _respective_statements(sentence: Sentence) -> list[Sentence]:
    """ "Det betingede bloktilskud udgør henholdsvis 3 mia. kr. og 1 mia. kr. for service og anlæg" read as
    one statement per pair: "… udgør 3 mia. kr. for service", "… udgør 1 mia. kr. for anlæg". The list of
    amounts follows "henholdsvis"; the list of as many items stands after it (after a preposition) or
    before it (before the verb). Nothing is read when the lists do not pair up."""
    text, base = sentence.text, sentence.start
    m = _RESPECTIVELY_RE.search(text)
    if m is None:
        return []
    tokens = [t for t in sentence.tokens if t.start - base >= m.end()]
    amounts: list[Token] = []
    for t in tokens:
        if t.kind == "quantity" and (not amounts or t.quantity == amounts[0].quantity):
            gap = text[(amounts[-1].end if amounts else m.end() + base) - base : t.start - base]
            if amounts and _SEPARATOR_RE.fullmatch(gap) is None:
                break
            amounts.append(t)
        elif t.kind == "word" and t.text not in ("og", "samt"):
            break
    if len(amounts) < 2:
        return []
    lo, hi = m.start(), amounts[-1].end - base
    after = _LIST_AFTER_RE.match(text[hi:])
    before = _LIST_BEFORE_RE.search(text[:lo])
    found = after or before
    if found is None:
        return []
    offset = hi if found is after else 0
    items = _SEPARATOR_RE.split(found.group("items"))
    if len(items) != len(amounts):
        return []
    i0, i1 = offset + found.start("items"), offset + found.end("items")
    out = []
    for item, amount in zip(items, amounts, strict=True):
        pieces = [(i0, i1, item), (lo, hi, amount.text)]
        stated, pos = "", 0
        for a, b, new in sorted(pieces):
            stated += text[pos:a] + new
            pos = b
        stated += text[pos:]
        block = sentence.block
        line = block.source(sentence.start, sentence.end).line_start
        blk = Block(
            kind="paragraph", text=stated, offsets=[(0, line)], section=block.section, part=block.part
        )
        out.append(Sentence(blk, 0, len(stated), sentence.index))
    return out


def _respectively(sentence: Sentence, tok: Token) -> bool:
    """ "… for service og anlæg udgør henholdsvis 3 mia. kr. og 1 mia. kr.": the numbers pair with the
    cues by their order, not by nearness, which the scoring cannot read; such numbers are no candidates
    (a missing figure rather than a wrong one)."""
    if not _RESPECTIVELY_RE.search(sentence.text):
        return False
    return sum(1 for t in sentence.tokens if t.kind == "quantity" and t.quantity == tok.quantity) >= 2


def _stated(row: Block, text: str) -> Block:
    return Block(kind="paragraph", text=text, offsets=row.offsets[:1], page=row.page, section=row.section,
                 part=row.part)  # fmt: skip


def table_statements(row: Block, header: Block | None, title: str, amounts: bool = False) -> list[Block]:
    """A table row of percentages or amounts per inhabitant read as the statements it makes.

    "Serviceudgifter | 2,1" under the header "Pris- og lønskøn 2025-2026 | Pct." states "Serviceudgifter
    2,1 pct.": the row's label, its one value and the unit its header (or the caption above it, `title`)
    names. A row with a value in each of several columns titled by years states one value per column with
    its title ("Kommunale serviceudgifter | 2,7 | 2,4" under "2030–2031 (opdateret) | 2031–2032": "…
    2,4 pct. 2031–2032"), so the year binds the value; so does a lone value's column title that names a
    year, and a column of the years the rows concern ("Vedrører"). A cell that prints its own unit ("2,6
    pct.") needs none from the header. Tables of amounts are the balance (Tabel 1, read by balance.py) or
    multi-year overviews, not statements of a key figure, unless numbered and in a named unit (`amounts`).
    """
    # a dash is an empty cell: nothing stated for that column ("Satsregulering | 2,8 | –"), in a table
    # of rates; in a table of amounts it marks a year with no regulation, a row of an overview (below)
    printed = [c.strip() for c in row.cells or []]
    cells = ["" if k and c in _DASHES else c for k, c in enumerate(printed)]
    dashed = cells != printed
    values = [c for c in cells[1:] if c]
    if len(cells) < 2 or _YEAR_CELL_RE.fullmatch(cells[0]) or not values:
        return []
    titles = [c.strip() for c in header.cells or []] if header is not None else []
    # the header's first cell (over the labels) may be empty and left out
    columns = titles[1:] if len(titles) == len(cells) else titles
    unit: str | None
    if all(_QUANTITY_CELL_RE.fullmatch(v) for v in values):
        unit = None  # every cell prints its own unit ("2,6 pct.", "351,4 mia. kr.")
    elif all(_DIGITS_ONLY_RE.fullmatch(v) for v in values):
        # the row's label may name its own unit ("Grundbidrag, kr. pr. indbygger | 254 | 260"), before the
        # title's; a unit that ends the label moves to the value ("Grundbidrag 254 kr. pr. indbygger 2054")
        named = next(
            ((k, u) for k, (pattern, u) in enumerate(_TABLE_UNITS) if pattern.search(cells[0])), None
        )
        unit = named[1] if named else next((u for pattern, u in _TABLE_UNITS if pattern.search(title)), None)
        if named:
            cells[0] = _LABEL_UNIT_RES[named[0]].sub("", cells[0]) or cells[0]
        if unit is None and amounts:
            scale = _TABLE_AMOUNT_RE.search(title)
            unit = f"{scale.group(1).lower()}. kr." if scale else None
        if unit is None:
            return []
    else:
        return []
    if dashed and unit is not None and unit != "pct.":
        return []
    years = [k for k, v in enumerate(cells[1:]) if v and _YEAR_CELL_RE.fullmatch(v)]
    if len(values) == 1:
        # "Serviceramme | 351,4 mia. kr." under "Nøgletal | 2031": the column's year binds the value
        k = cells.index(values[0], 1) - 1
        year = _YEAR_CELL_RE.search(columns[k]) if len(columns) == len(cells) - 1 else None
        stated = [" ".join(x for x in (cells[0], values[0], unit, year and year.group(0)) if x)]
    elif (
        unit is not None
        and len(values) == len(cells) - 1 == len(columns) == 2
        and len(years) == 1
        and not _YEAR_CELL_RE.search(columns[years[0]])
    ):
        # a column of the years the rows concern ("Regulering | Vedrører | Beløb" over "… | 2033 | -1.310"),
        # not a column titled by a year
        stated = [f"{cells[0]} {cells[2 - years[0]]} {unit} {cells[1 + years[0]]}"]
    else:
        if len(columns) != len(cells) - 1 or not all(_YEAR_CELL_RE.search(c) for c in columns):
            return []
        stated = [
            " ".join(x for x in (cells[0], v, unit, c) if x)
            for v, c in zip(cells[1:], columns, strict=True)
            if v
        ]
    return [_stated(row, t) for t in stated]


def table_schedule(header: Block, rows: list[Block]) -> Block | None:
    """A table of percentages by year read as the schedule it states ("75 pct. i 2028; 50 pct. i 2029").

    Years as column titles with a row of values ("År | 2026 | 2027" over "Tilskud i pct. af
    provenutabet | 75 | 50"), or years as rows under a titled column ("År | Tilskudsprocent" over
    "2028 | 75"). The titles and labels carry the cues; the percentage unit must be named in them.
    """
    titles = [c.strip() for c in header.cells or []]
    pairs: list[tuple[str, str, Block]] = []  # (year, value, row)
    words: list[str] = []
    years = [t for t in titles if _YEAR_CELL_RE.fullmatch(t)]  # a first title may be left empty
    if len(years) >= 2 and len(years) >= len(titles) - 1:
        for row in rows:
            cells = [c.strip() for c in row.cells or []]
            if len(cells) == len(years) + 1 and all(_DIGITS_ONLY_RE.fullmatch(c) for c in cells[1:]):
                words.append(cells[0])
                pairs.extend((y, v, row) for y, v in zip(years, cells[1:], strict=True))
                break  # one row of values: a second would be another schedule
    elif len(titles) == 2:
        for row in rows:
            cells = [c.strip() for c in row.cells or []]
            if len(cells) == 2 and _YEAR_CELL_RE.fullmatch(cells[0]) and _DIGITS_ONLY_RE.fullmatch(cells[1]):
                pairs.append((cells[0], cells[1], row))
        words.append(titles[1])
    text = " ".join(words)
    if len(pairs) < 2 or not _TABLE_UNITS[1][0].search(text):
        return None
    offsets = [(0, header.offsets[0][1])]
    for year, value, row in pairs:
        text += ";" if offsets[1:] else ":"
        offsets.append((len(text), row.offsets[0][1]))
        text += f" {value} pct. i {year}"
    return Block(kind="paragraph", text=text, offsets=offsets, section=header.section, part=header.part)


_DIGITS_ONLY_RE = re.compile(r"[-−–]?\d+(?:[.,]\d+)?")
_DASHES = ("-", "–", "−", "—")


#: each cue term's words as numbers of the word index (terms live as long as the cached specs)
_TERM_WORDS: dict[int, tuple[int, ...]] = {}


def _where(sentence: Sentence) -> dict[int, list[int]]:
    """Cue word (index number) -> the positions among the sentence's words where it occurs."""
    where = sentence.hits.get("where")
    if where is None:
        index = word_index()
        tokens = sentence.tokens
        sentence.word_ids = [index.matches(tokens[w].text, tokens[w].stem) for w in sentence.word_positions]
        where = {}
        for k, ids in enumerate(sentence.word_ids):
            for i in ids:
                where.setdefault(i, []).append(k)
        sentence.hits["where"] = where
    return where


def _occurrences(term: Term, sentence: Sentence) -> list[int]:
    """Indices (into the sentence's tokens) where the term starts; a phrase's words follow each other."""
    cached: list[int] | None = sentence.hits.get(id(term))
    if cached is not None:
        return cached
    index = word_index()
    words = sentence.word_positions
    where = _where(sentence)
    wanted = _TERM_WORDS.get(id(term))
    if wanted is None:
        wanted = _TERM_WORDS[id(term)] = tuple(index.ids[w] for w in term.words)
    starts = where.get(wanted[0])
    if not starts:
        hits: list[int] = []
    elif len(wanted) == 1:
        hits = [words[k] for k in starts]
    else:
        ids, n = sentence.word_ids, len(wanted)
        assert ids is not None  # _where set them
        hits = [
            words[k]
            for k in starts
            if k + n <= len(words) and all(wanted[m] in ids[k + m] for m in range(1, n))
        ]
    sentence.hits[id(term)] = hits
    return hits


def _distance(sentence: Sentence, i: int, j: int, kind: str | None) -> float:
    """Words between positions i and j, plus penalties for boundaries and same-kind numbers between. A
    value that ends a statement of change ("nedsættes med 0,5 mia. kr. fra 2,0 mia. kr. til 1,5 mia. kr.")
    is as near to a cue before the statement as the statement's first value."""
    chain = _chain_of(sentence, j) if sentence.tokens[j].kind == "quantity" else []
    if chain and i < min(chain):
        return _distance(sentence, i, min(chain), kind)
    d = (
        sentence.between("word", i, j)
        + BOUNDARY_PENALTY * sentence.between("boundary", i, j)
        + PARENTHESIS_PENALTY * sentence.between("paren", i, j)
    )
    lo, hi = (i, j) if i < j else (j, i)
    if kind is not None:
        d += NUMBER_PENALTY * (sentence.between(kind, i, j) - sum(1 for k in chain if lo < k < hi))
    for a, b in sentence.asides():
        if lo < a and b < hi:  # a relative clause between cue and number: it does not part them
            d -= sentence.between("word", a, b) + BOUNDARY_PENALTY * (sentence.between("boundary", a, b) + 2)
    return d


def _proximity(d: float) -> float:
    return 0.0 if d > MAX_DISTANCE else 1.0 / (1.0 + d / HALF_DISTANCE)


@dataclass
class _Hit:
    score: float
    term: Term
    position: tuple[int, int] | None  # character span in the own sentence, if the cue stands there


def _binding(sentence: Sentence, i: int, k: int) -> tuple[int, int]:
    """How far cue i is from number k for binding: (clause boundaries between, words between)."""
    return sentence.between("boundary", i, k), sentence.between("word", i, k)


def _negated(tokens: list[Token], i: int) -> bool:
    """ "der gives ikke en ramme til …": a negation among the three words before the cue."""
    words = [t for t in tokens[max(0, i - 6) : i] if t.kind == "word"][-3:]
    return any(t.text in NEGATIONS for t in words)


def _best_hit(
    terms: tuple[Term, ...], ctx: Context, j: int, kind: str, own_only: bool = False, topic: bool = False
) -> _Hit | None:
    """The best occurrence of any of the terms for number j: weight × proximity.

    A cue is bound to the number of its own clause: nearer to another number of the same kind (fewer
    clause boundaries, then fewer words), it counts BORROWED here, as does a cue of a previous sentence
    that has such a number of its own. A topic cue ("pris- og lønudviklingen", "betinget") governs every
    number of its sentence and is never borrowed; nor is the cue of the whole for its part ("hvoraf").
    """
    key = ("hit", *map(id, terms), id(ctx.previous), id(ctx.heading), j, kind, own_only, topic)
    cache = ctx.sentence.hits
    if key not in cache:
        cache[key] = _find_hit(terms, ctx, j, kind, own_only, topic)
    hit: _Hit | None = cache[key]
    return hit


def _find_hit(
    terms: tuple[Term, ...], ctx: Context, j: int, kind: str, own_only: bool, topic: bool
) -> _Hit | None:
    sentence = ctx.sentence
    tokens = sentence.tokens
    numbers = _numbers(sentence, kind)
    whole = _whole_of(tokens, j, numbers)
    # "forhøjes (med 0,5 mia. kr.) fra 1 mia. kr. til 1,5 mia. kr.": the starting value and the change share
    # the cues of their new value
    own = {j, whole, *_chain_of(sentence, j)}
    best: _Hit | None = None
    for term in terms:
        for i in _occurrences(term, sentence):
            if _negated(tokens, i):
                continue
            d = _distance(sentence, i, j, None if topic else kind)
            if topic and i < j:
                d = min(d, _enumerated(sentence, i, j, numbers))
            if _same_clause(sentence, i, j):
                d = min(d, CLAUSE_DISTANCE)
            s = term.weight * _proximity(d + (TOPIC_AFTER if topic and i > j else 0.0))
            if topic and i < j:
                again = _named_again(sentence, i, j)
                if again is not None:  # "Kommunernes udviklingsbidrag … så bidraget stiger til 116 kr."
                    s = max(s, term.weight * _proximity(_distance(sentence, again, j, None)))
            if not topic:
                mine = _binding(sentence, i, j)
                nearer = [k for k in numbers if k not in own and _binding(sentence, i, k) < mine]
                if nearer and _other_years(sentence, j, nearer, kind):
                    # "Anlægsniveauet var 21,0 mia. kr. i 2030 og bliver 22,3 mia. kr. i 2031": the same
                    # quantity in another year shares the cue
                    s = term.weight * _proximity(_distance(sentence, i, j, None))
                elif nearer:
                    s *= BORROWED
            if best is None or s > best.score:
                best = _Hit(s, term, (tokens[i].start, tokens[i].end))
        if own_only:
            continue
        if ctx.previous is not None:
            prev = ctx.previous.tokens
            # a cue of the previous sentence is bound to that sentence's number, if it has one, unless
            # this sentence continues it as a part ("Heraf er 3 mia. kr. …")
            continues = bool(tokens) and tokens[0].kind == "boundary" and tokens[0].text in PART_OF
            own_number = bool(_numbers(ctx.previous, kind))
            bound = BORROWED if own_number and not (topic or continues) else 1.0
            for i in _occurrences(term, ctx.previous):
                if _negated(prev, i):
                    continue
                words_after = ctx.previous.between("word", i, len(prev))
                words_before = sentence.between("word", -1, j)
                lead = _leads(ctx.previous, sentence)  # a list's lead or an item's label: the same statement
                d = words_after + words_before + (LEAD_PENALTY if lead else PREVIOUS_SENTENCE_PENALTY)
                if topic:  # the topic of the paragraph's previous sentence is nearer than the heading's
                    d = min(d, HEADING_DISTANCE)
                s = term.weight * _proximity(d) * bound
                anaphor = _anaphor(sentence, prev[i], _phrase_end(ctx.previous, i, term), topic)
                if anaphor is not None:  # "… et finansieringstilskud. Tilskuddet udgør 3,5 mia. kr."
                    s = max(s, term.weight * _proximity(_distance(sentence, anaphor, j, None)))
                if best is None or s > best.score:
                    best = _Hit(s, term, None)
        if ctx.heading is not None and _occurrences(term, ctx.heading):
            s = term.weight * _proximity(HEADING_DISTANCE)
            if best is None or s > best.score:
                best = _Hit(s, term, None)
    return best


#: the farthest a cue of the number's own clause counts (no boundary and no other number between them)
CLAUSE_DISTANCE = 5.0


def _same_clause(sentence: Sentence, i: int, j: int) -> bool:
    """Do cue i and number j stand in one clause: "For serviceudgifterne skønnes pris- og lønudviklingen
    fra 2037 til 2038 at blive 2,7 pct." (a sentence's subject and its figure, however many words apart)?"""
    lo, hi = (i, j) if i < j else (j, i)
    start = lo < _started_from(sentence, j) < hi  # "hæves fra 340,0 til 348,9 mia. kr.": one statement
    return not (
        sentence.between("boundary", i, j)
        or sentence.between("paren", i, j)
        or sum(sentence.between(q, i, j) for q in ("amount", "percent", "per_capita")) > start
    )


#: words an item of an enumeration adds between a topic cue and the later items
ITEM_DISTANCE = 2.0


def _enumerated(sentence: Sentence, i: int, j: int, numbers: list[int]) -> float:
    """Distance from topic cue i to number j as an item of the enumeration the cue opens.

    "De anvendte pris- og lønskøn er 2,7 pct. for de samlede udgifter, 2,9 pct. for serviceudgifterne og
    2,2 pct. for anlægsudgifterne": the topic is as near to each item as to the first, plus ITEM_DISTANCE
    for each item before it; the words of the other items do not part it from the later ones.
    """
    items = [k for k in numbers if i < k <= j]
    if len(items) < 2:
        return _distance(sentence, i, j, None)
    return _distance(sentence, i, items[0], None) + ITEM_DISTANCE * (len(items) - 1)


def _denies(sentence: Sentence, terms: tuple[Term, ...]) -> bool:
    """Does the sentence deny the thing a cue names ("der gennemføres ikke en negativ midtvejsregulering")?

    The negation must govern an indefinite noun phrase with the cue as its head: "ikke en/nogen" or
    "ingen", then at most one word before the cue. "ikke overskride servicerammen" denies nothing.
    """
    tokens = sentence.tokens
    for term in terms:
        for i in _occurrences(term, sentence):
            words = [t.text for t in tokens[max(0, i - 6) : i] if t.kind == "word"][-4:]
            for n, w in enumerate(words):
                if w not in DENIAL_ARTICLES:
                    continue
                rest = words[n + 1 :]
                articles = DENIAL_ARTICLES[w]
                if articles is None and len(rest) <= 1:
                    return True
                if articles and rest and rest[0] in articles and len(rest) <= 2:
                    return True
    return False


def denied(spec: CueSpec, ctx: Context, contexts_of_block: list[Context]) -> bool:
    """Does a sentence of the candidate's paragraph, stating no such number itself, deny the key?

    "Regeringen havde lagt op til at modregne 1,9 mia. kr. … Der gennemføres ikke en negativ
    midtvejsregulering." names an amount that was proposed and dropped: no value, not the amount.
    """
    terms = tuple(t for group in spec.require for t in group)
    return any(
        other.sentence is not ctx.sentence
        and not _numbers(other.sentence, spec.quantity)
        and _denies(other.sentence, terms)
        for other in contexts_of_block
    )


#: the most words of a label opening a list item or a paragraph ("**Midtvejsregulering.** Bloktilskuddet …")
_LABEL_WORDS = 4


def _leads(previous: Sentence, sentence: Sentence) -> bool:
    """Does the previous sentence lead into this one: a list's lead ("… som følger:"), or a short label
    that opens the same paragraph or list item ("Midtvejsregulering. Bloktilskuddet for 2012 …")?"""
    text = previous.text.rstrip()
    if text.endswith(":"):
        return True
    return (
        previous.block is sentence.block
        and previous.index == 0
        and text.endswith(".")
        and len(text.split()) <= _LABEL_WORDS
        and not any(ch.isdigit() for ch in text)
    )


def _named_again(sentence: Sentence, i: int, j: int) -> int | None:
    """A definite noun between cue i and number j of the same sentence whose stem ends the cue word
    ("udviklingsbidrag … bidraget"): it names the cue's thing again, nearer the number."""
    cue = sentence.tokens[i]
    for k in range(j - 1, i, -1):
        t = sentence.tokens[k]
        if t.kind == "word" and t.text != t.stem and len(t.stem) >= _HEAD_CHARS and cue.stem.endswith(t.stem):
            return k
    return None


_INDEFINITE = ("en", "et")
#: the endings of a definite noun ("udviklingen", "bidraget", "udgifterne")
_DEFINITE_ENDINGS = ("en", "et", "ne")
#: the shortest compound head read as naming its compound again
_HEAD_CHARS = 6


def _phrase_end(sentence: Sentence, i: int, term: Term) -> Token:
    """The last word of the term's occurrence at token i ("lønstigning" of "pris- og lønstigning")."""
    words = sentence.word_positions
    k = words.index(i) + len(term.words) - 1
    return sentence.tokens[words[k]] if k < len(words) else sentence.tokens[i]


def _anaphor(sentence: Sentence, cue: Token, head: Token | None = None, topic: bool = False) -> int | None:
    """The word of the sentence that names again what the cue of the previous sentence named, or None.

    A definite noun opening a sentence ("Tilskuddet", "Rammen", "Bidraget") whose stem ends the cue word
    ("finansieringstilskud", "servicerammen", "grundbidraget") refers to it: the cue counts as if it
    stood there. So does a noun that is the head of the cue's compound (`head`): an indefinite one, and
    for a topic cue a definite one anywhere in the sentence.
    """
    words = sentence.word_positions
    if not words:
        return None
    first = sentence.tokens[words[0]]
    if first.text != first.stem and len(first.stem) >= 4 and cue.stem.endswith(first.stem):
        return words[0]
    if head is None:
        return None
    # "… pris- og lønstigning … For anlæg forudsættes en stigning på 2,3 pct."
    for a, b in itertools.pairwise(words):
        art, noun = sentence.tokens[a], sentence.tokens[b]
        if (
            art.text in _INDEFINITE
            and len(noun.text) >= _HEAD_CHARS
            and head.text != noun.text
            and head.text.endswith(noun.text)
        ):
            return b
    if not topic:  # "Af tilskuddet ydes 1,5 mia. kr.": a part of the finansieringstilskud, not it again
        return None
    # "… pris- og lønudviklingen … For serviceudgifterne skønnes udviklingen til 2,4 pct."
    for b in words:
        noun = sentence.tokens[b]
        if (
            noun.text.endswith(_DEFINITE_ENDINGS)
            and noun.text != noun.stem
            and len(noun.stem) >= _HEAD_CHARS
            and head.stem != noun.stem
            and head.stem.endswith(noun.stem)
        ):
            return b
    return None


def _other_years(sentence: Sentence, j: int, others: list[int], kind: str) -> bool:
    """Are number j and the other numbers each bound to a year, j's differing from all of theirs?"""
    mine = bound_year(sentence, j, kind)
    if mine is None:
        return False
    theirs = [bound_year(sentence, k, kind) for k in others]
    return all(t is not None and (t.year, t.relative) != (mine.year, mine.relative) for t in theirs)


def _numbers(sentence: Sentence, kind: str) -> list[int]:
    """Positions of the sentence's quantities of one kind."""
    key = ("numbers", kind)  # beside the cue terms' ids in the sentence's cache
    if key not in sentence.hits:
        sentence.hits[key] = [k for k, t in enumerate(sentence.tokens) if t.quantity == kind]
    positions: list[int] = sentence.hits[key]
    return positions


def _whole_of(tokens: list[Token], j: int, numbers: list[int]) -> int | None:
    """ "3,5 mia. kr. …, hvoraf 2 mia. kr. …": the number j is a part of the one before "hvoraf"/"heraf"."""
    before = [k for k in numbers if k < j]
    if not before:
        return None
    k = before[-1]
    if any(t.kind == "boundary" and t.text in PART_OF for t in tokens[k + 1 : j]):
        return k
    return None


def is_whole(ctx: Context, j: int, kind: str) -> bool:
    """Is number j the whole that a later number of its sentence is a part of ("er 4 mia. kr. betinget,
    heraf 3 mia. kr. …")? The whole is not the part a `part` key stands for."""
    numbers = _numbers(ctx.sentence, kind)
    return any(_whole_of(ctx.sentence.tokens, k, numbers) == j for k in numbers if k > j)


def is_taken_apart(ctx: Context, j: int, kind: str) -> bool:
    """Is number j, its sentence's last, the whole that the next sentence takes apart ("Af bloktilskuddet
    er 3,5 mia. kr. betinget. Heraf er 2,5 mia. kr. … og 1,0 mia. kr. …")? Then the parts are stated
    apart, and the whole is none of them."""
    if ctx.following is None or _numbers(ctx.sentence, kind)[-1:] != [j]:
        return False
    first = _numbers(ctx.following, kind)[:1]
    return bool(first) and any(
        t.kind == "boundary" and t.text in PART_OF for t in ctx.following.tokens[: first[0]]
    )


def is_part(ctx: Context, j: int, kind: str) -> bool:
    """Is number j a part of a larger amount ("hvoraf 2 mia. kr.", "Heraf er 3 mia. kr. …")?"""
    tokens = ctx.sentence.tokens
    numbers = _numbers(ctx.sentence, kind)
    if _whole_of(tokens, j, numbers) is not None:
        return True
    follows = tokens[j + 1] if j + 1 < len(tokens) else None
    earlier = numbers[0] != j or (
        ctx.previous is not None and any(t.quantity == kind for t in ctx.previous.tokens)
    )
    if follows is not None and follows.kind == "boundary" and follows.text == "heraf" and earlier:
        return True  # "Tilskuddet udgør 3,5 mia. kr. i 2016. 1,5 mia. kr. heraf fordeles …"
    first = numbers[0] if numbers else None
    return (
        first == j
        and any(t.kind == "boundary" and t.text in PART_OF for t in tokens[:j])
        and ctx.previous is not None
        and any(t.kind == "quantity" and t.quantity == kind for t in ctx.previous.tokens)
    )


def bound_year(sentence: Sentence, j: int, kind: str) -> Token | None:
    """The year a number concerns: the nearest year token of its sentence (boundaries count extra)."""
    key = ("year", j, kind)
    if key not in sentence.hits:
        sentence.hits[key] = _nearest_year(sentence, j, kind)
    nearest: Token | None = sentence.hits[key]
    return nearest


#: verbs of change (stem prefixes): "<verb> … med <tal>" states by how much a figure changes, not its level
_CHANGE_VERBS = (
    "forhøj",
    "hæv",
    "øge",
    "nedsæt",
    "sænk",
    "reducer",
    "stig",
    "steg",
    "fald",
    "opregul",
    "nedregul",
    "opjuster",
    "nedjuster",
    "mindsk",
)
#: the verb may stand this many words before "med" ("For 2047 forhøjes grundbidraget med 4 kr.")
_CHANGE_WORDS = 3


def is_change(tokens: list[Token], j: int) -> bool:
    """Is quantity j the size of a change: right after "med", with a verb of change among the few words
    before it in the same clause ("hæves bidraget med 3 kr.", "øges i 2030 med 0,2 mia. kr.")?"""
    return j >= 2 and tokens[j - 1].text.lower() == "med" and _change_verb(tokens, j) is not None


def _change_verb(tokens: list[Token], j: int) -> Token | None:
    """The verb of change among the few words before the word before quantity j, in its clause ("hæves
    bidraget med 3 kr.", "forhøjes fra 1 til 1,5 mia. kr.")."""
    for t in reversed(tokens[max(0, j - 2 - _CHANGE_WORDS) : j - 1]):
        if t.kind not in ("word", "year"):
            return None
        if t.kind == "word" and t.text.lower().startswith(_CHANGE_VERBS):
            return t
    return None


#: phrases that make the year after them the basis a number is compared with ("øges med 1,2 mia. kr. i
#: forhold til det aftalte niveau for 2009"): the number concerns the budget year, not that year
_BASIS_PHRASES = (("i", "forhold", "til"), ("sammenlignet", "med"), ("ud", "over"), ("udover",))
_BASIS_WORDS = 8


def _basis_year(tokens: list[Token], i: int) -> bool:
    """Is year token i the comparison basis of its clause (a basis phrase among the words before it)?"""
    words: list[str] = []
    for t in reversed(tokens[max(0, i - 2 * _BASIS_WORDS) : i]):
        if t.kind in ("boundary", "quantity", "year") or len(words) == _BASIS_WORDS:
            break
        words.insert(0, t.text)
    return any(
        tuple(words[k : k + len(p)]) == p for p in _BASIS_PHRASES for k in range(len(words) - len(p) + 1)
    )


#: a year this many words after a quantity ("120 kr. pr. indbygger i 2012") is that quantity's
_OWN_YEAR_WORDS = 2


def _owned_by_another(sentence: Sentence, i: int, j: int) -> bool:
    """Does year i belong to another quantity, of any kind: one it follows directly, or one that stands
    between it and number j in a clause of its own ("… lønskøn på 2,7 pct., så bidraget stiger fra 113
    kr. pr. indbygger i 2009")?"""
    tokens = sentence.tokens
    before = next((k for k in range(i - 1, -1, -1) if tokens[k].kind == "quantity"), None)
    if (
        before is not None
        and before != j
        and sentence.between("boundary", before, i) == 0
        and sentence.between("word", before, i) <= _OWN_YEAR_WORDS
    ):
        return True  # "… på 120 kr. pr. indbygger i 2012 reguleres med 1,6 pct.": the year is the 120's
    lo, hi = (i, j) if i < j else (j, i)
    between = [k for k in range(lo + 1, hi) if tokens[k].kind == "quantity"]
    if not between:
        return False
    nearest = between[-1] if i > j else between[0]
    return sentence.between("boundary", j, nearest) > 0


def _labels(tokens: list[Token], i: int) -> int | None:
    """The quantity year i labels ("(2029: 145 kr. pr. indbygger)", "2027: 75 pct."), or None."""
    if i + 2 < len(tokens) and tokens[i + 1].text == ":" and tokens[i + 2].kind == "quantity":
        return i + 2
    return None


def _nearest_year(sentence: Sentence, j: int, kind: str) -> Token | None:
    tokens = sentence.tokens
    if j >= 2 and tokens[j - 2].kind == "year" and _labels(tokens, j - 2) == j:
        return tokens[j - 2]  # "ÅR: beløb" names the year of the amount
    best, best_d = None, MAX_YEAR_DISTANCE
    for i, t in enumerate(tokens):
        if t.kind == "year" and not (j < i and _basis_year(tokens, i)):
            if _labels(tokens, i) not in (None, j) or _owned_by_another(sentence, i, j):
                continue
            d = _distance(sentence, i, j, kind) + (0.5 if i < j else 0.0)
            if d < best_d:
                best, best_d = t, d
    return best


#: words saying a figure stays what it was ("holdes uændret i forhold til niveauet i 2036 på 26,9 mia. kr.")
_UNCHANGED = ("uændret", "uændrede", "fastholde", "fastholdes", "fastholdt")


def _carried_over(sentence: Sentence, year_tok: Token, j: int) -> bool:
    """Does the sentence carry last year's figure over to the budget year?

    "bruttoanlæg i 2037 holdes uændret i forhold til niveauet i aftalen for 2036 på 26,9 mia. kr." states
    the 2037 level: a word of no change stands before the year and the number after it, in one clause.
    "Anlæggene var uændret 26,9 mia. kr. i 2036" (the year after the number) describes the year before.
    """
    tokens = sentence.tokens
    y = tokens.index(year_tok)
    if not y < j:
        return False
    for i in range(y - 1, -1, -1):
        t = tokens[i]
        if t.kind == "boundary" and t.text not in "()":
            return False
        if t.kind == "word" and t.text in _UNCHANGED:
            return not _negated(tokens, i) and sentence.between("boundary", y, j) == 0
    return False


#: tokens between a starting value and the "til" of its new value ("fra 132 kr. pr. indbygger i 2027 til …")
_FROM_TO_GAP = 3
#: words between "til" and the new value it introduces
_NEW_VALUE_QUALIFIERS = (("op", "til"), ("i", "alt"), ("samlet",), ("ca.",), ("knap",), ("godt",))


def new_value_of(tokens: list[Token], j: int, opener: str = "fra") -> int | None:
    """ "forhøjes fra 1 mia. kr. til 1,5 mia. kr.": the position of the new value when quantity j is the one a
    change starts from ("fra" before it, "til" and a quantity of the same kind after it in its clause), else
    None. The starting value is what the figure was before: never the change itself, nor the new level.
    With opener "med", quantity j is the change that leads to the new value ("forhøjes med 1,0 mia. kr.
    til 75,0 mia. kr. i 2031"), also with the starting value between them ("nedsættes med 0,5 mia. kr. fra
    2,0 mia. kr. i 2068 til 1,5 mia. kr."): the two concern the same year."""
    if j < 1 or tokens[j - 1].text != opener:
        return None
    gap = _FROM_TO_GAP
    for k in range(j + 1, len(tokens) - 1):
        if k >= j + 2 + gap:
            return None
        t = tokens[k]
        starting = opener == "med" and gap == _FROM_TO_GAP and tokens[k - 1].text == "fra"
        if starting and t.kind == "quantity" and t.quantity == tokens[j].quantity:
            gap += k - j  # the starting value ("med 0,5 fra 2,0 til 1,5"): the new value comes after it
            continue
        if t.kind == "word" and t.text == "til":
            n = k + 1
            # "til op til 50 mio. kr.", "til i alt 4,0 mia. kr.": the new value after its qualifier
            for words in _NEW_VALUE_QUALIFIERS:
                if [x.text.lower() for x in tokens[n : n + len(words)]] == list(words):
                    n += len(words)
                    break
            new = tokens[n] if n < len(tokens) else t
            return n if new.kind == "quantity" and new.quantity == tokens[j].quantity else None
        if t.kind not in ("word", "year"):
            return None
    return None


def _started_from(sentence: Sentence, j: int) -> int:
    """The position of the value that quantity j is the new value of ("fra 1 mia. kr. til 1,5 mia. kr."), or
    of the change that leads to it ("med 50 mio. kr. til 500 mio. kr."), else -1: one statement."""
    key = ("started from", j)
    if key not in sentence.hits:
        tokens = sentence.tokens
        before = range(max(0, j - 2 - _FROM_TO_GAP), j)
        sentence.hits[key] = next(
            (k for k in reversed(before) if j in (new_value_of(tokens, k), new_value_of(tokens, k, "med"))),
            -1,
        )
    start: int = sentence.hits[key]
    return start


def _chain_of(sentence: Sentence, j: int) -> list[int]:
    """The values before quantity j that state one change with it: the starting value and the change that
    lead to j ("med 0,5 mia. kr. fra 2,0 mia. kr. til 1,5 mia. kr.")."""
    key = ("chain", j)
    if key not in sentence.hits:
        out: list[int] = []
        k = _started_from(sentence, j)
        while k >= 0 and k not in out:
            out.append(k)
            before = range(max(0, k - 2 - 2 * _FROM_TO_GAP), k)
            k = next((m for m in reversed(before) if new_value_of(sentence.tokens, m, "med") == j), -1)
        sentence.hits[key] = out
    chain: list[int] = sentence.hits[key]
    return chain


def _chain_verb(sentence: Sentence, j: int) -> Token | None:
    """The verb of change that quantity j is the result of ("nedsættes med 100 mio. kr. til 300 mio. kr.",
    "forhøjes fra 1 til 1,5 mia. kr."), if j ends such a chain."""
    start = _started_from(sentence, j)
    return _change_verb(sentence.tokens, start) if start >= 1 else None


def _starting_year(sentence: Sentence, j: int, new: int, budget_year: int) -> int:
    """The year a starting value concerns: the year printed with it ("fra 132 kr. i 2027 til …"), else the
    year before the one its new value concerns (the budget year, if that names none)."""
    own = next((t for t in sentence.tokens[j + 1 : new] if t.kind == "year"), None)
    if own is not None:
        return concerned_year(own, budget_year) or budget_year
    new_year = bound_year(sentence, new, sentence.tokens[new].quantity or "")
    concerns = None if new_year is None else concerned_year(new_year, budget_year)
    return (budget_year if concerns is None else concerns) - 1


def concerned_year(tok: Token, budget_year: int) -> int | None:
    """The year a year token names: its own, or the budget year plus its offset ("sidste år")."""
    return budget_year + tok.relative if tok.year is None and tok.relative is not None else tok.year


def score_candidate(spec: CueSpec, ctx: Context, j: int, year: int) -> Scored | None:
    """The score of token j of the context's sentence as a value of the key, or None if it cannot be."""
    tokens = ctx.sentence.tokens
    tok = tokens[j]
    lo, hi = spec.range
    if tok.quantity != spec.quantity or tok.value is None or not lo <= tok.value <= hi:
        return None
    score, why = 0.0, []
    span = [tok.start, tok.end]
    if spec.level and is_change(tokens, j):
        return None
    groups = [(g, True) for g in spec.topic] + [(g, False) for g in spec.require]
    named = []
    for group, topic in groups:
        hit = _best_hit(group, ctx, j, spec.quantity, topic=topic)
        if hit is None or hit.score < REQUIRE_MIN:
            return None
        score += hit.score
        named.append(hit.term.label)
        why.append(f"{hit.term.label} +{hit.score:.2f}")
        if hit.position:
            span = [min(span[0], hit.position[0]), max(span[1], hit.position[1])]
    for term in spec.support:
        hit = _best_hit((term,), ctx, j, spec.quantity)
        if hit and hit.score > 0.02:
            score += hit.score
            why.append(f"{term.label} +{hit.score:.2f}")
    verb = _chain_verb(ctx.sentence, j)
    for term in spec.against:
        hit = _best_hit((term,), ctx, j, spec.quantity, own_only=True)
        if hit and verb and hit.position and hit.position[0] == verb.start:
            continue  # the verb of the change the value results from ("forhøjes med 50 til 500") is no cue
        if hit and hit.score > 0.02:
            score -= hit.score
            why.append(f"{term.label} -{hit.score:.2f}")
    if not spec.part and is_part(ctx, j, spec.quantity):
        score -= PART_PENALTY
        why.append(f"del af et større beløb -{PART_PENALTY}")
    if spec.part and is_taken_apart(ctx, j, spec.quantity):
        return None
    if spec.part and is_whole(ctx, j, spec.quantity):
        score -= PART_PENALTY
        why.append(f"helheden af de efterfølgende dele -{PART_PENALTY}")
    if spec.sections and any(s in ctx.section for s in spec.sections):
        score += SECTION_BONUS
        why.append(f"afsnit +{SECTION_BONUS}")
    new = new_value_of(tokens, j)
    concerns: int | None
    if new is not None:  # the value a change starts from: a level of the year before, never a change
        if not spec.level:
            return None
        concerns = _starting_year(ctx.sentence, j, new, year)
        if concerns - year not in spec.years:
            return None
        why.append("udgangsværdi (fra … til …)")
    else:
        year_tok = bound_year(ctx.sentence, j, spec.quantity)
        reached = new_value_of(tokens, j, "med")
        if not spec.change and reached is not None:
            return None  # "forhøjes med 10 mio. kr. til 50 mio. kr.": the key is the level, not the change
        if year_tok is None and 0 not in spec.years and _started_from(ctx.sentence, j) >= 0:
            return None  # "stiger fra 141 kr. til 144 kr.": the new value is this year's, not last year's
        if year_tok is None and reached is not None:
            # "med 1,0 mia. kr. til 75,0 mia. kr. i 2031": the change's year is the level's
            year_tok = bound_year(ctx.sentence, reached, spec.quantity)
        concerns = None if year_tok is None else concerned_year(year_tok, year)
        if concerns is not None and concerns - year not in spec.years:
            assert year_tok is not None
            if not (concerns == year - 1 and 0 in spec.years and _carried_over(ctx.sentence, year_tok, j)):
                return None
            concerns = year
            why.append("uændret fra året før")
    value: Decimal | int = tok.value
    conflict = None
    if spec.sign_words is not None:
        negative, positive = spec.sign_terms()
        neg = _best_hit(negative, ctx, j, spec.quantity, own_only=True)
        pos = _best_hit(positive, ctx, j, spec.quantity, own_only=True)
        if neg and (not pos or neg.score > pos.score) and value > 0:
            value = -value
            why.append(f"fortegn: {neg.term.label}")
        elif pos and not neg and value < 0:
            conflict = f"trykt negativt ({value}), men teksten siger '{pos.term.label.rstrip('*')}'"
            why.append(f"fortegn i modstrid: {pos.term.label}")
    return Scored(
        key=spec.key,
        value=value,
        token=tok,
        context=ctx,
        score=round(score, 3),
        year=concerns,
        span=(span[0], span[1]),
        why=why,
        conflict=conflict,
        named=tuple(named),
    )


def own_name_first(spec: CueSpec, scored: list[Scored], floor: float) -> list[Scored]:
    """The candidates without those named by another name of the key, where one is named by its own name.

    "Udviklingsbidrag" is the older name of the grundbidrag (texts before 2019 use it alone); a text that
    states "Kommunernes grundbidrag til regionerne … 268 kr." and "Regionernes udviklingsbidrag … 141
    kr." names two contributions, and only the first is the key (figure_cues.yaml: synonyms).
    """
    if not spec.synonyms:
        return scored
    own = set(spec.synonyms.values())
    if not any(own & set(s.named) for s in scored if s.score >= floor):
        return scored
    return [s for s in scored if not set(spec.synonyms) & set(s.named)]


@dataclass
class TextFigures:
    figures: dict[str, Figure]
    gaps: dict[str, Gap]
    extra: dict[str, Figure]  # derived figures (midtvejsregulering_aar, tilskudsprocent.<år>)
    ranked: dict[str, list[Scored]]  # every key's candidates by value, best first
    approximate: set[str] = field(default_factory=set)  # keys whose figure the text states only roughly

    def issues(self) -> list[Issue]:
        """A warning for every key left null because it is ambiguous or contradicts itself, and for every
        figure the text states only approximately ("godt 431 mia. kr.": the last digits are not known)."""
        gaps = [
            Issue(
                code=gap.reason,
                severity="advarsel",
                source=gap.candidates[0].source if gap.candidates else None,
                message=f"{key}: {gap.message}",
            )
            for key, gap in self.gaps.items()
            if gap.reason != "ikke_angivet"
        ]
        rounded = [
            Issue(
                code="omtrentligt_tal",
                severity="advarsel",
                source=self.figures[key].source,
                message=f"{key}: teksten angiver kun tallet omtrentligt ('{self.ranked[key][0].token.text}')",
            )
            for key in sorted(self.approximate)
        ]
        return gaps + rounded


def _candidate(s: Scored, unit: str) -> Candidate:
    return Candidate(value=s.value, unit=unit, source=s.source(), score=s.score, why="; ".join(s.why))


def min_score(spec: CueSpec) -> float:
    return MIN_SCORE + MIN_SCORE_PER_GROUP * (len(spec.require) + len(spec.topic))


#: an approximate figure within this share of an exact candidate states that figure rounded
APPROX_TOLERANCE = Decimal("0.05")


def _exact_first(scored: list[Scored], weak: list[Scored]) -> list[Scored]:
    """The candidates with each approximate one replaced by the exact candidate that states it precisely.

    "en serviceramme på godt 431 mia. kr." in the introduction and "et niveau på 431,7 mia. kr." in the
    chapter on the frames are one figure: the rounded headline must not compete with, or beat, the exact
    statement. The exact candidate nearest in value (within APPROX_TOLERANCE), also one whose own cues
    are too weak to stand alone (`weak`), takes the headline's place with the better of the two scores:
    the headline's cues say which figure it is, the exact statement gives its digits.
    """
    exact = [s for s in scored + weak if not s.token.approx]
    out: list[Scored] = []
    for s in scored:
        value = Decimal(s.value)
        near = [e for e in exact if s.token.approx and abs(e.value - value) <= APPROX_TOLERANCE * abs(value)]
        if not near:
            out.append(s)
            continue
        e = max(near, key=lambda e: (e.score, -abs(e.value - value)))
        why = f"præciserer det omtrentlige '{s.token.text}' (linje {s.source().line_start})"
        out.append(replace(e, score=max(e.score, s.score), why=[*e.why, why]))
    return out


def decide(
    scored: list[Scored], floor: float, weak: list[Scored] | None = None
) -> tuple[Scored | None, list[Scored]]:
    """(winner, candidates by value): the best value wins if it clearly beats every other value.

    An approximate candidate ("godt 431 mia. kr.") first gives way to the exact one of the same figure
    (`_exact_first`); one that stays may win (an agreement may state a small frame only as "op til ca.
    35 mio. kr."), and is then reported (`TextFigures.issues`).
    """
    by_value: dict[Decimal | int, Scored] = {}
    for s in sorted(_exact_first(scored, weak or []), key=lambda s: -s.score):
        by_value.setdefault(s.value, s)
    ranked = [s for s in by_value.values() if s.score >= floor]
    if not ranked:
        return None, []
    if len(ranked) == 1 or ranked[0].score >= MARGIN * ranked[1].score:
        return ranked[0], ranked
    return None, ranked


def _beside_companion(scored: list[Scored], companion: Scored) -> list[Scored]:
    """The candidates of a key with a companion (the same figure in another year, `CueSpec.companion`),
    those stated in the sentence that states the companion's value supported: "Grundbidraget stiger fra 199
    kr. pr. indbygger i 2030 til 204 kr. pr. indbygger i 2031" states this year's contribution beside last
    year's, as no figure named apart does ("Udviklingsbidraget udgør 141 kr. pr. indbygger")."""
    sentence = companion.context.sentence
    return [
        replace(
            s,
            score=round(s.score + COMPANION_SUPPORT, 3),
            why=[*s.why, f"ved {companion.key} +{COMPANION_SUPPORT}"],
        )
        if s.context.sentence is sentence and s.token is not companion.token
        else s
        for s in scored
    ]


def _tie_by_companion(
    winner: Scored | None, ranked: list[Scored], companion: Scored
) -> tuple[Scored | None, list[Scored]]:
    """Of candidates that tie with the best, the one stated beside the companion's value wins; the key stays
    ambiguous unless exactly one is."""
    if winner is not None or not ranked:
        return winner, ranked
    tying = [s for s in ranked if s.score * MARGIN > ranked[0].score]
    beside = [s for s in tying if s.context.sentence is companion.context.sentence]
    return (beside[0] if len(beside) == 1 else None), ranked


def _first_words(spec: CueSpec) -> list[frozenset[int]]:
    """For each cue group of a spec, the index numbers of its terms' first words (a quick pre-test)."""
    cached = _FIRST_WORDS.get(spec.key)
    if cached is None:
        index = word_index()
        cached = _FIRST_WORDS[spec.key] = [
            frozenset(index.ids[t.words[0]] for t in group) for group in spec.topic + spec.require
        ]
    return cached


_FIRST_WORDS: dict[str, list[frozenset[int]]] = {}


def _present_words(ctx: Context) -> set[int]:
    """The cue words (index numbers) that occur in a sentence, its previous sentence and its heading."""
    present: set[int] = set()
    for sentence in (ctx.sentence, ctx.previous, ctx.heading):
        if sentence is not None:
            present.update(_where(sentence))
    return present


def find_text_figures(doc: Document, year: int) -> TextFigures:
    specs = cue_specs()
    contexts = _contexts(doc)
    by_block: dict[int, list[Context]] = defaultdict(list)
    for ctx in contexts:
        by_block[id(ctx.sentence.block)].append(ctx)
    scored: dict[str, list[Scored]] = defaultdict(list)
    weak: dict[str, list[Scored]] = defaultdict(list)  # below the floor: only to make a rounded figure exact
    for ctx in contexts:
        if not ctx.sentence.has_number:
            continue
        present = _present_words(ctx)
        possible = [
            spec
            for spec in specs.values()
            if not spec.schedule and all(first & present for first in _first_words(spec))
        ]
        for j, tok in enumerate(ctx.sentence.tokens):
            if tok.kind != "quantity" or _respectively(ctx.sentence, tok):
                continue
            best_in_group: dict[str, Scored] = {}
            weak_here: list[Scored] = []
            for spec in possible:
                s = score_candidate(spec, ctx, j, year)
                if s is None or denied(spec, ctx, by_block[id(ctx.sentence.block)]):
                    continue
                if s.score < min_score(spec):
                    if s.score > 0 and not tok.approx:
                        weak_here.append(s)
                    continue
                if spec.exclusive:
                    other = best_in_group.get(spec.exclusive)
                    if other is None or s.score > other.score:
                        best_in_group[spec.exclusive] = s
                else:
                    scored[spec.key].append(s)
            for s in best_in_group.values():
                scored[s.key].append(s)
            for s in weak_here:  # a number another key of its group claims is not this key's
                group = specs[s.key].exclusive
                if group is None or group not in best_in_group:
                    weak[s.key].append(s)
    figures: dict[str, Figure] = {}
    gaps: dict[str, Gap] = {}
    extra: dict[str, Figure] = {}
    ranked_by_key: dict[str, list[Scored]] = {}
    approximate: set[str] = set()
    winners: dict[str, Scored] = {}
    for key, spec in specs.items():
        if spec.synonyms:
            scored[key] = own_name_first(spec, scored.get(key, []), min_score(spec))
    decided = {
        key: decide(scored.get(key, []), min_score(spec), weak.get(key))
        for key, spec in specs.items()
        if not spec.schedule
    }
    for key, spec in specs.items():
        companion = decided[spec.companion][0] if spec.companion is not None else None
        if companion is not None and key in decided:
            beside = _beside_companion(scored.get(key, []), companion)
            decided[key] = _tie_by_companion(*decide(beside, min_score(spec), weak.get(key)), companion)
    for key, spec in specs.items():
        if spec.schedule:
            continue
        unit = UNITS[spec.quantity]
        winner, ranked = decided[key]
        ranked_by_key[key] = ranked
        if winner is None:
            if ranked:
                gaps[key] = Gap(
                    key=key,
                    reason="tvetydig",
                    message="flere mulige værdier, ingen klart bedst: "
                    + ", ".join(
                        f"{s.value} {unit} (linje {s.source().line_start}, score {s.score})" for s in ranked
                    ),
                    candidates=[_candidate(s, unit) for s in ranked],
                )
            continue
        if winner.conflict:
            gaps[key] = Gap(
                key=key,
                reason="modstrid",
                message=f"{winner.value} {unit} (linje {winner.source().line_start}): {winner.conflict}",
                candidates=[_candidate(s, unit) for s in ranked],
            )
            continue
        if winner.token.approx:
            approximate.add(key)
        winners[key] = winner
        figures[key] = Figure(
            key=key,
            value=winner.value,
            unit=unit,
            price_level=year if spec.quantity == "amount" else None,
            source=winner.source(),
            precision=winner.token.precision,
        )
        if key == "midtvejsregulering":
            stated = _regulation_year(winner, spec, year)
            if stated is not None:
                year_tok, block = stated
                extra["midtvejsregulering_aar"] = Figure(
                    key="midtvejsregulering_aar",
                    value=concerned_year(year_tok, year),
                    unit="år",
                    source=block.source(year_tok.start, year_tok.end),
                )
    for key, spec in specs.items():
        whole = spec.whole
        part = winners.get(key)
        if whole is None or part is None or whole in figures or (whole in gaps and gaps[whole].candidates):
            continue
        if _IN_FULL_RE.search(part.context.sentence.text):  # distributed in full: the part is the whole
            figures[whole] = figures[key].model_copy(update={"key": whole})
    extra.update(find_schedule(contexts, specs["tilskudsprocent.*"], year))
    return TextFigures(figures=figures, gaps=gaps, extra=extra, ranked=ranked_by_key, approximate=approximate)


def _regulation_year(winner: Scored, spec: CueSpec, year: int) -> tuple[Token, Block] | None:
    """(year token, its block) of the year the winning regulation concerns: the number's own year, else the
    one of the previous sentence, else of the heading, that names the regulation ("… enige om en regulering
    af bloktilskuddet for 2053. Reguleringen udgør 2,1 mia. kr."; "Midtvejsregulering 2053"), if that is
    the one year it names and a year the key may concern."""
    sentence = winner.context.sentence
    if winner.year is not None:
        own = bound_year(sentence, sentence.tokens.index(winner.token), spec.quantity)
        assert own is not None  # winner.year is this token's year
        return own, winner.block
    for naming in (winner.context.previous, winner.context.heading):
        if naming is None or not all(any(_occurrences(t, naming) for t in g) for g in spec.require):
            continue
        years = [t for t in naming.tokens if t.kind == "year"]
        concerns = {concerned_year(t, year) for t in years}
        stated = concerns.pop() if len(concerns) == 1 else None
        if stated is not None and stated - year in spec.years:
            return years[-1], naming.block
    return None


#: a line of an aligned list with no bullet: a year and its percentage ("2061      75 pct.")
_YEAR_ITEM_RE = re.compile(r"\s*(?:19|20)\d{2}\s*[:.–-]?\s+\d{1,3}(?:,\d+)?\s*(?:pct\.?|procent|%)\s*")


def _schedule_units(contexts: list[Context]) -> list[list[tuple[Token, Context]]]:
    """Sentences, and a lead sentence ending in ":" together with the bullets that follow it (or the lines
    of a list of years and percentages set out without bullets)."""
    units: list[list[tuple[Token, Context]]] = []
    members: set[int] = set()  # sentences of the open lead-and-bullets unit
    last: Context | None = None  # the context before this one, when it is of the open unit
    for ctx in contexts:
        prev = ctx.previous
        bullet = ctx.sentence.block.kind == "bullet" and prev is not None and id(prev) in members
        line = last is not None and last.heading is ctx.heading and _YEAR_ITEM_RE.fullmatch(ctx.sentence.text)
        if bullet or line or (units and _goes_on(units[-1], ctx)):
            units[-1].extend((t, ctx) for t in [Token("boundary", 0, 0, ITEM_BREAK), *ctx.sentence.tokens])
            members.add(id(ctx.sentence))
            last = ctx if bullet or line else None
            continue
        lead = ctx.sentence.text.rstrip().endswith(":")
        if ctx.sentence.has_number or lead:
            units.append([(t, ctx) for t in ctx.sentence.tokens])
        members = {id(ctx.sentence)} if lead else set()
        last = ctx if lead else None
    return units


def _goes_on(unit: list[tuple[Token, Context]], ctx: Context) -> bool:
    """The next sentence of the paragraph carries the series on with later years and their percentages
    ("… i 2062 og 2063 til 75 pct. af provenuet. I 2064 udgør det 50 pct. og i 2065 25 pct.")."""
    last = unit[-1][1]
    if ctx.previous is not last.sentence or ctx.sentence.block is not last.sentence.block:
        return False
    years = [t.year for t in ctx.sentence.tokens if t.kind == "year" and t.year is not None]
    before = [t.year for t, _ in unit if t.kind == "year" and t.year is not None]
    pcts = [t for t in ctx.sentence.tokens if t.kind == "quantity" and t.quantity == "percent"]
    return bool(years and before and pcts) and min(years) > max(before) and len(pcts) >= len(years)


def _year_binding(tokens: list[Token], y: int, k: int) -> float:
    """Distance from year y to percentage k; "og" between two years ("2020 og 2021") is no boundary."""
    lo, hi = (y, k) if y < k else (k, y)
    d = 0.0
    for n in range(lo + 1, hi):
        t = tokens[n]
        if t.kind == "word":
            d += 1
        elif t.kind == "boundary" and t.text not in "()":
            between_years = (
                t.text == "og"
                and tokens[n - 1].kind == "year"
                and n + 2 < len(tokens)
                and tokens[n + 2].kind == "year"
            )
            d += 0 if between_years else (MAX_YEAR_DISTANCE if t.text == ITEM_BREAK else 4)
        elif t.kind == "quantity":
            d += NUMBER_PENALTY
    return d


#: ordinal years of a schedule ("det første år", "det fjerde år") and counts of years ("de to følgende år")
_ORDINALS = {"første": 1, "andet": 2, "anden": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6}
_COUNTS = {"to": 2, "tre": 3, "fire": 4, "fem": 5}
_FOLLOWING = {"følgende", "efterfølgende", "næste"}


def _relative_phrase(before: str, words: list[str]) -> tuple[str, list[int], int] | None:
    """(kind, numbers, words) of a relative year phrase opening `words`: ("ordinal", [4], 2) for "fjerde
    år", ("ordinal", [2, 3], 5) for "andet og tredje år" (the "og" also a boundary token), ("following",
    [1, 2], 3) for "to følgende år" or "følgende to år", ("following", [1], 2) for
    "(det) følgende år" and "året efter"; None if the words open none. "de følgende år" (the word
    `before` them plural, no count) is open-ended: no years."""
    w = [*words, "", "", "", "", ""]
    if before == "de" and w[0] in _FOLLOWING and w[1] == "år":
        return None
    if w[0] in _ORDINALS and w[1] == "år":
        return "ordinal", [_ORDINALS[w[0]]], 2
    if w[0] in _ORDINALS and w[1:3] == ["", "og"] and w[3] in _ORDINALS and w[4] == "år":
        return "ordinal", [_ORDINALS[w[0]], _ORDINALS[w[3]]], 5  # "andet og tredje år" ("og": a boundary)
    if w[0] in _COUNTS and w[1] in _FOLLOWING and w[2] == "år":
        return "following", list(range(1, _COUNTS[w[0]] + 1)), 3
    if w[0] in _FOLLOWING and w[1] in _COUNTS and w[2] == "år":
        return "following", list(range(1, _COUNTS[w[1]] + 1)), 3
    if (w[0] in _FOLLOWING and w[1] == "år") or w[:2] == ["året", "efter"]:
        return "following", [1], 2
    return None


def _relative_years(unit: list[tuple[Token, Context]], budget_year: int) -> list[tuple[Token, Context]]:
    """The unit with the years a schedule names relative to its start read as years.

    "75 pct. af provenutabet det første år (2037), 50 pct. i hvert af de to følgende år og 25 pct. i det
    fjerde år": an ordinal year counts from the schedule's first year (the first year named, else the
    budget year: a tax cut is made in the budget year's budget); "de to følgende år", "i hvert af de to
    følgende år", "de følgende to år" are the years after the latest year named before, "det følgende år"
    and "året efter" the one year after it. A phrase followed by its years in parentheses ("de følgende
    to år (2018 og 2019)") is left to those years.
    """
    out: list[tuple[Token, Context]] = []
    start: int | None = None  # the schedule's first year
    latest: int | None = None  # the latest year named so far
    n = 0
    while n < len(unit):
        tok, ctx = unit[n]
        if tok.kind == "year" and tok.year is not None:
            start, latest = (tok.year if start is None else start), tok.year
        words = [t.text if t.kind == "word" else "" for t, _ in unit[n : n + 5]]
        phrase = _relative_phrase(unit[n - 1][0].text if n else "", words)
        if phrase is None:
            out.append((tok, ctx))
            n += 1
            continue
        kind, numbers, length = phrase
        if kind == "ordinal":
            years = [(budget_year if start is None else start) + k - 1 for k in numbers]
        else:
            years = [(budget_year - 1 if latest is None else latest) + k for k in numbers]
        after = [t for t, _ in unit[n + length : n + length + 2]]
        if not (len(after) == 2 and after[0].text == "(" and after[1].kind == "year"):
            first, last = unit[n][0], unit[n + length - 1][0]
            text = " ".join(w for w in words[:length] if w)
            out.extend((Token("year", first.start, last.end, text, year=y), ctx) for y in years)
            start, latest = (years[0] if start is None else start), years[-1]
        n += length
    return out


def _clause_between(tokens: list[Token], a: int, b: int) -> bool:
    """Is there a clause boundary between positions a < b, other than a parenthesis, an "og" joining two
    years ("2018 og 2019") or the colon of a year's label ("2021: 75 pct.")?"""
    for n in range(a + 1, b):
        t = tokens[n]
        if t.kind != "boundary" or t.text in "()":
            continue
        if t.text == ":" and tokens[n - 1].kind == "year":
            continue
        joins_years = n + 2 < len(tokens) and tokens[n - 1].kind == tokens[n + 2].kind == "year"
        if t.text == "og" and joins_years:
            continue
        return True
    return False


def _parallel_lists(tokens: list[Token], pcts: list[int]) -> dict[int, int]:
    """Years and percentages set out as two parallel lists, a row of years over a row of percentages
    ("2066   2067   2068" / "75 pct.   50 pct.   50 pct."): the i-th year is the i-th percentage's. Only
    a run of two or more years with as many percentages right after it, nothing but words between."""
    quantities = [k for k, t in enumerate(tokens) if t.kind in ("year", "quantity")]
    out: dict[int, int] = {}
    run: list[int] = []
    for n, k in enumerate(quantities):
        if tokens[k].kind == "year" and tokens[k].year is not None:
            run.append(k)
            continue
        if k in pcts and len(run) >= 2:
            values = quantities[n : n + len(run)]
            if len(values) == len(run) and all(v in pcts for v in values):
                out.update(zip(run, values, strict=True))
        run = []
    return out


def _schedule_percentage(tokens: list[Token], y: int, pcts: list[int]) -> int:
    """The percentage year y of a schedule belongs to.

    The percentage after it when nothing but words stands between ("i 2020 med 25 pct.", "- 2021: 75
    pct."); else the one before it in its clause chain ("75 pct. af provenutabet i 2038, 50 pct. i 2039 og
    i 2040 samt 25 pct. i 2041": 2040 is the 50's, however near the 25); else the nearest.
    """
    after = [k for k in pcts if k > y]
    if after and not _clause_between(tokens, y, after[0]):
        return after[0]
    before = [k for k in pcts if k < y]
    if before and not any(t.text == ITEM_BREAK for t in tokens[before[-1] : y]):
        return before[-1]
    return min(pcts, key=lambda k: _year_binding(tokens, y, k))


def find_schedule(contexts: list[Context], spec: CueSpec, year: int) -> dict[str, Figure]:
    """ "75 pct. af provenutabet i 2022, 50 pct. i 2023 og 2024 og 25 pct. i 2025" -> one key per year.

    Each year of the sentence (or of a lead sentence and its bullets), also one named relative to the
    schedule's start ("det fjerde år", `_relative_years`), is bound to its percentage
    (`_schedule_percentage`: "det første år (2017) med 75 pct." and "- 2021: 75 pct." as well); the first
    percentage carries the cues of the schedule. The schedule is the best-scoring such unit whose years all
    lie in the allowed offsets from the budget year.
    """
    any_year = spec.model_copy(update={"years": tuple(range(-100, 100))})
    best: tuple[float, dict[str, Figure]] | None = None
    for unit in _schedule_units(contexts):
        unit = _relative_years(unit, year)
        tokens = [t for t, _ in unit]
        pcts = [j for j, t in enumerate(tokens) if t.kind == "quantity" and t.quantity == "percent"]
        if not pcts:
            continue
        lead_ctx = unit[pcts[0]][1]
        lead = score_candidate(any_year, lead_ctx, lead_ctx.sentence.tokens.index(tokens[pcts[0]]), year)
        if lead is None or lead.score < min_score(spec):
            continue
        out: dict[str, Figure] = {}
        ok = True
        parallel = _parallel_lists(tokens, pcts)
        for y, t in enumerate(tokens):
            if t.kind != "year" or t.year is None:
                continue
            k = parallel[y] if y in parallel else _schedule_percentage(tokens, y, pcts)
            if y not in parallel and _year_binding(tokens, y, k) > MAX_YEAR_DISTANCE / 2:
                continue
            if t.year is None or t.year - year not in spec.years:
                ok = False
                break
            block = unit[k][1].sentence.block
            src = block.source(min(tokens[k].start, t.start), max(tokens[k].end, t.end))
            if unit[k][1] is not unit[y][1]:
                src = block.source(tokens[k].start, tokens[k].end)
            out[f"tilskudsprocent.{t.year}"] = Figure(
                key=f"tilskudsprocent.{t.year}",
                value=tokens[k].value,
                unit="pct.",
                source=src,
                precision=tokens[k].precision,
            )
        if ok and out and (best is None or lead.score > best[0]):
            best = (lead.score, out)
    return dict(sorted(best[1].items())) if best else {}
