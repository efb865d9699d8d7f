"""The conditional block grant and the sanctions (rules.md sections 1–3), tested against adjusted frames.

- Servicesanktion (UDL § 14 stk. 5): reduction = aggregated budget overrun of the serviceramme as adjusted
  (the agreement's figure + DUT and other adjustments, `rules/frames.py`), capped at the conditional amount.
- Anlægssanktion (UDL § 14 stk. 6): overrun of the adjusted anlægsramme, less a service underrun when the
  offset option is on (inferred from practice [L], default on), capped at the conditional amount; only in the
  years the condition existed (dated parameter, or an agreement stating the amount).
- Regnskabssanktion (UDL § 14 a): the accounts under ét against the budgets under ét as corrected (the sum of
  `korrigeret_budget`, else the adjusted frame + the accounts' corrections); 40 % spread collectively by
  population, 60 % over the municipalities that overran their own corrected budget; no cap. It needs no
  agreement: only figures that come from one (a frame, the conditional amount) do, and a missing one is an
  error naming the figure, the year and the option that supplies it.

The collective key is the grant year's population (rules.md section 0; `kommuner.population`): the budget
year for the budget sanctions, the year after the accounts year for the accounts sanction (the reduction is
made in that year's grant); the result warns (`advarsler`) when another year's count is used.

How a budget sanction is split is the minister's choice (UDL § 14 stk. 5, 3. pkt.): `kollektiv` (default,
by population — 2024 practice), `individuel` (in proportion to each municipality's overrun of a baseline
the user supplies) or `delt:<pct individuel>`. Amounts are reductions of the block grant in whole kroner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.models import to_json_number
from kommuneokonomi.rules.distribution import largest_remainder
from kommuneokonomi.rules.frames import AdjustedFrame, UserAdjustment, adjust, has_level, parse_adjustment
from kommuneokonomi.rules.kommuner import Population, collective_key, register
from kommuneokonomi.rules.params import (
    UNIT_FACTOR,
    RuleError,
    agreement_value,
    check_unit,
    finite_decimal,
    required_figure,
    rule_parameters,
    user_value,
)
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
            pct = finite_decimal(
                text[5:], f"ugyldig fordeling {text!r} (brug delt:<pct individuel>, fx delt:60)", code=True
            )
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


PopulationInput = Sequence[int] | Population | None


@dataclass(frozen=True)
class Key:
    """The collective key of a sanction: the population, the grant year, the warning and the parameter."""

    population: Population
    grant_year: int
    warnings: list[str]

    @classmethod
    def of(cls, grant_year: int, given: PopulationInput) -> Key:
        pop, warning = collective_key(grant_year, given)
        return cls(pop, grant_year, [warning] if warning else [])

    @property
    def values(self) -> list[int]:
        return list(self.population.values)

    @property
    def label(self) -> str:
        when = f"pr. 1.1.{self.population.year}" if self.population.year else "(året ikke angivet)"
        return f"befolkning {when}"

    def parameter(self) -> ParameterRef:
        return ParameterRef(
            navn="befolkning",
            betegnelse=f"kollektiv nøgle for tilskudsåret {self.grant_year}: {self.label}",
            vaerdi=sum(self.values),
            enhed="personer i alt",
            kilde=self.population.source,
        )

    def summary(self) -> dict[str, Any]:
        return {
            "befolkning_aar": self.population.year,
            "tilskudsaar": self.grant_year,
            "advarsler": self.warnings,
        }


def _spread(
    total_kr: int,
    individual_share: Decimal,
    excess_kr: Sequence[int],
    allow_fallback: bool,
    what: str,
    pop: list[int],
) -> tuple[list[int], list[int], str | None]:
    """(collective part by population, individual part by excess, note) per municipality."""
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


def _num(value: Decimal) -> int | float:
    """An aggregate in mio. kr. for the JSON, to the krone."""
    return to_json_number(value.quantize(Decimal("0.000001"), ROUND_HALF_UP).normalize())


def _known(agreements: dict[int, Agreement] | None) -> dict[int, Agreement]:
    return agreements if agreements is not None else load_agreements()


def _user_lines(
    reguleringer: Sequence[UserAdjustment] | None, korrektion: Decimal, target: str
) -> list[UserAdjustment]:
    """The user's ledger lines; the older `korrektion` amount is one more line of kind "andet"."""
    lines = list(reguleringer or [])
    if korrektion:
        lines.append(parse_adjustment(f"{target}:andet:{korrektion}:--korrektion", target))
    return lines


