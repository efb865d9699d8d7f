"""The agreements known to the system: the shipped parameters, overridden per year by ingested documents."""

from __future__ import annotations

from dataclasses import dataclass

from kommuneokonomi.export import TableData
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.models import Figure, Source, to_json_number
from kommuneokonomi.parameters import ParameterFile, shipped_parameters
from kommuneokonomi.store import Store


@dataclass(frozen=True)
class Agreement:
    year: int
    date: str | None
    origin: str  # "parametre" or "database (version N)"
    figures: dict[str, Figure]

    def table(self) -> TableData:
        """Every figure with its label, unit, price level and source (the CLI's and the web's download)."""
        rows = []
        for key, f in self.figures.items():
            src = f.source
            where = ((src.section or "") + (f" / {src.part}" if src.part else "")) if src else ""
            rows.append(
                [
                    key,
                    spec_for(key).label,
                    f.value,
                    f.unit or "",
                    f.price_level,
                    where,
                    f"{src.line_start}-{src.line_end}" if src else "",
                ]
            )
        return TableData(
            f"Aftale om kommunernes økonomi for {self.year} ({self.origin})",
            ["Nøgle", "Betegnelse", "Værdi", "Enhed", "Prisniveau", "Afsnit", "Linjer"],
            rows,
        )

    def to_json(self) -> dict:
        return {
            "aar": self.year,
            "dato": self.date,
            "kilde": self.origin,
            "figures": {
                k: None
                if f.value is None
                else {
                    "value": to_json_number(f.value),
                    "unit": f.unit,
                    "price_level": f.price_level,
                    "source": f.source.to_contract() if f.source else None,
                }
                for k, f in self.figures.items()
            },
        }


def from_parameters(files: dict[str, ParameterFile]) -> dict[int, Agreement]:
    by_year: dict[int, dict[str, Figure]] = {}
    for key, entry in files.items():
        for year, pv in entry.values.items():
            source = None
            if pv.reference is not None:
                source = Source(
                    section=pv.reference.section,
                    part=pv.reference.part,
                    line_start=pv.reference.line_start,
                    line_end=pv.reference.line_end,
                )
            by_year.setdefault(year, {})[key] = Figure(
                key=key,
                value=pv.exact,
                unit=entry.unit if pv.value is not None else None,
                price_level=pv.price_level,
                source=source,
            )
    return {
        year: Agreement(year=year, date=_date(figs), origin="parametre", figures=contract_order(figs))
        for year, figs in sorted(by_year.items())
    }


def contract_order(figs: dict[str, Figure]) -> dict[str, Figure]:
    """Keys in the order of the figure contract; per-year keys (tilskudsprocent.YYYY) last, by year."""
    rank = {key: i for i, key in enumerate(fixed_keys())}
    return dict(sorted(figs.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def load_agreements(store: Store | None = None) -> dict[int, Agreement]:
    agreements = from_parameters(shipped_parameters())
    if store is not None:
        for year, doc in store.latest().items():
            figs = store.figures(doc.id)
            agreements[year] = Agreement(
                year=year,
                date=doc.date,
                origin=f"database (version {doc.version})",
                figures=contract_order(figs),
            )
    return dict(sorted(agreements.items()))


def _date(figs: dict[str, Figure]) -> str | None:
    fig = figs.get("aftale_dato")
    return str(fig.value) if fig and fig.value is not None else None
