"""The agreements known to the system: the shipped parameters, overridden per year by ingested documents."""

from __future__ import annotations

from dataclasses import dataclass, field

from kommuneokonomi.export import TableData
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.models import Figure, Source, to_json_number
from kommuneokonomi.parameters import (
    SUMMARY_KIND,
    ParameterFile,
    SummaryFile,
    shipped_parameters,
    shipped_summaries,
)
from kommuneokonomi.store import Store


@dataclass(frozen=True)
class Agreement:
    year: int
    date: str | None
    origin: str  # "parametre", "database (version N)" or "offentligt resumé"
    figures: dict[str, Figure]
    #: figures taken from a public summary (key -> URL), not from an agreement's text
    summary_urls: dict[str, str] = field(default_factory=dict)

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
                    f"{SUMMARY_KIND}: {self.summary_urls[key]}"
                    if key in self.summary_urls
                    else "aftaletekst",
                ]
            )
        return TableData(
            f"Aftale om kommunernes økonomi for {self.year} ({self.origin})",
            ["Nøgle", "Betegnelse", "Værdi", "Enhed", "Prisniveau", "Afsnit", "Linjer", "Kilde"],
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
                    **(
                        {"kilde": {"art": SUMMARY_KIND, "url": self.summary_urls[k]}}
                        if k in self.summary_urls
                        else {}
                    ),
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
    return merge_summaries(agreements, shipped_summaries())


def merge_summaries(
    agreements: dict[int, Agreement], summaries: dict[str, SummaryFile]
) -> dict[int, Agreement]:
    """Facts from public summaries fill the keys no agreement gives (lower priority: an agreement's value,
    shipped or ingested, always wins); a year known only from summaries gets origin "offentligt resumé"."""
    out = dict(agreements)
    for key, entry in summaries.items():
        for year, sv in entry.values.items():
            a = out.get(year) or Agreement(year=year, date=None, origin=SUMMARY_KIND, figures={})
            fig = a.figures.get(key)
            if fig is not None and fig.value is not None:
                continue
            figures = dict(a.figures)
            figures[key] = Figure(key=key, value=sv.exact, unit=entry.unit, price_level=sv.price_level)
            out[year] = Agreement(
                year=a.year,
                date=a.date,
                origin=a.origin,
                figures=contract_order(figures),
                summary_urls={**a.summary_urls, key: sv.url},
            )
    return dict(sorted(out.items()))


def _date(figs: dict[str, Figure]) -> str | None:
    fig = figs.get("aftale_dato")
    return str(fig.value) if fig and fig.value is not None else None
