"""The municipality at the centre: its share of every sanction and pool in a scenario (by default the
simulators' default inputs for the latest agreement year the rules can compute), with a trace for each.

The scenario is a `ScenarioInputs`; the page shows what it is. The defaults and the pools spread by
population are data (`kommuneside.yaml`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, Field

from kommuneokonomi.agreements import Agreement
from kommuneokonomi.export import danish_number
from kommuneokonomi.extraction.keys import spec_for
from kommuneokonomi.rules import frames, sanctions
from kommuneokonomi.rules.distribution import distribute_pool
from kommuneokonomi.rules.kommuner import MunicipalDataError, register
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.rules.result import MunicipalResult

SANCTION_NAMES = {
    "service": "Servicesanktion (budget)",
    "anlaeg": "Anlægssanktion (budget)",
    "regnskab": "Regnskabssanktion (40/60)",
}


@cache
def settings() -> dict[str, Any]:
    text = resources.files("kommuneokonomi.web").joinpath("kommuneside.yaml").read_text("utf-8")
    return yaml.safe_load(text)


class ScenarioInputs(BaseModel):
    """What the municipality page computes: the year (None: the latest the sanction rules can compute), the
    overrun of the adjusted frame spread by population, the split and the simulator's pool."""

    aar: int | None = Field(default=None, ge=1990, le=2100)
    overskridelse_mio: Decimal = Field(
        default_factory=lambda: Decimal(settings()["standard"]["overskridelse_mio"])
    )
    fordeling: str = Field(default_factory=lambda: settings()["standard"]["fordeling"])
    pulje_kr: int = Field(default_factory=lambda: int(settings()["standard"]["pulje_kr"]), ge=0)


def _by_population(total: Decimal) -> list[Decimal]:
    pop = [Decimal(int(p)) for p in register().population]
    return [total * p / sum(pop) for p in pop]


def quick_sanction(
    type_: str,
    aar: int,
    overrun_mio: Decimal,
    split: sanctions.Split,
    agreements: dict[int, Agreement],
    user: Sequence[frames.UserAdjustment] | None = None,
) -> MunicipalResult:
    """The sanction simulator's quick mode: the tested (adjusted) frames spread by population, plus a total
    overrun spread the same way (service and regnskab: the service frame; anlæg: the anlæg frame)."""
    user = user or []
    frame = sanctions.adjusted_frame("serviceramme", aar, agreements, user=user).level
    data = {
        "serviceudgifter": _by_population(frame + (overrun_mio if type_ != "anlaeg" else 0)),
        "korrigeret_budget": _by_population(frame),
    }
    if type_ == "anlaeg":
        a_frame = sanctions.adjusted_frame("anlaegsramme", aar, agreements, user=user).level
        data["anlaegsudgifter"] = _by_population(a_frame + overrun_mio)
    return sanctions.sanction(type_, aar, data, split, agreements=agreements, reguleringer=user)


def default_sanction_year(agreements: dict[int, Agreement]) -> int | None:
    """The latest agreement year for which the default service sanction can be computed (the newest years
    may be known only from summaries without the frames), so that the simulator's defaults work at once."""
    inputs = ScenarioInputs()
    for year in sorted(agreements, reverse=True):
        try:
            quick_sanction(
                "service", year, inputs.overskridelse_mio, sanctions.Split.parse("kollektiv"), agreements
            )
        except (RuleError, MunicipalDataError):
            continue
        return year
    return None


@dataclass
class ScenarioLine:
    navn: str
    beskrivelse: str
    result: MunicipalResult | None
    fejl: str | None = None
    kilde: str | None = None
    fortegn: int = 1  # -1: a negative pool (a reduction), spread by its magnitude

    def amount(self, i: int) -> int | None:
        return None if self.result is None else self.fortegn * self.result.amounts_kr[i]

    @property
    def total(self) -> int | None:
        return None if self.result is None else self.fortegn * self.result.total_kr


def scenario(
    inputs: ScenarioInputs, agreements: dict[int, Agreement]
) -> tuple[int | None, list[ScenarioLine]]:
    """Every sanction and pool of the scenario for all 98 municipalities: (the year used, the lines)."""
    year = inputs.aar if inputs.aar is not None else default_sanction_year(agreements)
    lines: list[ScenarioLine] = []
    if year is None:
        return None, lines
    split = sanctions.Split.parse(inputs.fordeling)
    for type_ in settings()["standard"]["sanktioner"]:
        what = (
            f"{SANCTION_NAMES[type_]} {year}: de regulerede rammer plus en samlet overskridelse på "
            f"{danish_number(inputs.overskridelse_mio)} mio. kr., fordelt efter befolkning"
        )
        try:
            result = quick_sanction(type_, year, inputs.overskridelse_mio, split, agreements)
        except (RuleError, MunicipalDataError) as exc:
            lines.append(ScenarioLine(SANCTION_NAMES[type_], what, None, str(exc)))
            continue
        lines.append(ScenarioLine(SANCTION_NAMES[type_], what, result))
    agreement = agreements.get(year)
    for pool in settings()["puljer"]:
        fig = agreement.figures.get(pool["noegle"]) if agreement else None
        if fig is None or fig.value is None or fig.value == 0:
            continue
        mio = Decimal(fig.value)
        if pool.get("fratrukket"):
            less = agreement.figures.get(pool["fratrukket"]) if agreement else None
            if less is None or less.value is None:
                continue  # the population part is unknown: not guessed
            mio -= Decimal(less.value)
        kr = int((mio * 1_000_000).to_integral_value())
        result = distribute_pool(abs(kr), year=year)
        label = f"{pool['betegnelse']} ({spec_for(pool['noegle']).label}, aftalen for {year})"
        lines.append(
            ScenarioLine(
                label,
                f"{danish_number(mio)} mio. kr. {pool['regel']}",
                result,
                kilde=pool["kilde"],
                fortegn=-1 if kr < 0 else 1,
            )
        )
    lines.append(
        ScenarioLine(
            "Puljesimulatorens pulje",
            f"en pulje på {danish_number(inputs.pulje_kr)} kr. fordelt efter befolkning",
            distribute_pool(inputs.pulje_kr, year=year),
        )
    )
    return year, lines
