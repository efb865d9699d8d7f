"""Published facts per municipality, shipped with a source on every row (see data/kilder.yaml): its income-tax
rate (udskrivningsprocent) by year, særtilskud, and granted tax changes (tilskud til skattenedsættelse,
rammer til skatteforhøjelse). Lists that are known to be partial say so."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from kommuneokonomi.rules.kommuner import _data, register


@dataclass(frozen=True)
class TaxRate:
    aar: int
    udskrivningsprocent: Decimal | None  # None: the list gave only the church tax
    kirkeskatteprocent: Decimal | None
    verificeret: bool  # an official list (skm.dk, the ministry); False: a secondary table, unverified
    kilde: str


@dataclass(frozen=True)
class Grant:
    """One published amount for one municipality and year: særtilskud or a granted tax change."""

    aar: int
    ordning: str
    beloeb_mio: Decimal | None
    sats_foer: Decimal | None  # the rate the year before (tax-cut subsidies)
    tilladt_nedsaettelse: Decimal | None  # pct.-points financed by the subsidy
    komplet: bool  # the published list is complete for that year
    kilde: str


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_data(name))))


def _decimal(text: str) -> Decimal | None:
    text = (text or "").strip()
    return Decimal(text) if text else None


@cache
def _tax_rates() -> dict[str, tuple[TaxRate, ...]]:
    """One row per municipality and year; rows of one year are merged (a list may give only the church
    tax), an official list winning over a secondary one for each rate."""
    found: dict[str, dict[int, TaxRate]] = {}
    for r in _rows("udskrivningsprocent.csv"):
        code, year = r["kommunekode"].zfill(3), int(r["year"])
        rate = TaxRate(
            aar=year,
            udskrivningsprocent=_decimal(r["udskrivningsprocent"]),
            kirkeskatteprocent=_decimal(r["kirkeskatteprocent"]),
            verificeret=r["source_type"].startswith("official"),
            kilde=r["source"],
        )
        old = found.setdefault(code, {}).get(year)
        if old is not None:
            first, second = (rate, old) if rate.verificeret and not old.verificeret else (old, rate)
            rate = TaxRate(
                aar=year,
                udskrivningsprocent=first.udskrivningsprocent or second.udskrivningsprocent,
                kirkeskatteprocent=first.kirkeskatteprocent or second.kirkeskatteprocent,
                verificeret=first.verificeret,
                kilde=first.kilde,
            )
        found[code][year] = rate
    return {c: tuple(sorted(by_year.values(), key=lambda t: -t.aar)) for c, by_year in found.items()}


def tax_rates(code: str) -> tuple[TaxRate, ...]:
    """The municipality's known udskrivningsprocent, newest year first (empty when none is known)."""
    return _tax_rates().get(register().codes[register().index(code)], ())


def _grants(name: str, code: str) -> tuple[Grant, ...]:
    code = register().codes[register().index(code)]
    out = []
    for r in _rows(name):
        if r["kommunekode"].zfill(3) != code:
            continue
        scheme = (r.get("scheme") or r.get("pool") or "").split("(")[0].strip()
        note = r.get("completeness_note") or r.get("note") or ""
        out.append(
            Grant(
                aar=int(r["year"]),
                ordning=scheme,
                beloeb_mio=_decimal(r["amount_mio_kr"]),
                sats_foer=_decimal(r.get("udskrivningsprocent_prior_year", "")),
                tilladt_nedsaettelse=_decimal(r.get("permitted_reduction_pct_points", "")),
                komplet="PARTIAL" not in note.upper(),
                kilde=r["source"],
            )
        )
    return tuple(sorted(out, key=lambda g: -g.aar))


def saertilskud(code: str) -> tuple[Grant, ...]:
    """Published særtilskud to the municipality, newest first (years before 2024 from partial lists)."""
    return _grants("saertilskud.csv", code)


def tax_grants(code: str) -> tuple[Grant, ...]:
    """Granted subsidised tax cuts and tax-increase frames for the municipality, newest first."""
    return _grants("skatteramme_tilskud.csv", code)
