"""Typographic noise does not change a figure (property tests).

Text extracted from real PDFs carries noise the test agreements may not: soft hyphens, typographic spaces
as thousands separators, a minus sign, ligatures, "mia.kr.", curly quotes, words hyphenated over a line
break, a page break with its running header inside a sentence, CRLF, tabs, a byte-order mark
(tests/typographic_noise.py). Applied to the corpus (read from ../shared/corpus at test time) and to the
text and markdown agreements of the development set, every transform must leave every key with the
outcome it has on the clean text against the golden file: right, or the miss listed in known_misses;
a file to refuse is still refused.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kommuneokonomi.documents import DocumentError, parse_document
from kommuneokonomi.documents.characters import normalise_characters
from kommuneokonomi.extraction import extract
from typographic_noise import TRANSFORMS

from conftest import GOLDEN, corpus_by_sha
from devset.scoring import (
    KNOWN_MISSES,
    SETS,
    Case,
    corpus_case,
    known_misses,
    outcome,
    set_cases,
)


@dataclass(frozen=True)
class Seed:
    case: Case
    text: str
    format: str  # "text" (PDF-extracted) or "markdown", for the transforms


@cache
def seeds() -> dict[str, Seed]:
    """The corpus and the development set's text and markdown files (a PDF has no text to add noise to)."""
    by_sha = corpus_by_sha()
    cases = []
    for golden in sorted(GOLDEN.glob("*.yaml")):
        sha = yaml.safe_load(golden.read_text("utf-8"))["document"]["sha256"]
        assert sha in by_sha, f"{golden.name}: its agreement is not in ../shared/corpus"
        cases.append(corpus_case(golden, by_sha[sha], f"corpus {golden.stem}"))
    for directory in SETS:
        cases += [c for c in set_cases(directory) if c.path.suffix in (".txt", ".md")]
    out = {}
    for case in cases:
        text = case.path.read_text("utf-8")
        fmt = "markdown" if case.path.suffix == ".md" or text.lstrip().startswith("#") else "text"
        out[case.name] = Seed(case, text, fmt)
    return out


SEED_NAMES = sorted(seeds())


def _known(name: str) -> dict[str, str]:
    files = [KNOWN_MISSES, *(d / "known_misses.yaml" for d in SETS)]
    listed = known_misses(*files).get(name, {})
    return {key: reason.split(":", 1)[0].strip() for key, reason in listed.items()}


def problems(seed: Seed, noisy: str) -> list[str]:
    """What the noisy text's extraction gets other than the clean text's outcome against the golden file."""
    case = seed.case
    suffix = case.path.suffix
    try:
        result = extract(parse_document(noisy.encode("utf-8"), case.name, suffix))
    except DocumentError as exc:
        if case.expected is None and case.refusal in str(exc).lower():
            return []
        return [f"refused: {exc}"]
    if case.expected is None:
        return ["accepted a file that must be refused"]
    figures = result.to_contract()["figures"]
    actual = {k: (None if v is None else v["value"]) for k, v in figures.items()}
    want = _known(case.name)
    out = []
    for key in sorted(set(case.expected) | set(actual)):
        got = outcome(case.expected.get(key), actual.get(key))
        if got != want.get(key, "right"):
            out.append(f"{key}: {got} (golden {case.expected.get(key)!r}, got {actual.get(key)!r})")
    return out


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_noise_at_once(name):
    """All transforms together on every document (a fixed draw: the same noisy text every run)."""
    seed = seeds()[name]
    rng = random.Random(name)
    noisy = seed.text
    for transform in TRANSFORMS.values():
        noisy = transform(noisy, seed.format, rng)
    assert noisy != seed.text
    assert not problems(seed, noisy), f"{name}:\n" + "\n".join(problems(seed, noisy))


@pytest.mark.parametrize("transform", list(TRANSFORMS))
@settings(max_examples=8, deadline=None)
@given(name=st.sampled_from(SEED_NAMES), rng=st.randoms(use_true_random=False))
def test_one_noise_keeps_every_figure(transform, name, rng):
    seed = seeds()[name]
    noisy = TRANSFORMS[transform](seed.text, seed.format, rng)
    found = problems(seed, noisy)
    assert not found, f"{transform} on {name}:\n" + "\n".join(found)


