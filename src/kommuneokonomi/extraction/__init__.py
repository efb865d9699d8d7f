"""From a normalised document to the canonical figures with sources and warnings."""

from __future__ import annotations

from kommuneokonomi.documents import DocumentError
from kommuneokonomi.extraction import checks
from kommuneokonomi.extraction.balance import find_balance_table
from kommuneokonomi.extraction.figures import find_text_figures
from kommuneokonomi.extraction.keys import fixed_keys
from kommuneokonomi.extraction.meta import find_meta, regions_parts
from kommuneokonomi.models import Document, DocumentMeta, DocumentResult, Figure, Gap, Issue

#: fewer figures than this, and no title: the file is not an economy agreement
_MIN_FIGURES_WITHOUT_TITLE = 3
#: without a title, the parties' agreement must be stated this often ("Regeringen og KL er enige om")
_MIN_VOICE_WITHOUT_TITLE = 2


def extract(doc: Document) -> DocumentResult:
    """Recognise the agreement by its content (title, or frames and the parties' voice) and extract it."""
    meta = find_meta(doc)
    if meta.regions:
        raise DocumentError(
            "dette er aftalen om regionernes økonomi (regeringen og Danske Regioner), ikke kommunernes; "
            "kun aftaler om kommunernes økonomi kan indlæses"
        )
    if meta.title is None and meta.voice < _MIN_VOICE_WITHOUT_TITLE:
        raise DocumentError(
            "ikke en økonomiaftale: ingen titel ('Aftale om kommunernes økonomi for …'), og teksten "
            "angiver ingen aftale mellem parterne ('Regeringen og KL er enige om …')"
        )
    if meta.year is None:
        raise DocumentError(
            "ikke en økonomiaftale: hverken titel ('Aftale om kommunernes økonomi for …') "
            "eller et rammeafsnit med budgetåret blev fundet"
        )
    year = int(meta.year.value)
    found: dict[str, Figure] = {}
    issues: list[Issue] = []
    if doc.encoding != "utf-8":
        issues.append(
            Issue(
                code="tegnsaet", severity="info", message=f"filen er ikke UTF-8 og er læst som {doc.encoding}"
            )
        )
    found["aar"] = Figure(key="aar", value=year, unit="år", source=meta.year.source)
    if meta.date:
        found["aftale_dato"] = Figure(
            key="aftale_dato", value=str(meta.date.value), unit="dato", source=meta.date.source
        )
    own = doc
    parts = regions_parts(doc)
    if parts:  # a joint publication: the regions' agreement is not read for the municipalities' figures
        dropped = {k for a, b in parts for k in range(a, b)}
        own = doc.model_copy(update={"blocks": [b for k, b in enumerate(doc.blocks) if k not in dropped]})
        for a, b in parts:
            first, last = doc.blocks[a], doc.blocks[b - 1]
            issues.append(
                Issue(
                    code="regionsaftale_udeladt",
                    severity="info",
                    source=first.source().model_copy(update={"line_end": last.line_end}),
                    message=f"regionernes aftale (linje {first.line_start}-{last.line_end}) i samme "
                    "publikation er ikke læst for kommunernes nøgletal",
                )
            )
    text = find_text_figures(own, year)
    found.update(text.figures)
    found.update(text.extra)
    table = find_balance_table(own, year)
    if table:
        found.update(table.figures)
        issues.extend(table.issues)
    if meta.title is None and len(found) - 1 < _MIN_FIGURES_WITHOUT_TITLE:
        raise DocumentError(
            "ikke en økonomiaftale: ingen titel og kun "
            f"{len(found) - 1} nøgletal fundet (fx serviceramme, Tabel 1)"
        )
    if meta.year_conflict:
        issues.append(
            Issue(
                code="aar_konflikt",
                severity="advarsel",
                source=meta.year_conflict.source,
                message=(f"titlen siger {year}, men rammeafsnittet nævner {meta.year_conflict.value}"),
            )
        )
    issues.extend(checks.reconcile(found, text))
    issues.extend(text.issues())
    issues.extend(checks.text_vs_table(found))
    issues.extend(checks.regional_contribution(found))
    issues.extend(checks.missing_sections(doc, found, meta.title is not None, meta.date is not None))
    figures: dict[str, Figure | None] = {key: found.get(key) for key in fixed_keys()}
    figures.update({k: v for k, v in sorted(found.items()) if k.startswith("tilskudsprocent.")})
    return DocumentResult(
        meta=DocumentMeta(
            year=year,
            date=str(meta.date.value) if meta.date else None,
            title=str(meta.title.value) if meta.title else None,
            sha256=doc.sha256,
            format=doc.format,
            path=doc.path,
        ),
        figures={k: v if v is not None else Figure(key=k, value=None, unit=None) for k, v in figures.items()},
        warnings=issues,
        document=doc,
        gaps={k: text.gaps.get(k) or Gap(key=k) for k, v in figures.items() if v is None},
    )
