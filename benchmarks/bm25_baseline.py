"""The hand-written BM25 ranker that search used before issue 12, kept only as the benchmark's baseline.

In memory over the texts: BM25 (k1 = 1.2, b = 0.75) times a coverage factor, compounds at half weight,
neuter -t folded, a year in the query favoured, phrases by positions. Hits are made by knowledge/search.py's
own function, so only the ranking differs from the engine-backed search.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from kommuneokonomi.knowledge.corpus import AgreementText
from kommuneokonomi.knowledge.search import Hit, _chapter_matches, _hit
from kommuneokonomi.knowledge.text import Token, tokens
from kommuneokonomi.models import Block

K1 = 1.2
B = 0.75
#: a query word also matches Danish compounds ending in it ("merudgifter" in "nettomerudgifter"), weaker
COMPOUND_WEIGHT = 0.5
COMPOUND_MIN_STEM = 5
COMPOUND_COVER = 0.6
#: a year in the query ("servicerammen 2024") favours that year's agreement
YEAR_BOOST = 1.5
_PHRASE_RE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Unit:
    year: int
    block: Block
    heading: str | None
    tokens: list[Token]


class SearchIndex:
    def __init__(self, texts: dict[int, AgreementText]) -> None:
        self.units: list[Unit] = []
        self.postings: dict[str, dict[int, list[int]]] = {}
        lengths = []
        for year, doc in texts.items():
            heading = None
            section = None
            for block in doc.blocks:
                if block.section != section:
                    section, heading = block.section, None
                if block.kind == "heading":
                    heading = block.text
                    continue
                if block.kind not in ("paragraph", "bullet"):
                    continue
                uid = len(self.units)
                toks = tokens(block.text)
                self.units.append(Unit(year, block, heading, toks))
                for pos, tok in enumerate(toks):
                    self.postings.setdefault(tok.stem, {}).setdefault(uid, []).append(pos)
                for tok in tokens(f"{heading or ''} {block.part or ''}"):  # context words, no position
                    self.postings.setdefault(tok.stem, {}).setdefault(uid, [])
                lengths.append(len(toks) + 1)
        self.lengths = lengths
        self.avgdl = sum(lengths) / max(1, len(lengths))
        self.aliases = _fold_neuter_t(self.postings)
        self.years = set(texts)
        self._compound_cache: dict[str, list[str]] = {}

    def search(
        self, query: str, aar: set[int] | None = None, kapitel: str | None = None, limit: int = 10
    ) -> list[Hit]:
        fold = self.aliases.get
        phrases = [[fold(t.stem, t.stem) for t in tokens(p)] for p in _PHRASE_RE.findall(query)]
        phrases = [p for p in phrases if p]
        words = [fold(t.stem, t.stem) for t in tokens(_PHRASE_RE.sub(" ", query))]
        stems = list(dict.fromkeys(words + [s for p in phrases for s in p]))
        if not stems:
            return []
        n = len(self.units)
        scores: Counter[int] = Counter()
        matched: dict[int, set[str]] = {}
        for s in stems:
            for term, weight in [(s, 1.0)] + [(c, COMPOUND_WEIGHT) for c in self._compounds(s)]:
                posting = self.postings.get(term, {})
                idf = math.log(1 + (n - len(posting) + 0.5) / (len(posting) + 0.5))
                for uid, positions in posting.items():
                    tf = len(positions) + 0.5  # a context (heading) word counts half
                    norm = K1 * (1 - B + B * self.lengths[uid] / self.avgdl)
                    scores[uid] += weight * idf * tf * (K1 + 1) / (tf + norm)
                    matched.setdefault(uid, set()).add(s)
        years = {int(w) for w in words if w.isdigit() and len(w) == 4} & self.years
        hits = []
        for uid, score in scores.items():
            unit = self.units[uid]
            if aar and unit.year not in aar:
                continue
            if kapitel and not _chapter_matches(unit.block.section, kapitel):
                continue
            if phrases and not all(_has_phrase(self.postings, uid, p) for p in phrases):
                continue
            coverage = len(matched[uid]) / len(stems)
            boost = YEAR_BOOST if unit.year in years else 1.0
            hits.append((score * (0.25 + 0.75 * coverage**2) * boost, uid))
        hits.sort(key=lambda x: (-x[0], x[1]))
        return [self._hit(uid, score, set(stems)) for score, uid in hits[:limit]]

    def _compounds(self, stem: str) -> list[str]:
        """Indexed stems related to `stem` as parts of a Danish compound (cached per stem): compounds that
        end or begin with it ("nettomerudgift", "dobbeltdiagnosetilbud"), and a word that begins the query's
        own compound and covers most of it ("erhvervsfremm" for "erhvervsfremmesystem")."""
        if len(stem) < COMPOUND_MIN_STEM or stem.isdigit():
            return []
        if stem not in self._compound_cache:
            self._compound_cache[stem] = [
                t
                for t in self.postings
                if t != stem
                and len(t) >= COMPOUND_MIN_STEM
                and not t.isdigit()
                and (
                    t.endswith(stem)
                    or t.startswith(stem)
                    or (stem.startswith(t) and len(t) >= COMPOUND_COVER * len(stem))
                )
            ]
        return self._compound_cache[stem]

    def stem_of(self, token: Token) -> str:
        return self.aliases.get(token.stem, token.stem)

    def _hit(self, uid: int, score: float, stems: set[str]) -> Hit:
        unit = self.units[uid]
        return _hit(unit.year, unit.block, score, stems)


def _has_phrase(postings: dict[str, dict[int, list[int]]], uid: int, phrase: list[str]) -> bool:
    first = postings.get(phrase[0], {}).get(uid, [])
    return any(
        all(p + k in postings.get(s, {}).get(uid, []) for k, s in enumerate(phrase[1:], start=1))
        for p in first
    )


def _fold_neuter_t(postings: dict[str, dict[int, list[int]]]) -> dict[str, str]:
    """Danish neuter adjectives add -t ("lokalt", "kommunalt"), which Snowball keeps: fold such a stem into
    the stem without it when the corpus has that too ("lokal"), so "lokalt råderum" finds "lokale råderum"."""
    aliases = {}
    for stem_t in [s for s in postings if len(s) >= 5 and s.endswith("t") and s[:-1] in postings]:
        target = postings[stem_t[:-1]]
        for uid, positions in postings.pop(stem_t).items():
            target[uid] = sorted(set(target.get(uid, [])) | set(positions))
        aliases[stem_t] = stem_t[:-1]
    return aliases
