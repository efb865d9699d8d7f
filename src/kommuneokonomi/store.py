"""The store: SQLite by default (its path from an option or KOMMUNEOKONOMI_DB), any SQLAlchemy URL otherwise.

Ingesting the same file again changes nothing; a changed file for the same year becomes a new version
while the old stays queryable; each ingest is one transaction, so a failure leaves the store as it was.
Writers wait for each other, also across processes (`Store.write`): SQLite with BEGIN IMMEDIATE in WAL
mode and a busy timeout, PostgreSQL with a transaction-level advisory lock. A new version that lacks key
figures the version in use has is stored but held back ("ikke taget i brug") unless the user confirms it.
A store that cannot be opened or reached raises `StoreUnavailable`: one Danish line naming the store.
All SQL goes through SQLAlchemy Core with bound parameters.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import overload

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
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
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    IntegrityError,
    NotSupportedError,
    ProgrammingError,
    SQLAlchemyError,
)

from kommuneokonomi.models import Block, Candidate, DocumentResult, Figure, Gap, Source, Value

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
    # true: stored but not taken into use (it lacks key figures the version in use has; added in issue 11)
    Column("held_back", Boolean),
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
gaps = Table(  # why each null key of a document version is null (its coverage); added in issue 9
    "gaps",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(80), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("candidates", Text, nullable=False),  # JSON list of candidates (value as an exact string)
    PrimaryKeyConstraint("document_id", "key"),
)
corrections = Table(  # a reviewer's value for a key of a year, with provenance; undone rows stay (history)
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("year", Integer, nullable=False, index=True),
    Column("key", String(80), nullable=False),
    Column("value", Text, nullable=False),  # exact: a decimal string for numbers
    Column("value_type", String(8), nullable=False),  # "number" or "text"
    Column("unit", String(32)),
    Column("kilde", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("user_name", String(100)),
    Column("created_at", String(32), nullable=False),
    Column("extracted_value", Text),  # the value it replaced, from the document or the shipped parameters
    Column("extracted_type", String(8)),
    Column("basis", Text, nullable=False),  # what was corrected: "parametre" or "dokument <sha256>"
    Column("basis_version", Integer),  # the document version, when the basis is a document
    Column("undone_at", String(32)),
    Column("undone_by", String(100)),
)

scenarios = Table(  # a stored simulation (web/scenarios.py): its inputs reproduce it under a short address
    "scenarios",
    metadata,
    Column("id", String(16), primary_key=True),  # a content hash of kind, origin, inputs and title
    Column("kind", String(16), nullable=False),  # pulje, sanktion or skat
    Column("origin", String(16), nullable=False),  # api or formular: which input model the inputs follow
    Column("inputs", Text, nullable=False),  # canonical JSON (uploaded CSV columns included as exact strings)
    Column("title", Text),
    Column("basis", Text, nullable=False),  # JSON: the documents and corrections stamp it was computed on
    Column("total_kr", Text, nullable=False),  # the result when stored (exact integer string)
    Column("amounts_kr", Text, nullable=False),  # JSON list of the 98 amounts, register order
    Column("created_at", String(32), nullable=False, index=True),
)


class StoreError(RuntimeError):
    pass


class StoreUnavailable(StoreError):
    """The store cannot be opened or reached (corrupt or unreadable SQLite file, read-only or missing
    directory, PostgreSQL down, unknown URL scheme, busy beyond the timeout). Its message is one Danish line
    naming the store with its password hidden; the server answers 503 with it."""


#: how long a writer waits for another one (SQLite's busy timeout, in seconds)
BUSY_TIMEOUT = 60
#: the PostgreSQL advisory lock every writer of a store takes for its transaction (any constant of our own)
PG_WRITE_LOCK = 0x6B6F
SCHEMES = ("sqlite", "postgresql", "postgres", "postgresql+psycopg")


def default_db_path() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kommuneokonomi" / "kommuneokonomi.sqlite"


def resolve_url(db: str | None) -> str:
    """An option value, else KOMMUNEOKONOMI_DB, else the default SQLite file. A plain path means SQLite;
    postgresql://user@host:port/db means PostgreSQL (driver psycopg 3). Other schemes are refused; the
    default file's directory is created, a given path's directory must exist."""
    value = db or os.environ.get(ENV_VAR)
    if value and "://" in value:
        scheme, rest = value.split("://", 1)
        if scheme.lower() not in SCHEMES:
            raise StoreUnavailable(
                f"databasen {shown(value)} kan ikke åbnes: ukendt databasetype {scheme!r}; "
                "brug en SQLite-fil (en sti eller sqlite:///sti) eller postgresql://bruger@vært:port/database"
            )
        if scheme.lower() in ("postgresql", "postgres"):  # the psycopg 3 driver, which the package installs
            return f"postgresql+psycopg://{rest}"
        return value
    path = Path(value).expanduser() if value else default_db_path()
    if not value:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"databasen {path} kan ikke åbnes: mappen kan ikke oprettes ({exc.strerror})"
            ) from exc
    return f"sqlite:///{path}"


def shown(url: str) -> str:
    """The store as messages name it: a SQLite file by its path, a server URL with its password hidden."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url.split("@", 1)[-1] if "@" in url else url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def reason(exc: BaseException) -> str:
    """A database error in one Danish line, without SQL or parameters (the driver's first line when the
    case is not a known one)."""
    if isinstance(exc, StoreError):  # already one line that names the store
        return str(exc)
    orig = getattr(exc, "orig", None) or exc
    raw = str(orig).strip()
    msg = raw.lower() if isinstance(exc, SQLAlchemyError) else ""
    known: tuple[tuple[str, str], ...] = (
        ("file is not a database", "filen er ikke en SQLite-database (beskadiget, eller en anden slags fil)"),
        ("database disk image is malformed", "databasefilen er beskadiget"),
        ("readonly database", "der må ikke skrives i databasen (skrivebeskyttet fil eller mappe)"),
        ("unable to open database file", "filen kan ikke åbnes eller oprettes (må der skrives i mappen?)"),
        ("database is locked", f"databasen er optaget af en anden skrivning i over {BUSY_TIMEOUT} s"),
        ("disk i/o error", "diskfejl ved læsning eller skrivning"),
        ("database or disk is full", "disken er fuld"),
        ("password authentication failed", "adgang nægtet (bruger eller adgangskode)"),
        ('role "', "brugeren findes ikke på serveren"),
        ('database "', "databasen findes ikke på serveren"),
        ("connection refused", "serveren svarer ikke (forbindelsen blev afvist)"),
        ("timeout expired", "serveren svarer ikke (tidsgrænsen blev overskredet)"),
        ("could not translate host name", "serverens navn kendes ikke"),
        ("name or service not known", "serverens navn kendes ikke"),
        ("server closed the connection", "serveren lukkede forbindelsen"),
        ("terminating connection", "serveren lukkede forbindelsen"),
        ("connection failed", "serveren kan ikke nås"),
    )
    for needle, danish in known:
        if needle in msg:
            return danish
    first = raw.splitlines()[0] if raw else ""
    return f"{orig.__class__.__name__}: {first}" if first else orig.__class__.__name__


