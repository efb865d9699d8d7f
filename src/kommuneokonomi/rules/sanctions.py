"""The conditional block grant and the sanctions (rules.md sections 1–3).

- Servicesanktion (UDL § 14 stk. 5): reduction = aggregated budget overrun of the serviceramme, after
  adjustments given as input, capped at the conditional amount (betinget bloktilskud, service).
- Anlægssanktion (UDL § 14 stk. 6): overrun of the anlægsramme, less a service underrun when the offset
  option is on (inferred from practice [L], default on), capped at the conditional amount (anlæg).
- Regnskabssanktion (UDL § 14 a): overrun of the accounts against the frame (+ adjustments); 40 % spread
  collectively by population, 60 % over the municipalities that overran their own corrected budget, in
  proportion to that overrun; no cap.

How a budget sanction is split is the minister's choice (UDL § 14 stk. 5, 3. pkt.): `kollektiv` (default,
by population — 2024 practice), `individuel` (in proportion to each municipality's overrun of a baseline
the user supplies) or `delt:<pct individuel>`. Amounts are reductions of the block grant in whole kroner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.rules.distribution import largest_remainder
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError, agreement, agreement_value, rule_parameters, user_value
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.rules.trace import ParameterRef, Step, kr, mio

MIO = Decimal(1_000_000)


def to_kr(amount_mio: Decimal) -> int:
    return int((amount_mio * MIO).quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True)
class Split:
    """The share (pct.) of a sanction distributed individually; the rest is collective by population."""

    individual_pct: Decimal

    @classmethod
    def parse(cls, text: str) -> Split:
        text = text.strip().lower()
        if text == "kollektiv":
            return cls(Decimal(0))
        if text == "individuel":
            return cls(Decimal(100))
        if text.startswith("delt:"):
            try:
                pct = Decimal(text[5:].replace(",", "."))
            except ArithmeticError as exc:
                raise RuleError(
                    f"ugyldig fordeling {text!r}: brug delt:<pct individuel>, fx delt:60"
                ) from exc
            if not 0 <= pct <= 100:
                raise RuleError(f"ugyldig fordeling {text!r}: procenten skal ligge mellem 0 og 100")
            return cls(pct)
        raise RuleError(f"ukendt fordeling {text!r}; brug kollektiv, individuel eller delt:<pct individuel>")

    @property
    def label(self) -> str:
        if self.individual_pct == 0:
            return "kollektiv"
        if self.individual_pct == 100:
            return "individuel"
        return f"delt:{self.individual_pct}"


def _split_amount(total_kr: int, individual_share: Decimal) -> tuple[int, int]:
    individual = int((Decimal(total_kr) * individual_share).quantize(Decimal(1), ROUND_HALF_UP))
    return total_kr - individual, individual


def population_key(population: Sequence[int] | None) -> list[int]:
    """The collective key: the user's population if given, else the shipped one (FOLK1A 1.1.2020)."""
    return list(population) if population is not None else [int(p) for p in register().population]


def _spread(
    total_kr: int,
    individual_share: Decimal,
    excess_kr: Sequence[int],
    allow_fallback: bool,
    what: str,
    population: Sequence[int] | None = None,
) -> tuple[list[int], list[int], str | None]:
    """(collective part by population, individual part by excess, note) per municipality."""
    pop = population_key(population)
    collective, individual = _split_amount(total_kr, individual_share)
    note = None
    if individual and sum(excess_kr) == 0:
        if not allow_fallback:
            raise RuleError(f"individuel fordeling er ikke mulig: ingen kommune ligger over {what}")
        note = f"ingen kommune ligger over {what}; den individuelle del fordeles kollektivt [L]"
        collective, individual = total_kr, 0
    return (
        largest_remainder(collective, pop),
        (largest_remainder(individual, list(excess_kr)) if individual else [0] * len(pop)),
        note,
    )


def _frame(a: Agreement, key: str, override: Decimal | None) -> tuple[Decimal, ParameterRef]:
    if override is not None:
        return override, user_value(key, override, "mio. kr.")
    return agreement_value(a, key)


