"""The commitments tracker over the store: filters, facets and pages in SQL (SQLite and PostgreSQL).

Reads the index tables of knowledge/index.py, which hold the newest version of each year. Filters: years,
words of the chapter or topic, words of the statement, party, kind and status. Words match by their stem
and inside compounds ("frikommuner" finds "Frikommuneforsøg", "ældre" finds "Ældreområdet"): each stored
commitment keeps its stems between spaces, so a stem of four letters or more is a LIKE '%stem%' and a
shorter one must be a whole stem. Pages are ordered by year and the statement's order in its agreement.
Only the rows of the page asked for are read in full, with their follow-up links. The caller makes sure the
index is built (`index.ensure_built`: the CLI once per command, the server once per snapshot of the store),
so that a query does not read every stored document first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, func, select, tuple_

from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.followups import best_links
from kommuneokonomi.knowledge.index import (
    commitment_data,
    commitment_parties,
    commitment_rows,
    commitment_text,
    links,
    load_commitment,
)
from kommuneokonomi.knowledge.text import tokens
from kommuneokonomi.store import Store

FACETS = ("aar", "parter", "art", "status", "emne")
MAX_TOPIC_FACETS = 25
#: a query stem this long also matches inside a longer stem (a compound)
COMPOUND_MIN_STEM = 4
MAX_YEAR = 9999


@dataclass(frozen=True)
class Filters:
    aar: list[int] | None = None
    emne: str | None = None
    part: str | None = None
    art: str | None = None
    status: str | None = None
    tekst: str | None = None
    fra: int | None = None  # budget years from (inclusive) ...
    til: int | None = None  # ... to (inclusive); either end may be open


@dataclass(frozen=True)
class Page:
    items: list[Commitment]
    side: int
    pr_side: int
    antal: int

    @property
    def sider(self) -> int:
        return max(1, -(-self.antal // self.pr_side)) if self.pr_side else 1


def _words(column: ColumnElement[str], query: str) -> list[ColumnElement[bool]]:
    """Every word of the query is a stem of the column, or (from four letters) inside one."""
    out: list[ColumnElement[bool]] = []
    for stem in dict.fromkeys(t.stem for t in tokens(query)):
        pattern = f"%{stem}%" if len(stem) >= COMPOUND_MIN_STEM else f"% {stem} %"
        out.append(column.like(pattern))  # stems are letters and digits only: nothing to escape
    return out


def _where(f: Filters) -> list[ColumnElement[bool]]:
    c = commitment_rows.c
    out: list[ColumnElement[bool]] = []
    if f.aar:  # a year no agreement can have (beyond 9999, or too big for SQL's integer) matches nothing
        out.append(c.year.in_(sorted({y for y in f.aar if 0 < y <= MAX_YEAR})))
    if f.fra is not None:
        out.append(c.year >= min(f.fra, MAX_YEAR + 1))
    if f.til is not None:
        out.append(c.year <= min(f.til, MAX_YEAR))
    if f.emne:
        out += _words(c.topic_stems, f.emne)
    if f.tekst:
        words = _words(commitment_text.c.text_stems, f.tekst)
        if words:
            t = commitment_text.c
            out.append(tuple_(c.document_id, c.seq).in_(select(t.document_id, t.seq).where(*words)))
    if f.part:
        p = commitment_parties.alias("named").c  # an alias: the parties facet reads the table too
        out.append(
            exists().where(
                p.document_id == c.document_id, p.seq == c.seq, p.party_key == f.part.strip().lower()
            )
        )
    if f.art:
        out.append(c.art == f.art)
    if f.status:
        out.append(c.status == f.status)
    return out


def _filtered(query: Select, f: Filters) -> Select:
    where = _where(f)
    return query.where(and_(*where)) if where else query


def find(store: Store, filters: Filters = Filters(), side: int = 1, pr_side: int = 50) -> Page:
    """One page of the matching commitments (side counts from 1; pr_side 0 means all on one page), with
    their status and follow-up links."""
    if side < 1 or pr_side < 0:
        raise ValueError("siden tælles fra 1, og antal pr. side kan ikke være negativt")
    c = commitment_rows.c
    query = _filtered(_with_data(select(c.document_id, c.seq, c.status, commitment_data.c.data)), filters)
    query = query.order_by(c.year, c.seq)
    with store.engine.connect() as conn:
        total = conn.execute(
            _filtered(select(func.count()).select_from(commitment_rows), filters)
        ).scalar_one()
        if pr_side:
            query = query.limit(pr_side).offset((side - 1) * pr_side)
        rows = conn.execute(query).all()
        found = _links(conn, [(r.document_id, r.seq) for r in rows])
    items = []
    for r in rows:
        item = load_commitment(r.data)
        item.status = r.status
        item.opfoelgning = best_links(found.get((r.document_id, r.seq), []))
        items.append(item)
    return Page(items, side if pr_side else 1, pr_side, total)


def by_id(store: Store, commitment_id: str) -> Commitment | None:
    """The commitment with this id (the newest version of its agreement), or None."""
    c = commitment_rows.c
    with store.engine.connect() as conn:
        row = conn.execute(
            _with_data(select(c.document_id, c.seq, c.status, commitment_data.c.data)).where(
                c.id == commitment_id
            )
        ).first()
        if row is None:
            return None
        found = _links(conn, [(row.document_id, row.seq)])
    item = load_commitment(row.data)
    item.status = row.status
    item.opfoelgning = best_links(found.get((row.document_id, row.seq), []))
    return item


def facets(store: Store, filters: Filters = Filters()) -> dict[str, list[tuple[str, int]]]:
    """How many of the matching commitments have each year, party, kind, status and topic (most frequent
    first; years in order; the MAX_TOPIC_FACETS most frequent topics)."""
    c = commitment_rows.c
    p = commitment_parties.c
    n = func.count().label("n")
    out: dict[str, list[tuple[str, int]]] = {}
    with store.engine.connect() as conn:
        for name, column in (("aar", c.year), ("art", c.art), ("status", c.status)):
            rows = conn.execute(_filtered(select(column, n), filters).group_by(column)).all()
            out[name] = [(str(v), k) for v, k in rows]
        parties = _filtered(
            select(p.party, n).join(commitment_rows, and_(p.document_id == c.document_id, p.seq == c.seq)),
            filters,
        ).where(p.role == "part")
        out["parter"] = [(v, k) for v, k in conn.execute(parties.group_by(p.party)).all()]
        topics = (
            _filtered(select(c.emne, n), filters)
            .where(c.emne.is_not(None))
            .group_by(c.emne)
            .order_by(n.desc(), c.emne)
            .limit(MAX_TOPIC_FACETS)
        )
        out["emne"] = [(v, k) for v, k in conn.execute(topics).all()]
    ordered = {name: sorted(out[name], key=lambda kv: (-kv[1], kv[0])) for name in FACETS}
    ordered["aar"] = sorted(out["aar"], key=lambda kv: int(kv[0]))
    return ordered


def _with_data(query: Select) -> Select:
    c, d = commitment_rows.c, commitment_data.c
    return query.join_from(
        commitment_rows, commitment_data, and_(d.document_id == c.document_id, d.seq == c.seq)
    )


def _links(conn, keys: list[tuple[int, int]]) -> dict[tuple[int, int], list[dict]]:
    """The stored follow-up links from these commitments."""
    if not keys:
        return {}
    wanted = set(keys)
    out: dict[tuple[int, int], list[dict]] = {}
    query = select(links.c.from_document_id, links.c.from_seq, links.c.data).where(
        links.c.from_document_id.in_(sorted({d for d, _ in wanted}))
    )
    if len(wanted) <= 1000:
        query = query.where(links.c.from_seq.in_(sorted({s for _, s in wanted})))
    for r in conn.execute(query):
        if (r.from_document_id, r.from_seq) in wanted:
            out.setdefault((r.from_document_id, r.from_seq), []).append(json.loads(r.data))
    return out
