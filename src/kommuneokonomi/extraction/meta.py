"""Budget year, agreement date and title, from the content (never from the file name)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kommuneokonomi.models import Block, Document, Source

MONTHS = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
#: a title: "Aftale om kommunernes økonomi for 2027", "Aftale mellem regeringen og KL om kommunernes
#: økonomi for 2027", "Økonomiaftale for kommunerne 2027", a joint publication's "Aftaler om den kommunale
#: og regionale økonomi for 2011"; at the start of a block (or of two joined blocks)
_TITLE_RE = re.compile(
    r"^\W*(?P<title>(?:Aftaler?|Økonomiaftaler?)\b[^.\n]{0,80}?\bkommun(?:e(?:rne|rnes)?s?|ale)\b[^.\n]{0,40}?"
    r"(?:økonomi\s+)?(?:for|i)?\s*(?P<year>(?:19|20)\d{2}))\b",
    re.IGNORECASE,
)
#: a press release's headline naming the parties' agreement on the year: "Regeringen og KL er enige om
#: kommunernes økonomi for 2027", "KL og regeringen har indgået aftale om kommuneøkonomien for 2027"
_HEADLINE_RE = re.compile(
    r"^\W*(?P<title>(?:regeringen\s+og\s+KL|KL\s+og\s+regeringen)\b[^.\n]{0,60}?"
    r"\b(?:kommunernes\s+økonomi|kommuneøkonomi(?:en)?)\s+(?:for|i)\s+(?P<year>(?:19|20)\d{2}))\b",
    re.IGNORECASE,
)
#: the agreement named by its year alone, as KL's summary for its members does ("Økonomiaftalen for 2027 – det
#: betyder aftalen for kommunerne"); a title naming the regions is theirs
_YEAR_TITLE_RE = re.compile(
    r"^\W*(?P<title>Økonomiaftalen?\s+(?:for|i)\s+(?P<year>(?:19|20)\d{2}))\b", re.IGNORECASE
)
_REGION_TITLE_RE = re.compile(
    r"^\W*(?:Aftale|Økonomiaftale)\b[^.\n]{0,80}?\bregion(?:erne|ernes)\b", re.IGNORECASE
)
#: the agreement's own voice: the parties agree ("Regeringen og KL er enige om", "Parterne er enige om")
_AGREEMENT_VOICE_RE = re.compile(
    r"\b(?:regeringen og KL|parterne)\s+"
    r"(?:er\s+(?:\w+\s+){0,3}enige|har\s+(?:\w+\s+){0,3}(?:aftalt|indgået|underskrevet|landet)"
    r"|blev\s+(?:\w+\s+){0,2}enige|indgik|underskrev)",
    re.IGNORECASE,
)
_MAX_TITLE_BLOCK = 160
_MAX_FRONT_BLOCKS = 12
_DATE_RE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})", re.IGNORECASE
)
#: the closing signature: "København, den 27. maj 2025", "Aftalt den 5. juni 2027 mellem regeringen og KL"
#: (a place and a comma, or a verb of concluding, then "den" right before the date)
_SIGNED_RE = re.compile(
    r"^[\W_]*(?:[A-ZÆØÅ][\w.-]*(?:\s+[A-ZÆØÅ][\w.-]*)?,\s*|(?:aftalt|indgået|underskrevet|vedtaget)\s+)den\s+$",
    re.IGNORECASE,
)
#: a web page's own dates ("Publiceret 3. juni 2041", "Senest opdateret: …") are not the agreement's
_PUBLISHED_RE = re.compile(
    r"\b(?:publiceret|offentliggjort|opdateret|udgivet|ændret|oprettet)\s*(?:den\s*)?[:\-–]?\s*$",
    re.IGNORECASE,
)
_CLOSING_BLOCKS = 5
#: the parties' concluding of the agreement, dated in the text ("Regeringen og KL har torsdag den 2. juni
#: indgået aftale …", "Den 4. juni indgik parterne aftale …"): the verb and the parties near the date
_CONCLUDED_RE = re.compile(r"\b(?:indgået|indgik|aftalt|aftalte|underskrevet|underskrev)\b", re.IGNORECASE)
_PARTIES_RE = re.compile(r"\b(?:regeringen|KL|parterne)\b", re.IGNORECASE)
_CONCLUDED_CHARS = 80
_OPENING_BLOCKS = 12
_MAX_SIGNATURE = 120
#: where the budget year is stated when there is no title: the frames chapter
_FRAME_YEAR_RES = (
    re.compile(r"kommunernes økonomi(?:ske rammer)? (?:for|i) (?P<year>(?:19|20)\d{2})", re.IGNORECASE),
    re.compile(r"serviceramme(?:n)? (?:for|i) (?P<year>(?:19|20)\d{2})", re.IGNORECASE),
    re.compile(r"Balance for kommunerne i (?P<year>(?:19|20)\d{2})", re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d{2})-pl\b", re.IGNORECASE),
)


@dataclass
class Found:
    value: str | int
    source: Source


@dataclass
class Meta:
    year: Found | None
    date: Found | None
    title: Found | None
    year_conflict: Found | None = None
    regions: bool = False  # the regions' agreement, not the municipalities'
    voice: int = 0  # how often the parties' agreement is stated ("Regeringen og KL er enige om")


def _front_matter(doc: Document) -> list[Block]:
    """Blocks before the first chapter heading."""
    out = []
    for block in doc.blocks:
        if block.section is not None:
            break
        out.append(block)
    return out


def _title_candidates(front: list[Block]) -> list[tuple[str, Block]]:
    """Short front blocks, alone and joined with the next (a title over two lines)."""
    first = front[:_MAX_FRONT_BLOCKS]
    short = [b for b in first if len(b.text) <= _MAX_TITLE_BLOCK]
    out = [(b.text[:_MAX_TITLE_BLOCK], b) for b in first]  # a title may open a longer block (PDF)
    out += [(a.text + " " + b.text, a) for a, b in itertools.pairwise(short)]
    return out


def _iso(d: re.Match[str]) -> str:
    return f"{int(d.group('year')):04d}-{MONTHS[d.group('month').lower()]:02d}-{int(d.group('day')):02d}"


def _signature_date(doc: Document, year: int | None) -> Found | None:
    """The date of the closing signature when the front matter gives none: a short line among the last
    blocks dating the agreement ("…, den 27. maj 2025"), in the year before the budget year (an
    agreement is made before the year it budgets)."""
    for block in reversed([b for b in doc.blocks if b.kind != "table_row"][-_CLOSING_BLOCKS:]):
        if len(block.text) > _MAX_SIGNATURE:
            continue
        for d in _DATE_RE.finditer(block.text):
            signed = _SIGNED_RE.search(block.text[: d.start()])
            if signed and (year is None or int(d.group("year")) == year - 1):
                return Found(_iso(d), block.source(d.start(), d.end()))
    return None


def _concluded_date(doc: Document, year: int | None) -> Found | None:
    """The date on which the parties concluded the agreement, as the opening text states it (neither front
    matter nor signature dating it): a date near a verb of concluding and the parties, in the year before
    the budget year."""
    for block in [b for b in doc.blocks if b.kind != "table_row"][:_OPENING_BLOCKS]:
        for d in _DATE_RE.finditer(block.text):
            near = block.text[max(0, d.start() - _CONCLUDED_CHARS) : d.end() + _CONCLUDED_CHARS]
            if (
                _CONCLUDED_RE.search(near)
                and _PARTIES_RE.search(near)
                and (year is None or int(d.group("year")) == year - 1)
            ):
                return Found(_iso(d), block.source(d.start(), d.end()))
    return None


def find_meta(doc: Document) -> Meta:
    front = _front_matter(doc)
    title = date = None
    regions = False
    for text, block in _title_candidates(front):
        m = _TITLE_RE.match(text) or _HEADLINE_RE.match(text)
        if m is None and "region" not in text.lower():
            m = _YEAR_TITLE_RE.match(text)
        if m and title is None:
            end = min(m.end("title"), len(block.text))
            title = Found(re.sub(r"\s+", " ", m.group("title")), block.source(m.start("title"), end))
            year_in_title = int(m.group("year"))
        if _REGION_TITLE_RE.match(text) and title is None:
            regions = True
    own = next((b for b in doc.blocks if _part_title(b) == "kommunernes"), None) if regions else None
    m = _TITLE_RE.match(own.text) if own is not None else None
    if own is not None and m is not None:  # a joint publication opening with the regions' agreement
        regions = False
        end = min(m.end("title"), len(own.text))
        title = Found(re.sub(r"\s+", " ", m.group("title")), own.source(m.start("title"), end))
        year_in_title = int(m.group("year"))
    for block in front:
        for d in _DATE_RE.finditer(block.text):
            if date is None and not _PUBLISHED_RE.search(block.text[: d.start()]):
                date = Found(_iso(d), block.source(d.start(), d.end()))
    frame_year = _year_from_frames(doc)
    year = Found(year_in_title, title.source) if title else frame_year
    if date is None:
        date = _signature_date(doc, None if year is None else int(year.value))
    if date is None:
        date = _concluded_date(doc, None if year is None else int(year.value))
    conflict = None
    if title and frame_year and year and frame_year.value != year.value:
        conflict = frame_year
    voice = sum(len(_AGREEMENT_VOICE_RE.findall(b.text)) for b in doc.blocks if b.kind != "table_row")
    return Meta(year=year, date=date, title=title, year_conflict=conflict, regions=regions, voice=voice)


def _year_from_frames(doc: Document) -> Found | None:
    """The budget year without a title: the frames chapter's heading, the service frame, Tabel 1, the PL.

    The first pattern is only read in headings: in running text "Aftale om kommunernes økonomi for 2023"
    cites last year's agreement.
    """
    frames = [b for b in doc.blocks if b.section and "økonomi" in b.section.lower()]
    for n, pattern in enumerate(_FRAME_YEAR_RES):
        for block in frames or doc.blocks:
            if n == 0 and block.kind != "heading":
                continue
            m = pattern.search(block.text)
            if m:
                return Found(int(m.group("year")), block.source(m.start(), m.end()))
    return None


#: the title of the regions' own agreement opening its part of a joint publication ("Aftaler om den
#: kommunale og regionale økonomi for 2011" holds "AFTALE OM REGIONERNES ØKONOMI FOR 2011" after the
#: municipalities'); a sentence about it ("Aftale om regionernes økonomi for 2011 indebærer …") is not
_PART_TITLE_RE = re.compile(
    # the title may follow a part's number: "Del II – Aftale om regionernes økonomi for 2013"
    r"^\W*(?:Del\s+(?:[IVX]{1,4}|\d{1,2})\.?\s*[–:.-]?\s*)?"
    r"Aftale\s+om\s+(?P<who>regionernes|kommunernes)\s+økonomi\s+(?:for|i)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


def _part_title(block: Block) -> str | None:
    """ "regionernes" or "kommunernes" when the block opens with that agreement's title (not a sentence)."""
    m = _PART_TITLE_RE.match(block.text)
    if m is None:
        return None
    rest = block.text[m.end() :].lstrip()
    if rest and not (rest[0].isdigit() or rest[0].isupper()):
        return None
    return m.group("who").lower()