def _budget_result(
    rule: str,
    reduction_kr: int,
    split: Split,
    basis: Sequence[Decimal] | None,
    budgets: Sequence[Decimal],
    inputs: dict,
    parameters: list[ParameterRef],
    steps: list[Step],
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    reg = register()
    share = split.individual_pct / 100
    excess = [0] * reg.size
    if split.individual_pct > 0:
        if basis is None or any(b is None for b in basis):
            raise RuleError("individuel fordeling kræver kolonnen basis (mio. kr.) for alle 98 kommuner")
        excess = [max(0, to_kr(b - base)) for b, base in zip(budgets, basis, strict=True)]
    coll, ind, _ = _spread(
        reduction_kr, share, excess, allow_fallback=False, what="sin basis", population=population
    )
    amounts = [c + i for c, i in zip(coll, ind, strict=True)]
    collective_total, individual_total = sum(coll), sum(ind)
    steps = [
        *steps,
        Step(
            beskrivelse=f"fordeling ({split.label})",
            formel="individuel del = reduktion × pct. individuel; kollektiv del = resten",
            resultat=f"kollektiv {kr(collective_total)}, individuel {kr(individual_total)}",
        ),
    ]
    pop = population_key(population)

    def municipal(i: int) -> list[Step]:
        out = [
            Step(
                beskrivelse="kollektiv del efter befolkning",
                formel="kollektiv del × befolkning_i / Σ befolkning (hele kroner, største rest)",
                resultat=f"{kr(collective_total)} × {pop[i]:,} / {sum(pop):,} → {kr(coll[i])}".replace(
                    ",", "."
                ),
            )
        ]
        if individual_total:
            out.append(
                Step(
                    beskrivelse="egen overskridelse af basis",
                    formel="max(0, budget_i − basis_i)",
                    resultat=kr(excess[i]),
                )
            )
            out.append(
                Step(
                    beskrivelse="individuel del",
                    formel="individuel del × overskridelse_i / Σ overskridelse",
                    resultat=f"{kr(individual_total)} × {kr(excess[i])} / {kr(sum(excess))} → {kr(ind[i])}",
                )
            )
        out.append(Step(beskrivelse="reduktion af bloktilskuddet i alt", resultat=kr(amounts[i])))
        return out

    return MunicipalResult(
        rule=rule,
        total_kr=reduction_kr,
        amounts_kr=amounts,
        inputs=inputs,
        parameters=parameters,
        steps=steps,
        municipal_steps=municipal,
        summary={"kollektiv_kr": collective_total, "individuel_kr": individual_total},
    )


def service_sanction(
    year: int,
    service_budgets: Sequence[Decimal],
    split: Split = Split(Decimal(0)),
    basis: Sequence[Decimal] | None = None,
    serviceramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    """Servicesanktion on the budgets (UDL § 14 stk. 5)."""
    a = agreement(year, agreements if agreements is not None else load_agreements())
    frame, frame_ref = _frame(a, "serviceramme", serviceramme)
    cap, cap_ref = agreement_value(a, "betinget_bloktilskud_service")
    total = sum(service_budgets, Decimal(0))
    overrun = max(Decimal(0), total - (frame + korrektion))
    reduction = min(cap, overrun)
    steps = [
        Step(beskrivelse="Σ budgetterede serviceudgifter", resultat=mio(total)),
        Step(
            beskrivelse="serviceramme + korrektioner",
            formel="ramme + korrektion",
            resultat=f"{mio(frame)} + {mio(korrektion)} = {mio(frame + korrektion)}",
        ),
        Step(
            beskrivelse="overskridelse",
            formel="max(0, Σ budget − (ramme + korrektion))",
            resultat=mio(overrun),
        ),
        Step(
            beskrivelse="reduktion",
            formel="min(betinget bloktilskud, overskridelse)",
            resultat=f"min({mio(cap)}, {mio(overrun)}) = {mio(reduction)}",
        ),
    ]
    return _budget_result(
        "Servicesanktion (budget), UDL § 14 stk. 5",
        to_kr(reduction),
        split,
        basis,
        service_budgets,
        {"aar": year, "fordeling": split.label, "korrektion_mio": float(korrektion)},
        [frame_ref, cap_ref],
        steps,
        population,
    )


def anlaeg_sanction(
    year: int,
    service_budgets: Sequence[Decimal],
    anlaeg_budgets: Sequence[Decimal],
    split: Split = Split(Decimal(0)),
    basis: Sequence[Decimal] | None = None,
    serviceramme: Decimal | None = None,
    anlaegsramme: Decimal | None = None,
    modregn: bool | None = None,
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    """Anlægssanktion on the budgets (UDL § 14 stk. 6), with the inferred offset of a service underrun."""
    a = agreement(year, agreements if agreements is not None else load_agreements())
    s_frame, s_ref = _frame(a, "serviceramme", serviceramme)
    a_frame, a_ref = _frame(a, "anlaegsramme", anlaegsramme)
    cap, cap_ref = agreement_value(a, "betinget_bloktilskud_anlaeg")
    params = rule_parameters("anlaegssanktion")
    offset = params.get("modregn_serviceunderskridelse", year) if modregn is None else modregn
    offset_ref = params.ref("modregn_serviceunderskridelse", year)
    offset_ref.vaerdi = offset
    s_total = sum(service_budgets, Decimal(0))
    a_total = sum(anlaeg_budgets, Decimal(0))
    overrun = max(Decimal(0), a_total - a_frame)
    underrun = max(Decimal(0), s_frame - s_total) if offset else Decimal(0)
    reduction = min(cap, max(Decimal(0), overrun - underrun))
    steps = [
        Step(beskrivelse="Σ budgetterede bruttoanlægsudgifter", resultat=mio(a_total)),
        Step(
            beskrivelse="overskridelse af anlægsrammen",
            formel="max(0, Σ anlæg − anlægsramme)",
            resultat=mio(overrun),
        ),
        Step(
            beskrivelse="underskridelse af servicerammen (modregnes)"
            if offset
            else "modregning af serviceunderskridelse er slået fra",
            formel="max(0, serviceramme − Σ service)" if offset else None,
            resultat=mio(underrun),
        ),
        Step(
            beskrivelse="reduktion",
            formel="min(betinget bloktilskud, max(0, overskridelse − underskridelse))",
            resultat=mio(reduction),
        ),
    ]
    return _budget_result(
        "Anlægssanktion (budget), UDL § 14 stk. 6",
        to_kr(reduction),
        split,
        basis,
        anlaeg_budgets,
        {"aar": year, "fordeling": split.label, "modregning": offset},
        [s_ref, a_ref, cap_ref, offset_ref],
        steps,
        population,
    )


def accounts_sanction(
    year: int,
    accounts: Sequence[Decimal],
    corrected_budgets: Sequence[Decimal],
    serviceramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    """Regnskabssanktion (UDL § 14 a): 40 % collective by population, 60 % by own overrun; no cap."""
    a = agreement(year, agreements if agreements is not None else load_agreements())
    frame, frame_ref = _frame(a, "serviceramme", serviceramme)
    params = rule_parameters("regnskabssanktion")
    collective_share = Decimal(str(params.get("kollektiv_andel", year)))
    individual_share = Decimal(str(params.get("individuel_andel", year)))
    if collective_share + individual_share != 1:
        raise RuleError(
            "regnskabssanktionens andele summerer ikke til 1 (parameters/regler/regnskabssanktion.yaml)"
        )
    total = sum(accounts, Decimal(0))
    overrun = max(Decimal(0), total - (frame + korrektion))
    reduction_kr = to_kr(overrun)
    excess = [max(0, to_kr(acc - b)) for acc, b in zip(accounts, corrected_budgets, strict=True)]
    coll, ind, note = _spread(
        reduction_kr,
        individual_share,
        excess,
        allow_fallback=True,
        what="sit korrigerede budget",
        population=population,
    )
    amounts = [c + i for c, i in zip(coll, ind, strict=True)]
    steps = [
        Step(beskrivelse="Σ regnskab, serviceudgifter", resultat=mio(total)),
        Step(beskrivelse="ramme + korrektioner (samlet korrigeret budget)", resultat=mio(frame + korrektion)),
        Step(
            beskrivelse="overskridelse = reduktion (intet loft)",
            formel="max(0, Σ regnskab − (ramme + korrektion))",
            resultat=mio(overrun),
        ),
        Step(
            beskrivelse="fordeling",
            formel=f"{collective_share:%} kollektivt efter befolkning, "
            f"{individual_share:%} efter egen overskridelse",
            resultat=f"kollektiv {kr(sum(coll))}, individuel {kr(sum(ind))}",
        ),
    ]
    if note:
        steps.append(Step(beskrivelse="bemærkning", resultat=note))
    pop = population_key(population)

    def municipal(i: int) -> list[Step]:
        return [
            Step(
                beskrivelse="kollektiv del",
                formel="kollektiv del × befolkning_i / Σ befolkning",
                resultat=f"{kr(sum(coll))} × {pop[i]:,} / {sum(pop):,} → {kr(coll[i])}".replace(",", "."),
            ),
            Step(
                beskrivelse="egen overskridelse af korrigeret budget",
                formel="max(0, regnskab_i − budget_i)",
                resultat=kr(excess[i]),
            ),
            Step(
                beskrivelse="individuel del",
                formel="individuel del × overskridelse_i / Σ overskridelse",
                resultat=f"{kr(sum(ind))} × {kr(excess[i])} / {kr(sum(excess))} → {kr(ind[i])}",
            ),
            Step(beskrivelse="reduktion af bloktilskuddet i alt", resultat=kr(amounts[i])),
        ]

    return MunicipalResult(
        rule="Regnskabssanktion, UDL § 14 a",
        total_kr=reduction_kr,
        amounts_kr=amounts,
        inputs={"aar": year, "korrektion_mio": float(korrektion)},
        parameters=[frame_ref, params.ref("kollektiv_andel", year), params.ref("individuel_andel", year)],
        steps=steps,
        municipal_steps=municipal,
        summary={"kollektiv_kr": sum(coll), "individuel_kr": sum(ind)},
    )


#: the columns (mio. kr. per municipality) each sanction needs
SANCTION_COLUMNS = {
    "service": ("serviceudgifter",),
    "anlaeg": ("serviceudgifter", "anlaegsudgifter"),
    "regnskab": ("serviceudgifter", "korrigeret_budget"),
}
_NAMES = {"service": "servicesanktionen", "anlaeg": "anlægssanktionen", "regnskab": "regnskabssanktionen"}


def sanction(
    kind: str,
    year: int,
    columns: dict[str, list[Decimal | None]],
    split: Split = Split(Decimal(0)),
    serviceramme: Decimal | None = None,
    anlaegsramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    modregn: bool | None = None,
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    """One of the three sanctions from per-municipality columns (CSV, API or a form), checked first."""
    if kind not in SANCTION_COLUMNS:
        raise RuleError(f"ukendt sanktion {kind!r}; brug service, anlaeg eller regnskab")
    for column in SANCTION_COLUMNS[kind]:
        values = columns.get(column)
        if values is None or any(v is None for v in values):
            raise RuleError(f"{_NAMES[kind]} kræver kolonnen {column} for alle 98 kommuner")
    service = columns["serviceudgifter"]
    if kind == "service":
        return service_sanction(
            year, service, split, columns.get("basis"), serviceramme, korrektion, agreements, population
        )
    if kind == "anlaeg":
        return anlaeg_sanction(
            year,
            service,
            columns["anlaegsudgifter"],
            split,
            columns.get("basis"),
            serviceramme,
            anlaegsramme,
            modregn,
            agreements,
            population,
        )
    if split.individual_pct != 0:
        raise RuleError(
            "regnskabssanktionens fordeling er fastlagt ved lov (40/60); fordelingen gælder budgetter"
        )
    return accounts_sanction(
        year, service, columns["korrigeret_budget"], serviceramme, korrektion, agreements, population
    )


def accounts_sanction_many(
    accounts: np.ndarray,
    budgets: np.ndarray,
    frame: float,
    population: np.ndarray,
    collective_share: float,
    individual_share: float,
    chunk: int = 4096,
) -> np.ndarray:
    """The accounts sanction vectorised over scenarios: (S, n) mio. kr. in, (S, n) kroner out (float64).

    The reduction and each excess are taken in whole kroner first, as in `accounts_sanction`; the split is
    then the formula in float64 (the scalar rule also apportions to whole kroner, so they differ by < 2 kr.):
    red_i = collective_share·R·pop_i/Σpop + individual_share·R·ex_i/Σex, R = max(0, Σacc − frame),
    ex_i = max(0, acc_i − budget_i); with no individual excess the whole R is collective (as the scalar rule).
    Rows are processed in chunks that fit in cache, in place, to keep memory traffic low.
    """
    accounts = np.asarray(accounts, dtype=np.float64)
    budgets = np.asarray(budgets, dtype=np.float64)
    out = np.empty_like(accounts)
    pop_share = np.asarray(population, dtype=np.float64) / float(np.sum(population))
    for start in range(0, accounts.shape[0], chunk):
        acc = accounts[start : start + chunk]
        excess = out[start : start + chunk]
        np.subtract(acc, budgets[start : start + chunk], out=excess)
        excess *= 1e6
        np.rint(excess, out=excess)
        np.maximum(excess, 0.0, out=excess)
        reduction = np.rint(np.maximum(0.0, acc.sum(axis=1) - frame) * 1e6)  # whole kroner
        excess_sum = excess.sum(axis=1)
        has_excess = excess_sum > 0
        ind_total = np.where(has_excess, reduction * individual_share, 0.0)
        scale = np.divide(ind_total, excess_sum, out=np.zeros_like(ind_total), where=has_excess)
        excess *= scale[:, None]
        excess += (reduction - ind_total)[:, None] * pop_share[None, :]
    return out
