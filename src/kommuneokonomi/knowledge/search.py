"""Full-text search over the agreements: Danish stemming, phrases, filters, ranked hits with citations.

The index is the store's own full-text engine, built at ingest (knowledge/index.py): SQLite FTS5 (BM25)
or PostgreSQL full-text search (ts_rank), both over the same Snowball-danish stems (PyStemmer; the
`danish` configuration of PostgreSQL is that stemmer too), so both backends see the same words.
Units are paragraphs and bullets; each also carries the words of the subheading it stands under, at half
weight, so a question about "midtvejsregulering" finds the paragraph under that heading.

On top of the engine's score: a query word also matches compounds it is part of, at half weight
("merudgifter" finds "nettomerudgifter"); a neuter -t is folded ("lokalt råderum" finds "lokale
råderum"); units matching more of the query's distinct words are preferred; a year in the query favours
that year's agreement. A phrase in quotes must occur as consecutive words (stop words ignored). Every hit
cites the year, section and the line range of the sentence shown, with the query's words «highlighted».
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from sqlalchemy import text

from kommuneokonomi.knowledge.index import (
    built_units,
    compounds_of,
    ensure_built,
    is_sqlite,
    term_counts,
)
from kommuneokonomi.knowledge.text import Token, sentences, tokens
from kommuneokonomi.store import Store

SNIPPET_CHARS = 320
#: a query word also matches Danish compounds ending in it ("merudgifter" in "nettomerudgifter"), weaker
COMPOUND_WEIGHT = 0.5
COMPOUND_MIN_STEM = 5
COMPOUND_COVER = 0.6
#: a year in the query ("servicerammen 2024") favours that year's agreement
YEAR_BOOST = 1.5
#: the engine's best this many units (or twice the hits asked for) are re-ranked; more when a chapter
#: filter is applied afterwards
CANDIDATES = 20
CHAPTER_CANDIDATES = 2000
MAX_PHRASE_VARIANTS = 8
#: a word in more than this share of the units ("kommune") finds nothing particular: the engine is asked
#: for the query's rarer words only (it still counts for coverage); scoring every unit that holds it
#: would cost more than everything else together
COMMON_SHARE = 0.2
#: of a word's compounds the engine is asked for the most frequent this many (and none of a common word)
MAX_COMPOUNDS = 20
#: of the indexed compounds of a word this many of the most frequent are read (for the engine and for the
#: coverage of a unit); reading all would grow with the vocabulary
COMPOUND_LOOKUP = 200
_PHRASE_RE = re.compile(r'"([^"]+)"')
_SAFE_TERM_RE = re.compile(r"^[0-9a-zæøåäöüé]+$")


@dataclass(frozen=True)
class Hit:
    aar: int
    afsnit: str | None
    del_: str | None
    linje_fra: int
    linje_til: int
    uddrag: str
    score: float
    blok: tuple[int, int]  # the whole paragraph's line range

    def to_json(self) -> dict:
        return {
            "aar": self.aar,
            "afsnit": self.afsnit,
            "linje_fra": self.linje_fra,
            "linje_til": self.linje_til,
            "uddrag": self.uddrag,
            "score": round(self.score, 4),
            "del": self.del_,
        }


@dataclass(frozen=True)
class _Candidate:
    uid: int
    document_id: int
    seq: int
    year: int
    section: str | None
    words: frozenset[str]


class SearchIndex:
    """Queries the store's index of the newest version of each agreement (built when missing)."""

    def __init__(self, store: Store) -> None:
        ensure_built(store)
        self.store = store
        self.sqlite = is_sqlite(store)
        latest = store.latest()
        self.years = set(latest)
        self.document_ids = sorted(d.id for d in latest.values())
        units = built_units(store)  # nothing here grows with the vocabulary: terms are looked up per query
        self.n_units = sum(units.get(i, 0) for i in self.document_ids)
        self.only_latest = set(units) == set(self.document_ids)
        self.vocabulary: dict[str, int] = {}  # the query terms looked up so far, with their unit counts
        self._compound_cache: dict[str, list[str]] = {}

    def search(
        self,
        query: str,
        aar: set[int] | None = None,
        kapitel: str | None = None,
        limit: int = 10,
        fra: int | None = None,
        til: int | None = None,
    ) -> list[Hit]:
        """The best units for the query, limited to the years `aar` and to budget years `fra`-`til`."""
        if fra is not None or til is not None:
            aar = {y for y in (aar or self.years) if (fra is None or y >= fra) and (til is None or y <= til)}
            if not aar:
                return []
        phrases = [[t.stem for t in tokens(p)] for p in _PHRASE_RE.findall(query)]
        phrases = [p for p in phrases if p]
        words = [t.stem for t in tokens(_PHRASE_RE.sub(" ", query))]
        stems = list(dict.fromkeys(words + [s for p in phrases for s in p]))
        if not stems or not self.document_ids:
            return []
        self._look_up({v for s in stems for v in (s, s[:-1], s + "t")})
        common = COMMON_SHARE * self.n_units
        variants = {s: self._variants(s) for s in stems}
        exact = sorted({v for vs in variants.values() for v in vs})
        loose = sorted({v for s in dict.fromkeys(words) for v in variants[s]})
        ask = [t for t in loose if self.vocabulary.get(t, 0) <= common] or loose
        compounds = {s: [c for c in self._compounds(s) if c not in exact] for s in stems}
        compound_terms = sorted(
            {c for s in stems if self.vocabulary.get(s, 0) <= common for c in compounds[s]},
            key=lambda c: (-self.vocabulary.get(c, 0), c),
        )
        compound_terms = sorted(c for c in compound_terms[:MAX_COMPOUNDS] if self.vocabulary[c] <= common)
        phrase_variants = [
            [
                list(p)
                for p in itertools.islice(
                    itertools.product(*(self._variants(s) for s in ph)), MAX_PHRASE_VARIANTS
                )
            ]
            for ph in phrases
        ]
        limit_engine = CHAPTER_CANDIDATES if kapitel else max(CANDIDATES, 2 * limit)
        scores: dict[int, float] = {}
        found: dict[int, _Candidate] = {}

        def ask_engine(required: list[list[list[str]]], any_of: list[str], weight: float) -> int:
            results = self._engine(required, any_of, aar, limit_engine)
            for cand, score in results:
                found[cand.uid] = cand
                scores[cand.uid] = scores.get(cand.uid, 0.0) + weight * score
            return len(results)

        # units with every word first; only if they are too few, units with any of them (the costly query)
        rare_words = [[[v] for v in variants[w]] for w in dict.fromkeys(words) if set(variants[w]) & set(ask)]
        if len(rare_words) < 2 or ask_engine(phrase_variants + rare_words, [], 1.0) < limit:
            scores.clear()
            found.clear()
            if ask or phrase_variants:
                ask_engine(phrase_variants, ask, 1.0)
        if compound_terms:
            ask_engine(phrase_variants, compound_terms, COMPOUND_WEIGHT)
        years = {int(w) for w in words if w.isdigit() and len(w) == 4} & self.years
        word_forms = [frozenset(variants[s]) | frozenset(compounds[s]) for s in stems]
        ranked = []
        for uid, score in scores.items():
            cand = found[uid]
            if kapitel and not _chapter_matches(cand.section, kapitel):
                continue
            covered = sum(1 for forms in word_forms if not cand.words.isdisjoint(forms)) / len(stems)
            boost = YEAR_BOOST if cand.year in years else 1.0
            ranked.append((score * (0.25 + 0.75 * covered**2) * boost, uid))
        ranked.sort(key=lambda x: (-x[0], x[1]))
        return self._hits([(found[uid], score) for score, uid in ranked[:limit]], set(exact))

    def _variants(self, stem: str) -> list[str]:
        """The stem and its neuter-t twin when the corpus has that ("lokalt" and "lokal")."""
        out = [stem]
        if len(stem) >= 5 and stem.endswith("t") and self.vocabulary.get(stem[:-1], 0):
            out.append(stem[:-1])
        elif len(stem) >= 4 and self.vocabulary.get(stem + "t", 0):
            out.append(stem + "t")
        return [s for s in out if _SAFE_TERM_RE.match(s)]

    def _compounds(self, stem: str) -> list[str]:
        """Indexed stems related to `stem` as parts of a Danish compound (cached per stem): compounds that
        end or begin with it ("nettomerudgift", "dobbeltdiagnosetilbud"), and a word that begins the query's
        own compound and covers most of it ("erhvervsfremm" for "erhvervsfremmesystem")."""
        if len(stem) < COMPOUND_MIN_STEM or stem.isdigit():
            return []
        if stem not in self._compound_cache:
            heads = [
                stem[:n]
                for n in range(max(COMPOUND_MIN_STEM, math.ceil(COMPOUND_COVER * len(stem))), len(stem))
            ]
            found = compounds_of(self.store, stem, heads, COMPOUND_LOOKUP)
            self.vocabulary.update(found)
            self._compound_cache[stem] = [
                t
                for t in found
                if t != stem and not t.isdigit() and len(t) >= COMPOUND_MIN_STEM and _SAFE_TERM_RE.match(t)
            ]
        return self._compound_cache[stem]

    def _look_up(self, terms: set[str]) -> None:
        """Unit counts of terms not looked up yet (0 for a term not in the index)."""
        missing = sorted(t for t in terms if t and t not in self.vocabulary)
        if missing:
            counts = term_counts(self.store, missing)
            self.vocabulary.update({t: counts.get(t, 0) for t in missing})

    def _engine(
        self, required: list[list[list[str]]], any_of: list[str], aar: set[int] | None, limit: int
    ) -> list[tuple[_Candidate, float]]:
        """The engine's best units that hold every required group (a group: alternative phrases, a single
        word being a phrase of one) and, if given, any of the terms `any_of`; with the engine's score."""
        params: dict = {"limit": limit}
        where = [f"u.document_id IN ({', '.join(str(int(i)) for i in self.document_ids)})"]
        if aar:
            where.append(f"u.year IN ({', '.join(str(int(y)) for y in sorted(aar))})")
        if self.sqlite:
            parts = ["(" + " OR ".join('"' + " ".join(v) + '"' for v in group) + ")" for group in required]
            if any_of:
                parts.append("(" + " OR ".join(f'"{t}"' for t in any_of) + ")")
            params["q"] = " AND ".join(parts)
            if not aar and self.only_latest:  # nothing to filter: let FTS5 rank alone, then read the rows
                with self.store.engine.connect() as conn:
                    ranked = conn.execute(
                        text(
                            "SELECT rowid, -bm25(search_fts, 1.0, 0.5) AS score FROM search_fts "
                            "WHERE search_fts MATCH :q ORDER BY score DESC LIMIT :limit"
                        ),
                        params,
                    ).all()
                    score_of = {r.rowid: float(r.score) for r in ranked}
                    rows = conn.execute(
                        text(
                            "SELECT id, document_id, seq, year, section, stems, context FROM search_units "
                            f"WHERE id IN ({', '.join(str(int(i)) for i in score_of) or 'NULL'})"
                        )
                    ).all()
                return sorted(
                    ((_candidate(r), score_of[r.id]) for r in rows), key=lambda x: (-x[1], x[0].uid)
                )
            sql = (
                "SELECT u.id, u.document_id, u.seq, u.year, u.section, u.stems, u.context, "
                "-bm25(search_fts, 1.0, 0.5) AS score FROM search_fts JOIN search_units u "
                f"ON u.id = search_fts.rowid WHERE search_fts MATCH :q AND {' AND '.join(where)} "
                "ORDER BY score DESC LIMIT :limit"
            )
        else:
            parts = [
                "(" + " | ".join("(" + " <-> ".join(f"'{w}'" for w in v) + ")" for v in group) + ")"
                for group in required
            ]
            if any_of:
                parts.append("(" + " | ".join(f"'{t}'" for t in any_of) + ")")
            params["q"] = " & ".join(parts)
            sql = (
                "SELECT u.id, u.document_id, u.seq, u.year, u.section, u.stems, u.context, "
                "ts_rank('{0.1, 0.2, 0.5, 1.0}', u.tsv, q, 1) AS score "
                "FROM search_units u, to_tsquery('simple', :q) q "
                f"WHERE u.tsv @@ q AND {' AND '.join(where)} ORDER BY score DESC LIMIT :limit"
            )
        with self.store.engine.connect() as conn:
            rows = conn.execute(text(sql), params).all()
        return [(_candidate(r), float(r.score)) for r in rows]

    def _hits(self, ranked: list[tuple[_Candidate, float]], stems: set[str]) -> list[Hit]:
        blocks = self.store.blocks_at([(c.document_id, c.seq) for c, _ in ranked])
        return [_hit(c.year, blocks[(c.document_id, c.seq)], score, stems) for c, score in ranked]


