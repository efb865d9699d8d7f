"""Benchmark: the accounts sanction (40/60 split, UDL § 14 a) for 98 municipalities × many scenarios.

Three implementations of the same formulas, in float64, checked to agree:
- kommuneokonomi: `rules.sanctions.accounts_sanction_many`, vectorised NumPy over scenarios × 98;
- a plain per-municipality Python loop (the baseline a spreadsheet macro would be);
- openfisca-core (install with `pip install -e '.[bench]'`): municipalities as persons, one group entity
  per scenario, the same formulas as variables. OpenFisca stores floats as float32 by default; the
  benchmark sets its float dtype to float64 so all three compute the same numbers.
Targets (issue 3): under 1 s for 98 × 100,000 scenarios, and at least 10× faster than OpenFisca.

    python benchmarks/rules.py [--scenarios 100000] [--loop-scenarios 20000] [--rounds 3] [--no-openfisca]
                               [--string-ids-too]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import rule_parameters
from kommuneokonomi.rules.sanctions import accounts_sanction_many

FRAME = 304_800.0  # mio. kr., the 2024 serviceramme (shipped parameters)
TARGET_SECONDS = 1.0
TARGET_RATIO = 10.0
#: the three sum in different orders, so a reduction can round to a different krone at an exact .5
AGREE_KR = 1.0


def scenarios(n: int, seed: int = 2024) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    reg = register()
    pop = reg.population.astype(np.float64)
    budgets = np.broadcast_to(FRAME * pop / pop.sum(), (n, reg.size)).copy()
    rng = np.random.default_rng(seed)
    accounts = budgets * (1 + rng.normal(0.0005, 0.002, size=budgets.shape))
    return accounts, budgets, pop


def plain_loop(
    accounts: np.ndarray, budgets: np.ndarray, pop: np.ndarray, coll: float, ind: float
) -> np.ndarray:
    out = np.empty_like(accounts)
    pop_list = pop.tolist()
    pop_sum = sum(pop_list)
    for s, (acc_row, bud_row) in enumerate(zip(accounts.tolist(), budgets.tolist(), strict=True)):
        total = 0.0
        for a in acc_row:
            total += a
        reduction = round(max(0.0, total - FRAME) * 1e6)
        excess = [max(0.0, round((a - b) * 1e6)) for a, b in zip(acc_row, bud_row, strict=True)]
        excess_sum = sum(excess)
        ind_total = reduction * ind if excess_sum > 0 else 0.0
        coll_total = reduction - ind_total
        row = out[s]
        for i in range(len(acc_row)):
            share = excess[i] / excess_sum if excess_sum > 0 else 0.0
            row[i] = coll_total * pop_list[i] / pop_sum + ind_total * share
    return out


def openfisca_run(
    accounts: np.ndarray,
    budgets: np.ndarray,
    pop: np.ndarray,
    coll: float,
    ind: float,
    string_ids: bool = False,
) -> tuple[np.ndarray, float, float]:
    """(result, seconds to build the simulation, seconds to compute). Integer ids, as a fair peer would
    build it; `string_ids` builds it as the first version of this benchmark did, to show the difference."""
    from openfisca_core import periods
    from openfisca_core.entities import build_entity
    from openfisca_core.simulation_builder import SimulationBuilder
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable, config

    config.VALUE_TYPES[float]["dtype"] = np.float64  # money in float64, as the other two
    year = periods.DateUnit.YEAR
    kommune = build_entity("kommune", "kommuner", "Kommune", is_person=True)
    scenarie = build_entity(
        "scenarie", "scenarier", "Scenarie", roles=[{"key": "kommune", "plural": "kommuner"}]
    )

    def var(name, entity, formula=None):
        attrs = {"value_type": float, "entity": entity, "definition_period": year, "label": name}
        if formula is not None:
            attrs["formula"] = formula
        return type(name, (Variable,), attrs)

    variables = [
        var("regnskab", kommune),
        var("korrigeret_budget", kommune),
        var("befolkning", kommune),
        var("ramme", scenarie),
        var(
            "overskridelse",
            scenarie,
            lambda s, p: np.rint(np.maximum(0.0, s.sum(s.members("regnskab", p)) - s("ramme", p)) * 1e6),
        ),
        var(
            "egen_overskridelse",
            kommune,
            lambda k, p: np.maximum(0.0, np.rint((k("regnskab", p) - k("korrigeret_budget", p)) * 1e6)),
        ),
        var("sum_egen_overskridelse", scenarie, lambda s, p: s.sum(s.members("egen_overskridelse", p))),
        var("sum_befolkning", scenarie, lambda s, p: s.sum(s.members("befolkning", p))),
        var("regnskabssanktion", kommune, lambda k, p: _of_formula(k, p, coll, ind)),
    ]
    tbs = TaxBenefitSystem([kommune, scenarie])
    for v in variables:
        tbs.add_variable(v)
    n_s, n_k = accounts.shape
    start = time.perf_counter()
    builder = SimulationBuilder()
    builder.create_entities(tbs)
    ids = (lambda a: a.astype(str)) if string_ids else (lambda a: a)
    builder.declare_person_entity("kommune", ids(np.arange(n_s * n_k)))
    group = builder.declare_entity("scenarie", ids(np.arange(n_s)))
    builder.join_with_persons(group, ids(np.repeat(np.arange(n_s), n_k)), ["kommune"] * (n_s * n_k))
    sim = builder.build(tbs)
    period = "2024"
    sim.set_input("regnskab", period, accounts.ravel())
    sim.set_input("korrigeret_budget", period, budgets.ravel())
    sim.set_input("befolkning", period, np.tile(pop, n_s))
    sim.set_input("ramme", period, np.full(n_s, FRAME))
    built = time.perf_counter() - start
    start = time.perf_counter()
    result = sim.calculate("regnskabssanktion", period).reshape(n_s, n_k)
    return result, built, time.perf_counter() - start


def _of_formula(k, p, coll: float, ind: float):
    reduction = k.scenarie("overskridelse", p)
    excess_sum = k.scenarie("sum_egen_overskridelse", p)
    has_excess = excess_sum > 0
    ind_total = np.where(has_excess, reduction * ind, 0.0)
    share = np.divide(k("egen_overskridelse", p), excess_sum, out=np.zeros_like(reduction), where=has_excess)
    return (reduction - ind_total) * k("befolkning", p) / k.scenarie("sum_befolkning", p) + ind_total * share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenarios", type=int, default=100_000)
    parser.add_argument("--loop-scenarios", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the candidates alternate in each")
    parser.add_argument("--no-openfisca", action="store_true")
    parser.add_argument("--string-ids-too", action="store_true", help="also OpenFisca with string ids")
    args = parser.parse_args()
    params = rule_parameters("regnskabssanktion")
    coll, ind = float(params.get("kollektiv_andel", 2024)), float(params.get("individuel_andel", 2024))
    accounts, budgets, pop = scenarios(args.scenarios)
    cells = accounts.size
    n_loop = min(args.loop_scenarios, args.scenarios)
    accounts_sanction_many(accounts[:10], budgets[:10], FRAME, pop, coll, ind)  # warm up

    def run_numpy():
        start = time.perf_counter()
        out = accounts_sanction_many(accounts, budgets, FRAME, pop, coll, ind)
        return out, time.perf_counter() - start

    def run_loop():
        start = time.perf_counter()
        out = plain_loop(accounts[:n_loop], budgets[:n_loop], pop, coll, ind)
        return out, (time.perf_counter() - start) * args.scenarios / n_loop

    def run_openfisca():
        out, t_build, t_calc = openfisca_run(accounts, budgets, pop, coll, ind)
        return out, (t_build, t_calc)

    def run_openfisca_str():
        out, t_build, t_calc = openfisca_run(accounts, budgets, pop, coll, ind, string_ids=True)
        return out, (t_build, t_calc)

    candidates = {"numpy": run_numpy, "loop": run_loop}
    if not args.no_openfisca:
        candidates["openfisca"] = run_openfisca
        if args.string_ids_too:
            candidates["openfisca-str"] = run_openfisca_str
    names = list(candidates)
    times: dict[str, list] = {name: [] for name in names}
    results: dict[str, np.ndarray] = {}
    for r in range(args.rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:  # who goes first alternates
            results[name], t = candidates[name]()
            times[name].append(t)
    t_vector = statistics.median(times["numpy"])
    vector = results["numpy"]
    print(
        f"kommuneokonomi (NumPy): {args.scenarios:,} scenarios × 98 = {cells:,} amounts in {t_vector:.3f} s "
        f"({cells / t_vector / 1e6:.1f} M amounts/s; median of {args.rounds} alternating rounds)"
    )
    verdict = "met" if t_vector < TARGET_SECONDS else "MISSED"
    print(f"target: under {TARGET_SECONDS:.0f} s -> {verdict}")

    t_loop = statistics.median(times["loop"])
    diff_loop = float(np.abs(results["loop"] - vector[:n_loop]).max())
    agree_loop = diff_loop <= AGREE_KR
    scaled = "" if n_loop == args.scenarios else f" (measured on {n_loop:,} scenarios, scaled)"
    print(
        f"plain Python loop: {t_loop:.2f} s{scaled}; ratio {t_loop / t_vector:.0f}x slower than NumPy; "
        f"agree within {AGREE_KR:.0f} kr.: {agree_loop} (max difference {diff_loop:.2e} kr.)"
    )

    agree_of = True
    if not args.no_openfisca:
        t_build = statistics.median(b for b, _ in times["openfisca"])
        t_calc = statistics.median(c for _, c in times["openfisca"])
        diff_of = float(np.abs(results["openfisca"] - vector).max())
        agree_of = diff_of <= AGREE_KR
        end_to_end = statistics.median(b + c for b, c in times["openfisca"]) / t_vector
        calc_only = t_calc / t_vector
        print(
            f"openfisca-core (float64, integer ids): build {t_build:.2f} s, calculate {t_calc:.3f} s; end to "
            f"end (arrays in, amounts out) {end_to_end:.0f}x slower than NumPy; calculation alone "
            f"{calc_only:.1f}x; agree within {AGREE_KR:.0f} kr.: {agree_of} "
            f"(max difference {diff_of:.2e} kr.)"
        )
        print(
            f"target: at least {TARGET_RATIO:.0f}x faster than OpenFisca end to end -> "
            f"{'met' if end_to_end >= TARGET_RATIO else 'MISSED'}; calculation alone -> "
            f"{'met' if calc_only >= TARGET_RATIO else 'not met'}"
        )
    if "openfisca-str" in times:
        t_str = statistics.median(b + c for b, c in times["openfisca-str"])
        t_int = statistics.median(b + c for b, c in times["openfisca"])
        print(
            f"openfisca-core with string ids (as before): end to end {t_str:.2f} s = {t_str / t_vector:.0f}x "
            f"NumPy; string ids cost {t_str / t_int:.1f}x the integer-id peer"
        )
    totals_exact = np.allclose(vector.sum(axis=1), np.rint(np.maximum(0, accounts.sum(axis=1) - FRAME) * 1e6))
    print(f"parts add up to the reduction in every scenario (float64): {totals_exact}")
    return 0 if agree_loop and agree_of and totals_exact else 1


if __name__ == "__main__":
    raise SystemExit(main())
