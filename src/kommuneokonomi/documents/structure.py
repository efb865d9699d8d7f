"""Document structure: reading order repair, chapters (kapitler), Boks, Tabel and Bilag.

PDF layout puts a box (Boks) beside the running text; extracted text may then interleave the two, so a
sentence of the box stops mid-way, a new chapter starts, and the sentence resumes later in lower case.
`repair_reading_order` moves the resumed box text back after the sentence it completes.
"""

from __future__ import annotations

import re

from kommuneokonomi.documents.normalise import BILAG_RE, CHAPTER_RE, PART_RE
from kommuneokonomi.models import Block, Section, SectionKind

_DANGLING_END_RE = re.compile(r"[\wæøåÆØÅ,]$")
#: a box heading with its title on the same line ("Boks 2. Regionernes økonomi i 2009") opens a Boks part too
_TITLED_BOX_RE = re.compile(r"^Boks\s+\d{1,2}\.?\s+\S")
_LOOKAHEAD_BLOCKS = 25


def repair_reading_order(blocks: list[Block]) -> list[Block]:
    out = list(blocks)
    i = 0
    while i < len(out) - 2:
        x = out[i]
        if x.kind == "paragraph" and _DANGLING_END_RE.search(x.text) and out[i + 1].kind == "heading":
            j = next(
                (
                    k
                    for k in range(i + 2, min(len(out), i + _LOOKAHEAD_BLOCKS))
                    if out[k].kind == "paragraph" and out[k].text[:1].islower()
                ),
                None,
            )
            if j is not None:
                k = j + 1
                while k < len(out) and not out[k].page_start and not _is_structural(out[k]):
                    k += 1
                resumed = out[j]
                shift = len(x.text) + 1
                merged = x.model_copy(
                    update={
                        "text": x.text + " " + resumed.text,
                        "offsets": x.offsets + [(off + shift, line) for off, line in resumed.offsets],
                    }
                )
                out = [*out[:i], merged, *out[j + 1 : k], *out[i + 1 : j], *out[k:]]
        i += 1
    return out


def _is_structural(block: Block) -> bool:
    return block.kind == "heading" and bool(
        CHAPTER_RE.match(block.text) or PART_RE.match(block.text) or BILAG_RE.match(block.text)
    )


def assign_sections(blocks: list[Block], box_ends: set[int] | frozenset[int] = frozenset()) -> list[Section]:
    """Set `section` (chapter or Bilag label) and `part` (Boks/Tabel label) on every block.

    A Boks part lasts until the next structural heading, or until a line in `box_ends` (a reader that
    sees where a box ends, PDF, says so)."""
    sections: list[Section] = []
    chapter: str | None = None
    part: str | None = None
    chapter_no = 0
    table_rows_started = False

    def open_section(kind: SectionKind, label: str, block: Block) -> None:
        sections.append(Section(kind=kind, label=label, line_start=block.line_start, line_end=block.line_end))

    for block in blocks:
        if block.kind == "heading":
            m = CHAPTER_RE.match(block.text)
            if m and int(m.group("number")) in (chapter_no + 1, 1) and not block.text.endswith("."):
                chapter_no = int(m.group("number"))
                chapter, part = block.text, None
                open_section("kapitel", block.text, block)
            elif BILAG_RE.match(block.text):
                chapter, part = block.text, None
                open_section("bilag", block.text, block)
            elif PART_RE.match(block.text) or _TITLED_BOX_RE.match(block.text):
                kind = block.text.split()[0].lower()
                part = " ".join(block.text.split()[:2]).rstrip(".")
                table_rows_started = False
                open_section("tabel" if kind == "tabel" else "boks", part, block)
        elif part and part.startswith("Tabel") and block.kind != "table_row" and table_rows_started:
            part = None
        if block.kind == "table_row":
            table_rows_started = True
        block.section = chapter
        block.part = part if (block.kind != "paragraph" or not (part or "").startswith("Tabel")) else None
        if part and part.startswith("Boks") and block.line_end in box_ends:
            part = None
        if sections:
            sections[-1].line_end = max(sections[-1].line_end, block.line_end)
    return sections
