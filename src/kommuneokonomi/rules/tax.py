"""Tax rules (rules.md section 4): sanctions for tax increases and subsidies for granted tax cuts.

- Revenue change of a municipality (SKL §§ 1, 4, 5): income tax = udskrivningsgrundlag × (new rate − old
  rate) / 100, plus the change in revenue from grundskyld and dækningsafgift (given in mio. kr.).
- Aggregate increase A (SKL §§ 1, 7): the sum of all municipalities' changes, cuts included. Changes within
  the udligningsreform's tax frames (2021–2025) are left out: increases up to a municipality's reform
  allocation (`tilladelse_udligning`) and the granted UDL § 17 e cuts (the ministry: "Ændringer som følge af
  udligningsreformens skatterammer indgår ikke i den opgjorte skatteoverskridelse", 27/10/2023) [M].
- An amount set by the minister under SKL § 11 stk. 1 (option, default none): no reduction if A does not
  exceed it; otherwise it is deducted from A (§ 7 stk. 3). N = max(0, A − amount).
- Individual sanction (SKL § 2): in the budget year and the 3 following years, 75/50/50/25 % of N, spread
  over the municipalities that raised pro rata to their computed increase, each capped at that share of
  its own increase. The computed increase is reduced by the municipality's allocation within the
  agreement's frame for tax increases (`tilladelse`, § 11 stk. 2): an allocation spares the municipality
  the individual sanction, it does not lower N (2020: 10 municipalities with allocations, offset = the whole
  net increase of 293 mio. kr.).
- Collective offset (SKL § 7): N minus the individual reductions in those four years, N permanently from
  the fourth year after; spread by the grant year's population [L].
- Subsidies only for granted cuts (`tilskud_tilladelse…`, mio. kr. of revenue), never assumed from the cut:
  the agreement's scheme (its frame and tilskudsprocenter) and the 2021–2025 scheme (UDL § 17 e:
  90/90/85/80/75 % and 100 % permanently for the part of a cut above 26,3 % where the 2020 rate was above
  it; the frame covers both parts). When granted cuts exceed a frame the minister rations: `pro-rata` or
  `graense:<mio>` (full rate up to the amount, the 2014 practice [M]).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.export import danish_number
from kommuneokonomi.rules.distribution import integer_weights, largest_remainder
from kommuneokonomi.rules.kommuner import Population, collective_key, register
from kommuneokonomi.rules.params import (
    RuleError,
    RuleParameters,
    agreement_value,
    check_unit,
    finite_decimal,
    rule_parameters,
    user_value,
)
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.rules.sanctions import to_kr
from kommuneokonomi.rules.trace import ParameterRef, Step, kr, mio

ZERO = Decimal(0)
SCHEMES = ("aftale", "udligning2021")
#: the optional per-municipality input columns (mio. kr. or pct.), and those that may be negative
OPTIONAL_COLUMNS = (
    "tilladelse",
    "sats_2020",
    "provenu_grundskyld",
    "provenu_daekningsafgift",
    "tilladelse_udligning",
    "tilskud_tilladelse",
    "tilskud_tilladelse_udligning",
)
SIGNED_COLUMNS = ("provenu_grundskyld", "provenu_daekningsafgift")


@dataclass(frozen=True)
class TaxInput:
    base: Sequence[Decimal]  # udskrivningsgrundlag, mio. kr.
    rate_before: Sequence[Decimal]  # pct.
    rate_after: Sequence[Decimal]
    allowance: Sequence[Decimal] | None = None  # within the agreement's frame for tax increases, mio. kr.
    rate_2020: Sequence[Decimal] | None = None  # for the § 17 e scheme's 100 % part
    grundskyld: Sequence[Decimal] | None = None  # change in revenue, mio. kr. (signed)
    daekningsafgift: Sequence[Decimal] | None = None  # change in revenue, mio. kr. (signed)
    allowance_reform: Sequence[Decimal] | None = None  # within the udligningsreform's frame, mio. kr.
    grants: dict[str, Sequence[Decimal]] = field(default_factory=dict)  # scheme -> granted cut, mio. kr.

    @classmethod
    def from_columns(
        cls, columns: Mapping[str, Sequence[Decimal | None]], scheme: str = "aftale"
    ) -> TaxInput:
        """From per-municipality columns (CSV or API); an empty cell is 0, no 2020 rate is the old rate.

        `tilskud_tilladelse` is granted under `scheme`; `tilskud_tilladelse_udligning` under UDL § 17 e.
        """
        if scheme not in SCHEMES:
            raise RuleError(f"ukendt ordning {scheme!r}; brug {' eller '.join(SCHEMES)}")
        before = _required(columns, "sats_foer")
        rate_2020 = columns.get("sats_2020")
        grants: dict[str, Sequence[Decimal]] = {}
        if columns.get("tilskud_tilladelse") is not None:
            grants[scheme] = _zeros(columns["tilskud_tilladelse"])
        if columns.get("tilskud_tilladelse_udligning") is not None:
            if "udligning2021" in grants:
                raise RuleError(
                    "både tilskud_tilladelse (med ordning udligning2021) og tilskud_tilladelse_udligning "
                    "er angivet; brug ordning aftale for tilskud_tilladelse"
                )
            grants["udligning2021"] = _zeros(columns["tilskud_tilladelse_udligning"])
        return cls(
            base=_required(columns, "udskrivningsgrundlag"),
            rate_before=before,
            rate_after=_required(columns, "sats_efter"),
            allowance=_optional(columns.get("tilladelse")),
            rate_2020=None
            if rate_2020 is None
            else [v if v is not None else b for v, b in zip(rate_2020, before, strict=True)],
            grundskyld=_optional(columns.get("provenu_grundskyld")),
            daekningsafgift=_optional(columns.get("provenu_daekningsafgift")),
            allowance_reform=_optional(columns.get("tilladelse_udligning")),
            grants=grants,
        )

    def income_change(self) -> list[Decimal]:
        """SKL § 4: udskrivningsgrundlag × Δrate / 100 (mio. kr.)."""
        return [
            b * (after - before) / 100
            for b, before, after in zip(self.base, self.rate_before, self.rate_after, strict=True)
        ]

    def revenue_change(self) -> list[Decimal]:
        """The whole change per municipality: income tax + grundskyld + dækningsafgift (mio. kr.)."""
        out = self.income_change()
        for extra in (self.grundskyld, self.daekningsafgift):
            if extra is not None:
                out = [o + e for o, e in zip(out, extra, strict=True)]
        return out


def _required(columns: Mapping[str, Sequence[Decimal | None]], name: str) -> list[Decimal]:
    """A column every municipality must fill in (the readers check it; an API caller may not)."""
    values = columns[name]
    known = [v for v in values if v is not None]
    if len(known) != len(values):
        raise RuleError(f"kolonnen {name} skal udfyldes for alle 98 kommuner")
    return known


def _zeros(values: Sequence[Decimal | None]) -> list[Decimal]:
    return [v if v is not None else ZERO for v in values]


def _optional(values: Sequence[Decimal | None] | None) -> list[Decimal] | None:
    return None if values is None else _zeros(values)


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
            limit = finite_decimal(
                text[8:], f"ugyldig rationering {text!r} (brug graense:<mio. kr.>, fx graense:15)", code=True
            )
            if limit < 0:
                raise RuleError("grænsen for fuld tilskudsprocent kan ikke være negativ")
            return cls("graense", limit)
        raise RuleError(f"ukendt rationering {text!r}; brug pro-rata eller graense:<mio. kr.>")

    @property
    def label(self) -> str:
        return "pro-rata" if self.kind == "pro-rata" else f"graense:{self.limit}"


@dataclass(frozen=True)
class TaxOptions:
    """The minister's choices and figures a user supplies for a year without (those figures in) an agreement.

    Defaults: no § 11 stk. 1 amount; the agreement's frames and tilskudsprocenter; § 17 e's frame is the
    law's cap plus the agreement's top-up.
    """

    fradragsbeloeb: Decimal | None = None  # SKL § 11 stk. 1 / § 7 stk. 3, mio. kr.
    ramme_skatteforhoejelse: Decimal | None = None  # the agreement's frame for increases (checks allocations)
    tilskudsramme: Decimal | None = None  # the agreement scheme's frame, mio. kr. of cuts
    tilskudsprocenter: tuple[Decimal, ...] | None = (
        None  # the agreement scheme's schedule from the budget year
    )
    ramme_udligning: Decimal | None = None  # the § 17 e frame (both parts), mio. kr. of cuts


def _spread_exact(total_kr: int, exact: Sequence[Decimal]) -> list[int]:
    """Whole kroner adding up to `total_kr`, in proportion to exact (Decimal) amounts."""
    if total_kr == 0:
        return [0] * len(exact)
    return largest_remainder(total_kr, integer_weights([max(ZERO, e) for e in exact]))


def ration(losses: Sequence[Decimal], frame: Decimal, rationing: Rationing) -> tuple[list[Decimal], str]:
    """The part of each granted loss that gets the subsidy rate, within the frame."""
    total = sum(losses, ZERO)
    if total <= frame:
        return list(losses), "nedsættelserne ligger inden for rammen"
    if frame <= 0:
        return [ZERO] * len(losses), "rammen er opbrugt"
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


@dataclass
class _Scheme:
    """One subsidy scheme's outcome: whole kroner per year and municipality, with its steps."""

    name: str
    by_year: dict[int, list[int]]
    permanent: list[int]  # paid every year after the schedule (§ 17 e's 100 % part)
    granted_used: list[Decimal]  # min(loss, grant), mio. kr.
    within_frame: list[Decimal]  # the part of it the frame covers (after rationing), mio. kr.
    steps: list[Step]
    parameters: list[ParameterRef]


