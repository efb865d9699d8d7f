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
    ColumnElement,
    Connection,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    delete,
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
    pair_links,
    passages_of,
)
from kommuneokonomi.knowledge.text import tokens
from kommuneokonomi.store import Store, StoredDocument
from kommuneokonomi.store import documents as documents_table

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
    Column("units", Integer, nullable=False),  # how many indexed units hold it
    Column("reversed", String(200), nullable=False, index=True),  # backwards: compounds that end in a word
)
#: the commitments of the indexed (newest) version of each year, with what the tracker filters, counts and
#: orders by in columns of their own
commitment_rows = Table(
    "commitments",
    metadata,
    Column("document_id", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("id", String(40), nullable=False, unique=True),
    Column("year", Integer, nullable=False),
    Column("art", String(40), nullable=False),
    Column("emne", Text),
    Column("status", String(24), nullable=False),  # kept up to date by build() as links come and go
    Column("topic_stems", Text, nullable=False),  # " stem stem " of its chapter and topic
    PrimaryKeyConstraint("document_id", "seq"),
    Index("commitments_year_seq", "year", "seq"),
    Index("commitments_status", "status"),
    Index("commitments_art", "art"),
    Index("commitments_emne", "emne"),
)
#: the rest of a commitment, apart: the tracker's rows stay narrow, so filtering and counting read little
commitment_data = Table(
    "commitment_data",
    metadata,
    Column("document_id", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("data", Text, nullable=False),  # Commitment as JSON, without status and links
    PrimaryKeyConstraint("document_id", "seq"),
)
#: " stem stem " of a commitment's text, chapter and topic, for the free-text filter: on SQLite an FTS5
#: table with the trigram tokenizer (its index serves LIKE '%stem%'), on PostgreSQL a plain table
text_metadata = MetaData()
commitment_text = Table(
    "commitment_text",
    text_metadata,
    Column("document_id", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text_stems", Text, nullable=False),
    Index("commitment_text_of", "document_id", "seq"),
)
_TEXT_FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS commitment_text USING fts5(text_stems, document_id UNINDEXED, "
    "seq UNINDEXED, tokenize='trigram')"
)
commitment_parties = Table(
    "commitment_parties",
    metadata,
    Column("document_id", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("party", String(200), nullable=False),
    Column("party_key", String(200), nullable=False, index=True),  # lower case, for the filter
    Column("role", String(8), nullable=False),  # "part" (a party to it) or "anden" (another named party)
    Index("commitment_parties_of", "document_id", "seq"),
)
links = Table(
    "followup_links",
    metadata,
    Column("from_document_id", Integer, nullable=False),
    Column("from_seq", Integer, nullable=False),
    Column("to_document_id", Integer, nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # "opfølgning", "mulig opfølgning" or "nævnt igen"
    Column("data", Text, nullable=False),
    Index("followup_links_from", "from_document_id", "from_seq"),
)
built = Table(
    "knowledge_built",
    metadata,
    Column("document_id", Integer, primary_key=True, autoincrement=False),
    Column("built_at", String(32), nullable=False),
    Column("n_units", Integer, nullable=False),
)
schema = Table("knowledge_schema", metadata, Column("version", Integer, nullable=False))
#: bumped when the tables above change: a store indexed with another version is indexed again (the index
#: is derived from the stored documents, so nothing is lost)
SCHEMA_VERSION = 5
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
    """Create the index tables when missing, under the store's write lock so that two processes do not
    create them at once; an index of another schema version (or from before there were versions) is dropped
    and built again on first use. When the current version is there, nothing is written."""
    with store.engine.connect() as conn:
        if _current_schema(conn):
            return
    with store.write() as conn:
        if _current_schema(conn):
            return
        if is_sqlite(store):
            conn.execute(text("DROP TABLE IF EXISTS search_fts"))
        conn.execute(text("DROP TABLE IF EXISTS commitment_text"))
        metadata.drop_all(conn)
        metadata.create_all(conn)
        if not is_sqlite(store):
            text_metadata.create_all(conn)
        for ddl in (_FTS_DDL, _TEXT_FTS_DDL) if is_sqlite(store) else _PG_DDL:
            conn.execute(text(ddl))
        conn.execute(insert(schema).values(version=SCHEMA_VERSION))


def _current_schema(conn: Connection) -> bool:
    """The index tables are there in this schema version."""
    if schema.name not in set(inspect(conn).get_table_names()):
        return False
    return conn.execute(select(schema.c.version)).scalar() == SCHEMA_VERSION


def stems_of(text_: str) -> list[str]:
    return [t.stem for t in tokens(text_)]


def _text_of(store: Store, doc: StoredDocument) -> AgreementText:
    return AgreementText(doc.year, doc.version, doc.date, doc.title, store.blocks(doc.id))


def build(store: Store, doc: StoredDocument) -> None:
    """Index one stored document and link it with its neighbours, in one transaction (again: replaces).
    An older version of its year leaves the index in the same transaction: the index holds the version in
    use of each year. A document that is not (or no longer) the version in use is not indexed."""
    ensure_tables(store)
    text_ = _text_of(store, doc)
    own_passages = passages_of(doc.year, text_.blocks)
    commitments = extract_commitments(text_)
    with store.write() as conn:  # the neighbours are read under the lock: a build committed before is seen
        in_use = store.latest().get(doc.year)
        if in_use is None or in_use.id != doc.id:
            # a newer version came first (another writer), or this one is held back: the version in use is
            # the one the index holds, and building this would put an older or unadopted text in its place
            return
        latest = _built_latest(store)
        neighbours = {
            y: d for y, d in latest.items() if y != doc.year and abs(y - doc.year) <= FOLLOW_UP_YEARS
        }
        for year in {y for p in own_passages for y in p.refers_to} - set(neighbours):
            older = store.latest().get(year)
            if older is not None and _is_built(store, older.id):
                neighbours[year] = older
        # whose status may change: this one, its neighbours, and last year's newest when this is newer
        affected = {doc.id} | {d.id for d in neighbours.values()}
        newest = max([doc.year, *latest])
        if latest and max(latest) < newest:
            affected.add(latest[max(latest)].id)
        for old in _built_of_year(conn, doc.year):
            affected |= _clear(conn, old)
        n_units = _insert_units(store, conn, doc, text_, own_passages)
        _insert_commitments(conn, doc.id, commitments)
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
                    "kind": x["type"],
                    "data": json.dumps(x),
                }
                for c, x in found
            ]
        if rows:
            conn.execute(insert(links), rows)
        conn.execute(insert(built).values(document_id=doc.id, built_at=_now(), n_units=n_units))
        _update_status(conn, affected & _built_ids(conn), newest)


def _insert_commitments(conn: Connection, doc_id: int, commitments: list[Commitment]) -> None:
    if not commitments:
        return
    conn.execute(
        insert(commitment_rows),
        [
            {
                "document_id": doc_id,
                "seq": i,
                "id": c.id,
                "year": c.aar,
                "art": c.art,
                "emne": c.emne,
                "status": "intet spor",  # until _update_status
                "topic_stems": _stem_column(f"{c.kapitel or ''} {c.emne or ''}"),
            }
            for i, c in enumerate(commitments)
        ],
    )
    conn.execute(
        insert(commitment_data),
        [{"document_id": doc_id, "seq": i, "data": _dump(c)} for i, c in enumerate(commitments)],
    )
    conn.execute(
        insert(commitment_text),
        [
            {
                "document_id": doc_id,
                "seq": i,
                "text_stems": _stem_column(f"{c.tekst} {c.kapitel or ''} {c.emne or ''}"),
            }
            for i, c in enumerate(commitments)
        ],
    )
    parties = [
        {"document_id": doc_id, "seq": i, "party": p, "party_key": p.lower(), "role": role}
        for i, c in enumerate(commitments)
        for role, names in (("part", c.parter), ("anden", c.andre_parter))
        for p in dict.fromkeys(names)
    ]
    if parties:
        conn.execute(insert(commitment_parties), parties)


def _stem_column(text_: str) -> str:
    """The distinct stems of a text between spaces (" a b "), so that SQL can match a whole stem
    (LIKE '% a %') or a stem inside a compound (LIKE '%a%')."""
    return " " + " ".join(sorted({t.stem for t in tokens(text_)})) + " "


def _update_status(conn: Connection, doc_ids: set[int], newest: int) -> None:
    """The status of the documents' commitments from their stored links: "fulgt op" with a sure follow-up,
    "mulig opfølgning" with a possible one, "nævnt igen" with a mention only, else "ingen senere aftale"
    for the newest year and "intet spor"."""
    if not doc_ids:
        return
    link = (
        "SELECT 1 FROM followup_links l WHERE l.from_document_id = commitments.document_id "
        "AND l.from_seq = commitments.seq"
    )
    conn.execute(
        text(
            f"UPDATE commitments SET status = CASE WHEN EXISTS ({link} AND l.kind = :followed) THEN :fulgt "
            f"WHEN EXISTS ({link} AND l.kind = :possible) THEN :possible "
            f"WHEN EXISTS ({link}) THEN :mentioned WHEN commitments.year = :newest THEN :last ELSE :none END "
            f"WHERE document_id IN ({', '.join(str(int(d)) for d in sorted(doc_ids))})"
        ),
        {
            "followed": "opfølgning",
            "fulgt": "fulgt op",
            "possible": "mulig opfølgning",
            "mentioned": "nævnt igen",
            "newest": newest,
            "last": "ingen senere aftale",
            "none": "intet spor",
        },
    )


def _built_ids(conn: Connection) -> set[int]:
    return {r[0] for r in conn.execute(select(built.c.document_id))}


def _built_of_year(conn: Connection, year: int) -> list[int]:
    """The indexed documents of a budget year (an older version when a new one is being built)."""
    return [
        r[0]
        for r in conn.execute(
            select(built.c.document_id)
            .join(documents_table, documents_table.c.id == built.c.document_id)
            .where(documents_table.c.year == year)
        )
    ]


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
) -> int:
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
            "passage": json.dumps(p.to_json(), ensure_ascii=False),
        }
        for (seq, block, heading), p in zip(paragraphs(text_.blocks), passages, strict=True)
    ]
    if not rows:
        return 0
    conn.execute(insert(units), rows)
    df = Counter(w for r in rows for w in set(f"{r['stems']} {r['context']}".split()))
    stmt = (sqlite_insert if is_sqlite(store) else pg_insert)(terms)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["term"], set_={"units": terms.c.units + stmt.excluded.units}
        ),
        [{"term": w, "units": n, "reversed": w[::-1]} for w, n in sorted(df.items())],
    )
    if is_sqlite(store):
        conn.execute(
            text(
                "INSERT INTO search_fts(rowid, stems, context) "
                "SELECT id, stems, context FROM search_units WHERE document_id = :d"
            ),
            {"d": doc.id},
        )
    return len(rows)


