"""The declarative spec of each key figure (`parameters/figure_cues.yaml`), schema-validated, and cue terms.

A term is one word or a phrase of words: "løft" matches words with that Snowball-danish stem, "løft*"
words starting with "løft", "*anlæg*" words containing "anlæg" (compounds such as "anlægsudgifterne").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kommuneokonomi.extraction.keys import key_specs
from kommuneokonomi.extraction.text import Token, stem

Quantity = Literal["amount", "percent", "per_capita"]
#: the unit a quantity kind is reported in
UNITS: dict[str, str] = {"amount": "mio. kr.", "percent": "pct.", "per_capita": "kr. pr. indbygger"}


@dataclass(frozen=True)
class Word:
    mode: Literal["stem", "prefix", "contains"]
    text: str

    def matches(self, token: Token) -> bool:
        if self.mode == "stem":
            return token.stem == self.text
        if self.mode == "prefix":
            return token.text.startswith(self.text)
        return self.text in token.text


@dataclass(frozen=True)
class Term:
    """A cue: one word or a phrase, with its weight."""

    label: str
    words: tuple[Word, ...]
    weight: float


@cache
def parse_term(label: str, weight: float) -> Term:
    words = []
    for part in label.lower().split():
        if part.startswith("*") and part.endswith("*") and len(part) > 2:
            words.append(Word("contains", part.strip("*")))
        elif part.endswith("*"):
            words.append(Word("prefix", part[:-1]))
        else:
            words.append(Word("stem", stem(part)))
    return Term(label, tuple(words), weight)


def _terms(raw: dict[str, float]) -> tuple[Term, ...]:
    return tuple(parse_term(str(label), float(w)) for label, w in raw.items())


class SignWords(BaseModel):
    model_config = ConfigDict(extra="forbid")
    negative: list[str] = Field(default_factory=list)
    positive: list[str] = Field(default_factory=list)


class CueSpec(BaseModel):
    """How one key is recognised: see the header of `parameters/figure_cues.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    key: str
    quantity: Quantity
    range: tuple[float, float]
    years: tuple[int, ...] = (0,)
    topic: tuple[tuple[Term, ...], ...] = ()
    require: tuple[tuple[Term, ...], ...] = ()
    part: bool = False
    support: tuple[Term, ...] = ()
    against: tuple[Term, ...] = ()
    sections: tuple[str, ...] = ()
    exclusive: str | None = None
    schedule: bool = False
    sign_words: SignWords | None = None
    #: the key of the amount this one is a part of: a part stated as distributed in full ("som i sin helhed
    #: fordeles efter …") is the whole too
    whole: str | None = None
    #: the key is a level (a frame, a contribution, a subsidy): a change stated without it ("forhøjes med 4
    #: kr.") is never its value
    level: bool = False
    #: the key is itself a change (a lift, a regulation): "forhøjes med 2,0 mia. kr. til 598,4 mia. kr." gives
    #: it the change; any other key takes the level the change leads to, never the change
    change: bool = False
    #: the key of the same figure in another year: a candidate stated in one sentence with that key's value
    #: ("183 kr. i 2048 mod 178 kr. i 2047") is the same figure's; it is supported and wins a tie
    companion: str | None = None
    #: another name of the key (a topic term) -> the key's own name (a topic term of the same group): in a
    #: text that names a candidate by the own name, a candidate named by the other one is another thing
    synonyms: dict[str, str] = Field(default_factory=dict)

    @field_validator("topic", "require", mode="before")
    @classmethod
    def _groups(cls, v: object) -> tuple[tuple[Term, ...], ...]:
        if not isinstance(v, list) or not all(isinstance(g, dict) and g for g in v):
            raise ValueError("a list of non-empty {term: weight} groups")
        return tuple(_terms(g) for g in v)

    @field_validator("support", "against", mode="before")
    @classmethod
    def _weighted(cls, v: object) -> tuple[Term, ...]:
        if not isinstance(v, dict):
            raise ValueError("a mapping {term: weight}")
        return _terms(v)

    @model_validator(mode="after")
    def _check(self) -> CueSpec:
        if not self.require and not self.topic:
            raise ValueError(f"{self.key}: no cue groups (topic or require)")
        if self.whole is not None and self.whole not in key_specs():
            raise ValueError(f"{self.key}: whole {self.whole!r} is not a key")
        if self.companion is not None and self.companion not in key_specs():
            raise ValueError(f"{self.key}: companion {self.companion!r} is not a key")
        topic_terms = {t.label: k for k, g in enumerate(self.topic) for t in g}
        for other, own in self.synonyms.items():
            if other not in topic_terms or topic_terms.get(own) != topic_terms[other]:
                raise ValueError(f"{self.key}: synonym {other!r} and {own!r} are not terms of one topic")
        if self.range[0] > self.range[1]:
            raise ValueError(f"{self.key}: range {self.range} is empty")
        unit = key_specs()[self.key].unit
        if unit != UNITS[self.quantity]:
            raise ValueError(
                f"{self.key}: quantity {self.quantity} ({UNITS[self.quantity]}) but the key is in {unit}"
            )
        return self

    def sign_terms(self) -> tuple[tuple[Term, ...], tuple[Term, ...]]:
        if self.sign_words is None:
            return (), ()
        return (
            tuple(parse_term(t, 1.0) for t in self.sign_words.negative),
            tuple(parse_term(t, 1.0) for t in self.sign_words.positive),
        )


@dataclass(frozen=True, eq=False)
class WordIndex:
    """Every cue word of the specs, numbered, for matching a text's words once (not once per term)."""

    ids: dict[Word, int]
    by_stem: dict[str, tuple[int, ...]]
    prefixes: tuple[tuple[str, int], ...]
    infixes: tuple[tuple[str, int], ...]

    def matches(self, text: str, word_stem: str) -> frozenset[int]:
        return _matches(text, word_stem)


@cache
def _matches(text: str, word_stem: str) -> frozenset[int]:
    """The cue words a word matches (cached: a document's words recur, and so do the documents')."""
    index = word_index()
    found = set(index.by_stem.get(word_stem, ()))
    found.update(i for p, i in index.prefixes if text.startswith(p))
    found.update(i for p, i in index.infixes if p in text)
    return frozenset(found)


@cache
def word_index() -> WordIndex:
    words: dict[Word, int] = {}
    for spec in cue_specs().values():
        terms = [t for g in spec.topic + spec.require for t in g] + list(spec.support + spec.against)
        negative, positive = spec.sign_terms()
        for term in terms + list(negative + positive):
            for w in term.words:
                words.setdefault(w, len(words))
    by_stem: dict[str, list[int]] = {}
    for w, i in words.items():
        if w.mode == "stem":
            by_stem.setdefault(w.text, []).append(i)
    return WordIndex(
        ids=words,
        by_stem={k: tuple(v) for k, v in by_stem.items()},
        prefixes=tuple((w.text, i) for w, i in words.items() if w.mode == "prefix"),
        infixes=tuple((w.text, i) for w, i in words.items() if w.mode == "contains"),
    )


@cache
def cue_specs() -> dict[str, CueSpec]:
    raw = yaml.safe_load(
        resources.files("kommuneokonomi.parameters").joinpath("figure_cues.yaml").read_text("utf-8")
    )
    specs = {}
    for key, body in raw.items():
        if key not in key_specs():
            raise ValueError(f"figure_cues.yaml: {key!r} is not a key of figure_keys.yaml")
        specs[key] = CueSpec.model_validate({"key": key, **body})
    return specs