def tax(
    year: int,
    inp: TaxInput,
    rationing: Rationing = Rationing("pro-rata"),
    agreements: dict[int, Agreement] | None = None,
    population: Sequence[int] | Population | None = None,
    options: TaxOptions | None = None,
) -> MunicipalResult:
    """Sanctions and subsidies for one budget year's tax changes.

    The amount per municipality is the change of its block grant in the budget year
    (subsidy − individual sanction − collective offset), in whole kroner. Which scheme a grant is under is
    part of the input (`TaxInput.grants`).
    """
    opts = options or TaxOptions()
    reg = register()
    known = agreements if agreements is not None else load_agreements()
    a = known.get(year)
    warnings: list[str] = []
    key, warning = collective_key(year, population)  # the grant year's population [L]
    pop, key_year = list(key.values), key.year
    warnings += [warning] if warning else []
    revenue = a.figures.get("balance.skatteindtaegter") if a is not None else None
    if revenue is not None and revenue.value is not None:  # incomes are negative in the balance table
        check_unit("udskrivningsgrundlag", inp.base, abs(Decimal(revenue.value)), "aftalens skatteindtægter")
    income = inp.income_change()
    delta = inp.revenue_change()
    losses = [max(ZERO, -d) for d in income]
    parameters: list[ParameterRef] = []
    steps: list[Step] = [
        Step(
            beskrivelse="provenuændring i alt",
            formel="Σ (udskrivningsgrundlag × Δsats / 100 + Δgrundskyld + Δdækningsafgift)",
            resultat=f"{mio(sum(delta, ZERO))} (heraf indkomstskat {mio(sum(income, ZERO))}"
            + (f", grundskyld {mio(sum(inp.grundskyld, ZERO))}" if inp.grundskyld is not None else "")
            + (
                f", dækningsafgift {mio(sum(inp.daekningsafgift, ZERO))}"
                if inp.daekningsafgift is not None
                else ""
            )
            + ")",
        )
    ]
    allowance = list(inp.allowance) if inp.allowance is not None else [ZERO] * reg.size
    _check_allowances(year, allowance, a, opts, parameters, steps)

    # the udligningsreform's frames: their changes are outside the aggregate
    reform_years = rule_parameters("udligningsreform_skatterammer")
    reform = _applies(reform_years, year)
    reform_up = [ZERO] * reg.size
    if reform and any(allowance):
        steps.append(
            Step(
                beskrivelse="tilladelser i aftalens ramme (kolonnen tilladelse)",
                resultat="fritager kun for individuel sanktion; udligningsreformens tilladelser, som "
                "holdes uden for opgørelsen, angives i kolonnen tilladelse_udligning",
            )
        )
    if inp.allowance_reform is not None and any(inp.allowance_reform):
        if not reform:
            raise RuleError(
                "tilladelse_udligning (udligningsreformens ramme til skatteforhøjelser) "
                f"gælder ikke for {year}"
            )
        reform_up = [min(max(ZERO, d), al) for d, al in zip(income, inp.allowance_reform, strict=True)]

    schemes: list[_Scheme] = []
    left = list(losses)  # a cut granted under both schemes is subsidised once: the second gets the rest
    for name in SCHEMES:
        grants = inp.grants.get(name)
        if grants is None or not any(grants):
            continue
        if name == "aftale":
            schemes.append(_agreement_scheme(year, left, grants, rationing, a, opts))
        else:
            schemes.append(_reform_scheme(year, inp, left, grants, rationing, a, opts))
        left = [x - u for x, u in zip(left, schemes[-1].granted_used, strict=True)]
    reform_cuts = next((s.within_frame for s in schemes if s.name == "udligning2021"), [ZERO] * reg.size)
    if any(reform_up) or any(reform_cuts):
        parameters.append(reform_years.ref("gaelder", year))
        steps.append(
            Step(
                beskrivelse="udligningsreformens skatterammer holdes uden for opgørelsen",
                formel="forhøjelser inden for tilladelse_udligning fratrækkes; bevilgede § 17 e-nedsættelser "
                "inden for rammen lægges til",
                resultat=f"−{mio(sum(reform_up, ZERO))} + {mio(sum(reform_cuts, ZERO))}",
            )
        )
    aggregate = sum(delta, ZERO) - sum(reform_up, ZERO) + sum(reform_cuts, ZERO)
    amount = opts.fradragsbeloeb or ZERO
    if opts.fradragsbeloeb is not None:
        parameters.append(
            _user("skl_11_beloeb", "Beløb efter SKL § 11, stk. 1 (ministerens valg)", opts.fradragsbeloeb)
        )
    net = ZERO if aggregate <= amount else aggregate - amount
    steps.append(
        Step(
            beskrivelse="samlet forhøjelse, der sanktioneres (N)",
            formel="N = max(0, A − beløb efter SKL § 11 stk. 1)" if amount else "N = max(0, A)",
            resultat=f"A = {mio(aggregate)}; N = {mio(net)}",
        )
    )

    # individual (§ 2) and collective (§ 7) offsets
    increases = [
        max(ZERO, d - up - al) for d, up, al in zip(delta, reform_up, allowance, strict=True)
    ]  # computed increase after the allocations (§ 11 stk. 2)
    sanction_params = rule_parameters("skattesanktion")
    shares = [Decimal(str(s)) for s in sanction_params.get("individuelle_andele", year)]
    parameters.append(sanction_params.ref("individuelle_andele", year))
    inc_total = sum(increases, ZERO)
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
    permanent_from = years[-1] + 1
    permanent = largest_remainder(net_kr, pop)
    steps.append(
        Step(beskrivelse=f"fra {permanent_from}: varig kollektiv modregning", formel="N", resultat=kr(net_kr))
    )

    # subsidies
    ungranted = [
        i for i, loss in enumerate(losses) if loss > 0 and not any(s.granted_used[i] for s in schemes)
    ]
    if any(loss > 0 for loss in losses):
        if ungranted:
            steps.append(
                Step(
                    beskrivelse="nedsættelser uden bevilget tilskud (tæller med i opgørelsen, intet tilskud)",
                    resultat=f"{len(ungranted)} kommune(r), {mio(sum((losses[i] for i in ungranted), ZERO))}",
                )
            )
    else:
        steps.append(Step(beskrivelse="tilskud til skattenedsættelse", resultat="ingen nedsættelser"))
    subsidy: dict[int, list[int]] = {}
    for s in schemes:
        steps += s.steps
        parameters += s.parameters
        for y, amounts in s.by_year.items():
            subsidy[y] = [x + v for x, v in zip(subsidy.get(y, [0] * reg.size), amounts, strict=True)]
    permanent_subsidy = [sum(s.permanent[i] for s in schemes) for i in range(reg.size)]
    budget_year = [
        subsidy.get(year, [0] * reg.size)[i] - individual[year][i] - collective[year][i]
        for i in range(reg.size)
    ]

    def municipal(i: int) -> list[Step]:
        out = [
            Step(
                beskrivelse="provenuændring, indkomstskat",
                formel="grundlag × (ny sats − gammel sats) / 100",
                resultat=f"{mio(inp.base[i])} × ({danish_number(inp.rate_after[i])} − "
                f"{danish_number(inp.rate_before[i])}) / 100 = {mio(income[i])}",
            )
        ]
        for label, extra in (("grundskyld", inp.grundskyld), ("dækningsafgift", inp.daekningsafgift)):
            if extra is not None and extra[i]:
                out.append(Step(beskrivelse=f"provenuændring, {label}", resultat=mio(extra[i])))
        if reform_up[i]:
            out.append(
                Step(beskrivelse="forhøjelse inden for udligningsreformens ramme", resultat=mio(reform_up[i]))
            )
        if allowance[i]:
            out.append(
                Step(
                    beskrivelse="tilladelse inden for rammen til skatteforhøjelser (kun individuel sanktion)",
                    resultat=mio(allowance[i]),
                )
            )
        out.append(
            Step(beskrivelse="beregnet forhøjelse til individuel sanktion", resultat=mio(increases[i]))
        )
        for y in years:
            out.append(
                Step(
                    beskrivelse=f"{y}: individuel sanktion / kollektiv modregning",
                    resultat=f"{kr(individual[y][i])} / {kr(collective[y][i])}",
                )
            )
        out.append(
            Step(beskrivelse=f"fra {permanent_from}: varig kollektiv modregning", resultat=kr(permanent[i]))
        )
        for s in schemes:
            if s.granted_used[i]:
                out.append(
                    Step(
                        beskrivelse=f"bevilget nedsættelse ({_SCHEME_LABEL[s.name]})",
                        resultat=mio(s.granted_used[i]),
                    )
                )
        if i in ungranted:
            out.append(Step(beskrivelse="nedsættelse uden bevilget tilskud", resultat="intet tilskud"))
        for y, amounts in sorted(subsidy.items()):
            out.append(Step(beskrivelse=f"{y}: tilskud til skattenedsættelse", resultat=kr(amounts[i])))
        if permanent_subsidy[i]:
            out.append(
                Step(beskrivelse="derefter varigt tilskud (100 %-delen)", resultat=kr(permanent_subsidy[i]))
            )
        out.append(
            Step(
                beskrivelse=f"ændring af bloktilskuddet i {year}",
                formel="tilskud − individuel sanktion − kollektiv modregning",
                resultat=kr(budget_year[i]),
            )
        )
        return out

    last = max([permanent_from, *subsidy]) + (1 if any(permanent_subsidy) else 0)
    yearly = [
        {
            "aar": y,
            "individuel_sanktion_kr": sum(individual[y]) if y in individual else 0,
            "kollektiv_modregning_kr": sum(collective[y]) if y in collective else net_kr,
            "tilskud_kr": sum(subsidy[y]) if y in subsidy else sum(permanent_subsidy),
        }
        for y in range(year, last + 1)
    ]  # from permanent_from the collective offset is N every year; after the schedules the 100 % subsidy
    for row in yearly:  # what the releases report as "modregnet i bloktilskuddet": individual + collective
        row["modregning_i_alt_kr"] = row["individuel_sanktion_kr"] + row["kollektiv_modregning_kr"]
    summary = {
        "provenuaendring_kr": to_kr(sum(delta, ZERO)),
        "indkomstskat_kr": to_kr(sum(income, ZERO)),
        "grundskyld_kr": to_kr(sum(inp.grundskyld, ZERO)) if inp.grundskyld is not None else 0,
        "daekningsafgift_kr": to_kr(sum(inp.daekningsafgift, ZERO)) if inp.daekningsafgift is not None else 0,
        "uden_for_opgoerelsen_kr": to_kr(sum(reform_cuts, ZERO) - sum(reform_up, ZERO)),
        "samlet_forhoejelse_kr": to_kr(aggregate),
        "netto_forhoejelse_kr": net_kr,
        "aarlig": yearly,
        "varig_kollektiv_modregning_kr": net_kr,
        "varig_kollektiv_fra_aar": permanent_from,
        "varigt_tilskud_kr": sum(permanent_subsidy),
        "tilskud_ordninger": [s.name for s in schemes],
        "nedsaettelser_uden_tilskud": [reg.codes[i] for i in ungranted],
        "befolkning_aar": key_year,
        "advarsler": warnings,
        "detaljer": {
            "individuel": individual,
            "kollektiv": collective,
            "tilskud": subsidy,
            "varig": permanent,
            "varigt_tilskud": permanent_subsidy,
            "provenuaendring": [to_kr(d) for d in delta],
        },
    }
    return MunicipalResult(
        rule=f"Skat {year}: sanktioner og tilskud",
        total_kr=sum(budget_year),
        amounts_kr=budget_year,
        inputs={
            "aar": year,
            "rationering": rationing.label,
            "ordninger": [s.name for s in schemes] or "ingen",
        },
        parameters=parameters,
        steps=steps,
        municipal_steps=municipal,
        summary=summary,
    )


