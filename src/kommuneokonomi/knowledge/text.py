"""Danish text handling: tokens with positions, Snowball stemming, stop words, sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import NamedTuple

import Stemmer  # type: ignore[import-not-found]  # PyStemmer is a C extension with neither stubs nor py.typed

from kommuneokonomi.documents.normalise import ABBREVIATIONS

_TOKEN_RE = re.compile(r"[0-9a-zæøåäöüéA-ZÆØÅÄÖÜÉ]+")
#: a sentence ends at . ! ? followed by space and a capital (or a digit), unless the word is an abbreviation
_SENTENCE_END_RE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9\"“(])")


class Token(NamedTuple):  # a tuple: search makes thousands per query
    text: str  # lower case
    stem: str
    start: int
    end: int


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


@cache
def stop_words() -> frozenset[str]:
    text = resources.files("kommuneokonomi.knowledge").joinpath("stopord.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def stem(word: str) -> str:
    return _stemmer().stemWord(word.lower())


def tokens(text: str, keep_stop_words: bool = False) -> list[Token]:
    stops = frozenset() if keep_stop_words else stop_words()
    out = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group(0).lower()
        if word not in stops:
            out.append(Token(word, stem(word), m.start(), m.end()))
    return out


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence; a full stop after an abbreviation ("mv.", "bl.a.") does not end one."""
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        before = text[start : m.start()].rstrip()
        last = before.rsplit(None, 1)[-1].lower().rstrip(".") if before else ""
        if before.endswith(".") and (last in ABBREVIATIONS or (len(last) <= 2 and last.isdigit())):
            continue
        yield start, m.start()
        start = m.end()
    if start < len(text.rstrip()):
        yield start, len(text.rstrip())
