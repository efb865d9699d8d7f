"""Budget year, agreement date and title, from the content (never from the file name)."""

from __future__ import annotations

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
_TITLE_RE = re.compile(r"Aftale om kommunernes økonomi for (?P<year>\d{4})")
_DATE_RE = re.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})", re.IGNORECASE
)
#: where the budget year is stated when there is no title: the frames chapter
_FRAME_YEAR_RES = (
    re.compile(r"serviceramme (?:for|i) (?P<year>\d{4})"),
    re.compile(r"Balance for kommunerne i (?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-pl\b", re.IGNORECASE),
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


def _front_matter(doc: Document) -> list[Block]:
    """Blocks before the first chapter heading."""
    out = []
    for block in doc.blocks:
        if block.section is not None:
            break
        out.append(block)
    return out


def find_meta(doc: Document) -> Meta:
    front = _front_matter(doc)
    title = date = None
    for block in front:
        m = _TITLE_RE.search(block.text)
        if m and title is None:
            title = Found(m.group(0), block.source(m.start(), m.end()))
        d = _DATE_RE.search(block.text)
        if d and date is None:
            iso = (
                f"{int(d.group('year')):04d}-{MONTHS[d.group('month').lower()]:02d}-{int(d.group('day')):02d}"
            )
            date = Found(iso, block.source(d.start(), d.end()))
    frame_year = _year_from_frames(doc)
    year = Found(int(title.value[-4:]), title.source) if title else frame_year
    conflict = None
    if title and frame_year and frame_year.value != year.value:
        conflict = frame_year
    return Meta(year=year, date=date, title=title, year_conflict=conflict)


def _year_from_frames(doc: Document) -> Found | None:
    frames = [b for b in doc.blocks if b.section and "økonomiske rammer" in b.section.lower()]
    for pattern in _FRAME_YEAR_RES:
        for block in frames or doc.blocks:
            m = pattern.search(block.text)
            if m:
                return Found(int(m.group("year")), block.source(m.start(), m.end()))
    return None