def _user(name: str, label: str, value: Decimal | list[float], unit: str = "mio. kr.") -> ParameterRef:
    """A figure the user supplied as an option (not an agreement figure)."""
    shown = value if isinstance(value, list) else float(value) if value % 1 else int(value)
    return ParameterRef(navn=name, betegnelse=label, vaerdi=shown, enhed=unit, kilde="angivet af brugeren")


_SCHEME_LABEL = {"aftale": "aftalens tilskudsordning", "udligning2021": "UDL § 17 e"}


def _applies(params: RuleParameters, year: int) -> bool:
    """A scheme's `gaelder` flag for the year (False before its first year)."""
    try:
        return bool(params.get("gaelder", year))
    except RuleError:
        return False


def _check_allowances(
    year: int,
    allowance: list[Decimal],
    a: Agreement | None,
    opts: TaxOptions,
    parameters: list[ParameterRef],
    steps: list[Step],
) -> None:
    """The allocations together may not exceed the agreement's frame for tax increases, when it is known."""
    if not any(x > 0 for x in allowance):
        return
    if opts.ramme_skatteforhoejelse is not None:
        frame, ref = (
            opts.ramme_skatteforhoejelse,
            user_value("ramme_skatteforhoejelse", opts.ramme_skatteforhoejelse, "mio. kr."),
        )
    elif (
        a is not None
        and a.figures.get("ramme_skatteforhoejelse")
        and a.figures["ramme_skatteforhoejelse"].value is not None
    ):
        frame, ref = agreement_value(a, "ramme_skatteforhoejelse")
    else:
        steps.append(
            Step(
                beskrivelse="tilladelser til skatteforhøjelser",
                resultat=f"rammen for {year} kendes ikke (ingen aftale med tallet; angiv "
                "--ramme-skatteforhoejelse); tilladelserne er ikke kontrolleret mod den",
            )
        )
        return
    parameters.append(ref)
    if sum(allowance, ZERO) > frame:
        raise RuleError(
            f"tilladelserne summerer til {mio(sum(allowance, ZERO))}, over rammen til "
            f"skatteforhøjelser for {year} på {mio(frame)}"
        )