def adjusted_frame(
    target: str,
    year: int,
    agreements: dict[int, Agreement],
    override: Decimal | None = None,
    user: Sequence[UserAdjustment] | None = None,
    shipped: bool = True,
) -> AdjustedFrame:
    """The tested level of `serviceramme` or `anlaegsramme`: the agreement's figure (or the user's) plus
    the ledger. Needs the agreement's figure only when no level is stated for the year."""
    a = agreements.get(year)
    fig = a.figures.get(target) if a is not None else None
    agreement_base, agreement_ref = None, None
    if a is not None and fig is not None and fig.value is not None:
        agreement_base, agreement_ref = agreement_value(a, target)
    base, ref = agreement_base, agreement_ref
    if override is not None:
        base, ref = override, user_value(target, override, "mio. kr.")
    lines = list(user or [])
    if base is None and not has_level(target, year, lines, shipped):
        option = "--serviceramme" if target == "serviceramme" else "--anlaegsramme"
        required_figure(year, target, agreements, option)  # raises: names the figure, the year and the option
    return adjust(target, year, base, ref, agreement_base, lines, shipped)


def _unoverridden_level(
    year: int,
    agreements: dict[int, Agreement],
    override: Decimal | None,
    user: Sequence[UserAdjustment],
    shipped: bool,
) -> Decimal | None:
    """The adjusted serviceramme without the user's --serviceramme: the reference a stated level of the
    corrected budgets is measured from, so that overriding the serviceramme shifts that level by the
    override's difference instead of being ignored. None without an override (nothing to shift)."""
    if override is None:
        return None
    try:
        return adjusted_frame("serviceramme", year, agreements, None, user, shipped).level
    except RuleError:
        return None  # no agreement figure to measure from: the stated level stands as published


def _cap(
    year: int,
    key: str,
    agreements: dict[int, Agreement],
    override: Decimal | None,
    option: str,
    overrun: Decimal,
) -> tuple[Decimal, ParameterRef | None]:
    """The conditional amount capping a reduction; needed (and so required) only when there is an overrun."""
    a = agreements.get(year)
    fig = a.figures.get(key) if a is not None else None
    if override is not None:
        stated = Decimal(fig.value) if fig is not None and fig.value is not None else None
        if stated is not None and override * UNIT_FACTOR < stated:
            raise RuleError(
                f"{option} {mio(override)} er under 1/{UNIT_FACTOR} af aftalens {key} for {year} "
                f"({mio(stated)}): angiv beløbet i mio. kr. (fx 3.000 for 3 mia. kr.)"
            )
        return override, user_value(key, override, "mio. kr.")
    if to_kr(overrun) <= 0 and (fig is None or fig.value is None):  # under a krone charges nothing
        return Decimal(0), None
    return required_figure(year, key, agreements, option)


def _check_column(column: str, values: Sequence[Decimal | None], frame: AdjustedFrame, option: str) -> None:
    """`check_unit` against the frame's level; when that level rests on the user's own frame, a mismatch is
    as likely the frame typed in mia. kr. ("252,2") as the column, and the error says so."""
    try:
        check_unit(column, values, frame.level)
    except RuleError as exc:
        if frame.base_ref is None or frame.base_ref.kilde != "angivet af brugeren":
            raise
        raise RuleError(
            f"kolonnen {column} ({mio(sum((v for v in values if v is not None), Decimal(0)))}) og {option} "
            f"({mio(frame.base or Decimal(0))}) ligger mere end {UNIT_FACTOR} gange fra hinanden: både beløb "
            f"og rammer angives i mio. kr. — er {option} angivet i mia. kr.? (i mio. kr.: "
            f"{mio((frame.base or Decimal(0)) * 1000)})"
        ) from exc


