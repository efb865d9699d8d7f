"""Files for Danish Excel (issue 13 item 2): the CSV read back with the csv module (';', BOM, decimal commas,
no thousands separators), the machine CSV, and XLSX read back with openpyxl (numbers stored as numbers with
their formats, years as plain integers, sheet names, a simulation's inputs/parameters/sources sheets)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

from openpyxl import load_workbook
from typer.testing import CliRunner

from kommuneokonomi import export
from kommuneokonomi.cli import app
from kommuneokonomi.export import TableData, Year

runner = CliRunner()
TABLE = TableData(
    "Aftale om kommunernes økonomi for 2024 (aftaletekst) med en meget lang titel",
    ["År", "Nøgle", "Værdi", "Prisniveau", "Tekst"],
    [
        ["2024", "serviceramme", Decimal("304800"), Year(2024), "=HYPERLINK(1)"],
        ["2023", "pl", Decimal("4.2"), Year(2023), "-minus"],
        ["2022", "negativ", -1234567.25, None, "»citat« bevaret"],
    ],
)


def _rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "Danish Excel needs the BOM to read UTF-8 (æøå)"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_danish_csv_has_bom_semicolons_and_decimal_commas():
    rows = _rows(export.to_csv(TABLE))
    assert rows[0] == ["År", "Nøgle", "Værdi", "Prisniveau", "Tekst"]
    assert rows[1] == ["2024", "serviceramme", "304800", "2024", "'=HYPERLINK(1)"]
    assert rows[2][2] == "4,2" and rows[2][4] == "'-minus"
    assert rows[3][2] == "-1234567,25" and rows[3][3] == ""  # no thousands separator, no text mark on numbers
    assert rows[3][4] == "»citat« bevaret"  # Danish quotation marks are text, not search marks


def test_machine_csv_is_plain():
    text = export.to_csv(TABLE, machine=True)
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[2][2] == "4.2" and rows[3][2] == "-1234567.25" and rows[1][3] == "2024"


def test_xlsx_numbers_years_formats_and_sheet_names(tmp_path):
    path = tmp_path / "t.xlsx"
    extra = TableData("Noget andet", ["a"], [[1]], sheet="Kilder")
    export.to_xlsx(TABLE, path, [extra])
    wb = load_workbook(path)
    assert wb.sheetnames == ["Aftale om kommunernes økonomi", "Kilder"]  # cut at a word, ≤ 31 characters
    ws = wb.worksheets[0]
    year, value, level = ws["A2"], ws["C2"], ws["D2"]
    assert year.value == 2024 and isinstance(year.value, int) and year.number_format == "0"
    assert level.value == 2024 and level.number_format == "0"
    assert value.value == 304800 and value.number_format == "#,##0"
    assert ws["C3"].value == 4.2 and ws["C3"].number_format == "#,##0.0"
    assert ws["C4"].value == -1234567.25 and ws["C4"].number_format == "#,##0.00"
    assert ws["E2"].value == "'=HYPERLINK(1)" and ws["E2"].data_type == "s"


def test_years_are_never_printed_with_a_thousands_point():
    assert export.danish_number(Year(2024)) == "2024" and export.danish_number(2024) == "2.024"


def test_cli_agreements_side_by_side_shows_years_plainly(web_db):
    result = runner.invoke(app, ["aftaler", "--db", web_db], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    line = next(ln for ln in result.stdout.splitlines() if "│ År som" in ln)  # midtvejsregulering_aar
    assert not re.search(r"\b2\.0\d\d\b", line) and re.search(r"\b20\d\d\b", line), line


def test_cli_result_xlsx_has_inputs_parameters_and_steps(tmp_path, db):
    target = tmp_path / "fordel.xlsx"
    result = runner.invoke(app, ["fordel", "--pulje-kr", "1000", "-f", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(target)
    assert wb.sheetnames == ["Resultat", "Input", "Parametre", "Trin"]
    params = [[c.value for c in row] for row in wb["Parametre"].iter_rows()]
    assert params[0] == ["Parameter", "Værdi", "Enhed", "Kilde"] and all(p[3] for p in params[1:])
    assert wb["Resultat"]["C2"].number_format == "#,##0"
    danish = runner.invoke(app, ["fordel", "--pulje-kr", "1000", "-f", "csv"]).stdout
    assert _rows(danish)[-1][:3] == ["I alt", "", "1000"]


def test_downloads_for_danish_excel(client, tmp_path):
    r = client.get("/download/aftale.csv", params={"aar": 2024})
    rows = _rows(r.text)
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["aar"][2] == "2024" and by_key["serviceramme"][4] == "2024"
    assert client.get("/download/aftale.csv", params={"aar": 2024, "maskine": 1}).text.startswith("Nøgle,")
    r = client.get("/download/aftale.xlsx", params={"aar": 2024})
    path = tmp_path / "aftale.xlsx"
    path.write_bytes(r.content)
    ws = load_workbook(path)["Aftale 2024"]
    header = [c.value for c in ws[1]]
    rows_by_key = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    level = rows_by_key["serviceramme"][header.index("Prisniveau")]
    assert level.value == 2024 and level.number_format == "0"
    amount = rows_by_key["serviceramme"][header.index("Værdi")]
    assert amount.value == 304800 and amount.number_format == "#,##0"
    year = rows_by_key["aar"][header.index("Værdi")]
    assert year.value == 2024 and year.number_format == "0"


def test_simulation_download_has_its_inputs_parameters_and_sources(client, tmp_path):
    r = client.post(
        "/simulator/sanktion", data={"type": "service", "aar": "2024", "overskridelse_mio": "10,5"}
    )
    assert r.status_code == 200 and "Du har angivet samlet overskridelse 10,5 mio. kr." in r.text
    path = tmp_path / "sanktion.xlsx"
    path.write_bytes(client.get("/download/sanktion.xlsx").content)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Resultat", "Input", "Parametre", "Trin"]
    total = next(row for row in wb["Resultat"].iter_rows(values_only=True) if row[0] == "I alt")
    assert total[2] == 10_500_000
    sources = [row[3] for row in wb["Parametre"].iter_rows(min_row=2, values_only=True)]
    assert any("Aftale om kommunernes økonomi for 2024" in (s or "") for s in sources), sources


def test_search_download_has_no_highlight_marks(client):
    text = client.get("/download/soeg.csv", params={"q": "serviceramme"}).text
    rows = _rows(text)
    assert len(rows) > 1
    assert all("«" not in r[4] and "»" not in r[4] and "<mark>" not in r[4] for r in rows[1:])


def test_a_corrected_year_shows_plainly_on_the_agreement_page(tmp_path):
    from fastapi.testclient import TestClient

    from kommuneokonomi.ingest import ingest_file
    from kommuneokonomi.store import Store
    from kommuneokonomi.web.app import create_app
    from kommuneokonomi.web.auth import WriteAccess

    from conftest import corpus_files

    path = str(tmp_path / "aar.sqlite")
    assert not ingest_file(corpus_files()[4], Store(path)).failed
    client = TestClient(create_app(path, WriteAccess(open=True)))
    form = {
        "noegle": "midtvejsregulering_aar",
        "vaerdi": "2023",
        "kilde": "linje 1",
        "note": "test",
        "tving": "true",
    }
    r = client.post("/aftale/2024/rettelser", data=form)
    assert r.status_code == 422 and "er allerede 2023; intet at rette" in r.text  # the extracted year
    r = client.post("/aftale/2024/rettelser", data={**form, "vaerdi": "2022"})
    assert r.status_code == 200, r.text[:500]
    assert "er rettet til 2022" in r.text and "2.022" not in r.text and "2.023" not in r.text
