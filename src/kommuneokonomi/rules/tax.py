"""Tax rules (rules.md section 4): sanctions for tax increases and subsidies for tax cuts.

- Revenue change (SKL § 4): udskrivningsgrundlag × (new rate − old rate) / 100.
- Allowances from the frame for tax increases (SKL § 11): a municipality's granted allowance is deducted
  from its computed increase; the allowances together may not exceed the agreement's frame.
- Individual sanction (SKL § 2): in the budget year and the 3 following years, 75/50/50/25 % of the net
  aggregate increase N, spread over the municipalities that raised pro rata to their increase, each capped
  at that share of its own increase.
- Collective offset (SKL § 7): N minus the individual reductions in those four years, and N permanently
  after them; spread by population [L].
- Subsidy for tax cuts: each agreement's frame and schedule (tilskudsprocent by year). When the cuts exceed
  the frame the minister rations; options: `pro-rata` (each loss scaled by frame / total), or
  `graense:<mio>` (full rate on each municipality's loss up to the amount, the rest of the frame pro rata
  over the losses above it — the 2014 practice [M]).
- The 2021–2025 scheme (UDL § 17 e) is its own parameter set: 90/90/85/80/75 % in years 1–5, and 100 %
  permanently for the part of a cut above 26.3 % where the 2020 rate was above 26.3 %.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.export import danish_number
from kommuneokonomi.rules.distribution import integer_weights, largest_remainder
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.params import RuleError, agreement, agreement_value, rule_parameters
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.rules.sanctions import population_key, to_kr
from kommuneokonomi.rules.trace import ParameterRef, Step, kr, mio

ZERO = Decimal(0)


@dataclass(frozen=True)
class TaxInput:
    base: Sequence[Decimal]  # udskrivningsgrundlag, mio. kr.
    rate_before: Sequence[Decimal]  # pct.
    rate_after: Sequence[Decimal]
    allowance: Sequence[Decimal] | None = None  # granted within the frame for tax increases, mio. kr.
    rate_2020: Sequence[Decimal] | None = None  # for the 2021 scheme's 100 % part

    @classmethod
    def from_columns(cls, columns: dict[str, list[Decimal | None]]) -> TaxInput:
        """From per-municipality columns (CSV or API): no allowance is 0, no 2020 rate is the old rate."""
        before = columns["sats_foer"]
        allowance = columns.get("tilladelse")
        rate_2020 = columns.get("sats_2020")
        return cls(
            base=columns["udskrivningsgrundlag"],
            rate_before=before,
            rate_after=columns["sats_efter"],
            allowance=None if allowance is None else [v if v is not None else ZERO for v in allowance],
            rate_2020=None
            if rate_2020 is None
            else [v if v is not None else b for v, b in zip(rate_2020, before, strict=True)],
        )

    def revenue_change(self) -> list[Decimal]:
        return [
            b * (after - before) / 100
            for b, before, after in zip(self.base, self.rate_before, self.rate_after, strict=True)
        ]


@dataclass(frozen=True)
class Rationing:
    kind: str  # "pro-rata" or "graense"
    limit: Decimal | None = None  # mio. kr. per municipality, for "graense"

    @classmethod
    def parse(cls, text: str) -> Rationing:
        text = text.strip().lower()
        if text == "pro-rata":
            return cls("pro-rata")
        if text.startswith("graense:"):
            try:
                limit = Decimal(text[8:].replace(",", "."))
            except ArithmeticError as exc:
                raise RuleError(
                    f"ugyldig rationering {text!r}; brug graense:<mio. kr.>, fx graense:15"
                ) from exc
            if limit < 0:
                raise RuleError("grænsen for fuld tilskudsprocent kan ikke være negativ")
            return cls("graense", limit)
        raise RuleError(f"ukendt rationering {text!r}; brug pro-rata eller graense:<mio. kr.>")

    @property
    def label(self) -> str:
        return "pro-rata" if self.kind == "pro-rata" else f"graense:{self.limit}"


def _spread_exact(total_kr: int, exact: Sequence[Decimal]) -> list[int]:
    """Whole kroner adding up to `total_kr`, in proportion to exact (Decimal) amounts."""
    if total_kr == 0:
        return [0] * len(exact)
    return largest_remainder(total_kr, integer_weights([max(ZERO, e) for e in exact]))


def ration(losses: Sequence[Decimal], frame: Decimal, rationing: Rationing) -> tuple[list[Decimal], str]:
    """The part of each loss that gets the subsidy rate, within the frame."""
    total = sum(losses, ZERO)
    if total <= frame:
        return list(losses), "nedsættelserne ligger inden for rammen"
    if rationing.kind == "pro-rata" or rationing.limit is None:
        return [loss * frame / total for loss in losses], f"pro rata: hvert tab × {mio(frame)} / {mio(total)}"
    first = [min(loss, rationing.limit) for loss in losses]
    if sum(first, ZERO) >= frame:
        scale = frame / sum(first, ZERO)
        return [f * scale for f in first], (
            f"tab op til {mio(rationing.limit)} pr. kommune overstiger rammen; de skaleres pro rata"
        )
    rest = frame - sum(first, ZERO)
    above = [loss - f for loss, f in zip(losses, first, strict=True)]
    above_total = sum(above, ZERO)
    eligible = [
        f + (a * rest / above_total if above_total else ZERO) for f, a in zip(first, above, strict=True)
    ]
    return eligible, (
        f"fuld sats på de første {mio(rationing.limit)} pr. kommune; resten af rammen "
        f"({mio(rest)}) pro rata over tab derudover"
    )


def tax(
    year: int,
    inp: TaxInput,
    rationing: Rationing = Rationing("pro-rata"),
    scheme: str = "aftale",
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | None = None,
) -> MunicipalResult:
    """Sanctions and subsidies for one budget year's tax changes.

    The amount per municipality is the change of its block grant in the budget year
    (subsidy − individual sanction − collective offset), in whole kroner.
    """
    reg = register()
    known = agreements if agreements is not None else load_agreements()
    a = agreement(year, known)
    delta = inp.revenue_change()
    allowance = list(inp.allowance) if inp.allowance is not None else [ZERO] * reg.size
    parameters: list[ParameterRef] = []
    steps: list[Step] = [
        Step(
            beskrivelse="provenuændring i alt",
            formel="Σ udskrivningsgrundlag × Δsats / 100",
            resultat=mio(sum(delta, ZERO)),
        )
    ]
    if any(x > 0 for x in allowance):
        frame_up, ref = agreement_value(a, "ramme_skatteforhoejelse")
        parameters.append(ref)
        if sum(allowance, ZERO) > frame_up:
            raise RuleError(
                f"tilladelserne summerer til {mio(sum(allowance, ZERO))}, over rammen til "
                f"skatteforhøjelser for {year} på {mio(frame_up)}"
            )
    counted = [d - min(al, max(d, ZERO)) for d, al in zip(delta, allowance, strict=True)]
    increases = [max(ZERO, c) for c in counted]
    net = max(ZERO, sum(counted, ZERO))
    steps.append(
        Step(
            beskrivelse="netto forhøjelse efter tilladelser (N)",
            formel="max(0, Σ (Δ_i − tilladelse_i))",
            resultat=mio(net),
        )
    )
    sanction_params = rule_parameters("skattesanktion")
    shares = [Decimal(str(s)) for s in sanction_params.get("individuelle_andele", year)]
    parameters.append(sanction_params.ref("individuelle_andele", year))
    inc_total = sum(increases, ZERO)
    pop = population_key(population)
    years = [year + k for k in range(len(shares))]
    individual: dict[int, list[int]] = {}
    collective: dict[int, list[int]] = {}
    net_kr = to_kr(net)
    for y, share in zip(years, shares, strict=True):
        exact = [min(share * net * inc / inc_total, share * inc) if inc_total else ZERO for inc in increases]
        ind_kr = to_kr(sum(exact, ZERO))
        individual[y] = _spread_exact(ind_kr, exact)
        collective[y] = largest_remainder(net_kr - ind_kr, pop)
        steps.append(
            Step(
                beskrivelse=f"{y}: individuel sanktion {share:%} og kollektiv modregning",
                formel="ind_i = min(s·N·forhøjelse_i/Σforhøjelse, s·forhøjelse_i); kollektiv = N − Σ ind",
                resultat=f"individuel {kr(ind_kr)}, kollektiv {kr(net_kr - ind_kr)}",
            )
        )
    permanent = largest_remainder(net_kr, pop)
    steps.append(
        Step(beskrivelse=f"fra {years[-1] + 1}: varig kollektiv modregning", formel="N", resultat=kr(net_kr))
    )

    subsidy, subsidy_steps, subsidy_params = _subsidy(year, inp, delta, rationing, scheme, a)
    steps += subsidy_steps
    parameters += subsidy_params
    budget_year = [
        subsidy.get(year, [0] * reg.size)[i] - individual[year][i] - collective[year][i]
        for i in range(reg.size)
    ]

    def municipal(i: int) -> list[Step]:
        out = [
            Step(
                beskrivelse="provenuændring",
                formel="grundlag × (ny sats − gammel sats) / 100",
                resultat=f"{mio(inp.base[i])} × ({danish_number(inp.rate_after[i])} − "
                f"{danish_number(inp.rate_before[i])}) / 100 = "
                f"{mio(delta[i])}",
            )
        ]
        if allowance[i]:
            out.append(
                Step(
                    beskrivelse="tilladelse inden for rammen til skatteforhøjelser",
                    resultat=mio(allowance[i]),
                )
            )
        for y in years:
            out.append(
                Step(
                    beskrivelse=f"{y}: individuel sanktion / kollektiv modregning",
                    resultat=f"{kr(individual[y][i])} / {kr(collective[y][i])}",
                )
            )
        for y, amounts in subsidy.items():
            out.append(Step(beskrivelse=f"{y}: tilskud til skattenedsættelse", resultat=kr(amounts[i])))
        out.append(
            Step(
                beskrivelse=f"ændring af bloktilskuddet i {year}",
                formel="tilskud − individuel sanktion − kollektiv modregning",
                resultat=kr(budget_year[i]),
            )
        )
        return out

    summary = {
        "provenuaendring_kr": to_kr(sum(delta, ZERO)),
        "netto_forhoejelse_kr": net_kr,
        "aarlig": [
            {
                "aar": y,
                "individuel_sanktion_kr": sum(individual[y]),
                "kollektiv_modregning_kr": sum(collective[y]),
                "tilskud_kr": sum(subsidy.get(y, [])),
            }
            for y in years
        ]
        + [
            {"aar": y, "individuel_sanktion_kr": 0, "kollektiv_modregning_kr": 0, "tilskud_kr": sum(v)}
            for y, v in subsidy.items()
            if y not in years
        ],
        "varig_kollektiv_modregning_kr": net_kr,
        "detaljer": {
            "individuel": individual,
            "kollektiv": collective,
            "tilskud": subsidy,
            "varig": permanent,
            "provenuaendring": [to_kr(d) for d in delta],
        },
    }
    return MunicipalResult(
        rule=f"Skat {year}: sanktioner og tilskud",
        total_kr=sum(budget_year),
        amounts_kr=budget_year,
        inputs={"aar": year, "rationering": rationing.label, "ordning": scheme},
        parameters=parameters,
        steps=steps,
        municipal_steps=municipal,
        summary=summary,
    )


def _subsidy(
    year: int, inp: TaxInput, delta: list[Decimal], rationing: Rationing, scheme: str, a: Agreement
) -> tuple[dict[int, list[int]], list[Step], list[ParameterRef]]:
    losses = [max(ZERO, -d) for d in delta]
    if sum(losses, ZERO) == 0:
        return {}, [Step(beskrivelse="tilskud til skattenedsættelse", resultat="ingen nedsættelser")], []
    if scheme == "aftale":
        frame, frame_ref = agreement_value(a, "tilskud_skattenedsaettelse")
        schedule = {
            int(k.split(".")[1]): Decimal(f.value)
            for k, f in a.figures.items()
            if k.startswith("tilskudsprocent.") and f.value is not None
        }
        if not schedule:
            raise RuleError(f"aftalen for {year} angiver ingen tilskudsprocenter for skattenedsættelser")
        eligible, how = ration(losses, frame, rationing)
        refs = [frame_ref] + [agreement_value(a, f"tilskudsprocent.{y}")[1] for y in sorted(schedule)]
        permanent = [ZERO] * len(losses)
    elif scheme == "udligning2021":
        params = rule_parameters("skattenedsaettelse_2021")
        rates = [Decimal(str(r)) for r in params.get("tilskudsprocenter", year)]
        limit = Decimal(str(params.get("graense_udskrivningsprocent", year)))
        frame = Decimal(str(params.get("ramme", year)))
        schedule = {year + k: r for k, r in enumerate(rates)}
        r2020 = inp.rate_2020 or inp.rate_before
        permanent = [
            b * (before - max(after, limit)) / 100
            if before > limit and old > limit and after < before
            else ZERO
            for b, before, after, old in zip(inp.base, inp.rate_before, inp.rate_after, r2020, strict=True)
        ]
        rest = [loss - p for loss, p in zip(losses, permanent, strict=True)]
        eligible, how = ration(rest, frame, rationing)
        refs = [
            params.ref("tilskudsprocenter", year),
            params.ref("graense_udskrivningsprocent", year),
            params.ref("ramme", year),
        ]
    else:
        raise RuleError(f"ukendt ordning {scheme!r}; brug aftale eller udligning2021")
    steps = [
        Step(beskrivelse="tab ved nedsættelser i alt", resultat=mio(sum(losses, ZERO))),
        Step(beskrivelse="ramme for tilskud", resultat=mio(frame)),
        Step(beskrivelse="tilskudsberettiget tab", formel=rationing.label, resultat=how),
    ]
    out: dict[int, list[int]] = {}
    for y, pct in sorted(schedule.items()):
        exact = [e * pct / 100 + p for e, p in zip(eligible, permanent, strict=True)]
        out[y] = _spread_exact(to_kr(sum(exact, ZERO)), exact)
        steps.append(
            Step(
                beskrivelse=f"{y}: tilskud {pct} % af det tilskudsberettigede tab"
                + (" + 100 % ned til grænsen" if any(permanent) else ""),
                resultat=kr(sum(out[y])),
            )
        )
    return out, steps, refs
