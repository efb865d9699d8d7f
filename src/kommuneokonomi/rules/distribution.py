"""Distribution of a pool to the municipalities in whole kroner that add up to the pool exactly.

Method: largest remainder (Hamilton). Each municipality gets the whole kroner of its exact quota
pool × weight / Σweight; the kroner left over go one each to the largest remainders. Ties go to the
lower kommunekode (register order) — stable and documented. Quotas and remainders are computed in
integer arithmetic, so the result does not depend on floating point. With a floor and/or cap per
municipality the pool is shared proportionally among those not bound; of the municipalities outside
their bounds, the side (floors or caps) violated more is fixed at its bounds and the rest shared again,
until nobody is outside its bounds (the exact clamped-proportional solution).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from kommuneokonomi.export import danish_number
from kommuneokonomi.rules.kommuner import Population, collective_key, register
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.rules.trace import ParameterRef, Step, kr

_INT64_SAFE = 2**62


def integer_weights(values: Sequence[Decimal | int | float]) -> list[int]:
    """Scale weights to integers without changing their ratios (Decimal in, exact)."""
    decs = [Decimal(str(v)) for v in values]
    if not all(d.is_finite() for d in decs):
        raise RuleError("en fordelingsnøgle skal være et endeligt tal (ikke uendelig eller NaN)")
    if any(d < 0 for d in decs):
        raise RuleError("en fordelingsnøgle kan ikke være negativ")
    exponents = [d.normalize().as_tuple().exponent for d in decs if d != 0]
    places = max((-e for e in exponents if isinstance(e, int)), default=0)
    scale = Decimal(10) ** max(0, places)
    return [int(d * scale) for d in decs]


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Whole units summing exactly to `total`, proportional to integer `weights`; ties to the lower index."""
    if total < 0:
        return [-x for x in largest_remainder(-total, weights)]
    weight_sum = sum(weights)
    if weight_sum == 0:
        if total == 0:
            return [0] * len(weights)
        raise RuleError("fordelingsnøglen summerer til 0; puljen kan ikke fordeles")
    floors = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    left = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def apportion(
    total: int,
    weights: Sequence[int],
    floors: Sequence[int] | None = None,
    caps: Sequence[int | None] | None = None,
) -> list[int]:
    """Largest remainder with optional floor and cap per municipality (whole kroner)."""
    n = len(weights)
    lo = list(floors) if floors is not None else [0] * n
    hi: list[int | None] = list(caps) if caps is not None else [None] * n
    if any(h is not None and h < low for low, h in zip(lo, hi, strict=True)):
        raise RuleError("et loft er mindre end gulvet for mindst én kommune")
    if sum(lo) > total:
        raise RuleError(f"gulvene summerer til {sum(lo)} kr., mere end puljen på {total} kr.")
    known_caps = [h for h in hi if h is not None]
    if len(known_caps) == n and sum(known_caps) < total:
        raise RuleError(f"lofterne summerer til {sum(known_caps)} kr., mindre end puljen på {total} kr.")
    fixed: dict[int, int] = {}
    while True:
        free = [i for i in range(n) if i not in fixed]
        remaining = total - sum(fixed.values())
        weight_sum = sum(weights[i] for i in free)
        if not free or weight_sum == 0:
            if remaining != 0:
                raise RuleError("puljen kan ikke fordeles inden for gulve og lofter med denne nøgle")
            break
        below = [i for i in free if remaining * weights[i] < lo[i] * weight_sum]
        above = {i: h for i in free if (h := hi[i]) is not None and remaining * weights[i] > h * weight_sum}
        if not below and not above:
            break
        # The side that is violated more is bound in the solution too: if the shortfall below the floors
        # exceeds the excess over the caps, the clamped total is above the pool, so the final quotas are
        # lower and everyone below a floor stays there (and vice versa). Both sides scaled by Σ weights.
        shortfall = sum(lo[i] * weight_sum - remaining * weights[i] for i in below)
        excess = sum(remaining * weights[i] - h * weight_sum for i, h in above.items())
        if shortfall >= excess:
            fixed.update({i: lo[i] for i in below})
        if excess >= shortfall:
            fixed.update(above)
    result = [0] * n
    for i, amount in fixed.items():
        result[i] = amount
    free = [i for i in range(n) if i not in fixed]
    if free:
        shares = largest_remainder(total - sum(fixed.values()), [weights[i] for i in free])
        for i, amount in zip(free, shares, strict=True):
            result[i] = amount
    return result


