"""Reality cases (tests/rules/cases/virkelighed.yaml): published outcomes through the CLI on the shipped
defaults. The input is the published aggregate spread over the 98 municipalities by population, exact to the
krone; the expected value is the published one. A case with `kendt_afvigelse` is a strict expected failure."""

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

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "virkelighed.yaml").read_text("utf-8"))
runner = CliRunner()


def column(spec) -> list[Decimal]:
    """An aggregate (mio. kr.) spread by population to the krone, or {alle: X, "101": Y} per municipality."""
    reg = register()
    if isinstance(spec, dict):
        values = [Decimal(str(spec["alle"]))] * reg.size
        for code, value in spec.items():
            if code != "alle":
                values[reg.index(str(code))] = Decimal(str(value))
        return values
    kroner = largest_remainder(int(Decimal(str(spec)) * 1_000_000), [int(p) for p in reg.population])
    return [Decimal(k) / 1_000_000 for k in kroner]


def write_input(path: Path, columns: dict) -> Path:
    values = {name: column(spec) for name, spec in columns.items()}
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["kommunekode", *values])
        for i, code in enumerate(register().codes):
            writer.writerow([code, *(values[name][i] for name in values)])
    return path


def lookup(data, path: str):
    for part in path.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


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
    for case in CASES:
        assert {"navn", "type", "kommando", "input", "forventet", "kilde", "offentliggjort"} <= set(case), (
            case
        )
        assert case["kilde"].startswith("https://"), case["navn"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_published_outcome(case, tmp_path, db):
    path = write_input(tmp_path / "input.csv", case["input"])
    result = runner.invoke(app, [*map(str, case["kommando"]), "--input", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    got = {key: lookup(data, key) for key in case["forventet"]}
    assert got == case["forventet"], f"{case['offentliggjort']} ({case['kilde']})"
