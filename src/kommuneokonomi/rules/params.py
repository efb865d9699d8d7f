"""Parameters for the rules: legal constants (`parameters/regler/*.yaml`, with law, URL and confidence) and
the agreements' figures (shipped parameters or ingested documents), both with their sources for traces.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.danish_numbers import NumberInputError, parse_input
from kommuneokonomi.extraction.keys import spec_for
from kommuneokonomi.parameters import load_model
from kommuneokonomi.rules.trace import ParameterRef, mio

RULES_DIR = Path(str(resources.files("kommuneokonomi.parameters"))) / "regler"


class RuleError(ValueError):
    """Input or parameters that a rule cannot work with; the message says which and why."""


#: a typed option beyond this size (mio. kr. or pct.) is a typing error, not an amount
_MAX_OPTION = Decimal("1e12")


def finite_decimal(text: str, what: str, code: bool = False) -> Decimal:
    """A number a user typed, read the Danish way ("10,5", "1.000,5"; `danish_numbers.parse_input`), of a
    sane size, else a RuleError naming `what` (nan, inf and 1e400 would otherwise crash the arithmetic).
    `code`: the number of a choice code ("delt:60.5", as the API's pattern and the labels write it), a small
    number without thousands, read with a decimal point unless it has a comma."""
    try:
        return parse_input(text, what, "." if code and "," not in text else ",", _MAX_OPTION)
    except NumberInputError as exc:
        raise RuleError(str(exc)) from exc


#: a column total more than this factor away from the level it is compared with is in the wrong unit
UNIT_FACTOR = 100


def check_unit(
    column: str, values: Sequence[Decimal | None], level: Decimal, against: str = "det testede niveau"
) -> None:
    """Amounts are mio. kr.: a column summing to over 100 times the level it is compared with was typed in
    kroner, one under a hundredth in mia. kr. (a finance officer's "306,1"). The sanctions check every
    amount column against the tested level of its own test, the tax rule the udskrivningsgrundlag against
    the agreement's tax revenue, for the CLI, the API and the web alike."""
    total = sum((v for v in values if v is not None), Decimal(0))
    if level <= 0:
        return
    if total > level * UNIT_FACTOR:
        raise RuleError(
            f"kolonnen {column} summerer til {mio(total)}, over {UNIT_FACTOR} gange {against} "
            f"({mio(level)}): tallene ser ud til at være i kr., ikke mio. kr."
        )
    if 0 < total < level / UNIT_FACTOR:
        raise RuleError(
            f"kolonnen {column} summerer til {mio(total)}, under 1/{UNIT_FACTOR} af {against} "
            f"({mio(level)}): tallene ser ud til at være i mia. kr., ikke mio. kr."
        )


class LegalReference(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lov: str
    url: str | None = None
    sikkerhed: Literal["H", "M", "L"]


class RuleParameters(BaseModel):
    """One rule's constants, each with dated values (valid from the budget year given)."""

    model_config = ConfigDict(extra="forbid")

    key: str
    label: str
    reference: LegalReference
    values: dict[str, dict[int, Any]]
    units: dict[str, str]
    #: a source per dated value where the values come from different texts (name -> year -> source)
    kilder: dict[str, dict[int, str]] = {}

    def get(self, name: str, year: int) -> Any:
        dated = self.values.get(name)
        if dated is None:
            raise RuleError(f"parameteren {self.key}.{name} findes ikke")
        valid = [y for y in dated if y <= year]
        if not valid:
            raise RuleError(
                f"parameteren {self.key}.{name} har ingen værdi for {year} (første år {min(dated)})"
            )
        return dated[max(valid)]

    def ref(self, name: str, year: int) -> ParameterRef:
        source = f"{self.reference.lov} [{self.reference.sikkerhed}]"
        dated = self.kilder.get(name, {})
        valid = [y for y in dated if y <= year]
        if valid:
            source = f"{dated[max(valid)]} (gældende fra {max(valid)})"
        return ParameterRef(
            navn=f"{self.key}.{name}",
            betegnelse=f"{self.label}: {name.replace('_', ' ')}",
            vaerdi=self.get(name, year),
            enhed=self.units.get(name, ""),
            kilde=source,
        )


@cache
def rule_parameters(key: str) -> RuleParameters:
    return load_model(RULES_DIR / f"{key}.yaml", RuleParameters)


def agreement(year: int, agreements: dict[int, Agreement] | None = None) -> Agreement:
    known = agreements if agreements is not None else load_agreements()
    if year not in known:
        raise RuleError(f"ingen økonomiaftale for {year}; kendte år: {', '.join(map(str, known))}")
    return known[year]


def agreement_value(a: Agreement, key: str) -> tuple[Decimal, ParameterRef]:
    """A figure of an agreement with its source, or an error naming the key and the year."""
    fig = a.figures.get(key)
    if fig is None or fig.value is None:
        raise RuleError(
            f"aftalen for {a.year} angiver ikke {key} ({spec_for(key).label}); angiv værdien selv"
        )
    where = "aftaleteksten"
    if key in a.corrections:  # a reviewer's value: its provenance, not the (replaced) extracted source
        where = a.corrections[key].describe()
    elif key in a.summary_urls:
        where = f"offentligt resumé: {a.summary_urls[key]}"
    elif fig.source is not None:
        where = (
            f"{fig.source.section or ''}{' / ' + fig.source.part if fig.source.part else ''}, "
            f"linje {fig.source.line_start}-{fig.source.line_end}"
        )
    ref = ParameterRef(
        navn=key,
        betegnelse=spec_for(key).label,
        vaerdi=_plain(fig.value),
        enhed=fig.unit or "",
        kilde=f"Aftale om kommunernes økonomi for {a.year}, {where}"
        + ("" if key in a.summary_urls else f" ({a.origin})"),
    )
    return Decimal(fig.value), ref


def user_value(key: str, value: Decimal, unit: str) -> ParameterRef:
    return ParameterRef(
        navn=key,
        betegnelse=spec_for(key).label if "." not in key else key,
        vaerdi=_plain(value),
        enhed=unit,
        kilde="angivet af brugeren",
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def required_figure(
    year: int, key: str, agreements: dict[int, Agreement], option: str
) -> tuple[Decimal, ParameterRef]:
    """A figure that only an agreement (or a summary of one) gives; missing, an error naming the figure,
    the year and the option that supplies it. Rules from the law itself need no agreement (rules.md 3)."""
    a = agreements.get(year)
    fig = a.figures.get(key) if a is not None else None
    if a is None or fig is None or fig.value is None:
        raise RuleError(
            f"{key} for {year} mangler ({spec_for(key).label}): "
            f"angiv {option} MIO eller indlæs aftalen for {year}"
        )
    return agreement_value(a, key)
