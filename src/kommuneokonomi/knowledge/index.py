"""The knowledge index, built once per agreement at ingest and kept in the store.

For every stored document: its search units (paragraphs and bullets as Snowball-danish stems, in a SQLite
FTS5 table or a PostgreSQL tsvector column), its commitments, and the follow-up links between it and the
agreements up to FOLLOW_UP_YEARS before and after it (each pair once, when the second of the two is built).
Adding an agreement therefore costs one agreement's extraction plus a bounded number of pair comparisons.
The tables are new and separate from the store's own: an older store file gets them on first use, and a
document ingested before they existed is built then.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kommuneokonomi.knowledge.commitments import Commitment, extract_commitments
from kommuneokonomi.knowledge.corpus import AgreementText, paragraphs
from kommuneokonomi.knowledge.followups import (
    FOLLOW_UP_YEARS,
    Passage,
    best_links,
    pair_links,
    passages_of,
    status,
)
from kommuneokonomi.knowledge.text import tokens
from kommuneokonomi.store import Store, StoredDocument

metadata = MetaData()
units = Table(
    "search_units",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, nullable=False, index=True),
    Column("seq", Integer, nullable=False),  # the block's seq in the store's `blocks`
    Column("year", Integer, nullable=False, index=True),
    Column("section", Text),
    Column("stems", Text, nullable=False),  # the block's words as stems, stop words left out, in order
    Column("context", Text, nullable=False),  # the stems of its subheading and part (no positions)
    # what follow-up linking needs of it, so that a neighbour is not read and tokenised again
    Column("line_start", Integer, nullable=False),
    Column("line_end", Integer, nullable=False),
    Column("passage", Text, nullable=False),  # JSON: topic, back-references, done, acts, content words
)
terms = Table(
    "search_terms",
    metadata,
    Column("term", String(200), primary_key=True),
    Column("units", Integer, nullable=False),  # how many stored units hold it (every version counted)
)
commitment_rows = Table(
    "commitments",
    metadata,
    Column("document_id", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("data", Text, nullable=False),  # Commitment as JSON, without status and links
    PrimaryKeyConstraint("document_id", "seq"),
)
links = Table(
    "followup_links",
    metadata,
    Column("from_document_id", Integer, nullable=False, index=True),
    Column("from_seq", Integer, nullable=False),
    Column("to_document_id", Integer, nullable=False, index=True),
    Column("data", Text, nullable=False),
)
built = Table(
    "knowledge_built",
    metadata,
    Column("document_id", Integer, primary_key=True, autoincrement=False),
    Column("built_at", String(32), nullable=False),
)
_FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(stems, context, content='search_units', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 0')"
)
_PG_DDL = (
    "ALTER TABLE search_units ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple', stems), 'A') || setweight(to_tsvector('simple', context), 'B')) STORED",
    "CREATE INDEX IF NOT EXISTS search_units_tsv ON search_units USING gin (tsv)",
)


def is_sqlite(store: Store) -> bool:
    return store.engine.dialect.name == "sqlite"


def ensure_tables(store: Store) -> None:
    """Create the index tables when missing (an older store gets them on first use), under the store's
    write lock, so that two processes do not create them at once; when they are there, nothing is written."""
    if _tables_present(store.engine):
        return
    with store.write() as conn:
        if not _tables_present(conn):
            metadata.create_all(conn)
            for ddl in (_FTS_DDL,) if is_sqlite(store) else _PG_DDL:
                conn.execute(text(ddl))


def _tables_present(bind: Engine | Connection) -> bool:
    found = inspect(bind)
    if bind.dialect.name == "sqlite":
        return {*metadata.tables, "search_fts"} <= set(found.get_table_names())
    return set(metadata.tables) <= set(found.get_table_names()) and "tsv" in {
        c["name"] for c in found.get_columns(units.name)
    }


def stems_of(text_: str) -> list[str]:
    return [t.stem for t in tokens(text_)]


def _text_of(store: Store, doc: StoredDocument) -> AgreementText:
    return AgreementText(doc.year, doc.version, doc.date, doc.title, store.blocks(doc.id))


def build(store: Store, doc: StoredDocument) -> None:
    """Index one stored document and link it with its neighbours, in one transaction (again: replaces)."""
    ensure_tables(store)
    text_ = _text_of(store, doc)
    own_passages = passages_of(doc.year, text_.blocks)
    commitments = extract_commitments(text_)
    with store.write() as conn:  # the neighbours are read under the lock: a build committed before is seen
        neighbours = {
            y: d
            for y, d in _built_latest(store).items()
            if y != doc.year and abs(y - doc.year) <= FOLLOW_UP_YEARS
        }
        for year in {y for p in own_passages for y in p.refers_to} - set(neighbours):
            older = store.latest().get(year)
            if older is not None and _is_built(store, older.id):
                neighbours[year] = older
        _clear(conn, doc.id)
        _insert_units(store, conn, doc, text_, own_passages)
        if commitments:
            conn.execute(
                insert(commitment_rows),
                [{"document_id": doc.id, "seq": i, "data": _dump(c)} for i, c in enumerate(commitments)],
            )
        rows = []
        for year, other in sorted(neighbours.items()):
            other_passages = _passages(conn, other.id)
            if year > doc.year:
                found = pair_links(commitments, own_passages, other_passages)
                ids = (doc.id, other.id)
                seqs = {id(c): i for i, c in enumerate(commitments)}
            else:
                theirs = _commitments(conn, other.id)
                found = pair_links(theirs, other_passages, own_passages)
                ids = (other.id, doc.id)
                seqs = {id(c): i for i, c in enumerate(theirs)}
            rows += [
                {
                    "from_document_id": ids[0],
                    "from_seq": seqs[id(c)],
                    "to_document_id": ids[1],
                    "data": json.dumps(x),
                }
                for c, x in found
            ]
        if rows:
            conn.execute(insert(links), rows)
        conn.execute(insert(built).values(document_id=doc.id, built_at=_now()))


def ensure_built(store: Store) -> None:
    """Build every newest document that is not yet indexed (a store from before the index, or an ingest
    whose index step failed), oldest year first."""
    ensure_tables(store)
    with store.engine.connect() as conn:
        done = {r[0] for r in conn.execute(select(built.c.document_id))}
    for _, doc in sorted(store.latest().items()):
        if doc.id not in done:
            build(store, doc)


def _insert_units(
    store: Store, conn: Connection, doc: StoredDocument, text_: AgreementText, passages: list[Passage]
) -> None:
    rows = [
        {
            "document_id": doc.id,
            "seq": seq,
            "year": doc.year,
            "section": block.section,
            "stems": " ".join(stems_of(block.text)),
            "context": " ".join(stems_of(f"{heading or ''} {block.part or ''}")),
            "line_start": block.line_start,
            "line_end": block.line_end,
            "passage": json.dumps(
                {
                    "topic": sorted(p.topic),
                    "refers_to": sorted(p.refers_to),
                    "done": p.done,
                    "acts": p.acts,
                    "content": p.content,
                },
                ensure_ascii=False,
            ),
        }
        for (seq, block, heading), p in zip(paragraphs(text_.blocks), passages, strict=True)
    ]
    if not rows:
        return
    conn.execute(insert(units), rows)
    df = Counter(w for r in rows for w in set(f"{r['stems']} {r['context']}".split()))
    stmt = (sqlite_insert if is_sqlite(store) else pg_insert)(terms)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["term"], set_={"units": terms.c.units + stmt.excluded.units}
        ),
        [{"term": w, "units": n} for w, n in sorted(df.items())],
    )
    if is_sqlite(store):
        conn.execute(
            text(
                "INSERT INTO search_fts(rowid, stems, context) "
                "SELECT id, stems, context FROM search_units WHERE document_id = :d"
            ),
            {"d": doc.id},
        )


def _passages(conn: Connection, doc_id: int) -> list[Passage]:
    """A built document's passages as stored with its search units."""
    out = []
    for r in conn.execute(
        select(units.c.year, units.c.section, units.c.line_start, units.c.line_end, units.c.passage)
        .where(units.c.document_id == doc_id)
        .order_by(units.c.seq)
    ):
        p = json.loads(r.passage)
        out.append(
            Passage(
                r.year,
                r.section,
                frozenset(p["topic"]),
                r.line_start,
                r.line_end,
                frozenset(p["refers_to"]),
                p["done"],
                p["acts"],
                Counter(p["content"]),
            )
        )
    return out


