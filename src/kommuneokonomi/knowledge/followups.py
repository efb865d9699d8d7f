"""Follow-ups: later passages that take up a commitment, and a status for every commitment.

Agreements are compared in pairs (an earlier and a later one, at most FOLLOW_UP_YEARS apart unless the
later one names the earlier). Candidates for a commitment come from an inverted index over the later
agreement's paragraphs (its own words, and at lower weight those of its paragraph). Each candidate is
scored by TF-IDF cosine over Danish stems of the two agreements (generic agreement words left out,
compounds also counted by their parts: "kvalitetsindikatorer" meets "indikatorer for kvalitet") against
the whole passage, its best sentence (a short commitment in a long paragraph), and
the commitment's paragraph (a sibling statement reaches the passage that takes up its paragraph).

It is a link only if the two share two distinctive words or one rare one: one broad word ("indkøb") is
no link. A later passage that restates the same standard item for its own budget year (next year's
anlægsramme, midtvejsregulering or financing line) is a recurrence: at most "nævnt igen". Otherwise it takes
the commitment up when it refers back to the commitment's agreement ("Med Aftale om kommunernes økonomi for
2023 …", "ØA23", "sidste års aftale"), stands under the same subheading or one that names the commitment's
matter, or reports, concludes, carries out or ends the matter ("På baggrund af afrapporteringen …",
"Analysen viser …", "afskaffes", "Der igangsættes …") and is similar enough. A passage that names only a
later agreement takes up that one's points; one FAR_YEARS or more ahead must name the agreement or be very
similar under the same topic. A very similar passage is otherwise a mention ("nævnt igen").

Two tiers, because similarity, subheadings and report verbs do not tell a right link from a wrong one
(the held-out censuses of December 2026: 16 of 38 right): a follow-up is sure ("opfølgning") only when the
later text refers to this very matter the way these agreements refer back, else it is possible ("mulig
opfølgning", still listed for the reader to judge). Sure is
- a back-reference to the commitment's agreement in a sentence that shares a distinctive object word with
  the commitment ("Der er gennemført et fælles arbejde om den kommunale sundhedsindsats som opfølgning på
  sidste års økonomiaftale"), or
- the commitment's undertaking named as a known thing with its object (knowledge/undertakings.py:
  "nedsætte et ekspertudvalg … på socialområdet" and, a year later, "de første anbefalinger fra
  ekspertudvalget på socialområdet"; not "et ekspertudvalg … for busbetjening"), or the undertaking that
  both subheadings name ("Velfærdsaftaler") with the commitment's object words in the passage. Such a
  passage takes the commitment up even when less similar (UNDERTAKING_SIMILARITY).

Every link keeps its numbers and reasons (`lighed`, `daekning`, `grunde`; "omtaler «ekspertudvalget»
(socialområd)" names the reference). A later passage with fewer than MIN_PASSAGE_WORDS content words of its
own (its subheading not counted) is no target.
Status: "fulgt op" (a sure follow-up), "mulig opfølgning", "nævnt igen", "intet spor", or "ingen senere
aftale" for the newest year.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kommuneokonomi.knowledge.commitments import Commitment
from kommuneokonomi.knowledge.corpus import paragraphs
from kommuneokonomi.knowledge.text import Token, sentences, stem, tokens
from kommuneokonomi.knowledge.undertakings import (
    BACK_REFERENCE_RE,
    Mention,
    Promise,
    is_object_word,
    mentions,
    named,
    promised,
    same_undertaking,
)
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
# The similarities below are of the best of whole passage, best sentence and 0.8 × paragraph; they
# were set on the dev labels' `arbejde` half and the earlier samples (tests/knowledge/followup_*.yaml,
# benchmarks/RESULTS.md), and are higher than the earlier whole-paragraph ones because a sentence is
# more similar than its paragraph.
#: a later passage that names the commitment's agreement takes it up when this similar
FOLLOW_UP_SIMILARITY = 0.3
MENTION_SIMILARITY = 0.40
#: a later passage under the same subheading ("Velfærdsaftaler" in 2022 and 2023) takes the topic up
TOPIC_SIMILARITY = 0.25
SAME_TOPIC_SHARE = 0.5
#: a later passage that acts on the same matter without naming the agreement must be this similar
ACTION_SIMILARITY = 0.32
MAX_LINKS = 3
#: a passage that refers to the commitment's undertaking as a known thing takes it up when this similar
UNDERTAKING_SIMILARITY = 0.15
#: an object word of an undertaking ("socialområdet" of "ekspertudvalget") is in at most this share of the
#: two agreements' passages and has at least OBJECT_LETTERS letters (not "frem", "nye")
OBJECT_SHARE = 0.1
OBJECT_LETTERS = 5
#: this many object words beside the undertaking, or one distinctive one (DISTINCTIVE_SHARE)
OBJECT_WORDS = 2
#: the commitment's paragraph counts at this weight beside its own words (a sibling statement reaches
#: the passage that takes up their paragraph)
CONTEXT_FACTOR = 0.8
#: a passage this many budget years ahead is a follow-up only by naming the agreement or by a very
#: similar passage under the same topic (the wrong links of the fresh sample were all far and weak)
FAR_YEARS = 3
FAR_SIMILARITY = 0.5
#: candidates per commitment and later agreement that are scored in full (from the inverted index): this
#: many by the commitment's words and as many by its paragraph's (12 and 25 gave the same links)
CANDIDATES = 6
#: compounds are split into parts of at least this many letters
COMPOUND_PART_LETTERS = 4
#: a shared word is distinctive when at most this share of the two agreements' passages hold it, and
#: rare when at most RARE_DF do
DISTINCTIVE_SHARE = 0.06
RARE_DF = 4
#: the commitment or its paragraph restated this nearly is a recurrence, not a follow-up
NEAR_DUPLICATE = 0.85
#: a passage that names its own budget year where the commitment named its own is one when this similar
RECURRENCE_SIMILARITY = 0.4
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
#: a shorter passage ("Parterne er derfor enige om, at:") says too little to be matched
MIN_PASSAGE_WORDS = 4
#: a later passage that reports a matter done, reported back, concluded or ended: "er afsluttet", "Regeringen
#: og KL har i 2023 gennemført …", "har på den baggrund aftalt", "På baggrund af afrapporteringen …",
#: "Analysen viser …", "Arbejdsgruppen har …", "programmet afskaffes", "ophører", "udfases"
_DONE_PARTICIPLE = (
    r"afsluttet|gennemført|afrapporteret|etableret|igangsat|offentliggjort|implementeret|nedsat|udarbejdet|"
    r"fremlagt|aftalt|leveret|evalueret|udrullet|udbredt|afskaffet|nedlagt|udfaset|besluttet|vedtaget|"
    r"analyseret|kortlagt|undersøgt|afdækket|færdiggjort|indgået|lanceret|udskudt"
)
_DONE_RE = re.compile(
    rf"\b(?:er|blev) (?:nu |nu blevet |blevet )?(?:{_DONE_PARTICIPLE})\b"
    rf"|\bhar(?: \w+){{0,4}}? (?:{_DONE_PARTICIPLE})\b"
    r"|\bforeligger\b|\bigangsatte\b|\baftalte\b|\bnedsatte\b|\bbesluttede\b"
    r"|\bafrapportering(?:en|erne)?\b|\b(?:analysen|analyserne|evalueringen|kortlægningen|undersøgelsen|"
    r"afdækningen|arbejdsgruppen|ekspertudvalget|udvalget|rapporten|opgørelsen) (?:viser|har|peger)\b"
    r"|\b(?:afskaffes|ophører|ophæves|udfases|nedlægges|afvikles|bortfalder|udskydes)\b",
    re.I,
)


#: a later passage that acts on a topic in the passive or the present ("Der igangsættes …", "etableres",
#: "Med udbredelsen af …") takes the topic up even without naming the earlier agreement
_ACTION_RE = re.compile(
    r"\b(?:igangsættes|etableres|nedsættes|gennemføres|videreføres|udbredes|udmøntes|implementeres|"
    r"afsættes|udvides|forlænges|fastholdes|igangsætter|etablerer|viderefører|udbreder|udmønter|"
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
    #: the content words of each sentence, compound parts included: a short commitment is matched
    #: against the best of them
    sentences: tuple[Counter[str], ...] = ()
    years: frozenset[int] = frozenset()  # the years it names ("i 2023", "2022-pl")
    #: the parts of its compounds, split on its agreement's vocabulary ("kvalit", "indikator" of
    #: "kvalitetsindikator"); they count beside the compound in the similarity
    parts: Counter[str] = field(default_factory=Counter)
    #: the undertakings it refers to as known things or calls new (knowledge/undertakings.py): (sentence,
    #: root, compound head, word, new), the sentence counted as in `sentences` (0 when it has one, -1 for
    #: its subheading)
    known: tuple[tuple[int, str, str, str, bool], ...] = ()
    #: the sentences that refer back to an earlier agreement: (sentence, its budget year)
    recalls: tuple[tuple[int, int], ...] = ()

    @cached_property
    def expanded(self) -> Counter[str]:
        return self.content + self.parts

    def to_json(self) -> dict:
        """What the index keeps of it (apart from year, section and lines, which have columns)."""
        return {
            "topic": sorted(self.topic),
            "refers_to": sorted(self.refers_to),
            "done": self.done,
            "acts": self.acts,
            "content": self.content,
            "sentences": list(self.sentences),
            "years": sorted(self.years),
            "parts": self.parts,
            "known": [list(k) for k in self.known],
            "recalls": [list(r) for r in self.recalls],
        }

    @classmethod
    def from_json(cls, aar: int, kapitel: str | None, linje_fra: int, linje_til: int, data: dict) -> Passage:
        return cls(
            aar,
            kapitel,
            frozenset(data["topic"]),
            linje_fra,
            linje_til,
            frozenset(data["refers_to"]),
            data["done"],
            data["acts"],
            Counter(data["content"]),
            tuple(Counter(x) for x in data["sentences"]),
            frozenset(data["years"]),
            Counter(data["parts"]),
            tuple((int(k[0]), k[1], k[2], k[3], bool(k[4])) for k in data.get("known", ())),
            tuple((int(r[0]), int(r[1])) for r in data.get("recalls", ())),
        )


def _content(text: str) -> Counter[str]:
    return Counter(t.stem for t in tokens(text) if _is_content(t.stem))


@lru_cache(maxsize=4096)
def _content_of(text: str) -> Counter[str]:
    """_content, kept: a commitment is matched against every later agreement (do not change the result)."""
    return _content(text)


def _is_content(word: str) -> bool:
    return word not in GENERIC and not word.isdigit() and len(word) > 2


@lru_cache(maxsize=4096)
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
    for m in BACK_REFERENCE_RE.finditer(text):
        if m.group("year"):
            out.add(int(m.group("year")))
        elif m.group("yy"):
            out.add(2000 + int(m.group("yy")))
        else:
            out.add(year - 1)
    return frozenset(y for y in out if y < year)


def _years(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in _YEAR_RE.findall(text))


def _by_sentence(words: list[Token], spans: Iterable[tuple[int, int]]) -> list[list[str]]:
    """The stems of the words in each sentence span, in one pass over both (both are in text order; a
    paragraph of thousands of sentences stays linear)."""
    out: list[list[str]] = []
    i = 0
    for a, b in spans:
        while i < len(words) and words[i].start < a:
            i += 1
        j = i
        while j < len(words) and words[j].start < b:
            j += 1
        out.append([w.stem for w in words[i:j]])
        i = j
    return out


def passages_of(year: int, blocks: list[Block]) -> list[Passage]:
    """The paragraphs and bullets of one agreement, each with its subheading, back-references, the years
    it names, the content words of each of its sentences and the parts of its compounds (split on the
    agreement's own vocabulary, once per agreement)."""
    items = []
    for _, block, heading in paragraphs(blocks):
        words = [t for t in tokens(block.text) if _is_content(t.stem)]
        bounds = list(sentences(block.text))
        spans = _by_sentence(words, bounds)
        items.append(
            (block, heading, Counter(t.stem for t in words) + Counter(_topic(heading)), spans, bounds)
        )
    compounds = _Compounds({w for _, _, content, _, _ in items for w in content})
    out = []
    for block, heading, content, spans, bounds in items:
        in_sentences = [compounds.expand(Counter(x)) for x in spans if x]
        # a subheading names its paragraphs' undertaking as a known thing ("Velfærdsaftaler")
        known = [(-1, m.root, m.head, m.word, m.new) for m in named(heading or "")]
        # under "Ny fællesoffentlig digitaliseringsstrategi 2022-2025", "den fællesoffentlige
        # digitaliseringsstrategi" is that new one
        new = {root for _, root, _, _, is_new in known if is_new}
        recalls = []
        refers_to = _references(block.text, year)
        in_text = zip(spans, mentions(block.text, bounds), bounds, strict=True)
        for k, (found, (a, b)) in enumerate((m, ab) for x, m, ab in in_text if x):
            known += [(k, m.root, m.head, m.word, m.new or m.root in new) for m in found if m.known or m.new]
            if refers_to:  # which sentence names the earlier agreement
                recalls += [(k, y) for y in sorted(_references(block.text[a:b], year))]
        out.append(
            Passage(
                year,
                block.section,
                _topic(heading),
                block.line_start,
                block.line_end,
                refers_to,
                bool(_DONE_RE.search(block.text)),
                bool(_ACTION_RE.search(block.text)),
                content,
                tuple(in_sentences) if len(in_sentences) > 1 else (),
                _years(block.text),
                compounds.expand(content) - content,
                tuple(known),
                tuple(recalls),
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
        self.df = df
        self.idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        vec = {w: (1 + math.log(c)) * self.idf.get(w, 1.0) for w, c in counts.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def _dot(small: dict[str, float], vec: dict[str, float]) -> float:
    """The cosine of two unit vectors, the first the shorter one (a commitment's)."""
    return sum(x * vec.get(w, 0.0) for w, x in small.items())


class _Compounds:
    """Danish compounds split on an agreement's vocabulary: "kvalitetsindikator" holds "kvalitet" and
    "indikator" when both occur on their own, joined directly or by a linking s or e. The parts count
    beside the compound, so "kvalitetsindikatorer" meets "indikatorer for kvalitet" and "velfærdsaftaler"
    meets "aftaler om velfærd"."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self._parts: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        if word not in self._parts:
            self._parts[word] = self._split(word)
        return self._parts[word]

    def _split(self, word: str) -> tuple[str, ...]:
        n = len(word)
        if n < 2 * COMPOUND_PART_LETTERS:
            return ()
        # the longest head first: "sundhedsdata" is "sundhed" + s + "data", not "sund" + "hedsdata"
        for i in range(n - COMPOUND_PART_LETTERS, COMPOUND_PART_LETTERS - 1, -1):
            head = self._known(word[:i])
            if head is None:
                continue
            for rest in (word[i:], word[i + 1 :] if word[i] in "se" else ""):
                tail = self._known(rest) if len(rest) >= COMPOUND_PART_LETTERS else None
                if tail is not None:
                    return tuple(w for w in (head, tail) if w not in GENERIC and len(w) > 2)
        return ()

    def _known(self, part: str) -> str | None:
        """The part as a stem of the vocabulary ("kvalitet" is stemmed "kvalit"), or None."""
        if part in self.vocabulary:
            return part
        stemmed = stem(part)
        return stemmed if stemmed in self.vocabulary else None

    def expand(self, counts: Counter[str]) -> Counter[str]:
        out = Counter(counts)
        for w, c in counts.items():
            for part in self.parts(w):
                out[part] += c
        return out


@dataclass(frozen=True)
class _Match:
    """What one later passage has in common with one commitment: the numbers a link is judged on."""

    similarity: float  # cosine of the commitment with the whole passage
    sentence: float  # cosine of the commitment with its best sentence
    context: float  # cosine of the commitment's paragraph with the passage
    coverage: float  # the share of the commitment's IDF weight that the passage holds
    distinctive: int  # shared words that are not common in the two agreements
    rare_words: frozenset[str]  # shared words found in at most RARE_DF passages of the two agreements
    recurrence: bool  # the same standard item restated for its own budget year
    #: the commitment's undertaking as the passage names it, and the object words beside it (or None)
    undertaking: tuple[str, tuple[str, ...]] | None = None
    #: the sentence that names the commitment's agreement shares a distinctive word with it
    recalled: bool = False

    @property
    def rare(self) -> int:
        return len(self.rare_words)

    @property
    def best(self) -> float:
        return max(self.similarity, self.sentence)


def pair_links(
    commitments: list[Commitment], earlier: list[Passage], later: list[Passage]
) -> list[tuple[Commitment, dict]]:
    """Links from the commitments of one agreement to the passages of one later agreement. The IDF is taken
    over the two agreements' passages, so a pair's links do not depend on what else is stored. Candidates
    come from an inverted index over the later passages; each commitment keeps its best MAX_LINKS."""
    # its own words: a fragment under a telling subheading ("ultimo 2023 og primo 2024.") says nothing
    later = [p for p in later if sum((p.content - Counter(p.topic)).values()) >= MIN_PASSAGE_WORDS]
    # the passages' compounds were split on their own agreement's vocabulary; a commitment's are split on
    # both agreements' ("kvalitetsindikatorer" meets "indikatorer for kvalitet" though its agreement never
    # says "indikatorer" alone)
    compounds = _Compounds({w for p in (*earlier, *later) for w in p.content})
    earlier_counts = [p.expanded for p in earlier]
    counts = [p.expanded for p in later]
    vectors = _Vectors(earlier_counts + counts)
    common = len(earlier_counts) + len(counts)
    pvecs = [vectors.vector(c) for c in counts]
    starts = [p.linje_fra for p in earlier]  # in order: a commitment's paragraph is found by bisection
    svecs: dict[int, list[dict[str, float]]] = {}  # sentence vectors, made for candidates only
    hvecs: dict[int, dict[str, float]] = {}  # the earlier paragraphs' vectors, made once
    contexts: dict[int, dict[int, float]] = {}  # and their cosines with the later passages
    postings: dict[str, list[int]] = {}
    for i, vec in enumerate(pvecs):
        for w in vec:
            postings.setdefault(w, []).append(i)
    out: list[tuple[Commitment, dict]] = []
    for c in commitments:
        topic = _topic(c.emne)
        own = _content_of(c.tekst) + Counter(topic)
        words = compounds.expand(own)
        split = [(w, parts) for w in own if (parts := compounds.parts(w))]
        cvec = vectors.vector(words)
        j = bisect.bisect_right(starts, c.linje_fra) - 1
        home = j if j >= 0 and earlier[j].linje_fra <= c.linje_fra <= earlier[j].linje_til else None
        if home is None:
            hvec = cvec
        else:
            hvec = hvecs.get(home) or hvecs.setdefault(home, vectors.vector(earlier_counts[home]))
        weight = sum(vectors.idf.get(w, 1.0) for w in words) or 1.0
        c_years = _years(c.tekst)
        promises, named_words, stems = _promises(c.tekst, c.emne or "")
        headed = promised(c.emne or "") if topic else frozenset()
        # what the undertaking is about: the commitment's distinctive words that are not the undertaking
        # itself (nor a part of its compound: "ekspert" of "ekspertgruppen") nor a verb that promises it
        objects = {
            w
            for w in words
            if not any(x.startswith(w) for x in named_words)
            and is_object_word(w)
            and len(w) >= OBJECT_LETTERS
            and vectors.df[w] <= max(RARE_DF, common * OBJECT_SHARE)
        }
        rare_objects = {w for w in objects if vectors.df[w] <= max(RARE_DF, common * DISTINCTIVE_SHARE)}
        similarity = _dots(cvec, postings, pvecs)  # cosine with the commitment's words
        if home is None:
            context = similarity
        elif home in contexts:
            context = contexts[home]  # … and with its paragraph's, the same for its siblings
        else:
            context = contexts.setdefault(home, _dots(hvec, postings, pvecs))
        # the best by the commitment's words and the best by its paragraph's
        ranked = set(heapq.nlargest(CANDIDATES, similarity, key=similarity.__getitem__))
        ranked.update(heapq.nlargest(CANDIDATES, context, key=context.__getitem__))
        links = []
        for i in sorted(ranked):
            p = later[i]
            # a word counts as evidence when the passage has it too, or has every part of it ("kvalitet"
            # and "indikator" for "kvalitetsindikator"); a part alone ("konsulent" of
            # "læringskonsulent") only adds to the similarity
            evidence = [w for w in own if w in p.content] + [
                w for w, parts in split if w not in p.content and all(q in p.content for q in parts)
            ]
            distinctive = sum(1 for w in evidence if vectors.df[w] <= common * DISTINCTIVE_SHARE)
            rare = frozenset(w for w in evidence if vectors.df[w] <= RARE_DF)
            undertaking = (
                _undertaking(
                    stems,
                    promises,
                    objects,
                    rare_objects,
                    p,
                    headed
                    if headed and (_same_topic(topic, p.topic) or _named_in(p.topic, words))
                    else frozenset(),
                )
                if promises or headed
                else None
            )
            if not (distinctive or rare or undertaking):
                continue  # no link in any case (judge)
            if i not in svecs:
                svecs[i] = [vectors.vector(x) for x in p.sentences]
            sentence = max((_dot(cvec, v) for v in svecs[i]), default=0.0)
            best = max(similarity.get(i, 0.0), sentence)
            match = _Match(
                similarity=similarity.get(i, 0.0),
                sentence=sentence,
                context=context.get(i, 0.0),
                coverage=sum(vectors.idf.get(w, 1.0) for w in words if w in counts[i]) / weight,
                distinctive=distinctive,
                rare_words=rare,
                recurrence=_recurrence(c, c_years, p, context.get(i, 0.0), best),
                undertaking=undertaking,
                recalled=any(
                    y == c.aar
                    and any(
                        w in (p.sentences[k] if p.sentences else p.content)
                        and vectors.df[w] <= common * DISTINCTIVE_SHARE
                        and is_object_word(w)  # not "gennemført" of "de gennemførte initiativer"
                        for w in evidence
                    )
                    for k, y in p.recalls
                ),
            )
            kind, why = judge(c, topic, words, p, match)
            if kind is None:
                continue
            links.append(
                {
                    "aar": p.aar,
                    "kapitel": p.kapitel,
                    "linje_fra": p.linje_fra,
                    "linje_til": p.linje_til,
                    "type": kind,
                    "afsluttet": kind != "nævnt igen" and p.done,
                    "lighed": round(match.best, 3),
                    "daekning": round(match.coverage, 3),
                    "grunde": why,
                }
            )
        out.extend((c, x) for x in best_links(links))
    return out


def _dots(
    vec: dict[str, float], postings: dict[str, list[int]], pvecs: list[dict[str, float]]
) -> dict[int, float]:
    """The cosine of a vector with every later passage that shares a word with it."""
    out: dict[int, float] = {}
    for w, x in vec.items():
        for i in postings.get(w, ()):
            out[i] = out.get(i, 0.0) + x * pvecs[i][w]
    return out


@lru_cache(maxsize=4096)
def _promises(text: str, heading: str) -> tuple[frozenset[Promise], tuple[str, ...], frozenset[str]]:
    """A commitment's undertakings, their words as written, and the stems of all its words and its
    subheading's (a later compound of the plain noun with one of them is the same undertaking)."""
    found = [m for ms in mentions(text) for m in ms]
    words = tokens(f"{text} {heading}", keep_stop_words=True)
    # as a compound's first part is stemmed: without its linking s ("års" of "10-års plan")
    stems = frozenset(t.stem for t in words) | {stem(t.text.rstrip("s")) for t in words}
    return frozenset((m.root, m.head, m.new) for m in found), tuple(m.word for m in found), stems


def _undertaking(
    stems: frozenset[str],
    promises: frozenset[Promise],
    objects: set[str],
    distinctive: set[str],
    p: Passage,
    headed: frozenset[Promise] = frozenset(),
) -> tuple[str, tuple[str, ...]] | None:
    """The passage refers to the commitment's undertaking as a known thing ("analysen", "Ekspertudvalget
    har …", "blev det aftalt … at nedsætte et ekspertudvalg") with OBJECT_WORDS of its object words, or
    one distinctive one, in the same sentence or the passage's subheading: the word as written and the
    object words, or None. The undertaking noun alone is no reference to this one: "ekspertudvalget" for
    busses is not the one for the social area. An undertaking that the commitment's subheading names
    (`headed`: "Velfærdsaftaler") is referred to by a known mention under the same subheading, when the
    passage has enough of its object words."""

    def enough(shared: list[str]) -> bool:
        return len(shared) >= OBJECT_WORDS or any(w in distinctive for w in shared)

    for k, root, head, word, new in p.known:
        mention = Mention(root, head, word, not new, new)
        if any(same_undertaking(x, mention, stems) for x in headed) and enough(
            [w for w in objects if w != head and w in p.expanded]
        ):
            return word, (SAME_HEADING,)
        if not any(same_undertaking(x, mention, stems) for x in promises):
            continue
        sentence = p.sentences[k] if p.sentences and k >= 0 else p.expanded
        shared = sorted(w for w in objects if w != head and (w in sentence or w in p.topic))
        if enough(shared):
            return word, tuple(shared)
    return None


def _recurrence(
    c: Commitment, c_years: frozenset[int], p: Passage, home_similarity: float, best: float
) -> bool:
    """The later passage restates the same standard item for its own budget year: it names years at the
    same distance from its budget year as the commitment does from its own ("anlægsrammen i 2022" and
    "i 2023", "midtvejsreguleringen for 2021" and "for 2023", "(2022-pl)" and "(2023-pl)") and none of the
    commitment's years, or the commitment is an amount for its own budget year and the passage names none
    of its years (the next year's level: "det aftalte niveau"); and it is similar. Or it restates the
    commitment or its paragraph nearly word for word without naming the commitment's agreement
    ("understøtte skattefleksibilitet …" every year)."""
    if c.aar in p.refers_to:
        return False
    own = {y - c.aar for y in c_years}
    if not c_years & p.years and (
        own & {y - p.aar for y in p.years} or (c.aar in c_years and bool(c.beloeb))
    ):
        return max(home_similarity, best) >= RECURRENCE_SIMILARITY
    return max(home_similarity, best) >= NEAR_DUPLICATE


def judge(
    c: Commitment, topic: frozenset[str], words: Counter[str], p: Passage, m: _Match
) -> tuple[str | None, list[str]]:
    """The link's type ("opfølgning", "nævnt igen" or none) and the reasons for it, in Danish.

    One broad shared word ("indkøb", "dagtilbud") makes no link: the two must share two distinctive words
    or one rare one. A recurrence of a standard item is at most a mention. A follow-up names the
    commitment's agreement, or stands under the same topic, or reports, concludes, carries out or ends
    the matter; a passage that names only a later agreement takes up that one's points, and a passage
    FAR_YEARS or more ahead must name the commitment's agreement or be very similar under the same topic.
    """
    back = c.aar in p.refers_to
    # the undertaking named by both subheadings and referred to as known is evidence enough
    headed = m.undertaking is not None and m.undertaking[1] == (SAME_HEADING,)
    if m.distinctive < (1 if back or m.undertaking else 2) and m.rare < 1 and not headed:
        return None, []
    score = max(m.best, CONTEXT_FACTOR * m.context)
    if m.recurrence:
        if score < MENTION_SIMILARITY:
            return None, []
        return "nævnt igen", [f"lighed {score:.2f}", "samme faste punkt for sit eget budgetår"]
    other = bool(p.refers_to) and not back and max(p.refers_to) > c.aar
    same_topic = _same_topic(topic, p.topic) or _named_in(p.topic, words) or bool(p.topic & m.rare_words)
    why = [f"lighed {score:.2f}", f"dækning {m.coverage:.2f}"]
    if m.sentence > m.similarity and m.sentence >= CONTEXT_FACTOR * m.context:
        why.append("bedste sætning")
    elif CONTEXT_FACTOR * m.context > m.best:
        why.append("afsnittets ord")
    takes_up = sure = False
    if back and score >= FOLLOW_UP_SIMILARITY:
        takes_up = True
        why.append(f"henviser til aftalen for {c.aar}")
        # in the very sentence that names the agreement ("Der er gennemført et fælles arbejde om den
        # kommunale sundhedsindsats som opfølgning på sidste års økonomiaftale"): a passage that names it
        # about another matter is only a possible one
        sure = m.recalled
    elif not other:
        far = p.aar - c.aar >= FAR_YEARS
        if same_topic and score >= (FAR_SIMILARITY if far else TOPIC_SIMILARITY):
            takes_up = True
            why.append("samme emne")
        elif (p.acts or p.done) and not far and score >= ACTION_SIMILARITY:
            takes_up = True
            why.append("afrapporterer, afslutter eller handler" if p.done else "handler på sagen")
    if m.undertaking and not other and (takes_up or score >= UNDERTAKING_SIMILARITY):
        word, shared = m.undertaking
        why.append(f"omtaler «{word}» ({', '.join(shared[:3])})")
        takes_up = sure = True
    if takes_up:
        return ("opfølgning" if sure else "mulig opfølgning"), why
    if score >= MENTION_SIMILARITY:
        return "nævnt igen", why
    return None, []


SAME_HEADING = "samme overskrift"
#: link types, the surest first
LINK_TYPES = ("opfølgning", "mulig opfølgning", "nævnt igen")


def best_links(links: list[dict]) -> list[dict]:
    """Follow-ups before possible ones before mentions, the most similar first, at most MAX_LINKS."""
    return sorted(links, key=lambda x: (LINK_TYPES.index(x["type"]), -x["lighed"], x["aar"]))[:MAX_LINKS]
