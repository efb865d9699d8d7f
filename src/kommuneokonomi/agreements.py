"""The agreements known to the system: the shipped parameters, overridden per year by ingested documents,
and the reviewers' corrections on top (each marked, with its provenance and the extracted value beside it).

A correction stays in force when a new document version for its year arrives: a reviewer's explicit value
is not silently replaced by a new automatic extraction. It is flagged instead (`document_changed`), with
the new document's value beside it, until the reviewer undoes it or corrects again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kommuneokonomi.export import TableData, Year, danish_number
from kommuneokonomi.extraction.keys import fixed_keys, spec_for
from kommuneokonomi.models import Figure, Gap, Source, coverage_of, to_json_number
from kommuneokonomi.parameters import (
    SUMMARY_KIND,
    ParameterFile,
    SummaryFile,
    shipped_parameters,
    shipped_summaries,
)
from kommuneokonomi.store import Store, StoredCorrection, StoredDocument

PARAMETER_BASIS = "parametre"
#: why a key is null, in Danish (`Gap.reason`)
REASONS = {"ikke_angivet": "ikke angivet", "tvetydig": "tvetydig", "modstrid": "modstrid"}
_LINES_RE = re.compile(r"linje(?:rne|r)?\s+(\d+)(?:\s*[-–]\s*(\d+))?", re.IGNORECASE)


@dataclass(frozen=True)
class AppliedCorrection:
    """A correction in force, with the figure it replaces in the agreement as it stands now."""

    correction: StoredCorrection
    extracted: Figure | None  # the current document's (or the shipped parameters') figure for the key
    basis: str  # what the agreement rests on now: "parametre" or "dokument <sha256>"
    basis_version: int | None

    @property
    def document_changed(self) -> bool:
        """The agreement's document is not the one the correction was made against."""
        return self.basis != self.correction.basis

    @property
    def date(self) -> str:
        return self.correction.created_at[:10]

    def describe(self) -> str:
        """The source of a corrected value, as traces show it: rettelse: <kilde>, <note>, <dato>."""
        c = self.correction
        return f"rettelse: {c.kilde}, {c.note}, {self.date}"

    def change_note(self) -> str | None:
        """Why the flag is raised, in Danish (None when the document is the one corrected)."""
        if not self.document_changed:
            return None
        c = self.correction
        then = f"version {c.basis_version}" if c.basis_version else "de indbyggede parametre"
        now = f"version {self.basis_version}" if self.basis_version else "de indbyggede parametre"
        new = self.extracted.value if self.extracted is not None else None
        same = " — samme værdi som rettelsen, så den kan fortrydes" if new == c.value else ""
        states = "ingen værdi" if new is None else _show(new)
        return (
            f"dokumentet er ændret siden rettelsen (rettet mod {then}, nu {now}; "
            f"det nye dokument angiver {states}{same})"
        )

    def to_json(self) -> dict:
        c = self.correction
        return {
            "id": c.id,
            "value": to_json_number(c.value),
            "unit": c.unit,
            "extracted_value": to_json_number(c.extracted_value),
            "current_extracted_value": to_json_number(self.extracted.value) if self.extracted else None,
            "kilde": c.kilde,
            "note": c.note,
            "user": c.user,
            "created_at": c.created_at,
            "document_changed": self.document_changed,
            "change_note": self.change_note(),
        }


