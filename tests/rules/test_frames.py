"""Adjusted frames (rules/frames.py), the accounts' base, figures required only when needed, compliance
year by year, and facts from public summaries."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kommuneokonomi.agreements import Agreement, load_agreements, merge_summaries
from kommuneokonomi.cli import app
from kommuneokonomi.danish_numbers import format_danish
from kommuneokonomi.models import Figure
from kommuneokonomi.parameters import PACKAGE_DIR, SUMMARY_DIR, shipped_summaries
from kommuneokonomi.rules import frames, sanctions
from kommuneokonomi.rules.compliance import compliance, spread
from kommuneokonomi.rules.params import RuleError


def _dk(value: object) -> str:
    """An amount as a user types it on the command line (Danish decimal comma)."""
    return format_danish(Decimal(str(value)), thousands=False)


runner = CliRunner()
AGREEMENTS = load_agreements()


def _with_figure(year: int, key: str, value: Decimal) -> dict[int, Agreement]:
    a = AGREEMENTS[year]
    figures = {**a.figures, key: a.figures[key].model_copy(update={"value": value})}
    return {**AGREEMENTS, year: Agreement(a.year, a.date, a.origin, figures)}


def test_a_stated_level_is_kept_when_the_agreement_figure_changes():
    # 2019: the release's level 252.200; Tabel 1's more precise 251.934 only changes the derived adjustment
    for figure, derived in ((Decimal(251900), 300), (Decimal(251934), 266)):
        frame = sanctions.adjusted_frame("serviceramme", 2019, _with_figure(2019, "serviceramme", figure))
        assert frame.level == 252200 and frame.base == figure
        assert frame.adjustments[0].beloeb == derived and frame.adjustments[0].kilde.startswith("https://")


def test_a_year_without_known_adjustments_says_so():
    result = sanctions.service_sanction(2025, spread(Decimal(323600)))  # 2025: known from a summary only
    frame = result.summary["rammer"][0]
    assert frame["reguleringer"] == [] and "ingen kendte reguleringer" in frame["bemaerkning"]
    assert frame["niveau_grundlag"] == "aftalens tal uden kendte reguleringer"


@settings(deadline=None, max_examples=40)  # each example runs the rule for 98 municipalities
@given(
    st.lists(st.integers(min_value=-5_000, max_value=5_000), max_size=4),
    st.integers(min_value=-3_000, max_value=3_000),
)
def test_user_adjustments_shift_the_tested_level_exactly(amounts, deviation):
    user = [frames.parse_adjustment(f"DUT:{_dk(a)}:test", "serviceramme") for a in amounts]
    plain = sanctions.adjusted_frame("serviceramme", 2024, AGREEMENTS)
    frame = sanctions.adjusted_frame("serviceramme", 2024, AGREEMENTS, user=user)
    assert frame.level == plain.level + sum(amounts)
    budgets = frame.level + deviation
    result = sanctions.service_sanction(2024, spread(budgets), reguleringer=user)
    assert result.total_kr == min(3000, max(0, deviation)) * 1_000_000


@settings(deadline=None, max_examples=40)
@given(st.sampled_from([2018, 2019, 2020, 2021, 2022, 2023, 2024]), st.integers(min_value=0, max_value=5_000))
def test_no_overrun_of_the_adjusted_frame_means_no_sanction(year, under):
    level = sanctions.adjusted_frame("serviceramme", year, AGREEMENTS).level
    assert sanctions.service_sanction(year, spread(level - under)).total_kr == 0
    budgets = spread(level - under)
    assert sanctions.accounts_sanction(year, budgets, budgets).total_kr == 0


def test_a_missing_figure_names_the_figure_the_year_and_the_option():
    with pytest.raises(
        RuleError, match=r"serviceramme for 2027 mangler.*--serviceramme MIO.*aftalen for 2027"
    ):
        sanctions.service_sanction(2027, spread(Decimal(330000)))
    over = sanctions.service_sanction(
        2027, spread(Decimal(330000)), serviceramme=Decimal(329000), betinget=Decimal(3000)
    )
    assert over.total_kr == 1_000_000_000
    with pytest.raises(RuleError, match=r"betinget_bloktilskud_service for 2027 mangler.*--betinget-service"):
        sanctions.service_sanction(2027, spread(Decimal(330000)), serviceramme=Decimal(329000))


def test_the_accounts_sanction_needs_no_agreement_with_corrected_budgets():
    budgets = spread(Decimal(400000))
    accounts = [b + Decimal("0.01") for b in budgets]
    result = sanctions.accounts_sanction(2031, accounts, budgets)
    assert result.total_kr == 980_000 and result.summary["individuel_kr"] == 588_000
    with pytest.raises(RuleError, match="kræver kolonnen korrigeret_budget"):
        sanctions.accounts_sanction(2023, spread(Decimal(291000)), None)


def test_the_anlaeg_condition_is_a_dated_parameter():
    # 2015: FM named only the 3 mia. kr. for service as conditional
    result = sanctions.anlaeg_sanction(2015, spread(Decimal(240000)), spread(Decimal(19000)))
    assert result.total_kr == 0 and result.summary["betingelse"] is False
    assert any("gjaldt ikke" in s.resultat for s in result.steps)
    # 2017: 4 mia. kr. were conditional (sm.dk 16/1/2017); an overrun needs the anlæg part, never assumed
    result = sanctions.anlaeg_sanction(2017, spread(Decimal(241900)), spread(Decimal(16700)))
    assert result.total_kr == 0 and result.summary["betingelse"] is True
    with pytest.raises(RuleError, match="betinget_bloktilskud_anlaeg for 2017 mangler"):
        sanctions.anlaeg_sanction(2017, spread(Decimal(242400)), spread(Decimal(16700)))
    # 2016: not known whether anlæg was conditional: no overrun, no sanction; an overrun names the figure
    result = sanctions.anlaeg_sanction(2016, spread(Decimal(237200)), spread(Decimal(16800)))
    assert result.total_kr == 0 and any("ukendt for budgetåret 2016" in s.resultat for s in result.steps)
    with pytest.raises(RuleError, match="betinget_bloktilskud_anlaeg for 2016 mangler"):
        sanctions.anlaeg_sanction(2016, spread(Decimal(237400)), spread(Decimal(19000)))
    given = sanctions.anlaeg_sanction(
        2016, spread(Decimal(237400)), spread(Decimal(19000)), betinget=Decimal(1000)
    )
    assert given.total_kr == 1_000_000_000


def test_an_overrun_of_a_bare_agreement_figure_is_no_sanction():
    """2025 ships the agreement's figures (a public summary) but no adjustment: every published tested level
    lay above the agreement's figure, so an overrun of it names what is missing instead of charging."""
    with pytest.raises(
        RuleError, match=r"servicesanktionen for 2025 kan ikke opgøres.*serviceramme for 2025"
    ):
        sanctions.service_sanction(2025, spread(Decimal(325000)), betinget=Decimal(3000))
    with pytest.raises(RuleError, match=r"anlægssanktionen for 2025 kan ikke opgøres"):
        sanctions.anlaeg_sanction(2025, spread(Decimal(323600)), spread(Decimal(21300)))
    # no overrun: nothing is charged, and the frame says its adjustments are not known
    below = sanctions.service_sanction(2025, spread(Decimal(323000)))
    assert below.total_kr == 0 and below.summary["rammer"][0]["reguleringer_kendt"] is False
    # the user's own level, or the explicit choice of the bare figure, is computed
    own = sanctions.service_sanction(
        2025, spread(Decimal(325000)), serviceramme=Decimal(324000), betinget=Decimal(3000)
    )
    assert own.total_kr == 1_000_000_000
    bare = sanctions.service_sanction(2025, spread(Decimal(325000)), leverede=False, betinget=Decimal(3000))
    assert bare.total_kr == 1_400_000_000
    dut = frames.parse_adjustment("DUT:1000:lov nr. 1/2025", "serviceramme")
    shifted = sanctions.service_sanction(
        2025, spread(Decimal(325000)), reguleringer=[dut], betinget=Decimal(3000)
    )
    assert shifted.total_kr == 400_000_000
    # accounts without corrections known for the year: the corrected budgets are asked for
    with pytest.raises(RuleError, match=r"regnskabssanktionen for 2017 kan ikke opgøres.*korrigeret_budget"):
        sanctions.accounts_sanction(2017, spread(Decimal(243000)), None)


