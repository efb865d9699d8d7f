"""The development set (tests/devset): agreements written for budget years outside the corpus.

Every document is read and extracted and compared key by key with its hand-written golden file; the
regions agreement and the non-agreement must be refused with the right message. Keys listed in
tests/devset/known_misses.yaml (and in a set directory's own known_misses.yaml, which travels with the
held-out half) are expected misses with their outcome: the test fails when one comes out right or
differently (shrink or update the list), and on any other key that is not right.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from devset.pdfbuild import build_pdf
from devset.scoring import (
    KNOWN_MISSES,
    REFUSAL,
    SEEN,
    SETS,
    known_misses,
    score,
    set_cases,
)

CASES = [case for d in SETS for case in set_cases(d)]
EXPENDITURE = (
    "serviceudgifter",
    "aktivitetsbestemt_medfinansiering",
    "overfoersler",
    "forsikrede_ledige",
    "bruttoanlaeg",
    "oevrige_udgifter",
)
INCOME = ("skatteindtaegter", "bloktilskud", "beskaeftigelsestilskud", "oevrige_indtaegter")


def _known() -> dict[str, dict[str, str]]:
    return known_misses(KNOWN_MISSES, *(d / "known_misses.yaml" for d in SETS))


def test_the_set_is_there():
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), "document names must be unique over the whole set"
    assert sum(c.expected is not None for c in CASES if c.golden.parent == SEEN) >= 4
    assert sum(c.expected is None for c in CASES) >= 2, "a regions agreement and a non-agreement"
    assert all(c.path.is_file() for c in CASES), [str(c.path) for c in CASES if not c.path.is_file()]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_key_against_the_golden_file(case):
    scored = score(case)
    if scored.format is not None:
        assert scored.format == case.format, f"{case.name}: read as {scored.format}"
    listed = _known().get(case.name, {})
    stale = sorted(set(listed) - set(scored.outcomes))
    assert not stale, f"{case.name}: known_misses lists keys the document does not have: {stale}"
    problems = []
    for key, outcome in scored.outcomes.items():
        want = listed[key].split(":", 1)[0].strip() if key in listed else "right"
        if outcome == want:
            continue
        expected = case.refusal if key == REFUSAL else (case.expected or {}).get(key)
        got = scored.message if key == REFUSAL else scored.actual.get(key)
        hint = " (now right: delete it from known_misses)" if outcome == "right" else ""
        problems.append(f"{key}: {outcome}, expected {want}{hint}; golden {expected!r}, got {got!r}")
    assert not problems, f"{case.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("case", [c for c in CASES if c.expected is not None], ids=lambda c: c.name)
def test_golden_file_is_consistent(case):
    """The golden values themselves: Tabel 1 adds up (within rounding), the conditional grant agrees."""
    fig = {k: Decimal(str(v)) for k, v in case.expected.items() if isinstance(v, (int, float))}
    doc = yaml.safe_load(case.golden.read_text("utf-8"))["document"]
    assert fig["aar"] == doc["year"]
    assert case.expected["aftale_dato"] == doc["date"]
    for total, rows in (("udgifter_i_alt", EXPENDITURE), ("indtaegter_i_alt", INCOME)):
        if f"balance.{total}" in fig:
            parts = sum(fig.get(f"balance.{r}", Decimal(0)) for r in rows)
            assert abs(parts - fig[f"balance.{total}"]) <= 100, f"{total}: rows add up to {parts}"
    heraf = fig.get("balance.heraf_betinget_bloktilskud")
    if heraf is not None:
        conditional = fig.get("betinget_bloktilskud_service", 0) + fig.get("betinget_bloktilskud_anlaeg", 0)
        assert -heraf == conditional
    for key in ("pl_samlet", "pl_service", "pl_anlaeg", "pl_regioner", "satsregulering"):
        assert key not in fig or 1 <= fig[key] <= 5, key
    assert all(0 < v <= 100 for k, v in fig.items() if k.startswith("tilskudsprocent."))


@pytest.mark.parametrize("story", [p for d in SETS for p in sorted(d.glob("*.story"))], ids=lambda p: p.name)
def test_pdfs_rebuild_identically_from_their_stories(story, tmp_path):
    built = build_pdf(story, tmp_path / (story.stem + ".pdf"))
    assert built.read_bytes() == story.with_suffix(".pdf").read_bytes(), (
        f"{story.name}: the committed PDF is not what tests/devset/pdfbuild.py builds from it"
    )