@dataclass(frozen=True)
class Agreement:
    year: int
    date: str | None
    origin: str  # "parametre", "database (version N)" or "offentligt resumé"
    figures: dict[str, Figure]  # as in force: corrected values where a correction applies
    gaps: dict[str, Gap] = field(default_factory=dict)  # why the document's null keys are null
    document: StoredDocument | None = None  # the stored document version, when the year was ingested
    corrections: dict[str, AppliedCorrection] = field(default_factory=dict)
    #: figures taken from a public summary (key -> URL), not from an agreement's text
    summary_urls: dict[str, str] = field(default_factory=dict)

    @property
    def summary_only(self) -> bool:
        """Known only from a public summary: no agreement text, shipped or ingested."""
        return self.origin == SUMMARY_KIND

    @property
    def basis(self) -> str:
        return f"dokument {self.document.sha256}" if self.document else PARAMETER_BASIS

    def extracted(self, key: str) -> Figure | None:
        """The figure as the document (or the shipped parameters) states it, before any correction."""
        applied = self.corrections.get(key)
        return applied.extracted if applied is not None else self.figures.get(key)

    def with_correction(self, correction: StoredCorrection) -> Agreement:
        """This agreement with a correction in force for its key."""
        key = correction.key
        original = self.extracted(key)
        lines = _LINES_RE.search(correction.kilde)
        source = None
        if lines:
            start = int(lines.group(1))
            source = Source(section=None, line_start=start, line_end=int(lines.group(2) or start))
        fig = Figure(
            key=key,
            value=correction.value,
            unit=correction.unit,
            price_level=original.price_level if original else None,
            source=source,
        )
        applied = AppliedCorrection(
            correction, original, self.basis, self.document.version if self.document else None
        )
        date = str(correction.value) if key == "aftale_dato" else self.date
        return replace(
            self,
            date=date,
            figures=contract_order({**self.figures, key: fig}),
            corrections={**self.corrections, key: applied},
        )

    def coverage(self) -> dict:
        """The document's coverage (keys found, null keys with reasons), and which keys are corrected."""
        base = {k: self.extracted(k) for k in self.figures}
        out = coverage_of({k: f for k, f in base.items() if f is not None}, self.gaps)
        out["corrected"] = sorted(self.corrections)
        return out

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
                    Year(int(f.value)) if spec_for(key).kind == "year" and f.value is not None else f.value,
                    f.unit or "",
                    None if f.price_level is None else Year(f.price_level),
                    where,
                    f"{src.line_start}-{src.line_end}" if src else "",
                    f"{SUMMARY_KIND}: {self.summary_urls[key]}"
                    if key in self.summary_urls
                    else "aftaletekst",
                    self.correction_note(key),
                ]
            )
        return TableData(
            f"Aftale om kommunernes økonomi for {self.year} ({self.origin})",
            ["Nøgle", "Betegnelse", "Værdi", "Enhed", "Prisniveau", "Afsnit", "Linjer", "Kilde", "Rettelse"],
            rows,
            sheet=f"Aftale {self.year}",
        )

    def correction_note(self, key: str) -> str:
        """The note for a corrected key: rettet <dato>: <note> (kilde …; udtrukket …); else ""."""
        applied = self.corrections.get(key)
        if applied is None:
            return ""
        c = applied.correction
        flag = f"; OBS: {applied.change_note()}" if applied.document_changed else ""
        return (
            f"rettet {applied.date}: {c.note} (kilde: {c.kilde}; udtrukket: {_show(c.extracted_value)}){flag}"
        )

    def to_json(self) -> dict:
        figures: dict = {}
        for k, f in self.figures.items():
            figures[k] = (
                None
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
            )
            if k in self.corrections and figures[k] is not None:
                figures[k]["correction"] = self.corrections[k].to_json()
        return {
            "aar": self.year,
            "dato": self.date,
            "kilde": self.origin,
            "figures": figures,
            "coverage": self.coverage(),
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
                gaps=store.gaps(doc.id),
                document=doc,
            )
    agreements = merge_summaries(agreements, shipped_summaries())
    if store is not None:
        for (year, _), correction in store.active_corrections().items():
            if year in agreements:
                agreements[year] = agreements[year].with_correction(correction)
    return agreements


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
            out[year] = replace(
                a, figures=contract_order(figures), summary_urls={**a.summary_urls, key: sv.url}
            )
    return dict(sorted(out.items()))


def _date(figs: dict[str, Figure]) -> str | None:
    fig = figs.get("aftale_dato")
    return str(fig.value) if fig and fig.value is not None else None


def _show(value) -> str:
    """A value for a message: Danish number format, "ikke angivet" for None."""
    return "ikke angivet" if value is None else danish_number(value)


def coverage_line(coverage: dict) -> str:
    """The null keys of a coverage object, grouped by reason, candidates with their lines (one line)."""
    by_reason: dict[str, list[str]] = {}
    for key, gap in coverage["null"].items():
        cands = [
            f"{danish_number(c['value'])}"
            + (f" linje {c['source']['line_start']}" if c.get("source") else "")
            for c in gap["candidates"]
        ]
        by_reason.setdefault(gap["reason"], []).append(key + (f" ({'; '.join(cands)})" if cands else ""))
    parts = [f"{REASONS.get(r, r)}: {', '.join(keys)}" for r, keys in by_reason.items()]
    return f"{len(coverage['null'])} uden værdi — " + " · ".join(parts)
