"""Follow-ups: later passages that take up a commitment, and a status for every commitment.

Agreements are compared in pairs (an earlier and a later one, at most FOLLOW_UP_YEARS apart unless the
later one names the earlier): a later paragraph is a candidate when it shares content with the
commitment (TF-IDF cosine over Danish stems of the two agreements, subheading words included, generic
agreement words left out). It is a follow-up ("opfølgning") when it also refers back to the commitment's
agreement ("Med Aftale om kommunernes økonomi for 2023 …", "ØA23", "sidste års aftale"), stands under
the same subheading ("Velfærdsaftaler" in 2022 and 2023) or under a subheading that names the commitment's
matter in its own words, or acts on the matter ("Der igangsættes …", "udbredelsen af …", "vil blive
udbredt") and is very similar; otherwise a very similar paragraph is a mention ("nævnt igen"). A later
passage with fewer than MIN_PASSAGE_WORDS content words of its own (its subheading not counted) is no
target.
Status: "fulgt op", "nævnt igen", "intet spor", or "ingen senere aftale" for the newest year.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.corpus import paragraphs
from kommuneokonomi.knowledge.text import stem, tokens
from kommuneokonomi.models import Block

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
#: a later passage under the same subheading ("Velfærdsaftaler" in 2022 and 2023) takes the topic up
TOPIC_SIMILARITY = 0.15
SAME_TOPIC_SHARE = 0.5
#: a later passage that acts on the same matter without naming the agreement must be this similar
ACTION_SIMILARITY = 0.32
MAX_LINKS = 3
#: a shorter passage ("Parterne er derfor enige om, at:") says too little to be matched
MIN_PASSAGE_WORDS = 4
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


#: a later passage that acts on a topic in the passive or the present ("Der igangsættes …", "etableres",
#: "Med udbredelsen af …") takes the topic up even without naming the earlier agreement
_ACTION_RE = re.compile(
    r"\b(?:igangsættes|etableres|nedsættes|gennemføres|videreføres|udbredes|udmøntes|implementeres|"
    r"afsættes|udvides|forlænges|fastholdes|igangsætter|etablerer|viderefører|udbreder|"
    r"udbredelsen|videreførelsen|implementeringen|udmøntningen|opfølgningen|"
    r"påbegyndes|udrulles|udrulningen|indføres|afrapporteres|offentliggøres|udarbejdes|"
    r"igangsættelsen|etableringen)\b"
    # the future passive: "vil blive igangsat", "vil blive fulgt op", "bliver udbredt"
    r"|\b(?:vil|skal|kan) blive \w+(?:et|t|s)\b|\bbliver (?:nu )?\w+(?:et|t)\b",
    re.I,
)
#: a later agreement is searched for follow-ups this many budget years ahead (agreements are yearly, and
#: the hand-checked links all lie within 3 years); an explicit back-reference reaches further
FOLLOW_UP_YEARS = 5


@dataclass(frozen=True)
class Passage:
    aar: int
    kapitel: str | None
    topic: frozenset[str]  # the content words of its subheading
    linje_fra: int
    linje_til: int
    refers_to: frozenset[int]
    done: bool
    acts: bool
    content: Counter[str]  # its content words and those of its subheading


def _content(text: str) -> Counter[str]:
    return Counter(
        t.stem for t in tokens(text) if t.stem not in GENERIC and not t.stem.isdigit() and len(t.stem) > 2
    )


def _topic(heading: str | None) -> frozenset[str]:
    """The content words of a subheading; a numbered chapter title is too broad to be a topic."""
    if not heading or re.match(r"^\s*(?:Bilag\s+)?\d", heading):
        return frozenset()
    return frozenset(_content(heading))


def _named_in(topic: frozenset[str], words: Counter[str]) -> bool:
    """A later subheading names the commitment's matter when each of its words is one of the commitment's
    (or begins or is begun by one, from five letters): "Velfærdsaftaler" over the rollout, for a
    commitment about "velfærdsaftalerne" under another heading."""
    return bool(topic) and all(
        w in words or any((v.startswith(w) or w.startswith(v)) and min(len(v), len(w)) >= 5 for v in words)
        for w in topic
    )


def _same_topic(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two subheadings name the same topic when most of their words are shared ("Velfærdsaftaler" and
    "Velfærdsaftaler", not "En forenklet beskæftigelsesindsats" and "Den aktive beskæftigelsesindsats")."""
    if not (a and b):
        return False
    # Snowball stems a word alone and inflected differently ("sundhedsvæs", "sundhedsvæsen"): a stem that
    # begins the other counts as the same word
    shared = sum(
        1 for w in a if any(w.startswith(v) or v.startswith(w) for v in b if min(len(w), len(v)) >= 5)
    )
    shared = max(shared, len(a & b))
    return shared / (len(a) + len(b) - shared) >= SAME_TOPIC_SHARE


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