def _passages(conn: Connection, doc_id: int) -> list[Passage]:
    """A built document's passages as stored with its search units."""
    out = []
    for r in conn.execute(
        select(units.c.year, units.c.section, units.c.line_start, units.c.line_end, units.c.passage)
        .where(units.c.document_id == doc_id)
        .order_by(units.c.seq)
    ):
        out.append(Passage.from_json(r.year, r.section, r.line_start, r.line_end, json.loads(r.passage)))
    return out


def _clear(conn: Connection, doc_id: int) -> set[int]:
    """Take a document out of the index; the documents whose links to it went with it."""
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
        conn.execute(delete(terms).where(terms.c.units <= 0))
    linked_to = {
        r[0] for r in conn.execute(select(links.c.from_document_id).where(links.c.to_document_id == doc_id))
    }
    conn.execute(delete(units).where(units.c.document_id == doc_id))
    conn.execute(delete(commitment_rows).where(commitment_rows.c.document_id == doc_id))
    conn.execute(delete(commitment_parties).where(commitment_parties.c.document_id == doc_id))
    conn.execute(delete(commitment_data).where(commitment_data.c.document_id == doc_id))
    conn.execute(delete(commitment_text).where(commitment_text.c.document_id == doc_id))
    conn.execute(
        delete(links).where((links.c.from_document_id == doc_id) | (links.c.to_document_id == doc_id))
    )
    conn.execute(delete(built).where(built.c.document_id == doc_id))
    return linked_to - {doc_id}


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