def apportion_many(totals: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Vectorised largest remainder: (scenarios,) totals × (n,) integer weights -> (scenarios, n) int64.

    Same method and tie-break as `largest_remainder`, exact in int64 (checked against overflow).
    """
    totals = np.asarray(totals, dtype=np.int64)
    weights = np.asarray(weights, dtype=np.int64)
    weight_sum = int(weights.sum())
    if weight_sum <= 0:
        raise RuleError("fordelingsnøglen summerer til 0; puljen kan ikke fordeles")
    if int(np.abs(totals).max(initial=0)) * int(weights.max(initial=0)) >= _INT64_SAFE:
        raise RuleError("beløb og nøgle er for store til heltalsberegning i 64 bit")
    sign = np.where(totals < 0, -1, 1)
    magnitude = np.abs(totals)[:, None] * weights[None, :]
    floors = magnitude // weight_sum
    remainders = magnitude % weight_sum
    left = np.abs(totals) - floors.sum(axis=1)
    n = weights.shape[0]
    # rank by remainder descending, ties by index ascending: sort on (-remainder, index)
    order = np.lexsort((np.broadcast_to(np.arange(n), remainders.shape), -remainders), axis=1)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.broadcast_to(np.arange(n), order.shape), axis=1)
    floors += ranks < left[:, None]
    signed: np.ndarray = floors * sign[:, None]
    return signed


def distribute_pool(
    pool_kr: int,
    weights: Sequence[Decimal | int] | None = None,
    key_name: str | None = None,
    key_source: str | None = None,
    floors: int | Sequence[int] | None = None,
    caps: int | Sequence[int | None] | None = None,
    year: int | None = None,
    population: Population | None = None,
) -> MunicipalResult:
    """Distribute a pool by a key, with optional floor and cap, in whole kroner.

    Without `weights` the key is the population: `population` if given, else the grant year's
    (`kommuner.population(year)`), else the shipped series; with a year, `advarsler` says when the key's year
    is another. A single number as floor or cap applies to every municipality.
    """
    reg = register()
    warnings: list[str] = []
    key_year, by_population = None, weights is None
    if weights is None:
        pop, warning = collective_key(year, population)
        warnings += [warning] if warning else []
        weights, key_year = list(pop.values), pop.year
        key_name = f"befolkning pr. 1.1.{pop.year}" if pop.year else "befolkning (året ikke angivet)"
        key_source = pop.source
    if isinstance(floors, int):
        floors = [floors] * reg.size
    if isinstance(caps, int):
        caps = [caps] * reg.size
    ints = integer_weights(weights)
    amounts = apportion(pool_kr, ints, floors, caps)
    weight_sum = sum(ints)
    total_weight = sum(Decimal(str(w)) for w in weights)

    def municipal_steps(i: int) -> list[Step]:
        share = Decimal(ints[i]) / Decimal(weight_sum) if weight_sum else Decimal(0)
        quota = Decimal(pool_kr) * share
        steps = [
            Step(
                beskrivelse=f"andel af nøglen ({key_name})",
                formel="nøgle_i / Σ nøgle",
                resultat=f"{danish_number(weights[i])} / {danish_number(total_weight)}"
                f" = {danish_number(share * 100, 4)} %",
            ),
            Step(beskrivelse="kvote", formel="pulje × andel", resultat=f"{danish_number(quota, 2)} kr."),
        ]
        if floors is not None and amounts[i] == floors[i] and quota < floors[i]:
            steps.append(Step(beskrivelse="gulv", resultat=f"hævet til gulvet {kr(floors[i])}"))
        elif caps is not None and (cap := caps[i]) is not None and amounts[i] == cap and quota > cap:
            steps.append(Step(beskrivelse="loft", resultat=f"sænket til loftet {kr(cap)}"))
        steps.append(
            Step(
                beskrivelse="hele kroner (største rest; ved lige rest lavest kommunekode)",
                resultat=kr(amounts[i]),
            )
        )
        return steps

    steps = [
        Step(beskrivelse="pulje", resultat=kr(pool_kr)),
        Step(beskrivelse="sum af de fordelte beløb", formel="Σ beløb_i = pulje", resultat=kr(sum(amounts))),
    ]
    return MunicipalResult(
        rule="Fordeling af pulje",
        total_kr=pool_kr,
        amounts_kr=amounts,
        inputs={
            "pulje_kr": pool_kr,
            "noegle": key_name,
            "gulv": floors is not None,
            "loft": caps is not None,
        },
        parameters=[
            ParameterRef(
                navn="noegle",
                betegnelse=f"fordelingsnøgle: {key_name}",
                vaerdi=f"{reg.size} kommuner",
                enhed="",
                kilde=key_source or "ikke angivet",
            )
        ],
        steps=steps + [Step(beskrivelse="advarsel", resultat=w) for w in warnings],
        municipal_steps=municipal_steps,
        summary={"befolkning_aar": key_year, "advarsler": warnings} if by_population else {},
    )