def _require_tested_level(frame: AdjustedFrame, overrun: Decimal, leverede: bool, what: str) -> str | None:
    """An overrun measured against an agreement's bare figure is no sanction: the tested level is that figure
    plus DUT and other corrections (rules.md sections 1 and 3), which in every published year lay above it,
    so a year without any known adjustment must say what it lacks instead of charging. An overrun of a
    lower bound (`mindst_niveau`) that sets the level is at most the sanction — the real level may lie
    anywhere above the bound, and budgets a release rounds to 0,1 mia. kr. may exceed the bound that figure
    gives — so it is computed (a what-if needs a level) with a warning, returned. The user's own figure
    (--serviceramme/--anlaegsramme) or `--uden-leverede-reguleringer` states the level to test."""
    user_base = frame.base_ref is not None and frame.base_ref.kilde == "angivet af brugeren"
    if to_kr(overrun) <= 0 or not leverede or user_base:
        return None
    bound = next((a for a in reversed(frame.bounds) if a.beloeb), None)  # the binding lower bound, if any
    if bound is not None:  # a published compliance shows the level was at least this, not what it was
        return (
            f"{what} for {frame.year}: det testede niveau ({mio(frame.level)}) er kun en nedre grænse, "
            f"udledt af en offentliggjort overholdelse ({bound.kilde}); overskridelsen på {mio(overrun)} er "
            "derfor "
            "højst sanktionen — ligger budgetterne inden for afrundingen af det offentliggjorte tal, kan der "
            "ikke fastslås nogen (angiv det opgjorte niveau som egen regulering, hvis det kendes)"
        )
    if frame.known:
        return None
    option = {"serviceramme": "--serviceramme", "anlaegsramme": "--anlaegsramme"}.get(frame.target)
    figure = "budgetterne under ét som korrigeret" if frame.target == "regnskab" else frame.target
    remedy = (
        "angiv kolonnen korrigeret_budget, eller korrektionerne med --regulering ART:BELØB:KILDE"
        if frame.target == "regnskab"
        else f"angiv niveauet med --regulering opgjort_niveau:NIVEAU:KILDE, reguleringerne med --regulering "
        f"DUT:BELØB:KILDE eller rammen med {option}"
    )
    raise RuleError(
        f"{what} for {frame.year} kan ikke opgøres: {mio(overrun)} over {frame.origin} ({mio(frame.level)}), "
        f"men {figure} for {frame.year} kendes kun uden reguleringer (DUT mv.), og det testede niveau har i "
        f"alle offentliggjorte år ligget over; {remedy} (eller test tallet uændret med "
        "--uden-leverede-reguleringer)"
    )


def _with_warnings(result: MunicipalResult, warnings: Sequence[str | None]) -> MunicipalResult:
    """Add the rule's own warnings to the result's `advarsler` (the CLI prints them) and to its steps."""
    extra = [w for w in warnings if w]
    if extra:
        result.summary["advarsler"] = [*result.summary.get("advarsler", []), *extra]
        result.steps.extend(Step(beskrivelse="advarsel", resultat=w) for w in extra)
    return result


def _budget_result(
    rule: str,
    reduction_kr: int,
    split: Split,
    basis: Sequence[Decimal | None] | None,
    budgets: Sequence[Decimal],
    inputs: dict[str, Any],
    parameters: list[ParameterRef],
    steps: list[Step],
    key: Key,
) -> MunicipalResult:
    reg = register()
    share = split.individual_pct / 100
    excess = [0] * reg.size
    if split.individual_pct > 0:
        known_basis = [b for b in basis or [] if b is not None]
        if basis is None or len(known_basis) != len(basis):
            raise RuleError("individuel fordeling kræver kolonnen basis (mio. kr.) for alle 98 kommuner")
        excess = [max(0, to_kr(b - base)) for b, base in zip(budgets, known_basis, strict=True)]
    pop = key.values
    coll, ind, _ = _spread(reduction_kr, share, excess, allow_fallback=False, what="sin basis", pop=pop)
    amounts = [c + i for c, i in zip(coll, ind, strict=True)]
    collective_total, individual_total = sum(coll), sum(ind)
    steps = [
        *steps,
        Step(
            beskrivelse=f"fordeling ({split.label})",
            formel="individuel del = reduktion × pct. individuel; kollektiv del = resten",
            resultat=f"kollektiv {kr(collective_total)}, individuel {kr(individual_total)}",
        ),
        *_key_steps(key),
    ]

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
        parameters=[*parameters, key.parameter()],
        steps=steps,
        municipal_steps=municipal,
        summary={"kollektiv_kr": collective_total, "individuel_kr": individual_total, **key.summary()},
    )


