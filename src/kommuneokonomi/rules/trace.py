"""Explain every number: an amount carries its inputs, the parameters used (with sources) and the steps."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import BaseModel, Field

from kommuneokonomi.export import danish_number


class ParameterRef(BaseModel):
    navn: str
    betegnelse: str
    vaerdi: Any
    enhed: str
    kilde: str


class Step(BaseModel):
    beskrivelse: str
    formel: str | None = None
    resultat: str


class Trace(BaseModel):
    regel: str
    kommunekode: str | None = None
    kommunenavn: str | None = None
    beloeb_kr: int | None = None
    input: dict[str, Any] = Field(default_factory=dict)
    parametre: list[ParameterRef] = Field(default_factory=list)
    trin: list[Step] = Field(default_factory=list)

    def text(self) -> str:
        who = f" for {self.kommunenavn} ({self.kommunekode})" if self.kommunekode else ""
        lines = [f"{self.regel}{who}"]
        if self.beloeb_kr is not None:
            lines.append(f"  Beløb: {danish_number(self.beloeb_kr)} kr.")
        if self.input:
            lines.append("  Input:")
            lines += [f"    {k}: {v if k.endswith('aar') else _fmt(v)}" for k, v in self.input.items()]
        if self.parametre:
            lines.append("  Parametre:")
            lines += [f"    {p.betegnelse} = {_fmt(p.vaerdi)} {p.enhed} [{p.kilde}]" for p in self.parametre]
        lines.append("  Trin:")
        for i, step in enumerate(self.trin, start=1):
            formula = f"  [{step.formel}]" if step.formel else ""
            lines.append(f"    {i}. {step.beskrivelse}: {step.resultat}{formula}")
        return "\n".join(lines)


def _fmt(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_fmt(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return danish_number(value)
    return str(value)


def kr(value: int | float) -> str:
    return f"{danish_number(round(value))} kr."


def mio(value: Any) -> str:
    """An amount in mio. kr., shown to the krone (six decimals at most)."""
    exact = Decimal(str(value)).quantize(Decimal("0.000001"), ROUND_HALF_UP).normalize()
    return f"{danish_number(exact)} mio. kr."