def _clear(conn: Connection, doc_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "INSERT INTO search_fts(search_fts, rowid, stems, context) "
                "SELECT 'delete', id, stems, context FROM search_units WHERE document_id = :d"
            ),
            {"d": doc_id},
        )
    old = Counter(
        w
        for r in conn.execute(select(units.c.stems, units.c.context).where(units.c.document_id == doc_id))
        for w in set(f"{r.stems} {r.context}".split())
    )
    if old:
        conn.execute(
            terms.update().where(terms.c.term == bindparam("t")).values(units=terms.c.units - bindparam("n")),
            [{"t": w, "n": n} for w, n in old.items()],
        )
    conn.execute(delete(units).where(units.c.document_id == doc_id))
    conn.execute(delete(commitment_rows).where(commitment_rows.c.document_id == doc_id))
    conn.execute(
        delete(links).where((links.c.from_document_id == doc_id) | (links.c.to_document_id == doc_id))
    )
    conn.execute(delete(built).where(built.c.document_id == doc_id))


def _built_latest(store: Store) -> dict[int, StoredDocument]:
    with store.engine.connect() as conn:
        done = {r[0] for r in conn.execute(select(built.c.document_id))}
    return {y: d for y, d in store.latest().items() if d.id in done}


def _is_built(store: Store, doc_id: int) -> bool:
    with store.engine.connect() as conn:
        return (
            conn.execute(select(built.c.document_id).where(built.c.document_id == doc_id)).first() is not None
        )


