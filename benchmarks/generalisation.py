"""Benchmark: does the extractor generalise? Scores it on agreements it was not fitted to (issue 9).

For each set directory of hand-written golden files (default: tests/devset/seen, and
tests/devset/heldout, tests/devset/heldout2, tests/devset/dev3, tests/devset/dev4 and tests/devset/dev5 if
they exist, plus
every --set DIR) and
for the corpus
(../shared/corpus as text, and as PDF rendered with tests/pdf_fixture.py, against
tests/golden/<year>.yaml), every file is read and extracted with the project's own reader and extractor
(no store), and every key is compared with its golden value (tests/devset/scoring.py):

- right: equal to the golden value numerically, or null where null is expected (counted apart);
- wrong: a value that differs from the golden one (worse than null);
- missed: null where a value was expected;
- spurious: a value where null was expected.

"figures right" counts the stated (non-null) golden values that came out right, over all stated golden
values; a regions agreement or a non-agreement counts one expected figure: its refusal with the right
message. Also times the ingest of the five corpus text files against a plain read of them.

    python benchmarks/generalisation.py [--set DIR ...] [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from kommuneokonomi.documents import read_document  # noqa: E402
from kommuneokonomi.extraction import extract  # noqa: E402

from devset.scoring import (  # noqa: E402
    OUTCOMES,
    REFUSAL,
    SETS,
    Case,
    Scored,
    corpus_case,
    score,
    set_cases,
    tally,
)
from pdf_fixture import render_pdf  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def corpus_cases(corpus: Path, pdf_dir: Path) -> tuple[list[Case], list[Case]]:
    """The corpus as text and as rendered PDF (the PDF-extracted text files only), with their golden files."""
    by_sha = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sorted(corpus.iterdir()) if p.is_file()}
    text, pdf = [], []
    for golden in sorted(GOLDEN.glob("*.yaml")):
        sha = yaml.safe_load(golden.read_text("utf-8"))["document"]["sha256"]
        source = by_sha.get(sha)
        if source is None:
            continue
        text.append(corpus_case(golden, source, f"{golden.stem} ({source.name})"))
        if not source.read_text("utf-8").lstrip().startswith("#"):
            target = render_pdf(source, pdf_dir / (source.stem + ".pdf"))
            pdf.append(corpus_case(golden, target, f"{golden.stem} ({target.name})"))
    return text, pdf


def _show(value) -> str:
    return "null" if value is None else str(value)


def report(title: str, scored: list[Scored]) -> None:
    t = tally(scored)
    print(f"\n== {title}: {len(scored)} files")
    print(
        f"   figures right {t['right_values']}/{t['expected']} · wrong {t['wrong']} · "
        f"missed {t['missed']} · spurious {t['spurious']} · nulls right {t['right'] - t['right_values']}"
    )
    for s in scored:
        c = tally([s])
        print(
            f"   {s.case.name:34} right {c['right_values']:>2}/{c['expected']:<2} wrong {c['wrong']:>2} "
            f"missed {c['missed']:>2} spurious {c['spurious']:>2}"
        )
        expected = s.case.expected or {}
        for kind in ("wrong", "missed", "spurious"):
            keys = [k for k, o in s.outcomes.items() if o == kind]
            if not keys:
                continue
            if REFUSAL in keys:
                got = f"refused: {s.message}" if s.message else "accepted"
                print(f"      {kind}: refusal (expected a message with {s.case.refusal!r}; {got})")
                continue
            shown = ", ".join(
                k if kind == "missed" else f"{k}={_show(s.actual.get(k))} (golden {_show(expected.get(k))})"
                for k in keys
            )
            print(f"      {kind}: {shown}")


def time_corpus_ingest(corpus: Path, repeat: int) -> None:
    files = sorted(p for p in corpus.iterdir() if p.is_file())

    def median(fn) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    plain = median(lambda: [p.read_bytes().decode("utf-8") for p in files])
    ingest = median(lambda: [extract(read_document(p)) for p in files])
    print(
        f"\n== timing: read + extract of the {len(files)} corpus text files {ingest * 1000:.1f} ms "
        f"(median of {repeat}); plain read {plain * 1000:.2f} ms; ratio {ingest / plain:.0f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="sets", type=Path, action="append", default=[], help="a set directory")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sets = [*SETS, *args.sets]
    for directory in sets:
        cases = set_cases(directory)
        if not cases:
            print(f"\n== {directory}: no golden files", file=sys.stderr)
            return 2
        report(f"set {directory}", [score(c) for c in cases])
    if args.corpus.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            text, pdf = corpus_cases(args.corpus, Path(tmp))
            report(f"corpus as text ({args.corpus})", [score(c) for c in text])
            report("corpus as PDF (tests/pdf_fixture.py)", [score(c) for c in pdf])
        time_corpus_ingest(args.corpus, args.repeat)
    else:
        print(f"\n(no corpus at {args.corpus}: corpus scores skipped)")
    print(f"\noutcomes: {', '.join(OUTCOMES)} (see tests/devset/scoring.py)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
