"""Follow-ups: later passages that take up a commitment, and a status for every commitment.

A later paragraph is a candidate when it shares content with the commitment (TF-IDF cosine over Danish
stems, generic agreement words left out). It is a follow-up ("opfølgning") when it also refers back to the
commitment's agreement ("Med Aftale om kommunernes økonomi for 2023 …", "økonomiaftalen for 2023",
"ØA23", "sidste års aftale"); without such a reference, a very similar paragraph is a mention
("nævnt igen"). Status: "fulgt op", "nævnt igen", "intet spor", or "ingen senere aftale" for the newest year.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.corpus import AgreementText
from kommuneokonomi.knowledge.text import stem, tokens

#: words every agreement uses; they say nothing about what a statement is about
GENERIC = frozenset(
    stem(w)
    for w in (
        "regeringen",
        "kl",
        "parterne",
        "enige",
        "enighed",
        "kommunerne",
        "kommunal",
        "aftale",
        "aftalen",
        "økonomi",
        "arbejde",
        "fælles",
        "samarbejde",
        "understøtte",
        "herunder",
        "bl",
        "mv",
        "mio",
        "mia",
        "kr",
        "pct",
        "danske",
        "regioner",
        "skal",
        "sikre",
        "kommende",
        "år",
        "følge",
        "op",
        "fortsat",
        "løbende",
        "med",
        "henblik",
        "baggrund",
        "derfor",
        "endvidere",
        "samtidig",
        "ligesom",
        "blandt",
        "andet",
        "muligt",
        "mulighed",
        "vigtigt",
        "afgørende",
        "igangsætte",
        "igangsat",
        "igangsatte",
        "drøfte",
        "udvikling",
        "opfølgning",
    )
)
FOLLOW_UP_SIMILARITY = 0.24  # chosen on the hand-checked links (tests/knowledge/followup_checks.yaml)
MENTION_SIMILARITY = 0.40
MAX_LINKS = 3
_BACK_REFERENCE_RE = re.compile(
    r"(?:[Aa]ftaler?(?:ne)? om (?:kommunernes|den kommunale(?: og regionale)?) økonomi"
    r"|økonomiaftale(?:n|rne)?)"
    r"(?: for| i)? (?P<year>\d{4})|\bØA ?(?P<yy>\d{2})\b|(?P<last>sidste års (?:økonomi)?aftale)"
)
_DONE_RE = re.compile(
    r"\b(?:er|blev) (?:nu )?(?:afsluttet|gennemført|afrapporteret|etableret|igangsat|offentliggjort|"
    r"implementeret|nedsat|udarbejdet|fremlagt|aftalt)|\bhar (?:nu )?(?:afsluttet|gennemført|afrapporteret|"
    r"fremlagt|offentliggjort|leveret|udarbejdet|igangsat|etableret)|\bforeligger\b|\bigangsatte\b|"
    r"\baftalte\b|\bnedsatte\b|\bbesluttede\b"
)


@dataclass(frozen=True)
class Passage:
    aar: int
    kapitel: str | None
    linje_fra: int
    linje_til: int
    text: str
    refers_to: frozenset[int]
    done: bool


def _content(text: str) -> Counter[str]:
    return Counter(
        t.stem for t in tokens(text) if t.stem not in GENERIC and not t.stem.isdigit() and len(t.stem) > 2
    )


def _references(text: str, year: int) -> frozenset[int]:
    out = set()
    for m in _BACK_REFERENCE_RE.finditer(text):
        if m.group("year"):
            out.add(int(m.group("year")))
        elif m.group("yy"):
            out.add(2000 + int(m.group("yy")))
        else:
            out.add(year - 1)
    return frozenset(y for y in out if y < year)


def passages(texts: dict[int, AgreementText]) -> list[Passage]:
    out = []
    for year, doc in texts.items():
        for block in doc.blocks:
            if block.kind in ("paragraph", "bullet"):
                out.append(
                    Passage(
                        year,
                        block.section,
                        block.line_start,
                        block.line_end,
                        block.text,
                        _references(block.text, year),
                        bool(_DONE_RE.search(block.text)),
                    )
                )
    return out


class _Vectors:
    """TF-IDF vectors (log tf × idf, unit length) over the passages' content words."""

    def __init__(self, docs: list[Counter[str]]) -> None:
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self.idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def link(commitments: list[Commitment], texts: dict[int, AgreementText]) -> list[Commitment]:
    """Set `status` and `opfoelgning` on every commitment (in place) and return them."""
    later_passages = passages(texts)
    counts = [_content(p.text) for p in later_passages]
    vectors = _Vectors(counts)
    pvecs = [vectors.vector(c) for c in counts]
    postings: dict[str, list[int]] = {}
    for i, vec in enumerate(pvecs):
        for w in vec:
            postings.setdefault(w, []).append(i)
    newest = max(texts)
    for c in commitments:
        cvec = vectors.vector(_content(c.tekst))
        scores: Counter[int] = Counter()
        for w, weight in cvec.items():
            for i in postings.get(w, []):
                if later_passages[i].aar > c.aar:
                    scores[i] += weight * pvecs[i][w]
        links = []
        for i, sim in scores.most_common():
            p = later_passages[i]
            follow_up = c.aar in p.refers_to and sim >= FOLLOW_UP_SIMILARITY
            if not follow_up and sim < MENTION_SIMILARITY:
                continue
            links.append(
                {
                    "aar": p.aar,
                    "kapitel": p.kapitel,
                    "linje_fra": p.linje_fra,
                    "linje_til": p.linje_til,
                    "type": "opfølgning" if follow_up else "nævnt igen",
                    "afsluttet": follow_up and p.done,
                    "lighed": round(sim, 3),
                }
            )
        links.sort(key=lambda x: (x["type"] != "opfølgning", -x["lighed"]))
        c.opfoelgning = links[:MAX_LINKS]
        if any(x["type"] == "opfølgning" for x in links):
            c.status = "fulgt op"
        elif links:
            c.status = "nævnt igen"
        else:
            c.status = "ingen senere aftale" if c.aar == newest else "intet spor"
    return commitments
