"""The store: SQLite by default (its path from an option or KOMMUNEOKONOMI_DB), any SQLAlchemy URL otherwise.

Ingesting the same file again changes nothing; a changed file for the same year becomes a new version
while the old stays queryable; each ingest is one transaction, so a failure leaves the store as it was.
All SQL goes through SQLAlchemy Core with bound parameters.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import (
    Column,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from kommuneokonomi.models import Block, DocumentResult, Figure, Source

ENV_VAR = "KOMMUNEOKONOMI_DB"

metadata = MetaData()
documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("year", Integer, nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("date", String(10)),
    Column("title", Text),
    Column("filename", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("n_lines", Integer, nullable=False),
    Column("n_pages", Integer),
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("year", "version"),
)
figures = Table(
    "figures",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(80), nullable=False),
    Column("value", Text),  # exact: a decimal string for numbers
    Column("value_type", String(8)),  # "number", "text" or None (not stated)
    Column("unit", String(32)),
    Column("price_level", Integer),
    Column("section", Text),
    Column("part", Text),
    Column("line_start", Integer),
    Column("line_end", Integer),
    PrimaryKeyConstraint("document_id", "key"),
)
warnings = Table(
    "warnings",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("code", String(64), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("section", Text),
    Column("line_start", Integer),
    Column("line_end", Integer),
    PrimaryKeyConstraint("document_id", "seq"),
)
blocks = Table(
    "blocks",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("section", Text),
    Column("part", Text),
    Column("text", Text, nullable=False),
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
    Column("page", Integer),
    Column("offsets", Text),  # JSON [[char offset, source line], …]: the block's line map
    PrimaryKeyConstraint("document_id", "seq"),
)


class StoreError(RuntimeError):
    pass


def default_db_path() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kommuneokonomi" / "kommuneokonomi.sqlite"


def resolve_url(db: str | None) -> str:
    """An option value, else KOMMUNEOKONOMI_DB, else the default SQLite file. A plain path means SQLite;
    postgresql://user@host:port/db means PostgreSQL (driver psycopg 3)."""
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        scheme, rest = value.split("://", 1)
        if scheme in ("postgresql", "postgres"):  # the psycopg 3 driver, which the package installs
            return f"postgresql+psycopg://{rest}"
        return value
    path = Path(value).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class StoredDocument:
    id: int
    year: int
    version: int
    sha256: str
    date: str | None
    title: str | None
    filename: str
    format: str
    ingested_at: str


@dataclass(frozen=True)
class AddOutcome:
    status: str  # "ny", "ny version", "uændret"
    document: StoredDocument


