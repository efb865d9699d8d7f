"""Invariants of the rules, checked with hypothesis."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kommuneokonomi.rules import sanctions, tax
from kommuneokonomi.rules.distribution import apportion, apportion_many, largest_remainder
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError

N = register().size
POP = [Decimal(int(p)) for p in register().population]
POP_SUM = sum(POP)
money = st.decimals(min_value=0, max_value=500, places=3)
weights_st = st.lists(st.integers(min_value=0, max_value=10**6), min_size=N, max_size=N).filter(
    lambda w: sum(w) > 0
)


def by_population(total: Decimal) -> list[Decimal]:
    return [total * p / POP_SUM for p in POP]


@given(st.integers(min_value=-(10**12), max_value=10**12), weights_st)
def test_parts_add_up_to_the_pool_exactly(pool, weights):
    parts = largest_remainder(pool, weights)
    assert sum(parts) == pool
    for part, w in zip(parts, weights, strict=True):  # each within one krone of its exact quota
        assert abs(part * sum(weights) - pool * w) < sum(weights)


@st.composite
def bounded_pools(draw):
    """A floor, a cap and a pool between N × floor and N × cap: always distributable."""
    floor = draw(st.integers(min_value=0, max_value=1000))
    cap = floor + draw(st.integers(min_value=0, max_value=10**6))
    pool = draw(st.integers(min_value=floor * N, max_value=cap * N))
    return pool, floor, cap


@given(bounded_pools(), st.lists(st.integers(min_value=1, max_value=10**6), min_size=N, max_size=N))
def test_floor_and_cap_are_respected_and_the_pool_is_exact(bounds, weights):
    """With every key positive, any pool between Σ floors and Σ caps can be distributed."""
    pool, floor, cap = bounds
    parts = apportion(pool, weights, [floor] * N, [cap] * N)
    assert sum(parts) == pool
    assert all(floor <= p <= cap for p in parts)


def test_infeasible_floor_and_cap_is_a_clear_error():
    weights = [0] * (N - 1) + [1]
    with pytest.raises(RuleError, match="gulve og lofter"):
        apportion(2, weights, [0] * N, [1] * N)


@given(st.lists(st.integers(min_value=-(10**9), max_value=10**9), min_size=1, max_size=20), weights_st)
def test_vectorised_distribution_equals_the_scalar_one(pools, weights):
    many = apportion_many(np.array(pools), np.array(weights))
    for row, pool in zip(many, pools, strict=True):
        assert row.tolist() == largest_remainder(pool, weights)


@settings(max_examples=30, deadline=None)
@given(st.lists(money, min_size=N, max_size=N))
def test_order_of_the_municipalities_changes_nothing(extra):
    """Shuffling the rows of the input file gives the same amount to every municipality."""
    reg = register()
    budgets = [b + e for b, e in zip(by_population(Decimal(304800)), extra, strict=True)]
    rows = list(zip(reg.codes, budgets, strict=True))
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    reordered = [dict(shuffled)[c] for c in reg.codes]  # what the CSV reader does with any row order
    a = sanctions.service_sanction(2024, budgets)
    b = sanctions.service_sanction(2024, reordered)
    assert a.amounts_kr == b.amounts_kr


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=-5000, max_value=0, places=3))
def test_no_overrun_means_no_sanction(under):
    budgets = by_population(Decimal(304800) + under)
    assert sanctions.service_sanction(2024, budgets).total_kr == 0
    assert sanctions.accounts_sanction(2024, budgets, budgets).total_kr == 0
    assert sanctions.anlaeg_sanction(2024, budgets, by_population(Decimal(19300) + under)).total_kr == 0


@settings(max_examples=40, deadline=None)
@given(money, money, st.sampled_from(["kollektiv", "delt:60"]))
def test_more_overrun_never_means_less_sanction(a, b, split):
    low, high = sorted((a, b))
    basis = by_population(Decimal(304800))
    budgets_low = by_population(Decimal(304800) + low)
    budgets_high = by_population(Decimal(304800) + high)
    s = sanctions.Split.parse(split)
    r_low = sanctions.service_sanction(2024, budgets_low, s, basis if split != "kollektiv" else None)
    r_high = sanctions.service_sanction(2024, budgets_high, s, basis if split != "kollektiv" else None)
    assert r_low.total_kr <= r_high.total_kr
    if split == "kollektiv":  # with one key, every municipality's part grows too (up to the krone)
        assert all(lo <= hi + 1 for lo, hi in zip(r_low.amounts_kr, r_high.amounts_kr, strict=True))
    acc_low = sanctions.accounts_sanction(2024, budgets_low, basis)
    acc_high = sanctions.accounts_sanction(2024, budgets_high, basis)
    assert acc_low.total_kr <= acc_high.total_kr


@settings(max_examples=40, deadline=None)
@given(st.lists(st.decimals(min_value=-2, max_value=5, places=2), min_size=N, max_size=N))
def test_within_own_budget_means_no_individual_part(deviation):
    reg = register()
    budgets = by_population(Decimal(304800))
    accounts = [b + d for b, d in zip(budgets, deviation, strict=True)]
    result = sanctions.accounts_sanction(2024, accounts, budgets)
    trace_within = [i for i, d in enumerate(deviation) if d <= 0]
    pop = [int(p) for p in reg.population]
    collective = largest_remainder(result.summary["kollektiv_kr"], pop)
    for i in trace_within:
        assert result.amounts_kr[i] == collective[i], reg.codes[i]
    assert sum(result.amounts_kr) == result.total_kr


@settings(max_examples=25, deadline=None)
@given(st.lists(st.decimals(min_value=-1, max_value=1, places=1), min_size=N, max_size=N))
def test_tax_parts_add_up(changes):
    base = [p / 5 for p in POP]  # mio. kr.
    before = [Decimal(25)] * N
    after = [Decimal(25) + c for c in changes]
    result = tax.tax(2023, tax.TaxInput(base, before, after))
    details = result.summary["detaljer"]
    net = result.summary["netto_forhoejelse_kr"]
    for year, ind in details["individuel"].items():
        assert sum(ind) + sum(details["kollektiv"][year]) == net, year
        increases = [max(Decimal(0), b * (a - c) / 100) for b, a, c in zip(base, after, before, strict=True)]
        for i, part in enumerate(ind):  # capped at the year's share of the own increase (to the krone)
            assert part <= Decimal("0.75") * increases[i] * 1_000_000 + 1
    assert sum(result.amounts_kr) == result.total_kr


@settings(max_examples=25, deadline=None)
@given(st.lists(st.decimals(min_value=-3, max_value=3, places=2), min_size=N, max_size=N))
def test_vectorised_accounts_sanction_equals_the_scalar_rule(deviation):
    budgets = by_population(Decimal(304800))
    accounts = [b + d for b, d in zip(budgets, deviation, strict=True)]
    scalar = sanctions.accounts_sanction(2024, accounts, budgets)
    vector = sanctions.accounts_sanction_many(
        np.array([[float(a) for a in accounts]]),
        np.array([[float(b) for b in budgets]]),
        304800.0,
        register().population.astype(float),
        0.4,
        0.6,
    )[0]
    # the scalar rule rounds the collective and the individual part to whole kroner (each < 1 kr. off)
    assert np.all(np.abs(vector - np.array(scalar.amounts_kr)) < 2)
    assert abs(vector.sum() - scalar.total_kr) < 1e-3 * max(1, scalar.total_kr)


changes_st = st.lists(st.decimals(min_value=-1, max_value=1, places=2), min_size=N, max_size=N)
grants_st = st.lists(st.decimals(min_value=0, max_value=40, places=1), min_size=N, max_size=N)


@settings(max_examples=25, deadline=None)
@given(changes_st, grants_st)
def test_subsidy_never_exceeds_the_granted_cut_times_the_rate(changes, grants):
    base = [p / 5 for p in POP]
    before = [Decimal(25)] * N
    after = [Decimal(25) + c for c in changes]
    result = tax.tax(2023, tax.TaxInput(base, before, after, grants={"aftale": grants}))
    rates = {2023: 75, 2024: 50, 2025: 50, 2026: 25}  # the 2023 agreement's tilskudsprocenter
    for year, amounts in result.summary["detaljer"]["tilskud"].items():
        for i, amount in enumerate(amounts):
            loss = max(Decimal(0), -base[i] * changes[i] / 100)
            assert amount <= min(loss, grants[i]) * rates[year] * 10_000 + 1, (year, i)
    ungranted = {
        register().codes[i] for i, (c, g) in enumerate(zip(changes, grants, strict=True)) if c < 0 and g == 0
    }
    assert set(result.summary["nedsaettelser_uden_tilskud"]) == ungranted


@settings(max_examples=25, deadline=None)
@given(st.lists(st.decimals(min_value=-20, max_value=20, places=2), min_size=N, max_size=N))
def test_a_grundskyld_increase_counts_like_income_tax(amounts):
    base = [Decimal(1000)] * N
    rates = [Decimal(25)] * N
    as_income = tax.tax(2023, tax.TaxInput(base, rates, [Decimal(25) + a / 10 for a in amounts]))
    as_grundskyld = tax.tax(2023, tax.TaxInput(base, rates, rates, grundskyld=amounts))
    assert as_income.amounts_kr == as_grundskyld.amounts_kr
    assert as_income.summary["aarlig"] == as_grundskyld.summary["aarlig"]


@settings(max_examples=20, deadline=None)
@given(grants_st, grants_st)
def test_both_schemes_in_one_run_add_up_to_each_alone(agreement_grants, reform_grants):
    # a municipality's cut is granted under one scheme (else the second scheme only gets the rest of the loss)
    pairs = zip(agreement_grants, reform_grants, strict=True)
    reform_grants = [r if a == 0 else Decimal(0) for a, r in pairs]
    base = [p / 5 for p in POP]
    before = [Decimal("26.8")] * N
    after = [Decimal("26.0")] * N  # every municipality cuts 0,8 pt.
    both = tax.tax(
        2023,
        tax.TaxInput(
            base, before, after, grants={"aftale": agreement_grants, "udligning2021": reform_grants}
        ),
    )
    alone = [
        tax.tax(2023, tax.TaxInput(base, before, after, grants={name: grants}))
        for name, grants in (("aftale", agreement_grants), ("udligning2021", reform_grants))
    ]
    years = set(both.summary["detaljer"]["tilskud"])
    for year in years:
        parts = [r.summary["detaljer"]["tilskud"].get(year, [0] * N) for r in alone]
        assert both.summary["detaljer"]["tilskud"][year] == [a + b for a, b in zip(*parts, strict=True)]
    assert both.summary["varigt_tilskud_kr"] == alone[1].summary["varigt_tilskud_kr"]
    # § 17 e: the frame (228 + 26 in 2023) bounds both parts together
    first = alone[1].summary["detaljer"]["tilskud"].get(2023, [0] * N)
    assert sum(first) <= (228 + 26) * 1_000_000 + N
