"""Price and wage conversion (PL): chain the year-on-year estimates of one index.

A_T = A_S × Π_{y=S+1..T} (1 + g_y/100), and the inverse for T < S (rules.md section 8). The agreement for
budget year y gives g_y, the estimate from y-1 to y: `pl_service` for service frames, `pl_anlaeg` for
construction, `pl_samlet` for the total. Different indices are never multiplied together. A year without
an estimate is an error naming that year, unless the user supplies the rate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.rules.params import RuleError, agreement_value, finite_decimal
from kommuneokonomi.rules.trace import ParameterRef

INDEX_KEYS = {"service": "pl_service", "anlaeg": "pl_anlaeg", "samlet": "pl_samlet"}
#: which index converts which series (rules.md 8: service-PL for service, construction-PL for anlæg)
SERIES_INDEX = {
    "serviceramme": "service",
    "balance.serviceudgifter": "service",
    "anlaegsramme": "anlaeg",
    "balance.bruttoanlaeg": "anlaeg",
}
#: results are kept to the krone of an amount in mio. kr.
QUANTUM = Decimal("0.000001")


@dataclass(frozen=True)
class Link:
    year: int
    pct: Decimal
    source: ParameterRef | None  # None when supplied by the user


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    result: Decimal
    from_year: int
    to_year: int
    index: str
    factor: Decimal
    links: list[Link]

    def to_json(self) -> dict[str, Any]:
        return {
            "beloeb": self.result,
            "beloeb_fra": self.amount,
            "fra": self.from_year,
            "til": self.to_year,
            "indeks": self.index,
            "faktor": self.factor,
            "trin": [
                {
                    "aar": link.year,
                    "pct": link.pct,
                    "kilde": link.source.kilde if link.source else "angivet af brugeren",
                }
                for link in self.links
            ],
        }


_RATE_RE = re.compile(r"^\s*(\d{4})\s*=\s*(-?\d{1,2}(?:[.,]\d{1,4})?)\s*$")


def parse_rates(items: list[str]) -> dict[int, Decimal]:
    """User-supplied estimates "ÅR=PCT" ("2021=1,5"), for years no agreement covers."""
    out = {}
    for item in items:
        m = _RATE_RE.match(item)
        if not m:
            raise RuleError(f"sats {item!r}: brug ÅR=PCT, fx 2021=1,5")
        out[int(m.group(1))] = finite_decimal(m.group(2), f"sats {item!r}", code=True)
    return out


def rates(
    index: str,
    years: range,
    agreements: dict[int, Agreement] | None = None,
    supplied: dict[int, Decimal] | None = None,
) -> list[Link]:
    if index not in INDEX_KEYS:
        raise RuleError(f"ukendt indeks {index!r}; brug {', '.join(INDEX_KEYS)}")
    known = agreements if agreements is not None else load_agreements()
    supplied = supplied or {}
    links = []
    missing = []
    for year in years:
        if year in supplied:
            links.append(Link(year, supplied[year], None))
        elif (
            year in known
            and known[year].figures.get(INDEX_KEYS[index]) is not None
            and known[year].figures[INDEX_KEYS[index]].value is not None
        ):
            pct, ref = agreement_value(known[year], INDEX_KEYS[index])
            links.append(Link(year, pct, ref))
        else:
            missing.append(year)
    if missing:
        years_text = ", ".join(f"{y - 1}-{y}" for y in missing)
        raise RuleError(
            f"PL-skøn ({index}) mangler for {years_text}: ingen aftale for "
            f"{', '.join(map(str, missing))} i data; angiv det med --sats {missing[0]}=PCT"
        )
    return links


def convert(
    amount: Decimal,
    from_year: int,
    to_year: int,
    index: str,
    agreements: dict[int, Agreement] | None = None,
    supplied: dict[int, Decimal] | None = None,
) -> Conversion:
    """Convert an amount from the price level of one year to another by chaining one index."""
    lo, hi = sorted((from_year, to_year))
    links = rates(index, range(lo + 1, hi + 1), agreements, supplied)
    factor = Decimal(1)
    for link in links:
        factor *= 1 + link.pct / 100
    result = amount * factor if to_year >= from_year else amount / factor
    return Conversion(
        amount=amount,
        result=result.quantize(QUANTUM, ROUND_HALF_UP),
        from_year=from_year,
        to_year=to_year,
        index=index,
        factor=factor,
        links=links,
    )


def series(
    key: str,
    to_year: int,
    agreements: dict[int, Agreement] | None = None,
    supplied: dict[int, Decimal] | None = None,
    index: str | None = None,
) -> list[dict[str, Any]]:
    """A figure over all known years in current prices and in the fixed prices of `to_year`.

    A year whose chain lacks an estimate keeps its current-price value, with `faste` None and the error
    naming the missing year in `bemaerkning` (years known only from a summary often have no PL estimate)."""
    known = agreements if agreements is not None else load_agreements()
    index = index or SERIES_INDEX.get(key, "samlet")
    rows = []
    for year, a in known.items():
        fig = a.figures.get(key)
        if fig is None or fig.value is None:
            continue
        value = Decimal(fig.value)
        row = {"aar": year, "loebende": value, "prisniveau": to_year, "indeks": index}
        try:
            fixed = convert(value, year, to_year, index, known, supplied)
        except RuleError as exc:
            row.update({"faste": None, "faktor": None, "bemaerkning": str(exc)})
        else:
            row.update({"faste": fixed.result, "faktor": fixed.factor})
        rows.append(row)
    if not rows:
        raise RuleError(f"ingen værdier for {key}")
    return rows