def _key_steps(key: Key) -> list[Step]:
    """The key in the trace: which year's population spreads the collective part, and a warning if not the
    grant year's."""
    out = [
        Step(
            beskrivelse="kollektiv nøgle",
            formel=f"befolkningen i tilskudsåret {key.grant_year}",
            resultat=f"{key.label} ({key.population.source})",
        )
    ]
    out += [Step(beskrivelse="advarsel", resultat=w) for w in key.warnings]
    return out


def service_sanction(
    year: int,
    service_budgets: Sequence[Decimal],
    split: Split = Split(Decimal(0)),
    basis: Sequence[Decimal | None] | None = None,
    serviceramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    agreements: dict[int, Agreement] | None = None,
    population: PopulationInput = None,
    reguleringer: Sequence[UserAdjustment] | None = None,
    leverede: bool = True,
    betinget: Decimal | None = None,
) -> MunicipalResult:
    """Servicesanktion on the budgets (UDL § 14 stk. 5) against the adjusted serviceramme."""
    known = _known(agreements)
    user = _user_lines(reguleringer, korrektion, "serviceramme")
    frame = adjusted_frame("serviceramme", year, known, serviceramme, user, leverede)
    _check_column("serviceudgifter", service_budgets, frame, "--serviceramme")
    if basis is not None:
        _check_column("basis", basis, frame, "--serviceramme")
    total = sum(service_budgets, Decimal(0))
    overrun = max(Decimal(0), total - frame.level)
    bound_warning = _require_tested_level(frame, overrun, leverede, "servicesanktionen")
    cap, cap_ref = _cap(year, "betinget_bloktilskud_service", known, betinget, "--betinget-service", overrun)
    reduction = min(cap, overrun)
    steps = [
        Step(beskrivelse="Σ budgetterede serviceudgifter", resultat=mio(total)),
        *frame.steps("serviceramme"),
        Step(
            beskrivelse="overskridelse",
            formel="max(0, Σ budget − testet niveau)",
            resultat=mio(overrun),
        ),
        Step(
            beskrivelse="reduktion",
            formel="min(betinget bloktilskud, overskridelse)",
            resultat=f"min({mio(cap)}, {mio(overrun)}) = {mio(reduction)}",
        ),
    ]
    result = _budget_result(
        "Servicesanktion (budget), UDL § 14 stk. 5",
        to_kr(reduction),
        split,
        basis,
        service_budgets,
        {"aar": year, "fordeling": split.label, "leverede_reguleringer": leverede},
        [r for r in (frame.base_ref, frame.parameter("serviceramme"), cap_ref) if r is not None],
        steps,
        Key.of(year, population),
    )
    result.summary.update(
        {"budget_mio": _num(total), "overskridelse_mio": _num(overrun), "rammer": [frame.to_json()]}
    )
    return _with_warnings(result, [bound_warning])


