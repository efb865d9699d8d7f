"""Agreement text as sentences of tokens: words (with Danish Snowball stems), quantities and years.

A quantity is a number with its unit: an amount ("3,5 mia. kr.", converted to mio. kr.), a percentage
("2,0 pct.") or an amount per inhabitant ("122 kr. pr. indbygger"). A year is "2024", or a range
"2023-2024" (it concerns its last year); "2024-pl" is a price level, not a year a figure concerns.
Clause boundaries (comma, semicolon, parentheses, "og", "samt", "hvoraf" …) are kept as markers, so that
a number can be bound to the cue words and the year of its own clause.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import Stemmer  # type: ignore[import-not-found]  # PyStemmer is a C extension with neither stubs nor py.typed

from kommuneokonomi.extraction.numbers import NUMBER, PRICE_LEVEL_WORDS, parse_number, precision_of, to_mio
from kommuneokonomi.models import Block

QuantityKind = str  # "amount" | "percent" | "per_capita"

_NUM = rf"(?<![\w,.])(?P<num>{NUMBER})"
#: words that make the number after them approximate ("godt 431 mia. kr.", "knap 27 mia. kr.", "ca. 2
#: pct."): a rounded figure, not the exact one an agreement fixes. A bound ("over 200 mio. kr.", "op til
#: 35 mio. kr.") is a threshold stated exactly and is not among them.
APPROXIMATE = (
    r"ca\.?|cirka|omkring|omtrent|knap|godt|næsten|små|op\s+mod|lidt\s+(?:over|under)"
    r"|i\s+omegnen\s+af|i\s+størrelsesordenen(?:\s+af)?"
)
#: a small amount in words before its scale ("tre mia. kr.", "halvanden milliard kroner", "en halv mia.
#: kr."): the number the words name, as printed digits
NUMBER_WORDS = {
    "en halv": "0,5",
    "en": "1",
    "én": "1",
    "halvanden": "1,5",
    "to": "2",
    "tre": "3",
    "fire": "4",
    "fem": "5",
    "seks": "6",
    "syv": "7",
    "otte": "8",
    "ni": "9",
    "ti": "10",
}
_SCALE = r"(?:mia|mio|milliard(?:er)?|million(?:er)?)\b"
_WORDS = "|".join(w.replace(" ", r"\s+") for w in NUMBER_WORDS)
_NUM_WORD = rf"(?<![\w,.])(?P<numword>{_WORDS})(?=\s+{_SCALE})"
#: a sentence that may state an amount in words (a quick pre-test beside "has a digit")
_WORD_AMOUNT_RE = re.compile(rf"\b(?:{_WORDS})\s+{_SCALE}", re.IGNORECASE)
QUANTITY_RE = re.compile(
    rf"(?P<approx>\b(?:{APPROXIMATE})\s+)?(?:(?:{_NUM}|{_NUM_WORD})\s*"
    r"(?:(?P<scale>mia|mio|milliard(?:er)?|million(?:er)?)\.?\s*(?:kr\b\.?|kroner)"
    r"|(?P<pc>kr\b\.?|kroner)\s*(?:pr\.?|per)\s*(?:indbygger|borger)"
    r"|(?P<pct>pct\b\.?|procent\b|%))"
    # the currency first: "kr. 1,0 mia.", "kroner 14,6 milliarder"
    rf"|(?<![\w.])(?:kr\.|kroner)\s*(?P<num2>{NUMBER})\s*(?P<scale2>mia|mio|milliard(?:er)?|million(?:er)?)\b\.?)",
    re.IGNORECASE,
)
#: an amount in kroner with no scale and no "pr. indbygger" ("154 kr."): per inhabitant where the same
#: sentence names an amount per inhabitant (the unit left out the second time)
_BARE_KRONER_RE = re.compile(rf"{_NUM}\s*(?:kr\b\.?|kroner\b)", re.IGNORECASE)
YEAR_RE = re.compile(
    r"(?<![\w.,])(?P<y1>(?:19|20)\d{2})(?:(?:\s*[-–/]\s*|\s+til\s+)(?P<y2>(?:19|20)\d{2}))?"
    rf"(?P<pl>\s*-\s*{PRICE_LEVEL_WORDS})?(?!\d|[.,]\d)",
    re.IGNORECASE,
)
#: a year named relative to the agreement's own: "sidste år", "sidste års", "forrige år", "i fjor" concern
#: the year before the budget year (the frame or figure of last year's agreement), never the budget year;
#: not after a word of comparison ("højere end sidste år", "i forhold til i fjor"): that is the basis
RELATIVE_YEAR_RE = re.compile(r"\b(?:(?:sidste|forrige)\s+års?|i\s+fjor)\b", re.IGNORECASE)
_COMPARED_RE = re.compile(r"\b(?:end|til|med|fra|siden|over|under)\s+$", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
PUNCT_BOUNDARY_RE = re.compile(r"[,;:()]|\s[–-]\s")
#: words that open a new clause; "og" only when it does not continue a suspended compound ("pris- og løn")
BOUNDARY_WORDS = {"og", "samt", "mens", "men", "hvoraf", "heraf", "hvorved", "hvorimod", "eller"}
#: abbreviations after which ". " + capital letter does not end the sentence
_NON_TERMINAL = {
    "jf",
    "bl.a",
    "fx",
    "ca",
    "pr",
    "nr",
    "inkl",
    "ekskl",
    "dvs",
    "f.eks",
    "d",
    "vedr",
    "mht",
    "ift",
}
_DIGIT_RE = re.compile(r"\d")
#: words that open a relative clause, and the most words such a clause has to be read as an aside
_RELATIVE_WORDS = {"som", "der", "hvis"}
_MAX_ASIDE_WORDS = 8
#: abbreviations after which a number goes on the sentence ("pct. 2,1", "kr. 3", "nr. 4")
_UNIT_ABBREVIATIONS = {
    "kr",
    "pct",
    "mio",
    "mia",
    "nr",
    "stk",
    "kap",
    "pkt",
    "s",
    "side",
    "tabel",
    "boks",
    "bilag",
}
#: a sentence ends at ". " before a capital or a quote, or before a number ("… projekter. 1,5 mia. kr. af
#: regionernes …") when what went before is a sentence of some words, not a lead-in ("Anlæg. 1,0 mia. kr.");
#: also where a footnote marker is glued to the stop of an abbreviation ("… 2,6 pct.3 Satsregulerings…")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"“”(\d])|(?<=[^\W\d_]\.)\d{1,2}\s+(?=[A-ZÆØÅ])")
_MIN_WORDS_BEFORE_NUMBER = 4


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


@cache
def stem(word: str) -> str:
    stemmed: str = _stemmer().stemWord(word.lower())
    return stemmed


@dataclass(slots=True)
class Token:
    kind: str  # "word", "quantity", "year", "boundary"
    start: int  # character offsets in the block text
    end: int
    text: str = ""
    stem: str = ""
    quantity: QuantityKind | None = None
    value: Decimal | None = None  # quantities in their target unit (mio. kr., pct., kr. pr. indbygger)
    precision: Decimal | None = None
    year: int | None = None  # for years: the year concerned (a range's last year)
    relative: int | None = None  # for a year named relative to the budget year ("sidste år"): its offset
    approx: bool = False  # for quantities: stated as approximate ("godt 431 mia. kr.")


class Sentence:
    """A sentence of a block; its tokens are made when first needed (most sentences hold no number)."""

    __slots__ = (
        "_asides",
        "_counts",
        "_quantity",
        "_tokens",
        "_words",
        "block",
        "end",
        "hits",
        "index",
        "start",
        "word_ids",
    )

    def __init__(self, block: Block, start: int, end: int, index: int, tokens: list[Token] | None = None):
        self.block, self.start, self.end, self.index = block, start, end, index
        self._tokens = tokens
        self._words: list[int] | None = None
        self.hits: dict[object, Any] = {}  # the extractor's memo: id(cue term) -> token positions, and more
        self.word_ids: list[frozenset[int]] | None = None  # the cue words each word matches (extractor)
        self._counts: dict[str, list[int]] | None = None
        self._quantity: bool | None = None
        self._asides: list[tuple[int, int]] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.block.text[self.start : self.end], self.start)
        return self._tokens

    @property
    def word_positions(self) -> list[int]:
        if self._words is None:
            self._words = [i for i, t in enumerate(self.tokens) if t.kind == "word"]
        return self._words

    def counts(self) -> dict[str, list[int]]:
        """Running counts over the tokens: counts[x][n] is how many of tokens[:n] are of class x
        ("word", "boundary" (not a parenthesis), "paren", and each quantity kind)."""
        if self._counts is None:
            classes = ("word", "boundary", "paren", "amount", "percent", "per_capita")
            out = {c: [0] for c in classes}
            for t in self.tokens:
                c = t.quantity if t.kind == "quantity" else t.kind
                if t.kind == "boundary" and t.text in "()":
                    c = "paren"
                for x in classes:
                    out[x].append(out[x][-1] + (x == c))
            self._counts = out
        return self._counts

    def between(self, cls: str, i: int, j: int) -> int:
        """How many tokens of class cls stand strictly between positions i and j."""
        lo, hi = (i, j) if i < j else (j, i)
        c = self.counts()[cls]
        return c[hi] - c[lo + 1] if hi > lo else 0

    def asides(self) -> list[tuple[int, int]]:
        """Relative clauses set off by commas inside the sentence ("Satsreguleringsprocenten, som regulerer
        overførslerne, er 2,6 pct."): (first comma, closing comma) token positions. The clause stands
        between a subject and its verb, so a cue before it and a number after it belong together; one with
        a quantity or a year of its own is no aside."""
        if self._asides is None:
            out: list[tuple[int, int]] = []
            tokens = self.tokens
            for a, t in enumerate(tokens[:-2]):
                if t.text != "," or tokens[a + 1].text not in _RELATIVE_WORDS:
                    continue
                for b in range(a + 2, min(len(tokens), a + 2 + 2 * _MAX_ASIDE_WORDS)):
                    u = tokens[b]
                    if u.kind in ("quantity", "year") or (u.kind == "boundary" and u.text != ","):
                        break
                    if u.text == ",":
                        if b + 1 < len(tokens):
                            out.append((a, b))
                        break
            self._asides = out
        return self._asides

    @property
    def has_number(self) -> bool:
        """Does the sentence state a quantity (an amount, a percentage, an amount per inhabitant)?"""
        if self._quantity is None:
            text = self.block.text
            self._quantity = (
                _DIGIT_RE.search(text, self.start, self.end) is not None
                or _WORD_AMOUNT_RE.search(text, self.start, self.end) is not None
            ) and QUANTITY_RE.search(text, self.start, self.end) is not None
        return self._quantity

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def _quantity(m: re.Match[str]) -> tuple[QuantityKind, Decimal, Decimal]:
    words = m.group("numword")
    number = m.group("num") or m.group("num2") or NUMBER_WORDS[" ".join(words.lower().split())]
    if m.group("scale") or m.group("scale2"):
        scale = (
            "mia"
            if (m.group("scale") or m.group("scale2")).lower().startswith(("mia", "milliard"))
            else "mio"
        )
        return "amount", to_mio(parse_number(number), scale), to_mio(precision_of(number), scale)
    if m.group("pc"):
        return "per_capita", parse_number(number), precision_of(number)
    return "percent", parse_number(number), precision_of(number)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` in order; offsets are shifted by `offset` (the text's place in its block)."""
    spans: list[Token] = []
    taken = bytearray(len(text) + 1)  # characters that belong to a quantity or a year

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    if _DIGIT_RE.search(text) or _WORD_AMOUNT_RE.search(text):
        for m in QUANTITY_RE.finditer(text):
            kind, value, precision = _quantity(m)
            spans.append(
                Token(
                    "quantity",
                    m.start("num" if m.group("num") else "numword" if m.group("numword") else 0) + offset,
                    m.end() + offset,
                    m.group(0),
                    quantity=kind,
                    value=value,
                    precision=precision,
                    approx=m.group("approx") is not None,
                )
            )
            take(m.start(), m.end())
        if any(t.quantity == "per_capita" for t in spans):
            # "158 kr. pr. indbygger i 2031 mod 154 kr. i 2030": the second amount's unit is left out
            for m in _BARE_KRONER_RE.finditer(text):
                if taken[m.start()]:
                    continue
                spans.append(
                    Token(
                        "quantity",
                        m.start() + offset,
                        m.end() + offset,
                        m.group(0),
                        quantity="per_capita",
                        value=parse_number(m.group("num")),
                        precision=precision_of(m.group("num")),
                    )
                )
                take(m.start(), m.end())
        for m in YEAR_RE.finditer(text):
            if taken[m.start()]:
                continue
            take(m.start(), m.end())
            if m.group("pl"):
                continue
            year = int(m.group("y2") or m.group("y1"))
            spans.append(Token("year", m.start() + offset, m.end() + offset, m.group(0), year=year))
    for m in RELATIVE_YEAR_RE.finditer(text):
        if not taken[m.start()] and not _COMPARED_RE.search(text, max(0, m.start() - 20), m.start()):
            # its words stay words: cues such as "sidste års" still count
            spans.append(Token("year", m.start() + offset, m.end() + offset, m.group(0), relative=-1))
    for m in PUNCT_BOUNDARY_RE.finditer(text):
        if not taken[m.start()]:
            spans.append(Token("boundary", m.start() + offset, m.end() + offset, m.group(0)))
    for m in WORD_RE.finditer(text):
        if taken[m.start()]:
            continue
        lower = m.group(0).lower()
        if lower in BOUNDARY_WORDS and not (lower == "og" and text[: m.start()].rstrip().endswith("-")):
            spans.append(Token("boundary", m.start() + offset, m.start() + offset, lower))
        spans.append(Token("word", m.start() + offset, m.end() + offset, lower, stem(lower)))
    spans.sort(key=lambda t: (t.start, t.kind != "boundary"))
    return spans


#: characters before a sentence mark that hold the word before it (longer than any abbreviation)
_LOOK_BACK = 100


def split_sentences(block: Block) -> list[Sentence]:
    text = block.text
    cuts = [0]
    for m in _SENTENCE_END_RE.finditer(text):
        # the last word before the mark decides (a window, not the whole prefix: a long block stays linear)
        before = text[max(0, m.start() - _LOOK_BACK) : m.start()].rstrip()
        last = before[:-1].rsplit(None, 1)[-1].lower() if len(before) > 1 else ""
        if last.strip("(") in _NON_TERMINAL or (
            last[-1:].isdigit() and before.endswith(".") and len(last) <= 2
        ):
            continue  # "jf. Boks 1", "d. 5. Maj"
        if text[m.end()].isdigit() and (
            last in _UNIT_ABBREVIATIONS or len(text[cuts[-1] : m.start()].split()) < _MIN_WORDS_BEFORE_NUMBER
        ):
            continue  # "mio. kr. 2,1 …" goes on; "Anlæg. 1,0 mia. kr. …" is a lead-in
        cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for i, (a, b) in enumerate(itertools.pairwise(cuts)):
        if text[a:b].strip():
            out.append(Sentence(block, a, b, i))
    return out
