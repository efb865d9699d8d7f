"""Reality cases (tests/rules/cases/virkelighed*.yaml: virkelighed.yaml from ../shared/data/opgoerelser.md,
virkelighed_flere_aar.yaml for years and outcomes that file lacks): published outcomes — sanctions and tax —
through the CLI on the shipped defaults. The input is the published aggregate spread over the 98
municipalities by population, exact to the krone, or per-municipality values; the expected value is the
published one, exactly or within the release's rounding; `forventet_fejl` instead: the command stops with an
error naming what the shipped data lack. A case with `kendt_afvigelse` is a strict expected failure."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.rules.distribution import largest_remainder
from kommuneokonomi.rules.kommuner import register

REALITY_FILES = sorted((Path(__file__).parent / "cases").glob("virkelighed*.yaml"))
CASES = [case for path in REALITY_FILES for case in yaml.safe_load(path.read_text("utf-8"))]
runner = CliRunner()
MIO = Decimal(1_000_000)


def column(spec) -> list[Decimal]:
    """An aggregate (mio. kr.) spread by population to the krone, or {alle: X, "101": Y} per municipality."""
    reg = register()
    if isinstance(spec, dict):
        values = [Decimal(str(spec["alle"]))] * reg.size
        for code, value in spec.items():
            if code != "alle":
                values[reg.index(str(code))] = Decimal(str(value))
        return values
    kroner = largest_remainder(int(Decimal(str(spec)) * MIO), [int(p) for p in reg.population])
    return [Decimal(k) / MIO for k in kroner]


def write_input(path: Path, columns: dict) -> Path:
    values = {name: column(spec) for name, spec in columns.items()}
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["kommunekode", *values])
        for i, code in enumerate(register().codes):
            writer.writerow([code, *(values[name][i] for name in values)])
    return path


def lookup(data, path: str):
    """A dotted path: a key, a list index, or `felt=værdi` for the list item whose field has that value."""
    for part in path.split("."):
        if isinstance(data, list):
            if "=" in part:
                name, value = part.split("=", 1)
                data = next(item for item in data if str(item[name]) == value)
            else:
                data = data[int(part)]
        else:
            data = data[part]
    return data


def matches(got, expected) -> bool:
    """Exactly, within a tolerance in mio. kr. ({mio, tolerance_mio}) or in a range ({min_mio, max_mio})."""
    if not isinstance(expected, dict):
        return got == expected
    value = Decimal(str(got)) / MIO
    if "mio" in expected:
        return abs(value - Decimal(str(expected["mio"]))) <= Decimal(str(expected.get("tolerance_mio", 0)))
    low, high = expected.get("min_mio"), expected.get("max_mio")
    return (low is None or value >= Decimal(str(low))) and (high is None or value <= Decimal(str(high)))


def _param(case):
    marks = (
        [pytest.mark.xfail(reason=case["kendt_afvigelse"], strict=True)]
        if case.get("kendt_afvigelse")
        else []
    )
    return pytest.param(case, id=case["navn"], marks=marks)


def test_cases_are_well_formed():
    names = [c["navn"] for c in CASES]
    assert len(names) == len(set(names))
    allowed = {
        "navn",
        "type",
        "kommando",
        "input",
        "input_beskrivelse",
        "forventet",
        "offentliggjort",
        "kilde",
        "note",
        "kendt_afvigelse",
        "forventet_fejl",
    }
    for case in CASES:
        assert {"navn", "type", "kommando", "input", "kilde", "offentliggjort"} <= set(case), case
        assert ("forventet" in case) != bool(case.get("forventet_fejl")), f"{case['navn']}: one of the two"
        assert set(case) <= allowed, case["navn"]
        assert case["type"] in ("sanktion", "skat") and case["kommando"][0] == case["type"], case["navn"]
        assert case["kilde"].startswith("https://"), case["navn"]
        assert "--input" not in case["kommando"] and "--format" not in case["kommando"], case["navn"]
        built = any(isinstance(spec, dict) for spec in case["input"].values())
        assert not built or case.get("input_beskrivelse"), f"{case['navn']}: say how the input was built"
        for expected in case.get("forventet", {}).values():
            if isinstance(expected, dict):
                assert set(expected) <= {"mio", "tolerance_mio", "min_mio", "max_mio"}, case["navn"]
    assert {c["type"] for c in CASES} == {"sanktion", "skat"}


def test_the_runner_compares_as_documented():
    data = {"aarlig": [{"aar": 2024, "x_kr": 668_400_000}], "rammer": [{"n": 1}]}
    assert lookup(data, "aarlig.aar=2024.x_kr") == 668_400_000 and lookup(data, "rammer.0.n") == 1
    assert matches(668_400_000, {"mio": 668, "tolerance_mio": 0.5})
    assert not matches(668_600_000, {"mio": 668, "tolerance_mio": 0.5})
    assert not matches(668_000_001, {"mio": 668})
    assert matches(400_000_000, {"min_mio": 334}) and not matches(300_000_000, {"min_mio": 334})
    assert not matches(1, 0)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_published_outcome(case, tmp_path, db):
    path = write_input(tmp_path / "input.csv", case["input"])
    result = runner.invoke(app, [*map(str, case["kommando"]), "--input", str(path), "--format", "json"])
    if case.get("forventet_fejl"):
        missing = [part for part in case["forventet_fejl"] if part not in result.stderr]
        assert result.exit_code != 0 and not missing, f"{result.exit_code}, {missing}: {result.stderr}"
        assert "Traceback" not in result.stderr and not result.stdout.strip(), result.stdout
        return
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    got = {key: lookup(data, key) for key in case["forventet"]}
    wrong = {key: got[key] for key, expected in case["forventet"].items() if not matches(got[key], expected)}
    assert not wrong, f"{wrong} ≠ {case['offentliggjort']} ({case['kilde']})"