@settings(max_examples=10, deadline=None)
@given(
    name=st.sampled_from(SEED_NAMES),
    chosen=st.lists(st.sampled_from(list(TRANSFORMS)), min_size=2, max_size=6, unique=True),
    rng=st.randoms(use_true_random=False),
)
def test_noise_in_any_combination_keeps_every_figure(name, chosen, rng):
    seed = seeds()[name]
    noisy = seed.text
    for transform in chosen:
        noisy = TRANSFORMS[transform](noisy, seed.format, rng)
    found = problems(seed, noisy)
    assert not found, f"{chosen} on {name}:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("service\u00adrammen", "servicerammen"),
        ("service\u00ad\nrammen", "service-\nrammen"),
        ("1\u00a0234,5 mio.\u00a0kr.", "1.234,5 mio. kr."),
        ("251\u2009934 og 1\u202f234\u202f567", "251.934 og 1.234.567"),
        ("i 2024\u00a0er", "i 2024 er"),
        ("\u22124,2 pct.", "-4,2 pct."),
        ("\ufb01nansiering, \ufb02ere, e\ufb00ekt, e\ufb03cient", "finansiering, flere, effekt, efficient"),
        ("\ufeffAftale\u200b om", "Aftale om"),
        ("COVID\u201119", "COVID-19"),
        ("udgøre 227 940 mio. kr. i 2011", "udgøre 227.940 mio. kr. i 2011"),
        ("i 2024 1 250 kr. pr. indbygger", "i 2024 1.250 kr. pr. indbygger"),
        # other minus signs: the accountant's "÷" before a number, the figure dash, full-width and small
        ("reguleres med ÷0,6 mia. kr.", "reguleres med -0,6 mia. kr."),
        ("udgør ÷ 350 mio. kr.", "udgør - 350 mio. kr."),
        ("(÷1.200)", "(-1.200)"),
        ("\u20123,1 og \uff0d2 og \ufe631", "-3,1 og -2 og -1"),
        # "÷" between two numbers or before a word is not a sign
        ("12 ÷ 4 og pris ÷ moms", "12 ÷ 4 og pris ÷ moms"),
        # a footnote marker glued to a number, a word or a punctuation mark goes; a unit's power stays, and
        # so does the marker that opens the footnote itself
        ("udgør 26,3¹ mia. kr.", "udgør 26,3 mia. kr."),
        ("udgør 26,3\u2077 og 4,1\u2074\u2070 mia. kr.", "udgør 26,3 og 4,1 mia. kr."),
        ("servicerammen² er 2,6 %³ og 1,5† mia.", "servicerammen er 2,6 % og 1,5 mia."),
        ("i 2038.² Tilskuddet, som¹", "i 2038. Tilskuddet, som"),
        ("med −1 150³ mio. kr. og 1\u00a0234² mia. kr.", "med -1.150 mio. kr. og 1.234 mia. kr."),
        ("120 m² og 3 km³", "120 m² og 3 km³"),
        ("¹ Inkl. 0,4 mia. kr.", "¹ Inkl. 0,4 mia. kr."),
    ],
)
def test_typography_is_made_plain(typed, plain):
    assert normalise_characters(typed) == plain


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        # a footnote marker typed as "5)" after an amount, before its unit or ending a line (a table cell)
        ("Heraf fordeles 2,1 4) mia. kr. efter", "Heraf fordeles 2,1 mia. kr. efter"),
        ("gives 350 12) mio. kr.", "gives 350 mio. kr."),
        (
            "heraf betinget   ÷2,5    ÷3,5 2)\nBeskæftigelsestilskud",
            "heraf betinget   -2,5    -3,5\nBeskæftigelsestilskud",
        ),
        # a tab the extraction left at the line's end (the noise search found it on dev14 2058)
        ("heraf betinget   ÷2,5    ÷3,5 2)\t\nI alt", "heraf betinget   -2,5    -3,5\t\nI alt"),
        # a parenthesis that closes what it opened, a list's item number and a section number stay
        ("(i 2030 og 2031 3)", "(i 2030 og 2031 3)"),
        ("1) Kriterierne fastsættes senere", "1) Kriterierne fastsættes senere"),
        ("jf. afsnit 3 2) og 4) i bilaget", "jf. afsnit 3 2) og 4) i bilaget"),
    ],
)
def test_a_typed_footnote_marker_after_an_amount_goes(typed, plain):
    assert normalise_characters(typed) == plain


def test_plain_text_and_quotes_are_returned_as_they_are():
    for text in (
        "Serviceudgifterne udgør 251.934 mio. kr. i 2024 (2024-pl), jf. tabel 1.",
        "i 2023 og 2024 300 kommuner, kapitel 3 og 4",
    ):
        assert normalise_characters(text) is text
    quoted = "om en \u201dNy Start\u201d og \u201eløft\u201c, \u00bbramme\u00ab, KL\u2019s forslag"
    assert normalise_characters(quoted) is quoted


def test_readers_apply_the_normalisation(tmp_path: Path):
    """Text and markdown readers both see the plain characters (the PDF reader: tests/test_pdf_layout.py)."""
    typed = "# Aftale\n\nServicerammen udgør 1\u00a0234,5 mio.\u00a0kr. og \ufb01nansieres \u2212 ja.\r\n"
    for suffix, fmt in ((".md", "markdown"), (".txt", "text")):
        doc = parse_document(typed.encode("utf-8"), f"x{suffix}", suffix)
        assert doc.format == fmt
        text = " ".join(b.text for b in doc.blocks)
        assert "1.234,5 mio. kr. og finansieres - ja." in text, text


def test_transforms_leave_html_markup_alone():
    """Noise is typeset text, not markup: a table's tags in a markdown file keep their attributes."""
    from typographic_noise import curly_quotes, ligatures, soft_hyphens

    text = '<td rowspan="2" class="offentlig">Det "flerårige" finansieringstilskud</td>\n'
    for transform in (curly_quotes, ligatures, soft_hyphens):
        for k in range(20):
            noisy = transform(text, "markdown", random.Random(k))
            assert noisy.startswith('<td rowspan="2" class="offentlig">'), (transform.__name__, noisy)
            assert noisy.endswith("</td>\n"), (transform.__name__, noisy)
    assert (
        "\u201d" in curly_quotes(text, "markdown", random.Random(0))
        or "\u201c" in curly_quotes(text, "markdown", random.Random(0))
        or "\u00bb" in curly_quotes(text, "markdown", random.Random(0))
    )
