"""Tabel 1, "Balance for kommunerne": rows as printed (incomes negative), converted to mio. kr.

The table may be interrupted by an unrelated paragraph (PDF layout); rows are read across it. Row labels
with typos ("Aktivtetsbaseret medfinansiering") are matched to the nearest known label and reported.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from kommuneokonomi.extraction.numbers import parse_number, precision_of, to_mio
from kommuneokonomi.models import Block, Document, Figure, Issue

#: printed labels (lower case) by row key; the first is the canonical spelling
ROW_LABELS: dict[str, tuple[str, ...]] = {
    "serviceudgifter": ("serviceudgifter, netto", "serviceudgifter"),
    "aktivitetsbestemt_medfinansiering": (
        "aktivitetsbestemt medfinansiering",
        "aktivitetsbaseret medfinansiering",
    ),
    "overfoersler": ("overførsler",),
    "forsikrede_ledige": ("udgifter til forsikrede ledige mv.", "forsikrede ledige"),
    "bruttoanlaeg": ("bruttoanlæg (ekskl. ældreboliger)", "bruttoanlæg"),
    "oevrige_udgifter": ("øvrige udgifter",),
    "udgifter_i_alt": ("udgifter i alt",),
    "skatteindtaegter": ("skatteindtægter",),
    "bloktilskud": ("bloktilskud mv.", "bloktilskud"),
    "heraf_betinget_bloktilskud": ("heraf betinget bloktilskud",),
    "beskaeftigelsestilskud": ("beskæftigelsestilskud",),
    "oevrige_indtaegter": ("øvrige indtægter",),
    "indtaegter_i_alt": ("indtægter i alt",),
}
EXPENDITURE_ROWS = (
    "serviceudgifter",
    "aktivitetsbestemt_medfinansiering",
    "overfoersler",
    "forsikrede_ledige",
    "bruttoanlaeg",
    "oevrige_udgifter",
)
INCOME_ROWS = ("skatteindtaegter", "bloktilskud", "beskaeftigelsestilskud", "oevrige_indtaegter")
TOTALS = {"udgifter_i_alt": EXPENDITURE_ROWS, "indtaegter_i_alt": INCOME_ROWS}
_UNIT_RE = re.compile(r"(?P<unit>mio|mia)\.\s*kr\.,?\s*(?P<pl>\d{4})-pl", re.IGNORECASE)
_MATCH_CUTOFF = 0.8
_MAX_BLOCKS_BEFORE_ROWS = 40


@dataclass
class BalanceTable:
    figures: dict[str, Figure]
    issues: list[Issue]


def _label_key(label: str) -> tuple[str | None, bool]:
    """(row key, exact?) for a printed label."""
    clean = re.sub(r"^[-–•\s]+", "", label).strip().lower()
    for key, labels in ROW_LABELS.items():
        if clean in labels:
            return key, True
    candidates = {alias: key for key, labels in ROW_LABELS.items() for alias in labels}
    best = difflib.get_close_matches(clean, list(candidates), n=1, cutoff=_MATCH_CUTOFF)
    return (candidates[best[0]], False) if best else (None, False)


def find_balance_table(doc: Document) -> BalanceTable | None:
    blocks = doc.blocks
    start = next(
        (
            i
            for i, b in enumerate(blocks)
            if b.kind == "heading"
            and b.text.startswith("Tabel")
            and any("balance" in x.text.lower() for x in blocks[i + 1 : i + 3])
        ),
        None,
    )
    if start is None:
        return None
    unit, price_level, unit_block = "mio", None, None
    rows: list[Block] = []
    interruptions: list[Block] = []
    for block in blocks[start + 1 :]:
        m = _UNIT_RE.search(block.text)
        if m and not rows:
            unit, price_level, unit_block = m.group("unit").lower(), int(m.group("pl")), block
            continue
        if block.kind == "table_row" and block.cells and len(block.cells) >= 2:
            rows.append(block)
            continue
        if block.kind == "heading" and rows:
            break
        if block.kind == "paragraph":
            interruptions.append(block)
        if len(interruptions) > _MAX_BLOCKS_BEFORE_ROWS:
            break
    figures: dict[str, Figure] = {}
    issues: list[Issue] = []
    for row in rows:
        label, value_text = row.cells[0], row.cells[-1]
        key, exact = _label_key(label)
        if key is None:
            issues.append(
                Issue(
                    code="tabel_ukendt_raekke",
                    severity="advarsel",
                    source=row.source(),
                    message=f"Tabel 1: ukendt række {label!r} blev ikke læst",
                )
            )
            continue
        try:
            number = parse_number(value_text)
        except ValueError:
            continue
        if not exact:
            issues.append(
                Issue(
                    code="tabel_etiket_stavefejl",
                    severity="info",
                    source=row.source(),
                    message=f"Tabel 1: rækken {label!r} læst som {ROW_LABELS[key][0]!r}",
                )
            )
        figures[f"balance.{key}"] = Figure(
            key=f"balance.{key}",
            value=to_mio(number, unit),
            unit="mio. kr.",
            price_level=price_level,
            source=row.source(),
            precision=to_mio(precision_of(value_text), unit),
        )
    if (
        rows
        and interruptions
        and any(
            rows[0].line_start < b.line_start < rows[-1].line_end
            or (unit_block and unit_block.line_end < b.line_start < rows[0].line_start)
            for b in interruptions
        )
    ):
        lines = [b for b in interruptions if b.line_start < rows[-1].line_end]
        issues.append(
            Issue(
                code="tabel_afbrudt",
                severity="info",
                source=lines[0].source(),
                message=f"Tabel 1 er afbrudt af tekst (linje {lines[0].line_start}-"
                f"{lines[-1].line_end}); rækkerne er læst samlet",
            )
        )
    issues.extend(check_totals(figures))
    return BalanceTable(figures=figures, issues=issues)


def check_totals(figures: dict[str, Figure]) -> list[Issue]:
    """Rows against printed totals: off by at most one unit of the last printed digit is rounding."""
    issues = []
    for total_key, parts in TOTALS.items():
        total = figures.get(f"balance.{total_key}")
        present = [figures[f"balance.{p}"] for p in parts if f"balance.{p}" in figures]
        if total is None or not present:
            continue
        computed = sum((Decimal(f.value) for f in present), Decimal(0))
        diff = computed - Decimal(total.value)
        unit = total.precision or Decimal(1)
        if diff == 0:
            continue
        rounding = abs(diff) <= unit
        issues.append(
            Issue(
                code="tabel_afrunding" if rounding else "tabel_sum_fejl",
                severity="info" if rounding else "fejl",
                source=total.source,
                message=(
                    f"Tabel 1: rækkerne summerer til {computed} mio. kr., men "
                    f"'{ROW_LABELS[total_key][0]}' er trykt som {total.value} (forskel {diff}"
                    f"{', afrunding' if rounding else ''})"
                ),
            )
        )
    return issues
