"""The agreements' text as stored by `ingest` (the newest version of each year)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kommuneokonomi.models import Block
from kommuneokonomi.store import Store


class NoTextsError(RuntimeError):
    pass


@dataclass(frozen=True)
class AgreementText:
    year: int
    version: int
    date: str | None
    title: str | None
    blocks: list[Block]


def loaded_years(store: Store) -> list[int]:
    """The budget years with a stored text (NoTextsError, naming the store, if none)."""
    latest = store.latest()
    if not latest:
        raise NoTextsError(
            f"ingen aftaletekster i databasen ({store.url}); kør først: "
            "kommuneokonomi ingest ../shared/corpus"
        )
    return sorted(latest)


def load_texts(store: Store) -> dict[int, AgreementText]:
    loaded_years(store)
    latest = store.latest()
    return {
        year: AgreementText(
            year=year, version=doc.version, date=doc.date, title=doc.title, blocks=store.blocks(doc.id)
        )
        for year, doc in sorted(latest.items())
    }


def paragraphs(blocks: list[Block]) -> Iterator[tuple[int, Block, str | None]]:
    """(seq, block, subheading) of each paragraph and bullet; a new section starts without a heading."""
    heading = section = None
    for seq, block in enumerate(blocks):
        if block.section != section:
            section, heading = block.section, None
        if block.kind == "heading":
            heading = block.text
        elif block.kind in ("paragraph", "bullet"):
            yield seq, block, heading