def test_adjustments_from_the_command_line_and_files(tmp_path):
    line = frames.parse_adjustment("anlaegsramme:teknisk:50,5:https://fm.dk/x", "serviceramme")
    assert (line.target, line.beloeb, line.line.kilde) == ("anlaegsramme", Decimal("50.5"), "https://fm.dk/x")
    with pytest.raises(RuleError, match="ikke et tal"):
        frames.parse_adjustment("DUT:mange:kilde", "serviceramme")
    with pytest.raises(RuleError, match="ART"):
        frames.parse_adjustment("DUT", "serviceramme")
    path = tmp_path / "reg.csv"
    path.write_text(
        "ramme,aar,art,beloeb,niveau,kilde\nserviceramme,2024,DUT,-120,,lov\nregnskab,2023,covid19,,,x\n"
    )
    with pytest.raises(RuleError, match=r"reg.csv, række 3.*beloeb"):
        frames.read_adjustments(path, "serviceramme")
    path.write_text("- {aar: 2024, art: opgjort_niveau, niveau: 306000, kilde: https://x}\n")
    yaml_path = path.with_suffix(".yaml")
    path.rename(yaml_path)
    (level,) = frames.read_adjustments(yaml_path, "serviceramme")
    frame = sanctions.adjusted_frame("serviceramme", 2024, AGREEMENTS, user=[level])
    assert frame.level == 306000 and frame.adjustments[-1].oprindelse == "bruger"