class Store:
    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_url(db)
        try:
            self.engine: Engine = create_engine(self.url)
            metadata.create_all(self.engine)
            self._migrate()
        except SQLAlchemyError as exc:
            raise StoreError(f"databasen {self.url} kan ikke åbnes: {exc.__class__.__name__}: {exc}") from exc

    def _migrate(self) -> None:
        """Columns added after a store was first created (the store is never rebuilt behind a user's back)."""
        present = {c["name"] for c in inspect(self.engine).get_columns("blocks")}
        if "offsets" not in present:
            with self.engine.begin() as conn:
                conn.execute(text("ALTER TABLE blocks ADD COLUMN offsets TEXT"))

    def add(self, result: DocumentResult) -> AddOutcome:
        """Store one document's result in one transaction."""
        with self.engine.begin() as conn:
            row = conn.execute(select(documents).where(documents.c.sha256 == result.meta.sha256)).first()
            if row is not None:
                return AddOutcome("uændret", StoredDocument(**_doc_fields(row)))
            last = conn.execute(
                select(func.max(documents.c.version)).where(documents.c.year == result.meta.year)
            ).scalar()
            version = (last or 0) + 1
            doc_id = conn.execute(
                insert(documents).values(
                    year=result.meta.year,
                    version=version,
                    sha256=result.meta.sha256,
                    date=result.meta.date,
                    title=result.meta.title,
                    filename=Path(result.meta.path).name,
                    format=result.meta.format,
                    n_lines=result.document.n_lines,
                    n_pages=result.document.n_pages,
                    ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            ).inserted_primary_key[0]
            conn.execute(insert(figures), [_figure_row(doc_id, fig) for fig in result.figures.values()])
            if result.warnings:
                conn.execute(
                    insert(warnings),
                    [
                        {
                            "document_id": doc_id,
                            "seq": i,
                            "code": w.code,
                            "severity": w.severity,
                            "message": w.message,
                            "section": w.source.section if w.source else None,
                            "line_start": w.source.line_start if w.source else None,
                            "line_end": w.source.line_end if w.source else None,
                        }
                        for i, w in enumerate(result.warnings)
                    ],
                )
            conn.execute(
                insert(blocks),
                [
                    {
                        "document_id": doc_id,
                        "seq": i,
                        "kind": b.kind,
                        "section": b.section,
                        "part": b.part,
                        "text": b.text,
                        "line_start": b.line_start,
                        "line_end": b.line_end,
                        "page": b.page,
                        "offsets": json.dumps(b.offsets),
                    }
                    for i, b in enumerate(result.document.blocks)
                ],
            )
            stored = conn.execute(select(documents).where(documents.c.id == doc_id)).one()
        return AddOutcome("ny" if version == 1 else "ny version", StoredDocument(**_doc_fields(stored)))

    def documents(self, year: int | None = None) -> list[StoredDocument]:
        query = select(documents).order_by(documents.c.year, documents.c.version)
        if year is not None:
            query = query.where(documents.c.year == year)
        with self.engine.connect() as conn:
            return [StoredDocument(**_doc_fields(r)) for r in conn.execute(query)]

    def latest(self) -> dict[int, StoredDocument]:
        """The newest version of each year."""
        out: dict[int, StoredDocument] = {}
        for doc in self.documents():
            out[doc.year] = doc
        return out

    def figures(self, document_id: int) -> dict[str, Figure]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(figures).where(figures.c.document_id == document_id)).all()
        return {r.key: _figure_from_row(r) for r in rows}

    def blocks(self, document_id: int) -> list[Block]:
        """The normalised blocks of a stored document, in reading order, with their line maps."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(blocks).where(blocks.c.document_id == document_id).order_by(blocks.c.seq)
            ).all()
        return [_block_from_row(r) for r in rows]

    def blocks_at(self, wanted: list[tuple[int, int]]) -> dict[tuple[int, int], Block]:
        """Some blocks by (document id, seq), e.g. search hits' paragraphs, without reading the rest."""
        if not wanted:
            return {}
        pairs = sorted(set(wanted))
        where = " OR ".join(f"(document_id = :d{i} AND seq = :s{i})" for i in range(len(pairs)))
        params = {k: v for i, (d, q) in enumerate(pairs) for k, v in ((f"d{i}", d), (f"s{i}", q))}
        with self.engine.connect() as conn:  # one statement; the key's index serves each pair
            rows = conn.execute(text(f"SELECT * FROM blocks WHERE {where}"), params).all()
        return {(r.document_id, r.seq): _block_from_row(r) for r in rows}

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table (for tests that prove a failed ingest changed nothing)."""
        with self.engine.connect() as conn:
            return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in metadata.sorted_tables}


def _block_from_row(r) -> Block:
    return Block(
        kind=r.kind,
        text=r.text,
        section=r.section,
        part=r.part,
        page=r.page,
        offsets=[tuple(o) for o in json.loads(r.offsets)]
        if r.offsets
        else [(0, r.line_start), (max(0, len(r.text) - 1), r.line_end)],
    )


def _doc_fields(row) -> dict:
    m = row._mapping
    return {
        k: m[k]
        for k in ("id", "year", "version", "sha256", "date", "title", "filename", "format", "ingested_at")
    }


def _figure_row(doc_id: int, fig: Figure) -> dict:
    if fig.value is None:
        value, value_type = None, None
    elif isinstance(fig.value, str):
        value, value_type = fig.value, "text"
    else:
        value, value_type = str(fig.value), "number"
    src = fig.source
    return {
        "document_id": doc_id,
        "key": fig.key,
        "value": value,
        "value_type": value_type,
        "unit": fig.unit,
        "price_level": fig.price_level,
        "section": src.section if src else None,
        "part": src.part if src else None,
        "line_start": src.line_start if src else None,
        "line_end": src.line_end if src else None,
    }


def _figure_from_row(r) -> Figure:
    value = Decimal(r.value) if r.value_type == "number" else r.value
    source = None
    if r.line_start is not None:
        source = Source(section=r.section, part=r.part, line_start=r.line_start, line_end=r.line_end)
    return Figure(key=r.key, value=value, unit=r.unit, price_level=r.price_level, source=source)