def anlaeg_sanction(
    year: int,
    service_budgets: Sequence[Decimal],
    anlaeg_budgets: Sequence[Decimal],
    split: Split = Split(Decimal(0)),
    basis: Sequence[Decimal | None] | None = None,
    serviceramme: Decimal | None = None,
    anlaegsramme: Decimal | None = None,
    modregn: bool | None = None,
    agreements: dict[int, Agreement] | None = None,
    population: PopulationInput = None,
    reguleringer: Sequence[UserAdjustment] | None = None,
    leverede: bool = True,
    betinget: Decimal | None = None,
) -> MunicipalResult:
    """Anlægssanktion on the budgets (UDL § 14 stk. 6), with the inferred offset of a service underrun,
    in the years the condition existed (dated parameter `anlaegssanktion.betingelse`, or an agreement that
    states the conditional amount)."""
    known = _known(agreements)
    params = rule_parameters("anlaegssanktion")
    a = known.get(year)
    stated = (
        a is not None
        and a.figures.get("betinget_bloktilskud_anlaeg") is not None
        and a.figures["betinget_bloktilskud_anlaeg"].value is not None
    )
    condition = params.get("betingelse", year)  # None: not known whether anlæg was conditional that year
    applies = betinget is not None or stated or condition is None or bool(condition)
    condition_ref = params.ref("betingelse", year)
    s_total = sum(service_budgets, Decimal(0))
    a_total = sum(anlaeg_budgets, Decimal(0))
    inputs = {"aar": year, "fordeling": split.label, "leverede_reguleringer": leverede}
    if not applies:
        steps = [
            Step(beskrivelse="Σ budgetterede bruttoanlægsudgifter", resultat=mio(a_total)),
            Step(
                beskrivelse="anlægsbetingelsen",
                formel=condition_ref.kilde,
                resultat=f"gjaldt ikke for budgetåret {year}: ingen anlægssanktion",
            ),
        ]
        result = _budget_result(
            "Anlægssanktion (budget), UDL § 14 stk. 6",
            0,
            split,
            basis,
            anlaeg_budgets,
            {**inputs, "betingelse": False},
            [condition_ref],
            steps,
            Key.of(year, population),
        )
        result.summary.update({"budget_mio": _num(a_total), "betingelse": False, "rammer": []})
        return result
    user = list(reguleringer or [])
    s_frame = adjusted_frame("serviceramme", year, known, serviceramme, user, leverede)
    a_frame = adjusted_frame("anlaegsramme", year, known, anlaegsramme, user, leverede)
    _check_column("serviceudgifter", service_budgets, s_frame, "--serviceramme")
    _check_column("anlaegsudgifter", anlaeg_budgets, a_frame, "--anlaegsramme")
    if basis is not None:
        _check_column("basis", basis, a_frame, "--anlaegsramme")
    offset = params.get("modregn_serviceunderskridelse", year) if modregn is None else modregn
    offset_ref = params.ref("modregn_serviceunderskridelse", year)
    offset_ref.vaerdi = offset
    overrun = max(Decimal(0), a_total - a_frame.level)
    underrun = max(Decimal(0), s_frame.level - s_total) if offset else Decimal(0)
    bound_warnings = [
        _require_tested_level(frame, overrun - underrun, leverede, "anlægssanktionen")
        for frame in ((a_frame, s_frame) if offset else (a_frame,))
    ]
    cap, cap_ref = _cap(
        year, "betinget_bloktilskud_anlaeg", known, betinget, "--betinget-anlaeg", overrun - underrun
    )
    reduction = min(cap, max(Decimal(0), overrun - underrun))
    steps = [
        Step(beskrivelse="Σ budgetterede bruttoanlægsudgifter", resultat=mio(a_total)),
        *a_frame.steps("anlægsramme"),
        Step(
            beskrivelse="overskridelse af anlægsrammen",
            formel="max(0, Σ anlæg − testet anlægsniveau)",
            resultat=mio(overrun),
        ),
        Step(beskrivelse="Σ budgetterede serviceudgifter", resultat=mio(s_total)),
        *s_frame.steps("serviceramme"),
        Step(
            beskrivelse="underskridelse af servicerammen (modregnes)"
            if offset
            else "modregning af serviceunderskridelse er slået fra",
            formel="max(0, testet serviceniveau − Σ service)" if offset else None,
            resultat=mio(underrun),
        ),
        Step(
            beskrivelse="reduktion",
            formel="min(betinget bloktilskud, max(0, overskridelse − underskridelse))",
            resultat=mio(reduction),
        ),
    ]
    if condition is None and betinget is None and not stated:
        steps.insert(
            0,
            Step(
                beskrivelse="anlægsbetingelsen",
                formel=condition_ref.kilde,
                resultat=f"ukendt for budgetåret {year}: uden overskridelse ingen sanktion; med en "
                "overskridelse kræves det betingede beløb (--betinget-anlaeg)",
            ),
        )
    result = _budget_result(
        "Anlægssanktion (budget), UDL § 14 stk. 6",
        to_kr(reduction),
        split,
        basis,
        anlaeg_budgets,
        {**inputs, "modregning": offset, "betingelse": True},
        [
            r
            for r in (
                a_frame.base_ref,
                a_frame.parameter("anlægsramme"),
                s_frame.parameter("serviceramme"),
                cap_ref,
                offset_ref,
                condition_ref,
            )
            if r is not None
        ],
        steps,
        Key.of(year, population),
    )
    result.summary.update(
        {
            "budget_mio": _num(a_total),
            "overskridelse_mio": _num(overrun),
            "serviceunderskridelse_mio": _num(underrun),
            "betingelse": True,
            "rammer": [a_frame.to_json(), s_frame.to_json()],
        }
    )
    return _with_warnings(result, bound_warnings)


