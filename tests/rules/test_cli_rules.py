"""CLI of the rules: the stable JSON contracts, --explain, and clear errors for bad input files."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommuneokonomi.cli import app
from kommuneokonomi.rules.kommuner import register

runner = CliRunner()


def _write(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _spread(total: Decimal) -> list[Decimal]:
    """Values by population to three decimals, the last one making the sum exactly `total`."""
    reg = register()
    pop_sum = int(reg.population.sum())
    values = [(total * int(p) / pop_sum).quantize(Decimal("0.001")) for p in reg.population[:-1]]
    return [*values, total - sum(values)]


def _budgets(tmp_path: Path, total: str = "306100", scale: int = 1) -> Path:
    service, anlaeg = _spread(Decimal(total)), _spread(Decimal(19300))
    rows = [[c, s * scale, a * scale] for c, s, a in zip(register().codes, service, anlaeg, strict=True)]
    return _write(tmp_path / "budget.csv", ["kommunekode", "serviceudgifter", "anlaegsudgifter"], rows)


def _service(tmp_path: Path, *extra: str, budgets: Path | None = None) -> list[str]:
    """A 2024 service sanction on the published budgets (10,5 mio. kr. over the tested level)."""
    path = budgets if budgets is not None else _budgets(tmp_path)
    return ["sanktion", "--type", "service", "--aar", "2024", "--input", str(path), *extra]


def test_priser_json_contract(db):
    result = runner.invoke(
        app,
        [
            "priser",
            "--beloeb",
            "251934",
            "--fra",
            "2019",
            "--til",
            "2023",
            "--indeks",
            "service",
            "--sats",
            "2021=1,5",
            "--format",
            "json",
        ],
    )
    data = json.loads(result.stdout)
    assert data["fra"] == 2019 and data["til"] == 2023 and data["indeks"] == "service"
    assert data["beloeb"] == 274564.770954
    assert [(t["aar"], t["pct"]) for t in data["trin"]] == [
        (2020, 2.7),
        (2021, 1.5),
        (2022, 1.9),
        (2023, 2.6),
    ]


def test_priser_missing_year_names_it(db):
    result = runner.invoke(
        app, ["priser", "--beloeb", "1", "--fra", "2019", "--til", "2023", "--indeks", "service"]
    )
    assert result.exit_code == 2 and "2021" in result.stderr and "--sats 2021=PCT" in result.stderr


def test_priser_series_in_fixed_prices(db):
    result = runner.invoke(
        app, ["priser", "--serie", "anlaegsramme", "--til", "2024", "--sats", "2021=1", "--format", "json"]
    )
    data = json.loads(result.stdout)
    rows = {r["aar"]: r for r in data["aar"]}
    assert rows[2024]["faste"] == rows[2024]["loebende"] == 19300
    assert rows[2023]["faste"] == pytest.approx(18500 * 1.032)


def test_fordel_json_contract_and_exact_sum():
    result = runner.invoke(app, ["fordel", "--pulje-kr", "10500000", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["pulje_kr"] == 10500000 and len(data["kommuner"]) == 98
    assert sum(k["beloeb_kr"] for k in data["kommuner"]) == 10500000
    assert data["kommuner"][0] == {"kommunekode": "101", "kommunenavn": "København", "beloeb_kr": 1140295}


def test_fordel_with_a_user_key(tmp_path):
    key = _write(tmp_path / "key.csv", ["kommunekode", "vaerdi"], [[c, 1] for c in register().codes])
    data = json.loads(
        runner.invoke(app, ["fordel", "--pulje-kr", "100", "--noegle", str(key), "--format", "json"]).stdout
    )
    assert [k["beloeb_kr"] for k in data["kommuner"][:3]] == [2, 2, 1]


def test_key_file_errors_list_every_offending_row(tmp_path):
    codes = list(register().codes)
    rows = [[c, 1] for c in codes[2:]] + [["999", 1], [codes[5], 2], [codes[0], -4], [codes[1], "abc"]]
    key = _write(tmp_path / "key.csv", ["kommunekode", "vaerdi"], rows)
    result = runner.invoke(app, ["fordel", "--pulje-kr", "100", "--noegle", str(key)])
    assert result.exit_code == 2
    message = result.stderr.replace("\n", " ")
    for expected in (
        "key.csv",
        "ukendt kommunekode '999'",
        f"kommunekode {codes[5]} optræder igen",
        "kolonne vaerdi: '-4' er negativ",
        "kolonne vaerdi: 'abc' er ikke et tal",
    ):
        assert expected in message, expected


def test_missing_column_and_unknown_column(tmp_path):
    bad = _write(tmp_path / "b.csv", ["kommunekode", "anlaegsudgifter"], [[c, 1] for c in register().codes])
    result = runner.invoke(app, ["sanktion", "--type", "service", "--aar", "2024", "--input", str(bad)])
    assert result.exit_code == 2 and "mangler kolonne(r) serviceudgifter" in result.stderr
    bad = _write(
        tmp_path / "c.csv", ["kommunekode", "serviceudgifter_kr"], [[c, 1] for c in register().codes]
    )
    result = runner.invoke(app, ["sanktion", "--type", "service", "--aar", "2024", "--input", str(bad)])
    assert result.exit_code == 2 and "mangler kolonne(r) serviceudgifter" in result.stderr


def test_wrong_units_are_caught(tmp_path, db):
    result = runner.invoke(
        app,
        _service(tmp_path, budgets=_budgets(tmp_path, scale=1_000_000)),
    )
    assert result.exit_code == 2 and "i kr., ikke mio. kr." in result.stderr
    result = runner.invoke(
        app,
        _service(tmp_path, budgets=_budgets(tmp_path, total="304.8105")),
    )
    assert result.exit_code == 2 and "mia. kr." in result.stderr


@pytest.mark.parametrize(
    "extra",
    [
        ["--serviceramme", "nan"],
        ["--serviceramme", "1e999999999"],
        ["--betinget-service", "inf"],
        ["--fordeling", "delt:nan"],
        ["--fordeling", "delt:snan"],
    ],
)
def test_non_finite_options_are_clear_errors(tmp_path, db, extra):
    result = runner.invoke(app, _service(tmp_path, *extra))
    assert result.exit_code == 2, result.exception  # a clear error, not a traceback (exit 1)
    assert f"{extra[0]}" in result.stderr or "ugyldig fordeling" in result.stderr
    assert "er ikke et tal" in result.stderr or "uden eksponent" in result.stderr


def test_sanktion_json_contract(tmp_path, db):
    result = runner.invoke(
        app,
        _service(tmp_path, "--format", "json"),
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["reduktion_kr"] == 10500000 and data["fordeling"] == "kollektiv"
    assert sum(k["beloeb_kr"] for k in data["kommuner"]) == data["reduktion_kr"]
    assert set(data["kommuner"][0]) == {"kommunekode", "kommunenavn", "beloeb_kr"}


def test_sanktion_frame_override_and_explain(tmp_path, db):
    # the override moves the agreement's figure; the stated level's adjustment (against the agreement's
    # 304.800) still applies: 306.089,5 + 5,5 = 306.095 → 5 mio. kr. over
    args = _service(tmp_path, "--serviceramme", "304805,5")
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert data["reduktion_kr"] == 5000000
    text = runner.invoke(app, [*args, "--explain", "101"]).stdout
    assert "København (101)" in text and "angivet af brugeren" in text and "overskridelse" in text
    trace = json.loads(runner.invoke(app, [*args, "--explain", "101", "--format", "json"]).stdout)
    assert trace["kommunekode"] == "101" and trace["beloeb_kr"] == data["kommuner"][0]["beloeb_kr"]
    assert {p["navn"] for p in trace["parametre"]} == {
        "serviceramme",
        "serviceramme.testet_niveau",
        "betinget_bloktilskud_service",
        "befolkning",
    }
    assert trace["trin"] and all({"beskrivelse", "resultat"} <= set(s) for s in trace["trin"])
    result = runner.invoke(app, [*args, "--explain", "999"])
    assert result.exit_code == 2 and "ukendt kommunekode" in result.stderr


def test_individual_split_needs_a_basis(tmp_path, db):
    result = runner.invoke(
        app,
        _service(tmp_path, "--fordeling", "individuel"),
    )
    assert result.exit_code == 2 and "basis" in result.stderr


def test_skat_json_and_bad_rates(tmp_path, db):
    reg = register()
    rows = [[c, 1000, 25, 25.5 if c == "101" else 25] for c in reg.codes]
    good = _write(
        tmp_path / "skat.csv", ["kommunekode", "udskrivningsgrundlag", "sats_foer", "sats_efter"], rows
    )
    data = json.loads(
        runner.invoke(app, ["skat", "--aar", "2023", "--input", str(good), "--format", "json"]).stdout
    )
    assert data["netto_forhoejelse_kr"] == 5000000
    first = data["kommuner"][0]
    assert first["individuel_sanktion_kr"]["2023"] == 3750000 and first["provenuaendring_kr"] == 5000000
    bad = _write(
        tmp_path / "andele.csv",
        ["kommunekode", "udskrivningsgrundlag", "sats_foer", "sats_efter"],
        [[c, 1000, 0.25, 0.25] for c in reg.codes],
    )
    result = runner.invoke(app, ["skat", "--aar", "2023", "--input", str(bad)])
    assert result.exit_code == 2 and "i pct." in result.stderr


def test_rule_outputs_in_csv_and_xlsx(tmp_path, db):
    from openpyxl import load_workbook

    csv_out = runner.invoke(app, ["fordel", "--pulje-kr", "1000", "--format", "csv-maskine"]).stdout
    rows = list(csv.reader(csv_out.splitlines()))
    assert (
        rows[0] == ["kommunekode", "kommunenavn", "beloeb_kr"]
        and rows[-1][0] == "I alt"
        and rows[-1][2] == "1000"
    )
    target = tmp_path / "f.xlsx"
    assert (
        runner.invoke(app, ["fordel", "--pulje-kr", "1000", "--format", "xlsx", "-o", str(target)]).exit_code
        == 0
    )
    assert load_workbook(target).active.max_row == 100


def test_own_population_as_the_collective_key(tmp_path, db):
    codes = register().codes
    pop = _write(tmp_path / "pop.csv", ["kommunekode", "vaerdi"], [[c, 1] for c in codes])
    args = _service(tmp_path, "--format", "json")
    data = json.loads(runner.invoke(app, [*args, "--befolkning", str(pop)]).stdout)
    amounts = [k["beloeb_kr"] for k in data["kommuner"]]
    assert sum(amounts) == 10500000 and max(amounts) - min(amounts) <= 1  # equal key: equal parts
    half = _write(tmp_path / "half.csv", ["kommunekode", "vaerdi"], [[c, 1.5] for c in codes])
    result = runner.invoke(app, [*args, "--befolkning", str(half)])
    assert result.exit_code == 2 and "hele tal" in result.stderr


def test_skat_new_columns_and_a_year_without_an_agreement(tmp_path, db):
    reg = register()
    header = ["kommunekode", "udskrivningsgrundlag", "sats_foer", "sats_efter", "provenu_daekningsafgift"]
    header += ["tilskud_tilladelse"]
    rows = [
        [c, 1000, 25, {"101": 25.5, "147": 24}.get(c, 25), -2 if c == "151" else "", 10 if c == "147" else ""]
        for c in reg.codes
    ]
    path = _write(tmp_path / "skat.csv", header, rows)
    args = ["skat", "--aar", "2025", "--input", str(path), "--format", "json"]
    missing = runner.invoke(app, args)
    assert missing.exit_code == 2
    assert "tilskud_skattenedsaettelse" in missing.stderr and "2025" in missing.stderr
    assert "--tilskudsramme" in missing.stderr
    data = json.loads(
        runner.invoke(app, [*args, "--tilskudsramme", "50", "--tilskudsprocenter", "75,50,50,25"]).stdout
    )
    assert data["provenuaendring_kr"] == 5000000 - 10000000 - 2000000 + 0  # +5, −10, −2 dækningsafgift
    assert data["daekningsafgift_kr"] == -2000000 and data["netto_forhoejelse_kr"] == 0
    assert data["kommuner"][1]["tilskud_kr"] == {
        "2025": 7500000,
        "2026": 5000000,
        "2027": 5000000,
        "2028": 2500000,
    }
    without_grant = _write(tmp_path / "uden.csv", header[:5], [r[:5] for r in rows])
    plain = json.loads(
        runner.invoke(
            app, ["skat", "--aar", "2025", "--input", str(without_grant), "--format", "json"]
        ).stdout
    )
    assert plain["nedsaettelser_uden_tilskud"] == ["147"] and plain["aarlig"][0]["tilskud_kr"] == 0
    both = _write(
        tmp_path / "begge.csv",
        [*header, "tilskud_tilladelse_udligning"],
        [[*r, ""] for r in rows],
    )
    clash = runner.invoke(app, ["skat", "--aar", "2023", "--input", str(both), "--ordning", "udligning2021"])
    assert clash.exit_code == 2 and "tilskud_tilladelse_udligning" in clash.stderr