def load_commitment(data: str) -> Commitment:
    return Commitment(**json.loads(data))


def _commitments(conn: Connection, doc_id: int) -> list[Commitment]:
    rows = conn.execute(
        select(commitment_data.c.data)
        .where(commitment_data.c.document_id == doc_id)
        .order_by(commitment_data.c.seq)
    )
    return [load_commitment(r[0]) for r in rows]


def term_counts(store: Store, wanted: list[str]) -> dict[str, int]:
    """The number of indexed units that hold each of these stems (a stem not indexed is left out)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(terms.c.term, terms.c.units).where(terms.c.term.in_(wanted))).all()
    return {r.term: r.units for r in rows}


def compounds_of(store: Store, stem: str, heads: list[str], limit: int) -> dict[str, int]:
    """Indexed stems that begin or end with `stem`, and those of `heads` (words that may begin it), the
    `limit` most frequent of each kind, with their unit counts. On SQLite a range over the term and over
    the term backwards (both indexed); on PostgreSQL a prefix LIKE, which is right in any collation."""
    kinds: list[ColumnElement[bool]] = []
    for column, value in ((terms.c.term, stem), (terms.c.reversed, stem[::-1])):
        if is_sqlite(store):
            kinds.append((column >= value) & (column < value + "\uffff"))
        else:
            kinds.append(column.like(value + "%"))
    if heads:
        kinds.append(terms.c.term.in_(heads))
    out: dict[str, int] = {}
    with store.engine.connect() as conn:
        for where in kinds:
            query = (
                select(terms.c.term, terms.c.units)
                .where(where, terms.c.units > 0)
                .order_by(terms.c.units.desc(), terms.c.term)
                .limit(limit)
            )
            out.update({r.term: r.units for r in conn.execute(query)})
    return out


def built_units(store: Store) -> dict[int, int]:
    """The indexed documents with their number of search units."""
    ensure_tables(store)
    with store.engine.connect() as conn:
        return {r.document_id: r.n_units for r in conn.execute(select(built.c.document_id, built.c.n_units))}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
