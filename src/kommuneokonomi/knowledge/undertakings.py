"""Undertakings: the thing a commitment promises to set up or produce, and later sentences that refer to it.

A commitment usually promises an action with an object: "nedsætte en arbejdsgruppe om …", "igangsætte en
analyse af …", "udarbejde en 10-års plan for psykiatrien", "et samlet dobbeltdiagnosetilbud", or it names
one already promised ("ekspertudvalgets anbefalinger"). A later agreement that takes it up refers to that
undertaking as a known thing: in the definite form ("analysen", "arbejdsgruppens anbefalinger",
"forsøget med …", "Ekspertudvalget har …"), or in a sentence that reports it done or recalls the
agreement ("blev det aftalt … at nedsætte et ekspertudvalg", "Regeringen har igangsat arbejdet med en
samlet 10-års plan"). The undertaking noun is found by its root, alone or as the head of a compound
("analysearbejdet", "kvalitetsindikatorerne"); a broad root ("tilbud", "lov", "indsats") counts only in a
compound that names its matter ("dobbeltdiagnosetilbud", "hovedlov"), and a nominalised verb
("analysere", "evaluere", "kortlægge") promises the noun ("analysen", "evalueringen", "kortlægningen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kommuneokonomi.knowledge.text import sentences, stem

#: nouns of things a commitment sets up or produces; each counts alone or as the head of a compound
SPECIFIC_ROOTS = (
    "analysearbejde",
    "analyse",
    "arbejdsgruppe",
    "ekspertgruppe",
    "udvalg",
    "kommission",
    "partnerskab",
    "plan",
    "strategi",
    "redegørelse",
    "evaluering",
    "forsøg",
    "pulje",
    "undersøgelse",
    "kortlægning",
    "afdækning",
    "udredning",
    "program",
    "projekt",
    "reform",
    "vejledning",
    "sekretariat",
    "kampagne",
    "indikator",
    "rapport",
    "eftersyn",
    "taskforce",
    "opgørelse",
    "afrapportering",
    "screening",
    "benchmark",
    "katalog",
    "køreplan",
    "platform",
    "værktøj",
    "redskab",
)
#: broad nouns that name an undertaking only as the head of a compound that names its matter
#: ("dobbeltdiagnosetilbud", "hovedlov", "velfærdsaftaler"); "indsats", "løsning" and "initiativ" are
#: left out: "beskæftigelsesindsatsen", "opgaveløsningen" name an area, not a thing promised
COMPOUND_ROOTS = ("tilbud", "aftale", "lov", "model", "ordning", "center")
#: compounds of a root that name no undertaking: the agreement itself
NOT_UNDERTAKINGS = ("økonomiaftale",)
_ROOTS = tuple(sorted(SPECIFIC_ROOTS + COMPOUND_ROOTS, key=len, reverse=True))
_SPECIFIC_STEMS = frozenset(stem(r) for r in SPECIFIC_ROOTS)  # "pulj" of "særtilskudspuljen"
_COMPOUND_STEMS = frozenset(stem(r) for r in COMPOUND_ROOTS)
#: a verb that promises the noun: "analysere" an analysis, "evaluere" an evaluation
NOMINALISED = {
    "analyser": "analyse",
    "evaluer": "evaluering",
    "kortlæg": "kortlægning",
    "afdæk": "afdækning",
    "undersøg": "undersøgelse",
    "udred": "udredning",
    "afrapporter": "afrapportering",
}
_VERB_ENDINGS = re.compile(r"^(?:e|er|es|et|ede)$")
#: the endings after a root: definite or genitive ("analysen", "udvalgets", "programmet", "puljerne") …
_DEFINITE = re.compile(r"^(?:e?n|e?t|ne|erne|ene|met|len|ret|rne|det)s?$")
#: … or indefinite ("analyse", "analyser", "forsøg", "udvalgs")
_INDEFINITE = re.compile(r"^(?:|e|er|r|s|es|ers|rs)$")
#: a compound's first part has at least this many letters ("hoved" of "hovedlov")
MIN_HEAD_LETTERS = 4
_WORD_RE = re.compile(r"[0-9a-zæøåäöüéA-ZÆØÅÄÖÜÉ]+")
#: a back-reference to an earlier agreement: "Med Aftale om kommunernes økonomi for 2023 …", "ØA23",
#: "sidste års aftale"
BACK_REFERENCE_RE = re.compile(
    r"(?:[Aa]ftaler?(?:ne)? om (?:kommunernes|den kommunale(?: og regionale)?) økonomi"
    r"|økonomiaftale(?:n|rne)?)"
    r"(?: for| i)? (?P<year>\d{4})|\bØA ?(?P<yy>\d{2})\b"
    r"|(?P<last>sidste års (?:økonomi)?aftale)"
)
#: a sentence that reports the undertaking done or recalls the agreement that promised it refers to it as
#: known even in the indefinite form ("blev det aftalt … at nedsætte et ekspertudvalg")
_RECALLS_RE = re.compile(
    r"\b(?:blev|er|var) det aftalt\b|\baftalte\b|\bhar (?:\w+ ){0,4}?(?:igangsat|nedsat|etableret|"
    r"gennemført|udarbejdet|afsluttet|offentliggjort|afrapporteret|aftalt|evalueret|leveret|fremlagt)\b"
    r"|\b(?:er|blev) (?:\w+ ){0,3}?(?:igangsat|nedsat|etableret|gennemført|udarbejdet|afsluttet|"
    r"offentliggjort|afrapporteret|evalueret|leveret|fremlagt)\b"
    # the passive that carries it out now: "Der igangsættes en analyse af …" a year after it was promised
    r"|\b(?:igangsættes|nedsættes|etableres|udarbejdes|gennemføres|iværksættes)\b",
)
#: an undertaking called new ("en ny fællesoffentlig digitaliseringsstrategi") is another one than promised
_NEW = frozenset({"ny", "nye", "nyt", "kommende"})
#: verbs that promise or carry out an undertaking say nothing about its matter: not object words
ACTION_STEMS = frozenset(
    stem(w)
    for w in (
        "nedsætte",
        "nedsat",
        "igangsætte",
        "igangsættes",
        "udarbejde",
        "udarbejdes",
        "gennemføre",
        "gennemføres",
        "etablere",
        "etableres",
        "analysere",
        "evaluere",
        "drøfte",
        "drøftes",
        "vurdere",
        "belyse",
        "komme",
        "tiltag",
        "anledning",
        "bidrag",
        "relevante",
        "videre",
        "løbende",
        "forbindelse",
        "gennemført",
        "gennemførte",
        "igangsat",
        "igangsatte",
        "etableret",
        "udarbejdet",
        "nedsatte",
        "initiativ",
        "initiativer",
        # words that say how or how much, not what
        "hvordan",
        "gennem",
        "flest",
        "fokus",
        "indeholde",
        "første",
        "udgang",
        "efterår",
        "forår",
        # the agreement itself
        "økonomiaftale",
    )
)


@dataclass(frozen=True)
class Mention:
    """An undertaking noun in a sentence: its root, the stem of its compound's first part ("" alone), the
    word as written, whether the sentence refers to it as a known thing, and whether it calls it new ("en
    ny fællesoffentlig digitaliseringsstrategi", "den kommende 10-årsplan")."""

    root: str
    head: str
    word: str
    known: bool
    new: bool = False


#: the article or demonstrative nearest before a noun says whether it is definite ("den fællesoffentlige
#: digitaliseringsstrategi") or not ("en analyse")
_ARTICLES = {"en": False, "et": False, "den": True, "det": True, "de": True, "denne": True, "dette": True}
ARTICLE_WORDS = 3


@lru_cache(maxsize=65536)
def _noun(word: str) -> tuple[str, str, bool] | None:
    """(root, head, definite by its ending) of an undertaking noun, or None."""
    w = word.lower()
    if w.startswith(NOT_UNDERTAKINGS):
        return None
    for root in _ROOTS:
        i = w.rfind(root)
        if i < 0:
            continue
        head, rest = w[:i], w[i + len(root) :]
        if len(head) < MIN_HEAD_LETTERS and not (len(head) == MIN_HEAD_LETTERS - 1 and head.endswith("s")):
            # too short for a first part ("dagtilbud" is no undertaking), unless a linking s marks one:
            # "årsplan" of "10-årsplan" is another plan than "en samlet plan for psykiatrien"
            head = ""
        if root in COMPOUND_ROOTS and not head:
            return None
        head = stem(head.rstrip("s")) if head else ""
        if _DEFINITE.match(rest):
            return root, head, True
        if _INDEFINITE.match(rest):
            return root, head, False
    for verb, noun in NOMINALISED.items():
        if w.startswith(verb) and _VERB_ENDINGS.match(w[len(verb) :]):
            return noun, "", False
    return None


def mentions(text: str, spans: list[tuple[int, int]] | None = None) -> list[list[Mention]]:
    """The undertaking nouns of each sentence of a text. A noun is known when it is definite (by its
    ending or its article) or its sentence reports it done or recalls the agreement; not when the text
    calls it new, nor when the text itself introduced it before ("… igangsætte en analyse af tilsynene.
    Analysen skal …": that new one). `spans`: the text's sentences, when already split."""
    out = []
    introduced: set[str] = set()
    for a, b in sentences(text) if spans is None else spans:
        sentence = text[a:b]
        recalls = bool(_RECALLS_RE.search(sentence) or BACK_REFERENCE_RE.search(sentence))
        words = [w.lower() for w in _WORD_RE.findall(sentence)]
        found = []
        for i, w in enumerate(words):
            noun = _noun(w)
            if noun is None:
                continue
            root, head, definite = noun
            before = words[max(0, i - ARTICLE_WORDS) : i]
            article = next((_ARTICLES[x] for x in reversed(before) if x in _ARTICLES), None)
            new = bool(_NEW.intersection(before))
            known = (definite or bool(article) or recalls) and not new and root not in introduced
            found.append(Mention(root, head, w, known, new))
        out.append(found)
        introduced |= {m.root for m in found if not m.known}
    return out


def named(heading: str) -> list[Mention]:
    """The undertakings a subheading names ("Velfærdsaftaler", "Ekspertudvalg på socialområdet"): known
    things for the paragraphs under it, unless it calls them new ("Ny fællesoffentlig
    digitaliseringsstrategi 2022-2025")."""
    return [Mention(m.root, m.head, m.word, not m.new, m.new) for ms in mentions(heading) for m in ms]


Promise = tuple[str, str, bool]  # root, head, whether the commitment calls it new


def promised(text: str) -> frozenset[Promise]:
    """The undertakings a commitment names, in any form."""
    return frozenset((m.root, m.head, m.new) for ms in mentions(text) for m in ms)


def same_undertaking(promise: Promise, m: Mention, words: frozenset[str] = frozenset()) -> bool:
    """A later mention is of the promised undertaking: the same root; the same compound, or the plain noun
    for a compound ("udvalget" for "et ekspertudvalg", not "trafikudvalget"), or a compound of the plain
    noun with one of the commitment's words (`words`, stems: "vikaranalysen" for "en analyse af vikarer",
    not "læreplanen" for "planen"); and called new only if the commitment promised a new one ("en ny
    fællesoffentlig digitaliseringsstrategi" is not the strategy 2016-2020)."""
    root, head, new = promise
    same = not m.head or head == m.head or (not head and m.head in words)
    return m.root == root and same and (new or not m.new)


@lru_cache(maxsize=65536)
def is_object_word(word: str) -> bool:
    """A word of the commitment that can say what its undertaking is about: not an undertaking noun or a
    compound of one, and not a verb that promises or carries one out."""
    return (
        word not in ACTION_STEMS
        and word not in _COMPOUND_STEMS  # "ordning" alone says nothing
        and not any(root in word for root in _SPECIFIC_STEMS)
        and _noun(word) is None  # "dobbeltdiagnosetilbud", not "botilbud"
    )