def _is_unavailable(exc: BaseException | None) -> bool:
    """A driver error that means the store cannot be used now (not a bad statement or a broken rule)."""
    return isinstance(exc, DBAPIError) and not isinstance(
        exc, IntegrityError | ProgrammingError | DataError | NotSupportedError
    )


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
    held_back: bool = False  # stored, but not taken into use (see AddOutcome.note)


@dataclass(frozen=True)
class AddOutcome:
    status: str  # "ny", "ny version", "uændret", "ikke taget i brug", "taget i brug"
    document: StoredDocument
    missing: list[str] = field(default_factory=list)  # keys the version in use has and this one lacks
    in_use: int | None = None  # the version in use for the year, when this one is held back

    def note(self) -> str | None:
        """Why a new version is held back, in one Danish line (None when it is in use)."""
        if not self.document.held_back:
            return None
        d = self.document
        if not self.missing:
            return f"version {d.version} er gemt, men ikke taget i brug"
        return (
            f"version {d.version} mangler {len(self.missing)} nøgletal, som version {self.in_use} har: "
            f"{', '.join(self.missing)}; den er gemt, men ikke taget i brug "
            f"(version {self.in_use} gælder stadig)"
        )


class Store:
    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_url(db)
        self.name = shown(self.url)
        self._failing = (
            "kan ikke åbnes"  # what an unusable store "cannot" in messages: be opened, then be used
        )
        try:
            self.engine: Engine = create_engine(self.url, **_engine_options(self.url))
        except (ArgumentError, ImportError) as exc:
            raise StoreUnavailable(f"databasen {self.name} kan ikke åbnes: {reason(exc)}") from exc
        event.listen(self.engine, "handle_error", self._unavailable)
        if self.engine.dialect.name == "sqlite":
            self._check_sqlite_file()
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._prepare()

    def _unavailable(self, context) -> None:
        """A driver error meaning the store is unusable (also while connecting) becomes StoreUnavailable."""
        exc = context.sqlalchemy_exception
        if _is_unavailable(exc):
            raise StoreUnavailable(f"databasen {self.name} {self._failing}: {reason(exc)}") from exc

    def _check_sqlite_file(self) -> None:
        database = self.engine.url.database
        if not database or database == ":memory:" or self.engine.url.query.get("uri"):
            return  # in memory, or a SQLite URI (file:…?mode=ro), which SQLite itself checks
        path = Path(database)
        if path.is_dir():
            raise StoreUnavailable(f"databasen {self.name} kan ikke åbnes: det er en mappe, ikke en fil")
        if not path.parent.is_dir():
            raise StoreUnavailable(f"databasen {self.name} kan ikke åbnes: mappen {path.parent} findes ikke")

    def _prepare(self) -> None:
        """Create missing tables and columns, under the write lock (two processes opening a new store at
        once create it once). A complete store is only read: a read-only store opens for reading."""
        try:
            if self._schema_missing(self.engine):
                with self.write() as conn:
                    if self._schema_missing(conn):
                        metadata.create_all(conn)
                        self._migrate(conn)
        except StoreUnavailable:
            raise
        except SQLAlchemyError as exc:
            raise StoreUnavailable(f"databasen {self.name} kan ikke åbnes: {reason(exc)}") from exc
        self._failing = "kan ikke bruges"

    @staticmethod
    def _schema_missing(bind: Engine | Connection) -> bool:
        found = inspect(bind)
        tables = set(found.get_table_names())
        if not set(metadata.tables) <= tables:
            return True
        return any(
            c.name not in {col["name"] for col in found.get_columns(t.name)}
            for t in metadata.sorted_tables
            for c in t.columns
        )

    @staticmethod
    def _migrate(conn: Connection) -> None:
        """Columns added after a store was first created (the store is never rebuilt behind a user's back).
        Tables added later (gaps, corrections) are created by `create_all`, which leaves existing ones alone;
        documents stored before `gaps` existed read back with every null key as not stated, and before
        `held_back` existed as taken into use (the newest version of a year is in use, as it was)."""
        for table, column, ddl in (("blocks", "offsets", "TEXT"), ("documents", "held_back", "BOOLEAN")):
            if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {ddl}"))

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction that waits for every other writer of the store, in other processes too
        (SQLite: BEGIN IMMEDIATE with a busy timeout; PostgreSQL: an advisory lock until commit), so that
        what it reads (the next version, the version in use, the built neighbours) stays true until it
        commits. Readers are not held up (SQLite in WAL mode; PostgreSQL's snapshots)."""
        with self.engine.connect().execution_options(kommuneokonomi_write=True) as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(PG_WRITE_LOCK)))
            yield conn

    def add(self, result: DocumentResult, replace: bool = False) -> AddOutcome:
        """Store one document's result in one write transaction. A new version that lacks key figures the
        version in use has is stored held back, unless `replace` (the user confirmed it); `replace` on a
        held-back version stored before takes it into use."""
        with self.write() as conn:
            row = conn.execute(select(documents).where(documents.c.sha256 == result.meta.sha256)).first()
            if row is not None:
                same = StoredDocument(**_doc_fields(row))
                if not (same.held_back and replace):
                    return AddOutcome("uændret", same)
                conn.execute(documents.update().where(documents.c.id == same.id).values(held_back=False))
                return AddOutcome("taget i brug", StoredDocument(**{**_doc_fields(row), "held_back": False}))
            last = conn.execute(
                select(func.max(documents.c.version)).where(documents.c.year == result.meta.year)
            ).scalar()
            version = (last or 0) + 1
            in_use = conn.execute(
                select(documents.c.id, documents.c.version)
                .where(documents.c.year == result.meta.year, documents.c.held_back.is_not(True))
                .order_by(documents.c.version.desc())
                .limit(1)
            ).first()
            missing = [] if in_use is None or replace else _missing(conn, in_use.id, result)
            doc_key = conn.execute(
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
                    ingested_at=_now(),
                    held_back=bool(missing),
                )
            ).inserted_primary_key
            assert doc_key is not None  # an INSERT of one row has its key
            doc_id = doc_key[0]
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
            null_keys = [k for k, f in result.figures.items() if f.value is None]
            if null_keys:
                conn.execute(
                    insert(gaps), [_gap_row(doc_id, result.gaps.get(k) or Gap(key=k)) for k in null_keys]
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
        status = "ny" if version == 1 else "ikke taget i brug" if missing else "ny version"
        return AddOutcome(
            status,
            StoredDocument(**_doc_fields(stored)),
            missing,
            in_use.version if missing and in_use else None,
        )

    def documents(self, year: int | None = None) -> list[StoredDocument]:
        query = select(documents).order_by(documents.c.year, documents.c.version)
        if year is not None:
            query = query.where(documents.c.year == year)
        with self.engine.connect() as conn:
            return [StoredDocument(**_doc_fields(r)) for r in conn.execute(query)]

    def versions(self, year: int) -> list[tuple[StoredDocument, str]]:
        """A year's stored versions, each with its status: "i brug", "ikke taget i brug" or "tidligere"."""
        docs = self.documents(year)
        in_use = max((d.version for d in docs if not d.held_back), default=None)
        return [
            (d, "i brug" if d.version == in_use else "ikke taget i brug" if d.held_back else "tidligere")
            for d in docs
        ]

    def latest(self) -> dict[int, StoredDocument]:
        """The version in use of each year: the newest one not held back."""
        out: dict[int, StoredDocument] = {}
        for doc in self.documents():
            if not doc.held_back:
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

    def gaps(self, document_id: int) -> dict[str, Gap]:
        """Why each null key of a stored document version is null (not stated, ambiguous, conflicting)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(gaps).where(gaps.c.document_id == document_id)).all()
        return {
            r.key: Gap(
                key=r.key,
                reason=r.reason,
                message=r.message,
                candidates=[_candidate_from_json(c) for c in json.loads(r.candidates)],
            )
            for r in rows
        }

    def add_correction(
        self,
        year: int,
        key: str,
        value: Value,
        unit: str | None,
        kilde: str,
        note: str,
        user: str | None,
        extracted: Value | None,
        basis: str,
        basis_version: int | None,
    ) -> StoredCorrection:
        """Record a corrected value as a new row (the newest row not undone is the one in force)."""
        value_text, value_type = _exact(value)
        extracted_text, extracted_type = _exact(extracted)
        with self.write() as conn:
            new_key = conn.execute(
                insert(corrections).values(
                    year=year,
                    key=key,
                    value=value_text,
                    value_type=value_type,
                    unit=unit,
                    kilde=kilde,
                    note=note,
                    user_name=user,
                    created_at=_now(),
                    extracted_value=extracted_text,
                    extracted_type=extracted_type,
                    basis=basis,
                    basis_version=basis_version,
                )
            ).inserted_primary_key
            assert new_key is not None  # an INSERT of one row has its key
            new_id = new_key[0]
            row = conn.execute(select(corrections).where(corrections.c.id == new_id)).one()
        return _correction_from_row(row)

    def undo_correction(self, year: int, key: str, user: str | None) -> StoredCorrection | None:
        """Mark the correction in force for (year, key) as undone; the one before it (or the extracted
        value) applies again. None when no correction is in force."""
        with self.write() as conn:
            row = conn.execute(
                select(corrections)
                .where(corrections.c.year == year, corrections.c.key == key)
                .where(corrections.c.undone_at.is_(None))
                .order_by(corrections.c.id.desc())
                .limit(1)
            ).first()
            if row is None:
                return None
            conn.execute(
                corrections.update()
                .where(corrections.c.id == row.id)
                .values(undone_at=_now(), undone_by=user)
            )
            row = conn.execute(select(corrections).where(corrections.c.id == row.id)).one()
        return _correction_from_row(row)

    def corrections(self, year: int | None = None) -> list[StoredCorrection]:
        """Every correction (also the undone ones), oldest first."""
        query = select(corrections).order_by(corrections.c.id)
        if year is not None:
            query = query.where(corrections.c.year == year)
        with self.engine.connect() as conn:
            return [_correction_from_row(r) for r in conn.execute(query)]

    def active_corrections(self) -> dict[tuple[int, str], StoredCorrection]:
        """The correction in force for each (year, key): the newest one not undone."""
        active: dict[tuple[int, str], StoredCorrection] = {}
        for c in self.corrections():
            if c.undone_at is None:
                active[(c.year, c.key)] = c
        return active

    def corrections_stamp(self) -> tuple:
        """Changes whenever a correction is added or undone (for caches of the agreements)."""
        with self.engine.connect() as conn:
            return tuple(
                conn.execute(
                    select(
                        func.count(corrections.c.id),
                        func.max(corrections.c.id),
                        func.count(corrections.c.undone_at),
                    )
                ).one()
            )

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table (for tests that prove a failed ingest changed nothing)."""
        with self.engine.connect() as conn:
            return {t.name: sorted(tuple(r) for r in conn.execute(select(t))) for t in metadata.sorted_tables}


@dataclass(frozen=True)
class StoredCorrection:
    id: int
    year: int
    key: str
    value: Value
    unit: str | None
    kilde: str
    note: str
    user: str | None
    created_at: str
    extracted_value: Value | None
    basis: str
    basis_version: int | None
    undone_at: str | None
    undone_by: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _exact(value: Value | None) -> tuple[str | None, str | None]:
    """A value as stored: numbers as exact decimal strings, text as text, None as None."""
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, "text"
    return str(value), "number"


@overload
def _from_exact(text_value: str, value_type: str | None) -> Value: ...
@overload
def _from_exact(text_value: str | None, value_type: str | None) -> Value | None: ...
def _from_exact(text_value: str | None, value_type: str | None) -> Value | None:
    return Decimal(text_value) if value_type == "number" and text_value is not None else text_value


def _correction_from_row(r) -> StoredCorrection:
    return StoredCorrection(
        id=r.id,
        year=r.year,
        key=r.key,
        value=_from_exact(r.value, r.value_type),
        unit=r.unit,
        kilde=r.kilde,
        note=r.note,
        user=r.user_name,
        created_at=r.created_at,
        extracted_value=_from_exact(r.extracted_value, r.extracted_type),
        basis=r.basis,
        basis_version=r.basis_version,
        undone_at=r.undone_at,
        undone_by=r.undone_by,
    )


def _gap_row(doc_id: int, gap: Gap) -> dict:
    return {
        "document_id": doc_id,
        "key": gap.key,
        "reason": gap.reason,
        "message": gap.message,
        "candidates": json.dumps(
            [
                {
                    **c.model_dump(mode="json", exclude={"value"}),
                    "value": _exact(c.value)[0],
                    "type": _exact(c.value)[1],
                }
                for c in gap.candidates
            ],
            ensure_ascii=False,
        ),
    }


def _candidate_from_json(c: dict) -> Candidate:
    """A stored candidate; its value exact again (a number as a Decimal, text as text)."""
    fields = {k: v for k, v in c.items() if k != "type"}
    return Candidate.model_validate({**fields, "value": _from_exact(c["value"], c["type"])})


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
    } | {"held_back": bool(m["held_back"])}