def _agreement_scheme(
    year: int,
    losses: list[Decimal],
    grants: Sequence[Decimal],
    rationing: Rationing,
    a: Agreement | None,
    opts: TaxOptions,
) -> _Scheme:
    """The agreement's subsidy scheme: its frame and tilskudsprocenter, on the granted part of each cut."""
    refs: list[ParameterRef] = []
    if opts.tilskudsramme is not None:
        frame = opts.tilskudsramme
        refs.append(user_value("tilskud_skattenedsaettelse", frame, "mio. kr."))
    else:
        frame, ref = _agreement_figure(year, a, "tilskud_skattenedsaettelse", "--tilskudsramme")
        refs.append(ref)
    if opts.tilskudsprocenter is not None:
        wrong = [p for p in opts.tilskudsprocenter if not 0 <= p <= 100]
        if wrong:
            raise RuleError(
                "tilskudsprocenterne skal ligge mellem 0 og 100 (et tilskud dækker højst hele "
                f"provenutabet); fik {', '.join(format(p, 'f') for p in wrong)}"
            )
        schedule = {year + k: pct for k, pct in enumerate(opts.tilskudsprocenter)}
        refs.append(
            _user(
                "tilskudsprocenter",
                "Aftaleordningens tilskudsprocenter fra budgetåret",
                [float(p) for p in opts.tilskudsprocenter],
                "pct.",
            )
        )
    else:
        a = _need_agreement(year, a, "tilskudsprocent", "--tilskudsprocenter")
        schedule = {
            int(k.split(".")[1]): Decimal(f.value)
            for k, f in a.figures.items()
            if k.startswith("tilskudsprocent.") and f.value is not None
        }
        if not schedule:
            raise RuleError(
                f"aftalen for {year} angiver ingen tilskudsprocenter for skattenedsættelser; "
                f"{_how('--tilskudsprocenter')}, fx 75,50,50,25"
            )
        refs += [agreement_value(a, f"tilskudsprocent.{y}")[1] for y in sorted(schedule)]
    used = [min(loss, g) for loss, g in zip(losses, grants, strict=True)]
    eligible, how = ration(used, frame, rationing)
    steps = [
        Step(
            beskrivelse="aftalens ordning: bevilgede nedsættelser (højst tabet)",
            resultat=mio(sum(used, ZERO)),
        ),
        Step(beskrivelse="aftalens ordning: ramme for tilskud", resultat=mio(frame)),
        Step(beskrivelse="aftalens ordning: tilskudsberettiget tab", formel=rationing.label, resultat=how),
    ]
    by_year: dict[int, list[int]] = {}
    for y, pct in sorted(schedule.items()):
        exact = [e * pct / 100 for e in eligible]
        by_year[y] = _spread_exact(to_kr(sum(exact, ZERO)), exact)
        steps.append(Step(beskrivelse=f"{y}: aftalens tilskud {pct} %", resultat=kr(sum(by_year[y]))))
    return _Scheme("aftale", by_year, [0] * len(losses), used, eligible, steps, refs)


