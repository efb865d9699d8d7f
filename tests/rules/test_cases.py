"""Rule cases as data: tests/rules/cases/*.yaml (inputs, expected outputs, where the example comes from)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kommuneokonomi.rules import frames, prices, sanctions, tax
from kommuneokonomi.rules.distribution import distribute_pool
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError

#: the rule cases of every file in cases/ but virkelighed*.yaml: those hold the reality cases (published
#: outcomes, sanctions and tax in one format), run through the CLI by test_virkelighed.py
REALITY = "virkelighed"
CASES = [
    case
    for path in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
    if not path.name.startswith(REALITY)
    for case in yaml.safe_load(path.read_text("utf-8"))
]


def per_municipality(spec) -> list[Decimal]:
    """{alle: X, "101": Y} or {efter_befolkning: TOTAL, tillaeg: {"101": Z}} -> 98 values, register order."""
    reg = register()
    if spec == "befolkning":
        return [Decimal(int(p)) for p in reg.population]
    if "efter_befolkning" in spec:
        total = Decimal(str(spec["efter_befolkning"]))
        pop_sum = Decimal(int(reg.population.sum()))
        values = [total * Decimal(int(p)) / pop_sum for p in reg.population]
        for code, extra in (spec.get("tillaeg") or {}).items():
            values[reg.index(code)] += Decimal(str(extra))
        return values
    values = [Decimal(str(spec["alle"]))] * reg.size
    for code, value in spec.items():
        if code != "alle":
            values[reg.index(code)] = Decimal(str(value))
    return values


def run(case):
    inp = case["inputs"]
    rule = case["rule"]
    if rule == "fordel":
        n = register().size
        floors = [inp["gulv_kr"]] * n if "gulv_kr" in inp else None
        caps = [inp["loft_kr"]] * n if "loft_kr" in inp else None
        return distribute_pool(inp["pulje_kr"], per_municipality(inp["noegle"]), "test", "test", floors, caps)
    if rule == "priser":
        supplied = {int(y): Decimal(str(p)) for y, p in (inp.get("sats") or {}).items()}
        return prices.convert(
            Decimal(str(inp["beloeb"])), inp["fra"], inp["til"], inp["indeks"], supplied=supplied
        )
    year = case["year"]
    split = sanctions.Split.parse(case.get("fordeling", "kollektiv"))
    if rule in ("service", "anlaeg", "regnskab"):
        columns = {name: per_municipality(spec) for name, spec in inp.items()}
        user = [
            frames.user_adjustment(r.pop("ramme", sanctions.MAIN_TARGET[rule]), dict(r), "case")
            for r in (dict(x) for x in case.get("reguleringer", []))
        ]
        return sanctions.sanction(
            rule,
            year,
            columns,
            split,
            serviceramme=Decimal(str(case["serviceramme"])) if "serviceramme" in case else None,
            modregn=case.get("modregn"),
            reguleringer=user,
            leverede=case.get("leverede_reguleringer", True),
        )
    if rule == "skat":
        columns = {name: per_municipality(spec) for name, spec in inp.items()}
        tax_input = tax.TaxInput.from_columns(columns, case.get("ordning", "aftale"))
        options = tax.TaxOptions(
            **{
                k: tuple(Decimal(str(v)) for v in value) if isinstance(value, list) else Decimal(str(value))
                for k, value in (case.get("valg") or {}).items()
            }
        )
        return tax.tax(
            year, tax_input, tax.Rationing.parse(case.get("rationering", "pro-rata")), options=options
        )
    raise AssertionError(f"unknown rule {rule}")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rule_case(case):
    assert case.get("source"), "every case names where the example comes from"
    expected = case["expected"]
    if "fejl" in expected:  # the rule must refuse, with an error naming what is wrong or missing
        with pytest.raises(RuleError, match=expected["fejl"]):
            run(case)
        return
    result = run(case)
    reg = register()
    if case["rule"] == "priser":
        assert result.result == Decimal(str(expected["beloeb"])).quantize(prices.QUANTUM)
        assert [[link.year, float(link.pct)] for link in result.links] == expected["trin"]
        return
    total = expected.get("total_kr", expected.get("reduktion_kr"))
    if total is not None:
        assert result.total_kr == total
    assert sum(result.amounts_kr) == result.total_kr, "the parts add up to the total exactly"
    for code, amount in (expected.get("kommuner") or {}).items():
        assert result.amounts_kr[reg.index(code)] == amount, code
    for code, quota in (expected.get("kvoter") or {}).items():
        assert abs(result.amounts_kr[reg.index(code)] - Decimal(str(quota))) < 1, code
    for key in ("netto_forhoejelse_kr", "samlet_forhoejelse_kr", "varigt_tilskud_kr"):
        if key in expected:
            assert result.summary[key] == expected[key], key
    if "uden_for_opgoerelsen_kr" in expected:
        assert result.summary["uden_for_opgoerelsen_kr"] == expected["uden_for_opgoerelsen_kr"]
    if "nedsaettelser_uden_tilskud" in expected:
        assert result.summary["nedsaettelser_uden_tilskud"] == expected["nedsaettelser_uden_tilskud"]
    for year, values in (expected.get("aarlig") or {}).items():
        row = next(r for r in result.summary["aarlig"] if r["aar"] == int(year))
        assert {k: row[k] for k in values} == values, year
    for key, amounts in expected.items():
        if key.startswith("tilskud_"):
            year = int(key.split("_")[1])
            for code, amount in amounts.items():
                assert result.summary["detaljer"]["tilskud"][year][reg.index(code)] == amount, (year, code)