#: a box about the regions' economy ("Boks 3. Regionernes økonomi i 2012 (særskilt aftale)")
_REGIONS_BOX_RE = re.compile(r"^(?:Boks|Faktaboks)\s+\d{1,2}\.?\s+Regionernes\b", re.IGNORECASE)


def regions_parts(doc: Document) -> list[tuple[int, int]]:
    """The regions' agreement inside a joint publication, and a box summing up the regions' economy:
    (first, end) block index ranges; the agreement from its title to the municipalities' title or the
    end, the box to the next heading. Their figures (the regions' frames, conditional grant and price
    estimates) are not the municipalities' key figures."""
    parts: list[tuple[int, int]] = []
    start: int | None = None
    titles = [_part_title(b) for b in doc.blocks]
    municipal = [i for i, who in enumerate(titles) if who == "kommunernes"]
    for i, block in enumerate(doc.blocks):
        if start is None and block.kind == "heading" and _REGIONS_BOX_RE.match(block.text):
            # the box ends at the next heading, or where the reader saw its frame end (PDF: the Boks part)
            end = next(
                (
                    k
                    for k in range(i + 1, len(doc.blocks))
                    if doc.blocks[k].kind == "heading" or (block.part and doc.blocks[k].part != block.part)
                ),
                None,
            )
            parts.append((i, end or len(doc.blocks)))
            continue
        who = titles[i]
        # in the front matter only when the municipalities' agreement follows (the regions' comes first)
        if (
            who == "regionernes"
            and start is None
            and (i >= _MAX_FRONT_BLOCKS or any(k > i for k in municipal))
        ):
            start = i
        elif who == "kommunernes" and start is not None:
            parts.append((start, i))
            start = None
    if start is not None:
        parts.append((start, len(doc.blocks)))
    return parts
