"""Population by year: the shipped 2020 series, files with a year, and Danmarks Statistik's StatBank API.

The StatBank answer used here (fixtures/statbank_folk1a_2020K1.csv) is a RECONSTRUCTED response, not a real
download (the test machine is offline): it is built from the shipped 1.1.2020 figures in the API's documented
CSV format (UTF-8 with BOM, ";", header OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD, codes as values, whole
country 000, regions 081-085 and Christiansø 411 included).
"""

from __future__ import annotations

import csv
import json
import urllib.error
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommuneokonomi import statbank
from kommuneokonomi.cli import app
from kommuneokonomi.rules.kommuner import MunicipalDataError, population, read_population_csv, register

RECORDING = Path(__file__).parent / "fixtures" / "statbank_folk1a_2020K1.csv"
runner = CliRunner()


def _recorded(year: int = 2020):
    """An HTTP client answering with the reconstructed recording relabelled to `year`; it keeps the calls."""
    calls = []

    def post(url: str, body: bytes) -> bytes:
        calls.append((url, json.loads(body)))
        return RECORDING.read_bytes().replace(b"2020K1", f"{year}K1".encode())

    return post, calls


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "data"
    monkeypatch.setenv("KOMMUNEOKONOMI_DATA", str(target))
    return target


def test_the_recording_parses_to_the_shipped_2020_series():
    post, calls = _recorded()
    pop = statbank.fetch_population(2020, post)
    assert pop.values == tuple(int(p) for p in register().population) and pop.year == 2020
    url, body = calls[0]
    assert url == "https://api.statbank.dk/v1/data" and body["table"] == "FOLK1A" and body["format"] == "CSV"
    variables = {v["code"]: v["values"] for v in body["variables"]}
    assert variables["Tid"] == ["2020K1"] and variables["OMRÅDE"] == ["*"] and variables["KØN"] == ["TOT"]


def test_an_incomplete_or_inconsistent_answer_is_refused():
    lines = RECORDING.read_bytes().decode("utf-8-sig").splitlines()
    without_aarhus = "\n".join(line for line in lines if not line.startswith("751;")).encode()
    with pytest.raises(statbank.StatbankError, match=r"mangler 1 kommune.*751"):
        statbank.parse_folk1a_csv(without_aarhus, 2020)
    wrong_total = "\n".join(line.replace(";5822763", ";5822764") for line in lines).encode()
    with pytest.raises(statbank.StatbankError, match="hele landet"):
        statbank.parse_folk1a_csv(wrong_total, 2020)
    with pytest.raises(statbank.StatbankError, match="kvartal"):
        statbank.parse_folk1a_csv(RECORDING.read_bytes(), 2021)
    with pytest.raises(statbank.StatbankError, match="afviste"):
        statbank.parse_folk1a_csv(b'{"errorTypeCode":"EXTRACT-NOTFOUND","message":"ukendt tid"}', 2030)


def test_a_network_failure_is_a_clear_danish_error():
    def offline(url: str, body: bytes) -> bytes:
        raise urllib.error.URLError("Name or service not known")

    with pytest.raises(statbank.StatbankError, match="kan ikke hente befolkningstal fra Danmarks Statistik"):
        statbank.fetch_population(2025, offline)


def test_cli_fetches_saves_and_the_rules_find_it(data_dir, monkeypatch, tmp_path, db):
    post, _ = _recorded(2024)
    monkeypatch.setattr(statbank, "urllib_post", post)
    result = runner.invoke(app, ["data", "befolkning", "--aar", "2024"])
    assert result.exit_code == 0, result.stderr
    saved = data_dir / "befolkning_2024.csv"
    assert saved.is_file() and "1.1.2024" in result.stderr
    pop = population(2024)
    assert pop.year == 2024 and pop.warning(2024) is None and "FOLK1A 2024K1" in pop.source
    assert population(2025).year == 2024 and population(2023).year == 2020  # newest not after the year
    named = tmp_path / "egen.csv"
    assert runner.invoke(app, ["data", "befolkning", "--aar", "2024", "-o", str(named)]).exit_code == 0
    assert read_population_csv(named).year == 2024
    rows = [[c, 1000, 25, 25.1 if c == "101" else 25] for c in register().codes]
    skat = tmp_path / "skat.csv"
    with skat.open("w", newline="") as fh:
        csv.writer(fh).writerows([["kommunekode", "udskrivningsgrundlag", "sats_foer", "sats_efter"], *rows])
    same = runner.invoke(app, ["skat", "--aar", "2024", "--input", str(skat), "--format", "json"])
    assert same.exit_code == 0 and json.loads(same.stdout)["befolkning_aar"] == 2024
    assert "Advarsel" not in same.stderr
    later = runner.invoke(app, ["skat", "--aar", "2025", "--input", str(skat), "--format", "json"])
    assert "befolkningstal pr. 1.1.2024 bruges som nøgle for 2025" in later.stderr
    assert json.loads(later.stdout)["advarsler"] == ["befolkningstal pr. 1.1.2024 bruges som nøgle for 2025"]


def test_cli_network_failure(data_dir, monkeypatch):
    def offline(url: str, body: bytes) -> bytes:
        raise urllib.error.URLError("timed out")

    monkeypatch.setattr(statbank, "urllib_post", offline)
    result = runner.invoke(app, ["data", "befolkning", "--aar", "2025"])
    assert result.exit_code == 2 and "kan ikke hente befolkningstal" in result.stderr
    assert not (data_dir / "befolkning_2025.csv").exists()


def test_population_files_with_a_year(tmp_path):
    codes = register().codes
    with_column = tmp_path / "kolonne.csv"
    with_column.write_text("kommunekode,vaerdi,aar\n" + "".join(f"{c},100,2023\n" for c in codes), "utf-8")
    assert read_population_csv(with_column).year == 2023
    metadata = tmp_path / "meta.csv"
    metadata.write_text("# aar: 2022\nkommunekode,vaerdi\n" + "".join(f"{c},100\n" for c in codes), "utf-8")
    assert read_population_csv(metadata).year == 2022
    assert (
        read_population_csv(metadata).warning(2024) == "befolkningstal pr. 1.1.2022 bruges som nøgle for 2024"
    )
    mixed = tmp_path / "blandet.csv"
    mixed.write_text(
        "kommunekode,vaerdi,aar\n" + "".join(f"{c},100,{2022 + (c == '101')}\n" for c in codes), "utf-8"
    )
    with pytest.raises(MunicipalDataError, match="flere år"):
        read_population_csv(mixed)
    no_year = tmp_path / "uden.csv"
    no_year.write_text("kommunekode,vaerdi\n" + "".join(f"{c},100\n" for c in codes), "utf-8")
    assert "ikke angivet" in read_population_csv(no_year).warning(2024)