def _candidate(r) -> _Candidate:
    return _Candidate(
        r.id, r.document_id, r.seq, r.year, r.section, frozenset(f"{r.stems} {r.context}".split())
    )


def _hit(year: int, block, score: float, stems: set[str]) -> Hit:
    text_ = block.text
    toks = tokens(text_)
    best = max(
        sentences(text_),
        key=lambda se: (sum(1 for t in toks if se[0] <= t.start < se[1] and t.stem in stems), -se[0]),
        default=(0, len(text_)),
    )
    start, end = best
    if end - start > SNIPPET_CHARS:
        first = next((t.start for t in toks if start <= t.start < end and t.stem in stems), start)
        start = max(start, first - SNIPPET_CHARS // 3)
        end = min(end, start + SNIPPET_CHARS)
    line_from, line_to = block.lines_of(start, end)
    return Hit(
        aar=year,
        afsnit=block.section,
        del_=block.part,
        linje_fra=line_from,
        linje_til=line_to,
        uddrag=_highlight(text_, start, end, toks, stems),
        score=score,
        blok=(block.line_start, block.line_end),
    )


def _chapter_matches(section: str | None, wanted: str) -> bool:
    if section is None:
        return False
    wanted = wanted.strip().lower()
    return section.lower().startswith(wanted + ".") if wanted.isdigit() else wanted in section.lower()


def _highlight(text_: str, start: int, end: int, toks: list[Token], stems: set[str]) -> str:
    out = []
    pos = start
    for t in toks:
        if start <= t.start and t.end <= end and t.stem in stems:
            out.append(text_[pos : t.start] + "«" + text_[t.start : t.end] + "»")
            pos = t.end
    out.append(text_[pos:end])
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text_.rstrip()) else ""
    return prefix + "".join(out).strip() + suffix