def _dump(c: Commitment) -> str:
    data = asdict(c)
    data.pop("status"), data.pop("opfoelgning")
    return json.dumps(data, ensure_ascii=False)


def _load(data: str) -> Commitment:
    return Commitment(**json.loads(data))


def _commitments(conn: Connection, doc_id: int) -> list[Commitment]:
    rows = conn.execute(
        select(commitment_rows.c.data)
        .where(commitment_rows.c.document_id == doc_id)
        .order_by(commitment_rows.c.seq)
    )
    return [_load(r[0]) for r in rows]


def stored_commitments(store: Store) -> list[Commitment]:
    """The commitments of the newest version of each year, with status and follow-up links (both read
    from the store; only links between newest versions count)."""
    ensure_built(store)
    latest = store.latest()
    ids = {d.id: y for y, d in latest.items()}
    if not ids:
        return []
    newest = max(latest)
    with store.engine.connect() as conn:
        by_doc: dict[int, list[Commitment]] = {}
        for r in conn.execute(
            select(commitment_rows)
            .where(commitment_rows.c.document_id.in_(ids))
            .order_by(commitment_rows.c.document_id, commitment_rows.c.seq)
        ):
            by_doc.setdefault(r.document_id, []).append(_load(r.data))
        found: dict[tuple[int, int], list[dict]] = {}
        for r in conn.execute(
            select(links).where(links.c.from_document_id.in_(ids), links.c.to_document_id.in_(ids))
        ):
            found.setdefault((r.from_document_id, r.from_seq), []).append(json.loads(r.data))
    out = []
    for doc_id, items in sorted(by_doc.items(), key=lambda kv: ids[kv[0]]):
        for seq, c in enumerate(items):
            c.opfoelgning = best_links(found.get((doc_id, seq), []))
            c.status = status(c.opfoelgning, c.aar, newest)
            out.append(c)
    return out


def vocabulary(store: Store) -> dict[str, int]:
    """Every indexed stem with the number of units that hold it."""
    ensure_tables(store)
    with store.engine.connect() as conn:  # plain rows: read at every start, so without ORM row objects
        return dict(conn.exec_driver_sql("SELECT term, units FROM search_terms").fetchall())


def indexed_documents(store: Store) -> set[int]:
    """The documents that have search units (older versions too)."""
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(units.c.document_id).distinct())}


def unit_count(store: Store, document_ids: list[int]) -> int:
    with store.engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(units).where(units.c.document_id.in_(document_ids))
        ).scalar_one()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
