"""The result of a rule for the 98 municipalities: whole kroner per municipality, with a trace for each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.trace import ParameterRef, Step, Trace


@dataclass
class MunicipalResult:
    rule: str
    total_kr: int
    amounts_kr: list[int]  # in register order (ascending kommunekode)
    inputs: dict[str, Any]
    parameters: list[ParameterRef]
    steps: list[Step]  # the common steps (aggregate)
    municipal_steps: Callable[[int], list[Step]]
    summary: dict[str, Any] = field(default_factory=dict)  # rule-specific aggregate figures for the JSON

    def trace(self, code: str | None = None) -> Trace:
        reg = register()
        if code is None:
            return Trace(
                regel=self.rule,
                beloeb_kr=self.total_kr,
                input=self.inputs,
                parametre=self.parameters,
                trin=self.steps,
            )
        i = reg.index(code)
        return Trace(
            regel=self.rule,
            kommunekode=reg.codes[i],
            kommunenavn=reg.names[i],
            beloeb_kr=self.amounts_kr[i],
            input=self.inputs,
            parametre=self.parameters,
            trin=self.steps + self.municipal_steps(i),
        )

    def municipalities(self) -> list[dict[str, Any]]:
        reg = register()
        return [
            {"kommunekode": c, "kommunenavn": n, "beloeb_kr": a}
            for c, n, a in zip(reg.codes, reg.names, self.amounts_kr, strict=True)
        ]