def accounts_sanction(
    year: int,
    accounts: Sequence[Decimal],
    corrected_budgets: Sequence[Decimal | None] | None,
    serviceramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    agreements: dict[int, Agreement] | None = None,
    population: PopulationInput = None,
    reguleringer: Sequence[UserAdjustment] | None = None,
    leverede: bool = True,
) -> MunicipalResult:
    """Regnskabssanktion (UDL § 14 a): the accounts under ét against the budgets under ét as corrected —
    the sum of the municipalities' corrected budgets when given, otherwise the adjusted serviceramme plus the
    accounts' corrections (ledger `regnskab` and the user's). 40 % collective by population, 60 % by each
    municipality's excess over its own corrected budget; no cap. Needs no agreement when budgets are given."""
    params = rule_parameters("regnskabssanktion")
    collective_share = Decimal(str(params.get("kollektiv_andel", year)))
    individual_share = Decimal(str(params.get("individuel_andel", year)))
    if collective_share + individual_share != 1:
        raise RuleError(
            "regnskabssanktionens andele summerer ikke til 1 (parameters/regler/regnskabssanktion.yaml)"
        )
    total = sum(accounts, Decimal(0))
    user = _user_lines(reguleringer, korrektion, "regnskab")
    budgets = [b for b in corrected_budgets or [] if b is not None]
    have_budgets = corrected_budgets is not None and len(budgets) == len(corrected_budgets)
    frames_used: list[dict[str, Any]] = []
    parameters: list[ParameterRef] = []
    bound_warning: str | None = None
    if have_budgets:
        if user or serviceramme is not None:
            raise RuleError(
                "regnskabssanktionen: med kolonnen korrigeret_budget er summen af budgetterne grundlaget; "
                "reguleringer og --serviceramme bruges kun uden den kolonne"
            )
        base = sum(budgets, Decimal(0))
        check_unit("serviceudgifter", accounts, base)
        try:  # both columns in mia. kr. agree with each other: the frame, where known, tells
            reference = adjusted_frame("serviceramme", year, _known(agreements), None, None, leverede).level
        except RuleError:
            reference = None
        if reference is not None:
            check_unit("korrigeret_budget", budgets, reference)
        base_steps = [
            Step(
                beskrivelse="grundlag: budgetterne under ét som korrigeret",
                formel="Σ korrigeret_budget_i",
                resultat=mio(base),
            )
        ]
        frames_used.append(
            {
                "ramme": "regnskab",
                "aar": year,
                "testet_niveau_mio": _num(base),
                "grundlag": "Σ korrigeret_budget (kolonnen korrigeret_budget)",
                "reguleringer": [],
                "reguleringer_kendt": None,
                "bemaerkning": "kommunernes korrigerede budgetter er grundlaget; intet lægges til",
            }
        )
    else:
        known = _known(agreements)
        service: AdjustedFrame | None = None
        try:
            service = adjusted_frame("serviceramme", year, known, serviceramme, user, leverede)
        except RuleError:
            if not has_level("regnskab", year, user, leverede):
                raise  # neither a frame nor a stated level of the corrected budgets: name what is missing
        frame = adjust(
            "regnskab",
            year,
            service.level if service else None,
            service.parameter("serviceramme") if service else None,
            _unoverridden_level(year, known, serviceramme, user, leverede),
            user,
            leverede,
        )
        base = frame.level
        if service is not None and serviceramme is not None:
            _check_column("serviceudgifter", accounts, service, "--serviceramme")
        check_unit("serviceudgifter", accounts, base)
        if serviceramme is None:
            bound_warning = _require_tested_level(frame, total - base, leverede, "regnskabssanktionen")
        base_steps = [*(service.steps("serviceramme") if service else []), *frame.steps("korrigeret budget")]
        frames_used += [*([service.to_json()] if service else []), frame.to_json()]
        parameters.append(frame.parameter("budgetterne under ét som korrigeret"))
    overrun = max(Decimal(0), total - base)
    reduction_kr = to_kr(overrun)
    if have_budgets:
        excess = [max(0, to_kr(acc - b)) for acc, b in zip(accounts, budgets, strict=True)]
    elif reduction_kr:
        raise RuleError(
            f"regnskabssanktionen er {kr(reduction_kr)}: den individuelle del "
            f"({individual_share:.0%}) kræver kolonnen korrigeret_budget for alle 98 kommuner"
        )
    else:
        excess = [0] * len(accounts)
    key = Key.of(year + 1, population)  # the reduction is made in the next year's grant (rules.md section 3)
    pop = key.values
    coll, ind, note = _spread(
        reduction_kr,
        individual_share,
        excess,
        allow_fallback=True,
        what="sit korrigerede budget",
        pop=pop,
    )
    amounts = [c + i for c, i in zip(coll, ind, strict=True)]
    steps = [
        Step(beskrivelse="Σ regnskab, serviceudgifter", resultat=mio(total)),
        *base_steps,
        Step(
            beskrivelse="overskridelse = reduktion (intet loft)",
            formel="max(0, Σ regnskab − grundlag)",
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
    steps += _key_steps(key)

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

    result = MunicipalResult(
        rule="Regnskabssanktion, UDL § 14 a",
        total_kr=reduction_kr,
        amounts_kr=amounts,
        inputs={"aar": year, "grundlag": "korrigerede budgetter" if have_budgets else "ramme + korrektioner"},
        parameters=[
            *parameters,
            params.ref("kollektiv_andel", year),
            params.ref("individuel_andel", year),
            key.parameter(),
        ],
        steps=steps,
        municipal_steps=municipal,
        summary={
            "kollektiv_kr": sum(coll),
            "individuel_kr": sum(ind),
            "regnskab_mio": _num(total),
            "grundlag_mio": _num(base),
            "overskridelse_mio": _num(overrun),
            "rammer": frames_used,
            **key.summary(),
        },
    )
    return _with_warnings(result, [bound_warning])


#: the columns (mio. kr. per municipality) each sanction needs
SANCTION_COLUMNS = {
    "service": ("serviceudgifter",),
    "anlaeg": ("serviceudgifter", "anlaegsudgifter"),
    "regnskab": ("serviceudgifter",),
}
#: the frame a user's adjustment without a named frame (and --korrektion) applies to
MAIN_TARGET = {"service": "serviceramme", "anlaeg": "anlaegsramme", "regnskab": "regnskab"}
_NAMES = {"service": "servicesanktionen", "anlaeg": "anlægssanktionen", "regnskab": "regnskabssanktionen"}


def sanction(
    kind: str,
    year: int,
    columns: Mapping[str, Sequence[Decimal | None] | None],
    split: Split = Split(Decimal(0)),
    serviceramme: Decimal | None = None,
    anlaegsramme: Decimal | None = None,
    korrektion: Decimal = Decimal(0),
    modregn: bool | None = None,
    agreements: dict[int, Agreement] | None = None,
    population: PopulationInput = None,
    reguleringer: Sequence[UserAdjustment] | None = None,
    leverede: bool = True,
    betinget_service: Decimal | None = None,
    betinget_anlaeg: Decimal | None = None,
) -> MunicipalResult:
    """One of the three sanctions from per-municipality columns (CSV, API or a form), checked first."""
    if kind not in SANCTION_COLUMNS:
        raise RuleError(f"ukendt sanktion {kind!r}; brug service, anlaeg eller regnskab")
    full: dict[str, list[Decimal]] = {}
    for column in SANCTION_COLUMNS[kind]:
        values = columns.get(column)
        known = [v for v in values or [] if v is not None]
        if values is None or len(known) != len(values):
            raise RuleError(f"{_NAMES[kind]} kræver kolonnen {column} for alle 98 kommuner")
        full[column] = known
    user = _user_lines(reguleringer, korrektion, MAIN_TARGET[kind])
    service = full["serviceudgifter"]
    if kind == "service":
        return service_sanction(
            year,
            service,
            split,
            columns.get("basis"),
            serviceramme,
            Decimal(0),
            agreements,
            population,
            user,
            leverede,
            betinget_service,
        )
    if kind == "anlaeg":
        return anlaeg_sanction(
            year,
            service,
            full["anlaegsudgifter"],
            split,
            columns.get("basis"),
            serviceramme,
            anlaegsramme,
            modregn,
            agreements,
            population,
            user,
            leverede,
            betinget_anlaeg,
        )
    if split.individual_pct != 0:
        raise RuleError(
            "regnskabssanktionens fordeling er fastlagt ved lov (40/60); fordelingen gælder budgetter"
        )
    budgets = columns.get("korrigeret_budget")
    if budgets is not None and any(b is None for b in budgets) and any(b is not None for b in budgets):
        raise RuleError("regnskabssanktionen: kolonnen korrigeret_budget skal udfyldes for alle 98 kommuner")
    if budgets is not None and all(b is None for b in budgets):
        budgets = None
    return accounts_sanction(
        year, service, budgets, serviceramme, Decimal(0), agreements, population, user, leverede
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