def _reform_scheme(
    year: int,
    inp: TaxInput,
    losses: list[Decimal],
    grants: Sequence[Decimal],
    rationing: Rationing,
    a: Agreement | None,
    opts: TaxOptions,
) -> _Scheme:
    """UDL § 17 e: 90/90/85/80/75 %, and 100 % permanently down to 26,3 %; one frame for both parts."""
    params = rule_parameters("skattenedsaettelse_2021")
    if not _applies(params, year):
        raise RuleError(f"tilskudsordningen efter UDL § 17 e gælder for 2021-2025, ikke for {year}")
    rates = [Decimal(str(r)) for r in params.get("tilskudsprocenter", year)]
    limit = Decimal(str(params.get("graense_udskrivningsprocent", year)))
    refs = [params.ref("tilskudsprocenter", year), params.ref("graense_udskrivningsprocent", year)]
    steps: list[Step] = []
    if opts.ramme_udligning is not None:
        frame = opts.ramme_udligning
        refs.append(_user("ramme_udligning", "Rammen efter UDL § 17 e (begge dele)", frame))
    else:
        frame = Decimal(str(params.get("ramme", year)))
        refs.append(params.ref("ramme", year))
        fig = a.figures.get("ramme_skattenedsaettelse_udligning") if a is not None else None
        if a is not None and fig is not None and fig.value is not None:
            top_up, ref = agreement_value(a, "ramme_skattenedsaettelse_udligning")
            frame += top_up
            refs.append(ref)
        elif a is None:
            steps.append(
                Step(
                    beskrivelse="§ 17 e: aftalens forhøjelse af rammen",
                    resultat=f"ingen aftale for {year}; rammen er lovens loft (angiv --ramme-udligning)",
                )
            )
    used = [min(loss, g) for loss, g in zip(losses, grants, strict=True)]
    r2020 = inp.rate_2020 or inp.rate_before
    hundred = [
        min(u, b * (before - max(after, limit)) / 100) if before > limit and old > limit and u > 0 else ZERO
        for u, b, before, after, old in zip(
            used, inp.base, inp.rate_before, inp.rate_after, r2020, strict=True
        )
    ]
    if sum(hundred, ZERO) > frame:
        scale = frame / sum(hundred, ZERO)
        hundred = [h * scale for h in hundred]
    rest = [u - h for u, h in zip(used, hundred, strict=True)]
    rest_frame = max(ZERO, frame - sum(hundred, ZERO))
    eligible, how = ration(rest, rest_frame, rationing)
    steps += [
        Step(beskrivelse="§ 17 e: bevilgede nedsættelser (højst tabet)", resultat=mio(sum(used, ZERO))),
        Step(beskrivelse="§ 17 e: ramme (dækker begge dele)", resultat=mio(frame)),
        Step(
            beskrivelse=f"§ 17 e: 100 %-del ned til {danish_number(limit)} % (sats 2020 over grænsen)",
            resultat=mio(sum(hundred, ZERO)),
        ),
        Step(
            beskrivelse="§ 17 e: resten inden for rammens rest",
            formel=rationing.label,
            resultat=f"{mio(sum(rest, ZERO))} mod {mio(rest_frame)}: {how}",
        ),
    ]
    by_year: dict[int, list[int]] = {}
    for k, pct in enumerate(rates):
        exact = [e * pct / 100 + h for e, h in zip(eligible, hundred, strict=True)]
        by_year[year + k] = _spread_exact(to_kr(sum(exact, ZERO)), exact)
        steps.append(
            Step(
                beskrivelse=f"{year + k}: § 17 e-tilskud {pct} % af resten + 100 %-delen",
                resultat=kr(sum(by_year[year + k])),
            )
        )
    permanent = _spread_exact(to_kr(sum(hundred, ZERO)), hundred)
    if any(permanent):
        steps.append(
            Step(
                beskrivelse=f"fra {year + len(rates)}: varigt § 17 e-tilskud (100 %-delen)",
                resultat=kr(sum(permanent)),
            )
        )
    within = [e + h for e, h in zip(eligible, hundred, strict=True)]
    return _Scheme("udligning2021", by_year, permanent, used, within, steps, refs)


def _how(option: str) -> str:
    return f"angiv {option} (i API'et feltet {option.lstrip('-').replace('-', '_')})"


def _need_agreement(year: int, a: Agreement | None, key: str, option: str) -> Agreement:
    if a is None:
        raise RuleError(
            f"{key} for {year} kommer fra økonomiaftalen, og der er ingen aftale for {year}; {_how(option)}"
        )
    return a


def _agreement_figure(year: int, a: Agreement | None, key: str, option: str) -> tuple[Decimal, ParameterRef]:
    """A figure that only an agreement supplies; a clear error naming figure, year and option if missing."""
    a = _need_agreement(year, a, key, option)
    fig = a.figures.get(key)
    if fig is None or fig.value is None:
        raise RuleError(f"aftalen for {year} angiver ikke {key}; {_how(option)}")
    return agreement_value(a, key)