def _missing(conn: Connection, in_use_id: int, result: DocumentResult) -> list[str]:
    """The keys with a value in the version in use that the new document has no value for."""
    had = conn.execute(
        select(figures.c.key).where(figures.c.document_id == in_use_id, figures.c.value.is_not(None))
    ).scalars()
    return sorted(k for k in had if k not in result.figures or result.figures[k].value is None)


def _engine_options(url: str) -> dict:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": BUSY_TIMEOUT}}
    return {"connect_args": {"connect_timeout": 10}}  # an unreachable server is an error, not a hang


def _sqlite_connect(dbapi_connection, _record) -> None:
    """Transactions begin where `_sqlite_begin` says (SQLAlchemy's recipe for pysqlite), and the file is in
    WAL mode, so that readers go on while one writer writes (a read-only file stays as it is)."""
    import sqlite3

    dbapi_connection.isolation_level = None
    with suppress(sqlite3.Error):  # read-only, or not a database: opening the store says so
        dbapi_connection.execute("PRAGMA journal_mode=WAL")


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql(
        "BEGIN IMMEDIATE" if conn.get_execution_options().get("kommuneokonomi_write") else "BEGIN"
    )


def _figure_row(doc_id: int, fig: Figure) -> dict:
    value, value_type = _exact(fig.value)
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
    value = _from_exact(r.value, r.value_type)
    source = None
    if r.line_start is not None:
        source = Source(section=r.section, part=r.part, line_start=r.line_start, line_end=r.line_end)
    return Figure(key=r.key, value=value, unit=r.unit, price_level=r.price_level, source=source)