def passages_of(year: int, blocks: list[Block]) -> list[Passage]:
    """The paragraphs and bullets of one agreement, each with its subheading and back-references."""
    return [
        Passage(
            year,
            block.section,
            _topic(heading),
            block.line_start,
            block.line_end,
            _references(block.text, year),
            bool(_DONE_RE.search(block.text)),
            bool(_ACTION_RE.search(block.text)),
            _content(block.text) + Counter(_topic(heading)),
        )
        for _, block, heading in paragraphs(blocks)
    ]


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


def pair_links(
    commitments: list[Commitment], earlier: list[Passage], later: list[Passage]
) -> list[tuple[Commitment, dict]]:
    """Links from the commitments of one agreement to the passages of one later agreement. The IDF is taken
    over the two agreements' passages, so a pair's links do not depend on what else is stored. Candidates
    come from an inverted index over the later passages; each commitment keeps its best MAX_LINKS."""
    # its own words: a fragment under a telling subheading ("ultimo 2023 og primo 2024.") says nothing
    later = [p for p in later if sum((p.content - Counter(p.topic)).values()) >= MIN_PASSAGE_WORDS]
    counts = [p.content for p in later]
    vectors = _Vectors([p.content for p in earlier] + counts)
    pvecs = [vectors.vector(c) for c in counts]
    postings: dict[str, list[int]] = {}
    for i, vec in enumerate(pvecs):
        for w in vec:
            postings.setdefault(w, []).append(i)
    out: list[tuple[Commitment, dict]] = []
    for c in commitments:
        topic = _topic(c.emne)
        words = _content(c.tekst) + Counter(topic)
        cvec = vectors.vector(words)
        scores: dict[int, float] = {}
        for w, weight in cvec.items():
            for i in postings.get(w, []):
                scores[i] = scores.get(i, 0) + weight * pvecs[i][w]
        links = []
        for i, sim in sorted(scores.items(), key=lambda item: item[1], reverse=True):  # most_common's order
            if sim < TOPIC_SIMILARITY:
                break
            p = later[i]
            same_topic = _same_topic(topic, p.topic) or _named_in(p.topic, words)
            takes_up = (
                (same_topic and sim >= TOPIC_SIMILARITY)
                or (c.aar in p.refers_to and sim >= FOLLOW_UP_SIMILARITY)
                or (p.acts and sim >= ACTION_SIMILARITY)
            )
            if not takes_up and sim < MENTION_SIMILARITY:
                continue
            links.append(
                {
                    "aar": p.aar,
                    "kapitel": p.kapitel,
                    "linje_fra": p.linje_fra,
                    "linje_til": p.linje_til,
                    "type": "opfølgning" if takes_up else "nævnt igen",
                    "afsluttet": takes_up and p.done,
                    "lighed": round(sim, 3),
                }
            )
        out.extend((c, x) for x in best_links(links))
    return out


def best_links(links: list[dict]) -> list[dict]:
    """Follow-ups before mentions, the most similar first, at most MAX_LINKS."""
    return sorted(links, key=lambda x: (x["type"] != "opfølgning", -x["lighed"], x["aar"]))[:MAX_LINKS]
