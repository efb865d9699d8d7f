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
from decimal import Decimal
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


def _own_population(directory: Path, year: int, big: str = "101") -> Path:
    """A population file for `year` in the data directory: 100 in every municipality, 10.000 in `big`."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"befolkning_{year}.csv"
    rows = "".join(f"{c},{10000 if c == big else 100}\n" for c in register().codes)
    path.write_text(f"# aar: {year}\nkommunekode,vaerdi\n{rows}", "utf-8")
    return path


def test_the_sanctions_use_the_grant_years_population_and_warn_for_another(data_dir, tmp_path, db):
    from kommuneokonomi.rules import sanctions
    from kommuneokonomi.rules.compliance import spread

    _own_population(data_dir, 2024)
    share = 10000 / (97 * 100 + 10000)
    # budgets 2024 (10,5 mio. kr. over): the 2024 file is the key, no warning; København gets its share
    budget = sanctions.service_sanction(2024, spread(Decimal(306100)))
    assert budget.summary["befolkning_aar"] == 2024 and budget.summary["advarsler"] == []
    assert budget.amounts_kr[0] == pytest.approx(10_500_000 * share, abs=1)
    assert any(p.navn == "befolkning" and "FOLK1A" not in p.kilde for p in budget.parameters)
    # budgets 2023: no 2023 file, so the newest not after it (the shipped 1.1.2020) and a warning
    earlier = sanctions.service_sanction(2023, spread(Decimal(287800)))
    assert earlier.summary["advarsler"] == ["befolkningstal pr. 1.1.2020 bruges som nøgle for 2023"]
    assert any(s.resultat == earlier.summary["advarsler"][0] for s in earlier.steps)
    # accounts 2023 are settled in the 2024 grant: the 2024 key, no warning; accounts 2024 → grant 2025
    budgets = spread(Decimal(290000))
    accounts = [b + Decimal(1) for b in budgets]
    settled = sanctions.accounts_sanction(2023, accounts, budgets)
    assert (settled.summary["tilskudsaar"], settled.summary["befolkning_aar"]) == (2024, 2024)
    assert settled.summary["advarsler"] == []
    assert settled.summary["kollektiv_kr"] == 39_200_000
    later = sanctions.accounts_sanction(2024, accounts, budgets)
    assert later.summary["advarsler"] == ["befolkningstal pr. 1.1.2024 bruges som nøgle for 2025"]
    # the anlæg sanction, also where its condition did not apply
    assert sanctions.anlaeg_sanction(2015, budgets, spread(Decimal(19000))).summary["advarsler"] == [
        "befolkningstal pr. 1.1.2020 bruges som nøgle for 2015"
    ]


def test_cli_sanktion_and_fordel_warn_for_another_years_population(data_dir, tmp_path, db):
    from tests.rules.test_virkelighed import write_input

    _own_population(data_dir, 2024)
    budgets = write_input(tmp_path / "b.csv", {"serviceudgifter": 306100})
    args = ["sanktion", "--type", "service", "--input", str(budgets), "--format", "json"]
    same = runner.invoke(app, [*args, "--aar", "2024"])
    assert same.exit_code == 0 and "Advarsel" not in same.stderr
    assert json.loads(same.stdout)["befolkning_aar"] == 2024
    own = _own_population(tmp_path / "egen", 2022, big="147")
    other = runner.invoke(app, [*args, "--aar", "2024", "--befolkning", str(own)])
    assert "befolkningstal pr. 1.1.2022 bruges som nøgle for 2024" in other.stderr
    data = json.loads(other.stdout)
    assert data["advarsler"] == ["befolkningstal pr. 1.1.2022 bruges som nøgle for 2024"]
    assert data["kommuner"][1]["kommunekode"] == "147" and data["kommuner"][1]["beloeb_kr"] > 5_000_000
    pool = ["fordel", "--pulje-kr", "1000000", "--format", "json"]
    by_year = runner.invoke(app, [*pool, "--aar", "2024"])
    assert by_year.exit_code == 0 and "Advarsel" not in by_year.stderr
    data = json.loads(by_year.stdout)
    assert data["befolkning_aar"] == 2024 and data["noegle"] == "befolkning pr. 1.1.2024"
    assert abs(data["kommuner"][0]["beloeb_kr"] - 1_000_000 * 10000 / 19700) < 1
    later = runner.invoke(app, [*pool, "--aar", "2026"])
    assert "befolkningstal pr. 1.1.2024 bruges som nøgle for 2026" in later.stderr
    assert runner.invoke(app, [*pool, "--aar", "2024", "--noegle", str(own)]).exit_code == 2
