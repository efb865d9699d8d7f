"""Coverage stored with each document version, and corrections on publication day (store, CLI, rules)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kommuneokonomi import ingest as ingest_module
from kommuneokonomi.agreements import load_agreements
from kommuneokonomi.cli import app
from kommuneokonomi.corrections import CorrectionError, correct, parse_value, undo
from kommuneokonomi.ingest import ingest_file
from kommuneokonomi.rules.params import agreement_value
from kommuneokonomi.store import Store

from conftest import corpus_files
from gaps_fixture import with_gaps

runner = CliRunner()
DOC_2024 = corpus_files()[4]
TODAY = datetime.now(UTC).date().isoformat()


def test_coverage_is_stored_with_each_document_version(store_url):
    result, ambiguous, conflicting = with_gaps(ingest_file(DOC_2024, None).result)
    store = Store(store_url)
    store.add(result)
    reopened = Store(store_url)
    doc = reopened.latest()[2024]
    stored = reopened.gaps(doc.id)
    assert stored[ambiguous] == result.gaps[ambiguous]
    assert stored[conflicting] == result.gaps[conflicting]
    assert {k for k, g in stored.items() if g.reason == "ikke_angivet"} == set(stored) - {
        ambiguous,
        conflicting,
    }
    coverage = load_agreements(reopened)[2024].coverage()
    assert coverage == {**result.coverage(), "corrected": []}
    assert coverage["null"][ambiguous]["candidates"][0] == {
        "value": 2.4,
        "unit": "pct.",
        "score": 0.55,
        "why": None,
        "source": {"section": "2. R", "line_start": 80, "line_end": 81},
    }


def test_a_store_from_the_previous_version_opens_and_gains_the_new_tables(tmp_path):
    path = tmp_path / "gammel.sqlite"
    ingest_file(DOC_2024, Store(str(path)))
    with sqlite3.connect(path) as conn:  # the schema before coverage and corrections
        conn.execute("DROP TABLE gaps")
        conn.execute("DROP TABLE corrections")
        conn.execute("ALTER TABLE blocks DROP COLUMN offsets")
    store = Store(str(path))
    assert [d.year for d in store.documents()] == [2024]
    a = load_agreements(store)[2024]
    assert a.figures["serviceramme"].value == 304800
    assert {g["reason"] for g in a.coverage()["null"].values()} == {"ikke_angivet"}
    correct(store, 2024, "serviceramme", "305.100", "linje 72", "trykfejl")
    assert load_agreements(Store(str(path)))[2024].figures["serviceramme"].value == 305100


def test_correction_is_used_marked_and_undone_with_history(store_url):
    store = Store(store_url)
    ingest_file(DOC_2024, store)
    stored, a = correct(store, 2024, "serviceramme", "305.100", "linje 72", "trykfejl i teksten", "ole")
    assert (stored.value, stored.extracted_value, stored.user) == (305100, 304800, "ole")
    assert a.figures["serviceramme"].value == 305100
    assert a.extracted("serviceramme").value == 304800
    value, ref = agreement_value(a, "serviceramme")
    assert value == 305100
    assert f"rettelse: linje 72, trykfejl i teksten, {TODAY}" in ref.kilde
    assert (
        "rettet" in a.correction_note("serviceramme") and not a.corrections["serviceramme"].document_changed
    )
    correct(store, 2024, "serviceramme", "305,2 mia. kr.", "linje 73", "anden læsning")
    assert load_agreements(store)[2024].figures["serviceramme"].value == 305200
    undo(store, 2024, "serviceramme", "ole")
    assert load_agreements(store)[2024].figures["serviceramme"].value == 305100
    undo(store, 2024, "serviceramme")
    a = load_agreements(store)[2024]
    assert a.figures["serviceramme"].value == 304800 and not a.corrections
    assert a.figures["serviceramme"].source.line_start == 72  # the extracted source is back
    history = store.corrections(2024)
    assert [(c.value, c.undone_at is not None) for c in history] == [(305100, True), (305200, True)]
    assert (history[0].undone_by, history[1].undone_by) == (None, "ole")
    with pytest.raises(CorrectionError, match="ingen gældende rettelse af serviceramme"):
        undo(store, 2024, "serviceramme")


def test_correction_of_a_shipped_parameter_year_and_a_new_document_flags_it(store_url, tmp_path):
    store = Store(store_url)
    _, a = correct(store, 2024, "pl_samlet", "4,0", "Boks 1, linje 193", "PL-skønnet er revideret")
    assert a.origin == "parametre" and a.figures["pl_samlet"].value == Decimal("4.0")
    ingest_file(DOC_2024, store)  # the year's document arrives after the correction
    applied = load_agreements(store)[2024].corrections["pl_samlet"]
    assert applied.document_changed and "version 1" in applied.change_note()
    assert load_agreements(store)[2024].figures["pl_samlet"].value == Decimal("4.0")  # still in force
    # re-ingesting the same file changes nothing; a new version keeps the correction and flags it
    assert ingest_file(DOC_2024, store).status == "uændret"
    store2 = Store(store_url)
    _, a = correct(store2, 2024, "serviceramme", "305.000", "linje 72", "x")
    assert not a.corrections["serviceramme"].document_changed
    changed = tmp_path / "2024-ny.txt"
    changed.write_text(DOC_2024.read_text("utf-8").replace("304,8 mia.", "305,0 mia."), "utf-8")
    assert ingest_file(changed, store2).status == "ny version"
    applied = load_agreements(store2)[2024].corrections["serviceramme"]
    assert applied.document_changed and applied.extracted.value == 305000
    assert "samme værdi som rettelsen" in applied.change_note()


def test_the_rules_use_the_corrected_value_with_its_provenance_in_the_trace(db):
    before = json.loads(
        runner.invoke(
            app, ["priser", "--beloeb", "1000", "--fra", "2023", "--til", "2024", "-f", "json"]
        ).stdout
    )
    assert before["beloeb"] == 1039
    result = runner.invoke(
        app, ["ret", "2024", "pl_samlet", "4,0", "--kilde", "linje 193", "--note", "nyt skøn"]
    )
    assert result.exit_code == 0, result.stderr
    after = json.loads(
        runner.invoke(
            app, ["priser", "--beloeb", "1000", "--fra", "2023", "--til", "2024", "-f", "json"]
        ).stdout
    )
    assert after["beloeb"] == 1040
    assert f"rettelse: linje 193, nyt skøn, {TODAY}" in after["trin"][0]["kilde"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2024", "servicerame", "305.100"], "mente du serviceramme"),
        (["2024", "serviceramme", "tre"], "er ikke et tal"),
        (["2024", "serviceramme", "323,6"], "ligner mia. kr.; i mio. kr. er det 323.600"),
        (["2024", "pl_samlet", "0,039"], "ligner en brøk"),
        (["2024", "pl_samlet", "3,9 mia."], "enheden"),
        (["2024", "balance.skatteindtaegter", "357.600"], "fortegnet passer ikke"),
        (
            ["2031", "serviceramme", "290.000"],
            "ingen aftale for 2031",
        ),  # neither ingested, shipped nor summarised
        (["2024", "aar", "2025"], "kan ikke rettes"),
        (["2024", "serviceramme", "304.800"], "intet at rette"),
        (["2024", "aftale_dato", "31. juni 2023"], "er ikke en dato"),
        (["2024", "tilskudsprocent.2099", "50"], "uden for tilskudsforløbet for 2024"),
        (["2024", "serviceramme", "9" * 40], "for mange cifre"),
    ],
)
def test_bad_corrections_are_clear_danish_errors_and_change_nothing(db, args, message):
    before = Store(db).dump()
    result = runner.invoke(app, ["ret", *args, "--kilde", "linje 1", "--note", "test"])
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert Store(db).dump() == before


def test_kilde_and_note_are_required(db):
    result = runner.invoke(app, ["ret", "2024", "serviceramme", "305.100", "--note", "x"])
    assert result.exit_code == 2 and "angiv kilden" in result.stderr
    result = runner.invoke(app, ["ret", "2024", "serviceramme", "305.100", "--kilde", "linje 72"])
    assert result.exit_code == 2 and "angiv noten" in result.stderr


def test_force_accepts_an_unusual_magnitude(db):
    args = ["ret", "2024", "midtvejsregulering", "5", "--kilde", "linje 1", "--note", "lille"]
    assert runner.invoke(app, args).exit_code == 2
    assert runner.invoke(app, [*args, "--tving"]).exit_code == 0
    assert load_agreements(Store(db))[2024].figures["midtvejsregulering"].value == 5


def test_ret_cli_correct_list_undo_and_a_negative_value(db, tmp_path):
    ok = runner.invoke(
        app, ["ret", "2024", "balance.skatteindtaegter", "-357.700", "--kilde", "linje 135", "--note", "n"]
    )
    assert ok.exit_code == 0, ok.stderr
    assert "Rettet balance.skatteindtaegter for 2024: -357.700 mio. kr." in ok.stdout
    shown = runner.invoke(app, ["ret", "--vis", "2024"], env={"COLUMNS": "250"})
    assert "gældende" in shown.stdout and "linje 135" in shown.stdout
    side = runner.invoke(app, ["aftaler"], env={"COLUMNS": "250"})
    assert "Rettede værdier" in side.stdout and "2024 balance.skatteindtaegter: rettet" in side.stdout
    csv_out = runner.invoke(app, ["aftaler", "--aar", "2024", "--format", "csv"]).stdout
    assert "rettet " + TODAY in csv_out
    side_csv = runner.invoke(app, ["aftaler", "--format", "csv"]).stdout  # the mark survives in the file
    assert "-357700 (rettet)" in side_csv
    undone = runner.invoke(app, ["ret", "2024", "balance.skatteindtaegter", "--fortryd"])
    assert undone.exit_code == 0 and "gældende værdi: -357.600 mio. kr." in undone.stdout
    listed = json.loads(runner.invoke(app, ["ret", "--vis", "--format", "json"]).stdout)["rettelser"]
    assert [r["status"][:8] for r in listed] == ["fortrudt"]
    target = tmp_path / "rettelser.xlsx"
    assert runner.invoke(app, ["ret", "--vis", "-f", "xlsx", "-o", str(target)]).exit_code == 0
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nr.", "År", "Nøgle") and rows[1][2] == "balance.skatteindtaegter"


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("serviceramme", "1.234,5", Decimal("1234.5")),
        ("serviceramme", "304.800", Decimal(304800)),
        ("serviceramme", "304,8 mia. kr.", Decimal(304800)),
        ("serviceramme", "305100 mio. kr.", Decimal(305100)),
        ("pl_samlet", "2.4", Decimal("2.4")),
        ("pl_samlet", "-0,5 pct.", Decimal("-0.5")),
        ("grundbidrag", "136 kr. pr. indbygger", Decimal(136)),
        ("midtvejsregulering_aar", "2023", Decimal(2023)),
        ("aftale_dato", "26. maj 2023", "2023-05-26"),
        ("aftale_dato", "2023-05-26", "2023-05-26"),
    ],
)
def test_values_in_danish_format(key, text, value):
    assert parse_value(key, text) == value


def test_ingest_summary_shows_coverage_and_the_reasons(db, monkeypatch):
    real = ingest_module.extract
    picked = {}

    def explained(document):
        result, ambiguous, conflicting = with_gaps(real(document))
        picked.update(a=ambiguous, c=conflicting, cov=result.coverage())
        return result

    monkeypatch.setattr(ingest_module, "extract", explained)
    result = runner.invoke(app, ["ingest", str(DOC_2024)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    cov = picked["cov"]
    assert "Nøgletal fundet" in result.stdout and f"{cov['n_found']}/{cov['n_keys']}" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "uden værdi" in x)
    assert line.startswith(f"{DOC_2024.name} 2024: {len(cov['null'])} uden værdi")
    assert f"tvetydig: {picked['a']} (2,4 linje 80; 26. maj)" in line
    assert f"modstrid: {picked['c']}" in line and "ikke angivet: " in line


def test_ingesting_a_new_document_tells_about_the_corrections_still_in_force(db):
    args = ["ret", "2024", "pl_samlet", "4,0", "--kilde", "linje 193", "--note", "nyt skøn"]
    assert runner.invoke(app, args).exit_code == 0
    result = runner.invoke(app, ["ingest", str(DOC_2024)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.stderr
    assert (
        "2024 pl_samlet: rettelsen gælder stadig, men dokumentet er ændret siden rettelsen" in result.stdout
    )
    assert "rettet mod de indbyggede parametre, nu version 1; det nye dokument angiver 3,9" in result.stdout
    again = runner.invoke(app, ["ingest", str(DOC_2024)], env={"COLUMNS": "250"})
    assert "rettelsen gælder stadig" not in again.stdout  # unchanged: nothing new to tell


def test_a_date_correction_to_the_current_date_is_a_clear_error(db):
    # found by mypy: the "already so" message formatted every value as a number, a date crashed it
    current = load_agreements(Store(db))[2023].figures["aftale_dato"].value
    assert isinstance(current, str)
    args = ["ret", "2023", "aftale_dato", current, "--kilde", "linje 1", "--note", "test"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and f"er allerede {current}; intet at rette" in result.stderr, result.stderr
