"""Reality cases for the tax rules (cases/virkelighed_skat.yaml), run through the CLI."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.rules.kommuner import register

from .test_cases import per_municipality

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "virkelighed_skat.yaml").read_text("utf-8"))
runner = CliRunner()


def _write_input(path: Path, columns: dict) -> Path:
    values = {name: per_municipality(spec) for name, spec in columns.items()}
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["kommunekode", *values])
        for i, code in enumerate(register().codes):
            writer.writerow([code, *(v[i] for v in values.values())])
    return path


def _measure(data: dict, felt: str) -> Decimal:
    """A measure of the CLI's JSON: a summary amount in mio. kr., a yearly figure, or an individual share."""
    parts = felt.split(".")
    if parts[0] in ("aarlig", "andel_individuel"):
        row = next(r for r in data["aarlig"] if r["aar"] == int(parts[1]))
        total = row["individuel_sanktion_kr"] + row["kollektiv_modregning_kr"]
        if parts[0] == "andel_individuel":
            return Decimal(row["individuel_sanktion_kr"]) / Decimal(total) if total else Decimal(0)
        value = total if parts[2] == "modregning_i_alt" else row[parts[2]]
        return Decimal(value) / 1_000_000
    return Decimal(data[felt]) / 1_000_000


@pytest.mark.parametrize("case", CASES, ids=[c["navn"] for c in CASES])
def test_reality_case(case, tmp_path, db):
    assert case["kilde"].startswith("http") and case["input"]["beskrivelse"] and case["note"]
    path = _write_input(tmp_path / "input.csv", case["input"]["kolonner"])
    args = [str(path) if a == "{input}" else a for a in case["kommando"]]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for expected in case["forventet"]:
        value = _measure(data, expected["felt"])
        if "mio" in expected:
            target = Decimal(str(expected["mio"]))
            assert abs(value - target) <= Decimal(str(expected["tolerance_mio"])), (expected, value)
        else:
            assert Decimal(str(expected["min"])) <= value <= Decimal(str(expected["max"])), (expected, value)