def test_cli_regulering_and_without_the_shipped_ledger(tmp_path, db):
    from tests.rules.test_virkelighed import write_input

    path = write_input(tmp_path / "b.csv", {"serviceudgifter": 306100})
    args = ["sanktion", "--type", "service", "--aar", "2024", "--input", str(path), "--format", "json"]
    data = json.loads(runner.invoke(app, [*args, "--uden-leverede-reguleringer"]).stdout)
    assert data["reduktion_kr"] == 1_300_000_000 and data["rammer"][0]["reguleringer"] == []
    data = json.loads(runner.invoke(app, [*args, "--regulering", "DUT:-120:lov nr. 1/2024"]).stdout)
    assert data["reduktion_kr"] == 130_500_000
    table = runner.invoke(app, args[:-2])
    assert "testet niveau 306.089,5" in table.stdout and "fm.dk" in table.stdout
    bad = runner.invoke(app, [*args, "--regulering", "DUT:x"])
    assert bad.exit_code == 2 and "--regulering" in bad.stderr


def test_compliance_year_by_year(db):
    rows = compliance(AGREEMENTS)
    published = [r for r in rows if r["udfald"] != "ingen offentliggjort opgørelse i data"]
    assert all(r["kilder"] and all(k.startswith("http") for k in r["kilder"]) for r in published)
    row2025 = next(r for r in rows if r["aar"] == 2025)  # known only from a summary: the frame, no outcome
    assert row2025["testet_niveau_mio"] == 323600 and row2025["niveau_kilder"][0].count("offentligt resumé")
    row = next(r for r in rows if (r["aar"], r["art"], r["omraade"]) == (2024, "budget", "service"))
    assert row["beregnet_sanktion_mio"] == row["offentliggjort_sanktion_mio"] == 10.5 and row["stemmer"]
    assert row["niveau_kilder"][0].startswith("https://fm.dk") and row["niveau_grundlag"] == "opgjort niveau"
    # every published year the sources allow: the rules give the sanction that followed
    decided = [r for r in rows if r["stemmer"] is not None]
    assert decided and all(r["stemmer"] for r in decided), [(r["aar"], r["omraade"]) for r in decided]
    bound = next(r for r in rows if (r["aar"], r["art"], r["omraade"]) == (2023, "budget", "service"))
    assert bound["testet_niveau_mio"] == 287800 and bound["niveau_grundlag"].startswith("nedre grænse")
    # accounts tested against the corrected budgets as published: labelled as such, sourced to the outcome
    accounts2018 = next(r for r in rows if (r["aar"], r["art"]) == (2018, "regnskab"))
    assert accounts2018["testet_niveau_mio"] == 245800 + 100
    assert "offentliggjorte afvigelse" in accounts2018["niveau_grundlag"]
    assert accounts2018["niveau_kilder"] == accounts2018["kilder"]
    assert not any("brugerens input" in (r["niveau_grundlag"] or "") for r in rows)
    data = json.loads(runner.invoke(app, ["overholdelse", "--aar", "2023", "--format", "json"]).stdout)
    assert {(r["art"], r["omraade"]) for r in data["overholdelse"]} == {
        ("budget", "service"),
        ("budget", "anlæg"),
        ("regnskab", "service"),
    }
    assert runner.invoke(app, ["overholdelse", "--aar", "1999"]).exit_code == 2


