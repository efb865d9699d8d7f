"""Score the extractor against hand-written golden files: the development set and the corpus.

Shared by `tests/test_devset.py` (pins every key, with the known misses) and
`benchmarks/generalisation.py` (prints the score). A key's outcome is one of

- ``right``: the golden value, numerically (decimals as printed: 3.1 == 3.10), or null where null is expected;
- ``wrong``: a value that differs from the golden one (worse than null);
- ``missed``: null where a value was expected;
- ``spurious``: a value where null was expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from kommuneokonomi.documents import DocumentError, read_document
from kommuneokonomi.extraction import extract
from kommuneokonomi.extraction.keys import fixed_keys

DEVSET = Path(__file__).resolve().parent
SEEN = DEVSET / "seen"
HELDOUT = DEVSET / "heldout"
#: a second held-out set, written by another hand (neither the extractor nor the devset seen); scored
#: before and after rounds 1-3 while kept outside the repository
HELDOUT2 = DEVSET / "heldout2"
#: a third development set, written by an independent author for this project (2011 joint agreements,
#: 2012, 2032) and fixed against in the typographic-noise round; its known misses travel with it
DEV3 = DEVSET / "dev3"
#: a fourth development set, by the same author as dev3 (2010, 2013 joint agreements, 2031), held out in the
#: typographic-noise round and fixed against in the reading-order round; its known misses travel with it
DEV4 = DEVSET / "dev4"
#: a fifth development set, by an independent author (2008 after the kommunalreform, 2009 real PDF with
#: annexes, 2033 with a transposed Tabel 1), scored held out and fixed against in the layout round (branch
#: extraction3); its known misses travel with it
DEV5 = DEVSET / "dev5"
#: a sixth development set, by an independent author (2007 press release with a space-aligned Tabel 1, 2034
#: word-processor markdown with tab tables, 2035 PDF with an uncaptioned Tabel 1), scored held out and fixed
#: against in the layout round 4 (branch extraction4); its known misses travel with it
DEV6 = DEVSET / "dev6"
#: a seventh development set, by an independent author (2036 PDF-extracted text, 2037 markdown, 2038 real
#: PDF) that varies how the figures are stated in running prose (approximate headline figures beside exact
#: ones, relative years in the tax-cut schedule, three PL rates in one sentence, the conditional grant only
#: through its sanction); scored held out and fixed against in the prose round (branch extraction5)
DEV7 = DEVSET / "dev7"
#: an eighth development set, by an independent author (2039 real PDF with a three-column Tabel 1 over a
#: page break and the PL rates only in an annex table, 2040 markdown with an HTML Tabel 1 under a two-level
#: header, 2041 PDF-extracted text with a space-separated Tabel 1 and one-cell-per-line tables) that varies
#: the layouts of the figures; scored held out and fixed against in the layout round 6 (branch extraction6)
DEV8 = DEVSET / "dev8"
#: a ninth development set, by an independent author (2042 web page as markdown, 2043 real PDF with the
#: figures in an annex, 2044 PDF-extracted text); scored held out and fixed against in round 7 (extraction7)
DEV9 = DEVSET / "dev9"
#: a tenth development set, by another independent author (2045 text, 2046 real PDF, 2047 markdown) whose
#: focus is competing figures and keys that must be null; scored held out and fixed against in round 7
DEV10 = DEVSET / "dev10"
#: an eleventh development set, by an independent author (held-out set 8e: 2048 real PDF in the 2008-2012
#: style, 2049 markdown in the 2014-2019 style, 2050 PDF-extracted text in the 2021-2026 style); scored held
#: out (91/98) and fixed against in round 8 (branch extraction8)
DEV11 = DEVSET / "dev11"
#: a twelfth development set, by another independent author (held-out set 8f: 2051 text, 2052 real PDF, 2053
#: markdown) whose focus is small typographic traps (separators, minus signs, glued footnote markers); scored
#: held out (100/106) and fixed against in round 8 (branch extraction8)
DEV12 = DEVSET / "dev12"
#: a thirteenth development set, by an independent author (2054 PDF-extracted text, 2055 word-processor
#: markdown, 2056 real PDF) that paraphrases the standard phrases (figure before its noun, "fra X til Y",
#: amounts in words, no word "midtvejsregulering"); scored held out and fixed against in round 9 (extraction9)
DEV13 = DEVSET / "dev13"
#: a fourteenth development set, by an independent author (held-out set 9h: 2057 Word-exported markdown, 2058
#: PDF-extracted text with a two-column page and a split table header, 2059 real PDF with glued footnote
#: markers) whose focus is document mess; scored held out on main (91/106, 3 wrong) and fixed against in
#: branch extraction10
DEV14 = DEVSET / "dev14"
#: a fifteenth development set, by an independent author (2061 PDF-extracted text, 2062 markdown, 2063 real
#: PDF) written as a drafter who never saw the template would: paraphrased frames and grants, Tabel 1 under
#: other titles, row labels and column orders; scored held out (54/106), fixed against in round 10
DEV15 = DEVSET / "dev15"
#: a sixteenth development set, by an independent author (2067 press release as markdown, 2068 long
#: PDF-extracted text with many competing figures, 2069 real PDF stating figures as changes against last
#: year); scored held out (37/104 at the start of round 10, 50/104 after its table rules) and fixed against
DEV16 = DEVSET / "dev16"
#: a seventeenth development set, by an independent author (2064 pandoc markdown from Word with a grid
#: table, 2065 real PDF with a key-figure box, 2066 PDF-extracted text with a TOC and footers): kept held out
#: through rounds 8-10 (91/105, 3 wrong, before and after them), then moved in and fixed against
DEV17 = DEVSET / "dev17"
#: an eighteenth development set, by an independent author (2071 the ministry's text as PDF-extracted text,
#: 2072 KL's summary for its members as markdown; the author's third file, a municipality's internal note, is
#: refused as no agreement and left out): scored held out (34/109 before and after rounds 8-10), then fixed
DEV18 = DEVSET / "dev18"
#: a nineteenth development set, by an independent author (2076 PDF-extracted text, 2077 pandoc markdown, 2078
#: real PDF), written after round 10 was merged: scored held out (86/107 at ec202af, 92/107 at c7127a1), then
#: moved in and fixed against (a change column titled "Ændring ift. aftale 2077")
DEV19 = DEVSET / "dev19"
#: every set in the repository, in scoring order; a held-out set lives outside it until it is moved in, so
#: only the directories that exist count
SETS = tuple(
    d
    for d in (
        SEEN,
        HELDOUT,
        HELDOUT2,
        DEV3,
        DEV4,
        DEV5,
        DEV6,
        DEV7,
        DEV8,
        DEV9,
        DEV10,
        DEV11,
        DEV12,
        DEV13,
        DEV14,
        DEV15,
        DEV16,
        DEV17,
        DEV18,
        DEV19,
    )
    if d.is_dir()
)
KNOWN_MISSES = DEVSET / "known_misses.yaml"
OUTCOMES = ("right", "wrong", "missed", "spurious")
#: the pseudo-key under which a refusal (or a wrongly accepted file) is scored
REFUSAL = "refusal"


@dataclass
class Case:
    """One golden file: the document it describes and what the extractor must give for it."""

    name: str  # the document's file name, unique over the whole set
    path: Path
    golden: Path
    expected: dict[str, object] | None  # key -> value or None; None when the file must be refused
    refusal: str | None = None  # a text the refusal message must contain (lower case)
    format: str | None = None  # the reader's format, as the golden file says


@dataclass
class Scored:
    case: Case
    outcomes: dict[str, str] = field(default_factory=dict)
    actual: dict[str, object] = field(default_factory=dict)
    message: str | None = None  # the refusal message, if the file was refused
    format: str | None = None  # the format the reader read the file as


def _value(entry) -> object:
    return entry["value"] if isinstance(entry, dict) else entry


def load_case(golden: Path, document_dir: Path | None = None) -> Case:
    """A development-set golden file (`<name>.golden.yaml`)."""
    data = yaml.safe_load(golden.read_text("utf-8"))
    doc = data["document"]
    path = (document_dir or golden.parent) / doc["file"]
    if "refused" in data:
        refusal = str(data["refused"]["message_contains"]).lower()
        return Case(doc["file"], path, golden, None, refusal, doc.get("format"))
    expected = {k: (None if v is None else _value(v)) for k, v in data["figures"].items()}
    odd = sorted(
        k for k, v in data["figures"].items() if isinstance(v, dict) and set(v) - {"value", "section"}
    )
    if odd:  # an unquoted comma in `section: 4. Tilskud, regulering …` splits the inline mapping
        raise ValueError(
            f"{golden.name}: entries with keys other than value and section: {odd}; quote the section"
        )
    missing = set(fixed_keys()) - set(expected)
    if missing:
        raise ValueError(f"{golden.name}: the golden file lacks keys {sorted(missing)}")
    return Case(doc["file"], path, golden, expected, format=doc.get("format"))


def set_cases(directory: Path) -> list[Case]:
    return [load_case(g) for g in sorted(directory.glob("*.golden.yaml"))]


def corpus_case(golden: Path, path: Path, name: str) -> Case:
    """A corpus golden file (`tests/golden/<year>.yaml`) applied to one rendering of that document."""
    data = yaml.safe_load(golden.read_text("utf-8"))
    expected = {k: (None if v is None else v["value"]) for k, v in data["figures"].items()}
    return Case(name, path, golden, expected)


def same(expected: object, actual: object) -> bool:
    if isinstance(expected, (int, float, Decimal)) and isinstance(actual, (int, float, Decimal)):
        return Decimal(str(expected)) == Decimal(str(actual))
    return str(expected) == str(actual)


def outcome(expected: object, actual: object) -> str:
    if expected is None:
        return "right" if actual is None else "spurious"
    if actual is None:
        return "missed"
    return "right" if same(expected, actual) else "wrong"


def score(case: Case) -> Scored:
    """Read and extract the case's document (no store) and compare every key with the golden file."""
    try:
        result = extract(read_document(case.path))
    except DocumentError as exc:
        message = str(exc)
        if case.expected is None:
            ok = case.refusal in message.lower()
            return Scored(case, {REFUSAL: "right" if ok else "wrong"}, message=message)
        return Scored(case, {k: outcome(v, None) for k, v in case.expected.items()}, message=message)
    figures = result.to_contract()["figures"]
    actual = {k: (None if v is None else v["value"]) for k, v in figures.items()}
    fmt = result.meta.format
    if case.expected is None:
        return Scored(case, {REFUSAL: "missed"}, actual, format=fmt)
    keys = list(case.expected) + sorted(k for k in actual if k not in case.expected)
    outcomes = {k: outcome(case.expected.get(k), actual.get(k)) for k in keys}
    return Scored(case, outcomes, actual, format=fmt)


def tally(scored: list[Scored]) -> dict[str, int]:
    """Counts of right/wrong/missed/spurious, and 'expected' = keys with a golden value (or a refusal)."""
    counts = dict.fromkeys(OUTCOMES, 0)
    counts["expected"] = 0
    counts["right_values"] = 0
    for s in scored:
        for key, out in s.outcomes.items():
            counts[out] += 1
            stated = key == REFUSAL or (s.case.expected or {}).get(key) is not None
            counts["expected"] += stated
            counts["right_values"] += stated and out == "right"
    return counts


def known_misses(*files: Path) -> dict[str, dict[str, str]]:
    """file name -> key -> "<outcome>: <reason>", merged from the given lists that exist."""
    merged: dict[str, dict[str, str]] = {}
    for path in files:
        if path.is_file():
            for name, keys in (yaml.safe_load(path.read_text("utf-8")) or {}).items():
                merged.setdefault(name, {}).update(keys or {})
    return merged
