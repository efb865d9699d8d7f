"""Typed models shared by readers, extractors, the store and the CLI.

The canonical figure contract (see docs: design brief) is `DocumentResult.to_contract()`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, overload

from pydantic import BaseModel, ConfigDict, Field

BlockKind = Literal["heading", "paragraph", "bullet", "table_row"]
SectionKind = Literal["kapitel", "boks", "tabel", "bilag"]
DocumentFormat = Literal["text", "markdown", "pdf", "html"]
Severity = Literal["info", "advarsel", "fejl"]
Value = Decimal | int | str


class Source(BaseModel):
    """Where an item stands in the source file: section title and original line numbers (1-based)."""

    model_config = ConfigDict(frozen=True)

    section: str | None
    line_start: int
    line_end: int
    part: str | None = None  # "Tabel 1", "Boks 1" … inside the section, where relevant

    def to_contract(self) -> dict:
        out: dict = {"section": self.section, "line_start": self.line_start, "line_end": self.line_end}
        if self.part:
            out["part"] = self.part
        return out


class Block(BaseModel):
    """A normalised unit of text (a heading, a paragraph, a bullet or a table row).

    `offsets` maps character offsets in `text` to original line numbers: entry (offset, line) means the
    text from `offset` on came from source line `line`, until the next entry.
    """

    kind: BlockKind
    text: str
    offsets: list[tuple[int, int]]
    page: int | None = None
    page_start: bool = False
    section: str | None = None
    part: str | None = None
    cells: list[str] | None = None

    @property
    def line_start(self) -> int:
        return min(line for _, line in self.offsets)

    @property
    def line_end(self) -> int:
        return max(line for _, line in self.offsets)

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """Original line range covering text[start:end]."""
        covered = [line for off, line in self.offsets if off < max(end, start + 1)]
        first = [line for off, line in self.offsets if off <= start]
        lo = first[-1] if first else self.offsets[0][1]
        hi = covered[-1] if covered else lo
        return (min(lo, hi), max(lo, hi))

    def source(self, start: int | None = None, end: int | None = None) -> Source:
        if start is None or end is None:
            return Source(
                section=self.section, part=self.part, line_start=self.line_start, line_end=self.line_end
            )
        lo, hi = self.lines_of(start, end)
        return Source(section=self.section, part=self.part, line_start=lo, line_end=hi)


class Section(BaseModel):
    kind: SectionKind
    label: str  # "2. Kommunernes økonomiske rammer for 2020", "Boks 1", "Tabel 1", "Bilag 1. …"
    line_start: int
    line_end: int


class Document(BaseModel):
    """A normalised agreement document: blocks in reading order with a line map, and its sections."""

    path: str
    format: DocumentFormat
    sha256: str
    n_lines: int
    n_pages: int | None = None
    encoding: str = "utf-8"
    blocks: list[Block]
    sections: list[Section] = Field(default_factory=list)


class Figure(BaseModel):
    key: str
    value: Value | None
    unit: str | None
    price_level: int | None = None
    source: Source | None = None
    precision: Decimal | None = None  # the unit of the last printed digit, in the figure's unit

    def contract_value(self) -> int | float | str | None:
        return to_json_number(self.value)


class Issue(BaseModel):
    """A consistency warning or a reading note, with a code and a location."""

    code: str
    severity: Severity
    message: str
    source: Source | None = None

    def to_contract(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source.to_contract() if self.source else None,
        }


NullReason = Literal["ikke_angivet", "tvetydig", "modstrid"]


class Candidate(BaseModel):
    """A value the extractor considered for a key, with where it stands and how well it scored."""

    value: Value
    unit: str | None
    source: Source | None = None
    score: float | None = None
    why: str | None = None  # the cues behind the score ("serviceramm* +0.55; udgør +0.40")

    def to_contract(self) -> dict:
        return {
            "value": to_json_number(self.value),
            "unit": self.unit,
            "score": self.score,
            "why": self.why,
            "source": self.source.to_contract() if self.source else None,
        }


class Gap(BaseModel):
    """Why a key of the contract is null: not stated, ambiguous (candidates listed) or conflicting."""

    key: str
    reason: NullReason = "ikke_angivet"
    message: str = "ikke angivet i dokumentet"
    candidates: list[Candidate] = Field(default_factory=list)

    def to_contract(self) -> dict:
        return {
            "reason": self.reason,
            "message": self.message,
            "candidates": [c.to_contract() for c in self.candidates],
        }


class DocumentMeta(BaseModel):
    year: int
    date: str | None
    title: str | None
    sha256: str
    format: str
    path: str


class DocumentResult(BaseModel):
    meta: DocumentMeta
    figures: dict[str, Figure]
    warnings: list[Issue]
    document: Document
    gaps: dict[str, Gap] = Field(default_factory=dict)  # why a null key is null (default: not stated)

    def coverage(self) -> dict:
        """Keys found, and keys null with the reason: the `coverage` object of the contract."""
        return coverage_of(self.figures, self.gaps)

    def to_contract(self) -> dict:
        return {
            "document": {
                "year": self.meta.year,
                "date": self.meta.date,
                "title": self.meta.title,
                "sha256": self.meta.sha256,
            },
            "figures": {
                key: None
                if fig.value is None
                else {
                    "value": fig.contract_value(),
                    "unit": fig.unit,
                    "price_level": fig.price_level,
                    "source": fig.source.to_contract() if fig.source else None,
                }
                for key, fig in self.figures.items()
            },
            "warnings": [w.to_contract() for w in self.warnings],
            "coverage": self.coverage(),
        }


def coverage_of(figures: dict[str, Figure], gaps: dict[str, Gap]) -> dict:
    """Keys found, and keys null with the reason (a null key without a recorded gap: not stated)."""
    found = sorted(k for k, f in figures.items() if f.value is not None)
    missing = {
        k: (gaps.get(k) or Gap(key=k)).to_contract() for k, f in sorted(figures.items()) if f.value is None
    }
    return {"found": found, "null": missing, "n_found": len(found), "n_keys": len(figures)}


def as_decimal(value: Value | None) -> Decimal:
    """A figure's value as a Decimal where the caller has made sure it is there (a typed narrowing)."""
    if value is None:
        raise ValueError("værdien mangler")
    return Decimal(value)


@overload
def to_json_number(value: Decimal) -> int | float: ...
@overload
def to_json_number(value: Value | None) -> int | float | str | None: ...
def to_json_number(value: Value | None) -> int | float | str | None:
    """Decimals become int when whole, else float (the JSON contract); strings stay strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