def test_summaries_are_apart_from_the_agreement_files_and_lose_to_an_agreement():
    assert not SUMMARY_DIR.is_relative_to(PACKAGE_DIR)  # `parametre skriv` rewrites PACKAGE_DIR only
    a2025 = AGREEMENTS[2025]
    assert a2025.origin == "offentligt resumé" and a2025.summary_urls["serviceramme"].startswith("https://")
    assert "offentligt resumé" in a2025.table().rows[1][-2]  # Kilde (the last column is Rettelse)
    ingested = Agreement(
        2025,
        "2025-05-27",
        "database (version 1)",
        {"serviceramme": Figure(key="serviceramme", value=Decimal(323700), unit="mio. kr.")},
    )
    merged = merge_summaries({2025: ingested}, shipped_summaries())[2025]
    assert merged.figures["serviceramme"].value == 323700 and "serviceramme" not in merged.summary_urls
    assert merged.summary_urls["anlaegsramme"].startswith("https://")  # a key the agreement lacks is filled
    out = runner.invoke(app, ["aftaler", "--aar", "2025", "--format", "csv"]).stdout
    assert "offentligt resumé: https://" in out


@settings(deadline=None, max_examples=30)
@given(
    st.sampled_from(["anlaegsramme", "regnskab"]),
    st.sampled_from([2019, 2020, 2022, 2023, 2024]),
    st.integers(min_value=-2_000, max_value=2_000),
)
def test_an_adjustment_of_any_frame_shifts_its_level_exactly(target, year, amount):
    line = frames.parse_adjustment(f"{target}:teknisk:{_dk(amount)}:test", "serviceramme")
    if target == "anlaegsramme":
        plain = sanctions.adjusted_frame(target, year, AGREEMENTS)
        moved = sanctions.adjusted_frame(target, year, AGREEMENTS, user=[line])
        assert moved.level == plain.level + amount
        return
    accounts = spread(Decimal(200000))  # below every level ± 2.000: no overrun, only the level is tested
    plain = sanctions.accounts_sanction(year, accounts, None).summary["rammer"][-1]["testet_niveau_mio"]
    moved = sanctions.accounts_sanction(year, accounts, None, reguleringer=[line]).summary["rammer"][-1]
    assert Decimal(str(moved["testet_niveau_mio"])) == Decimal(str(plain)) + amount


def test_a_published_statement_of_compliance_is_a_lower_bound_shown_as_such():
    # 2023: the agreement's 287.400; FM paid the full conditional grant on budgets of 287.800
    frame = sanctions.adjusted_frame("serviceramme", 2023, AGREEMENTS)
    (bound,) = frame.adjustments
    assert frame.level == 287800 and (bound.art, bound.beloeb, bound.niveau) == ("mindst_niveau", 400, 287800)
    data = frame.to_json()
    assert data["niveau_grundlag"].startswith("nedre grænse") and data["reguleringer"][0]["bindende"] is True
    assert "ikke et offentliggjort niveau" in data["bemaerkning"]
    steps = [s.resultat for s in frame.steps("serviceramme")]
    assert any("≥ 287.800" in r and "hæver niveauet 400" in r for r in steps)
    # a bound below the stated level binds nothing: 2020, level 262.500, budgets 262.400
    frame = sanctions.adjusted_frame("serviceramme", 2020, AGREEMENTS)
    assert frame.level == 262500 and [a.beloeb for a in frame.bounds] == [0]
    assert frame.to_json()["niveau_grundlag"] == "opgjort niveau"
    # without the shipped ledger the bound is gone; a user's stated level replaces the shipped bounds
    assert sanctions.adjusted_frame("serviceramme", 2023, AGREEMENTS, shipped=False).level == 287400
    mine = frames.parse_adjustment("opgjort_niveau:287500:egen", "serviceramme")
    assert sanctions.adjusted_frame("serviceramme", 2023, AGREEMENTS, user=[mine]).level == 287500
    # a bound is no level: with no agreement figure it cannot stand alone
    bound_only = frames.parse_adjustment("mindst_niveau:330000:egen", "serviceramme")
    with pytest.raises(RuleError, match="serviceramme for 2027 mangler"):
        sanctions.adjusted_frame("serviceramme", 2027, {}, user=[bound_only])


def test_a_bound_above_the_stated_level_is_a_contradiction_in_the_ledger():
    ledger = frames.shipped_ledger("serviceramme").model_dump()
    ledger["reguleringer"].append(
        {"aar": 2024, "art": "mindst_niveau", "niveau": 306200, "kilde": "https://x", "sikkerhed": "L"}
    )
    with pytest.raises(ValueError, match="modsiger"):
        frames.Ledger.model_validate(ledger)


