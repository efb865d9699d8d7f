"""The CLI: the canonical JSON, `aftaler` in every format, clear errors."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook
from typer.testing import CliRunner

from kommuneokonomi.cli import app

from conftest import corpus_files

runner = CliRunner()


def test_ingest_json_is_the_canonical_contract(db):
    result = runner.invoke(app, ["ingest", "--json", str(corpus_files()[4])])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"document", "figures", "warnings", "coverage"}
    assert "serviceramme" in data["coverage"]["found"]
    assert data["coverage"]["n_found"] + len(data["coverage"]["null"]) == data["coverage"]["n_keys"]
    assert data["document"] == {
        "year": 2024,
        "date": None,
        "title": None,
        "sha256": data["document"]["sha256"],
    }
    assert data["figures"]["serviceramme"] == {
        "value": 304800,
        "unit": "mio. kr.",
        "price_level": 2024,
        "source": {"section": "2. Kommunernes økonomiske rammer", "line_start": 72, "line_end": 74},
    }
    assert data["figures"]["midtvejsregulering"]["value"] == 5000
    assert data["figures"]["aftale_dato"] is None
    # "op til ca. 35 mio. kr." (the udligning frame) is stated only approximately: omtrentligt_tal
    codes = {"tabel_afbrudt", "titel_mangler", "dato_mangler", "omtrentligt_tal"}
    assert {w["code"] for w in data["warnings"]} == codes
    assert all(set(w) == {"code", "severity", "message", "source"} for w in data["warnings"])


def test_ingest_json_for_several_files_is_one_object_per_line(corpus, db):
    result = runner.invoke(app, ["ingest", "--json", "--ingen-lagring", str(corpus)])
    assert result.exit_code == 0
    years = sorted(json.loads(line)["document"]["year"] for line in result.stdout.splitlines())
    assert years == [2019, 2020, 2022, 2023, 2024]


def test_aftaler_runs_on_the_shipped_parameters_with_nothing_ingested(db):
    result = runner.invoke(app, ["aftaler", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    by_year = {a["aar"]: a for a in data["aftaler"]}
    assert [y for y, a in by_year.items() if a["kilde"] == "parametre"] == [2019, 2020, 2022, 2023, 2024]
    # years without an agreement text come from public summaries (parameters/resumeer), marked as such
    assert {a["kilde"] for y, a in by_year.items() if y in (2017, 2018, 2021, 2025, 2026)} == {
        "offentligt resumé"
    }
    assert by_year[2024]["figures"]["serviceramme"]["value"] == 304800


def test_aftaler_prefers_ingested_documents(db, tmp_path):
    changed = tmp_path / "2024.txt"
    changed.write_text(corpus_files()[4].read_text("utf-8").replace("304,8 mia.", "305,1 mia."), "utf-8")
    assert runner.invoke(app, ["ingest", str(changed)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["aftaler", "--aar", "2024", "--format", "json"]).stdout)
    (agreement,) = data["aftaler"]
    assert agreement["kilde"] == "database (version 1)"
    assert agreement["figures"]["serviceramme"]["value"] == 305100


def test_aftaler_table_shows_years_side_by_side_in_danish_format(db):
    result = runner.invoke(app, ["aftaler"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(str(y) in result.stdout for y in (2019, 2020, 2022, 2023, 2024))
    assert "251.934" in result.stdout and "304.800" in result.stdout and "4,2" in result.stdout


def test_aftaler_csv_for_one_year(db):
    result = runner.invoke(app, ["aftaler", "--aar", "2023", "--format", "csv"])
    assert result.stdout.startswith("\ufeffNøgle;")  # Danish Excel: BOM and ';'
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff")), delimiter=";"))
    by_key = {r["Nøgle"]: r for r in rows}
    assert by_key["serviceramme"]["Værdi"] == "287400"
    assert by_key["balance.skatteindtaegter"]["Værdi"] == "-332900", "numbers are not neutralised as text"
    assert by_key["balance.serviceudgifter"]["Linjer"] == "45-45"


def test_aftaler_xlsx(db, tmp_path):
    target = tmp_path / "aftaler.xlsx"
    assert runner.invoke(app, ["aftaler", "--format", "xlsx", "--output", str(target)]).exit_code == 0
    ws = load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Nøgle", "Betegnelse", "Enhed"]
    assert [header.index(str(y)) for y in (2019, 2020, 2022, 2023, 2024)] == sorted(
        header.index(str(y)) for y in (2019, 2020, 2022, 2023, 2024)
    )
    serviceramme = dict(
        zip(header, next(r for r in ws.iter_rows(values_only=True) if r[0] == "serviceramme"), strict=True)
    )
    assert [serviceramme[str(y)] for y in (2019, 2020, 2022, 2023, 2024)] == [
        251934,
        261828,
        275400,
        287400,
        304800,
    ]
    assert serviceramme["2025"] == "323600 (resumé)"  # from a public summary, marked


def test_unknown_year_and_format_are_clear_errors(db):
    result = runner.invoke(app, ["aftaler", "--aar", "2031"])
    assert result.exit_code == 2 and "ukendt år 2031" in result.stderr and "2019" in result.stderr
    result = runner.invoke(app, ["aftaler", "--format", "pdf"])
    assert result.exit_code == 2 and "ukendt format" in result.stderr


def test_csv_cells_that_look_like_formulas_are_neutralised():
    from kommuneokonomi.export import TableData, to_csv

    text = to_csv(TableData("t", ["a", "b"], [["=HYPERLINK(1)", -5], ["@SUM", "+1"]]))
    assert "'=HYPERLINK(1)" in text and "'@SUM" in text and "'+1" in text and ";-5" in text
    assert ",-5" in to_csv(TableData("t", ["a", "b"], [["=HYPERLINK(1)", -5]]), machine=True)