@settings(deadline=None, max_examples=60)
@given(
    st.sampled_from(frames.TARGETS),
    st.sampled_from([2018, 2019, 2020, 2021, 2022, 2023, 2024]),
    st.integers(min_value=-20_000, max_value=20_000),
    st.lists(st.integers(min_value=-3_000, max_value=3_000), max_size=3),
    st.sampled_from([None, Decimal(-1500), Decimal(900)]),
)
def test_a_bound_never_lowers_a_tested_level(target, year, offset, amounts, override_shift):
    """Adding a bound (anywhere, with the user's amounts and a base override) gives max(level, bound + shift)
    + the user's amounts: never less than without it."""
    base_target = frames.BASE_KEY[target]
    agreement = AGREEMENTS[year].figures[base_target].value
    override = None if override_shift is None or target == "regnskab" else agreement + override_shift

    def level(extra):
        lines = [frames.parse_adjustment(f"{target}:DUT:{_dk(a)}:test", target) for a in amounts] + extra
        if target == "regnskab":
            service = sanctions.adjusted_frame("serviceramme", year, AGREEMENTS)
            return frames.adjust(target, year, service.level, None, None, lines).level
        return sanctions.adjusted_frame(target, year, AGREEMENTS, override, lines).level

    plain = level([])
    bound_value = plain + offset
    bounded = level([frames.parse_adjustment(f"{target}:mindst_niveau:{_dk(bound_value)}:test", target)])
    assert bounded >= plain
    shift = override_shift if override is not None else 0
    user_sum = sum(amounts)  # the user's amounts shift the level after the bounds
    assert bounded == max(plain - user_sum, bound_value + shift) + user_sum


def test_a_corrected_agreement_figure_keeps_a_stated_level_and_says_why():
    """A correction fixes the reading of the agreement; the ministry's stated level stays the tested level
    (only the derived adjustment moves). Another frame figure (--serviceramme) shifts the level instead."""
    plain = sanctions.adjusted_frame("serviceramme", 2024, AGREEMENTS)
    assert plain.basis == "opgjort niveau"
    corrected = sanctions.adjusted_frame(
        "serviceramme", 2024, _with_figure(2024, "serviceramme", plain.base + 100)
    )
    assert corrected.level == plain.level
    (stated,) = [a for a in corrected.adjustments if a.art == "opgjort_niveau"]
    (before,) = [a for a in plain.adjustments if a.art == "opgjort_niveau"]
    assert stated.beloeb == before.beloeb - 100
    assert "ændrer kun den afledte regulering" in corrected.note and stated.kilde in corrected.note
    overridden = sanctions.adjusted_frame("serviceramme", 2024, AGREEMENTS, plain.base + 100)
    assert overridden.level == plain.level + 100


def test_a_conditional_amount_typed_in_mia_kr_is_refused():
    """--betinget-service 3 (mia. kr.) would cap a sanction at 3 mio. kr.; the agreement states 3.000."""
    with pytest.raises(RuleError, match=r"--betinget-service 3 mio\. kr\. er under 1/100"):
        sanctions.service_sanction(2024, spread(Decimal(306100)), betinget=Decimal(3))
    assert (
        sanctions.service_sanction(2024, spread(Decimal(306100)), betinget=Decimal(3000)).total_kr
        == 10_500_000
    )


def test_an_overrun_of_a_lower_bound_is_at_most_the_sanction_and_says_so():
    """2023's level is only the bound 287.800 (FM paid the full grant on budgets of 287,8 mia. kr., rounded):
    budgets of 287.840 could be the real ones, so the 40 mio. kr. come with a warning, never silently."""
    result = sanctions.service_sanction(2023, spread(Decimal(287840)))
    assert result.total_kr == 40_000_000
    assert any("kun en nedre grænse" in w and "højst sanktionen" in w for w in result.summary["advarsler"])
    assert any(s.beskrivelse == "advarsel" and "nedre grænse" in s.resultat for s in result.steps)
    stated = frames.parse_adjustment("opgjort_niveau:287900:egen", "serviceramme")
    assert not any(
        "nedre grænse" in w
        for w in sanctions.service_sanction(2023, spread(Decimal(287940)), reguleringer=[stated]).summary[
            "advarsler"
        ]
    )
