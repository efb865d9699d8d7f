"""Consistency checks, reported as warnings with a code and a source location, and the checks that decide.

- a frame in the text against the same figure in Tabel 1 (`reconcile`): equal within rounding, the more
  precise statement is the value (251,9 mia. kr. in the text, 251.934 mio. kr. in the table: 251934);
  an ambiguous text figure is decided by the one candidate the table confirms; a frame the text does not
  state is read from the table's agreement column (with a note), and so is one the text states only
  approximately ("godt 431 mia. kr.") when the table's figure rounds to it. A conflict beyond rounding
  keeps the text's value (the frame is stated in words; a table column may be misread) and is a warning;
- a figure in the text against the same figure in Tabel 1;
- the regional contribution rule: previous amount × (1 + regional PL) rounds to the new amount;
- expected sections that are missing (title, date, frames chapter, Tabel 1, PL estimates).
Table sums are checked where the table is read (`balance.check_totals`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kommuneokonomi.extraction.figures import APPROX_TOLERANCE, TextFigures
from kommuneokonomi.models import Document, Figure, Issue, as_decimal

#: (text keys summed, table key, sign of the table row)
TEXT_VS_TABLE = (
    (("serviceramme",), "balance.serviceudgifter", 1),
    (("anlaegsramme",), "balance.bruttoanlaeg", 1),
    (
        ("betinget_bloktilskud_service", "betinget_bloktilskud_anlaeg"),
        "balance.heraf_betinget_bloktilskud",
        -1,
    ),
)


#: (text key, table key): the frame and its row in Tabel 1's agreement column
FRAME_ROWS = (("serviceramme", "balance.serviceudgifter"), ("anlaegsramme", "balance.bruttoanlaeg"))


def _agrees(text_value: Decimal, text_precision: Decimal | None, table_value: Decimal) -> bool:
    """Equal as printed: the table's figure rounds to the text's last printed digit."""
    return abs(text_value - table_value) * 2 <= (text_precision or Decimal(1))


def _rounds_to(rounded: Decimal, exact: Decimal) -> bool:
    """Is an approximate figure ("godt 431 mia. kr.") the exact one (431,7) rounded?"""
    return abs(rounded - exact) <= APPROX_TOLERANCE * abs(rounded)


def reconcile(found: dict[str, Figure], text: TextFigures) -> list[Issue]:
    """Decide the frames with Tabel 1 (see the module docstring); updates `found` and `text.gaps`."""
    issues: list[Issue] = []
    for key, row in FRAME_ROWS:
        table = found.get(row)
        if table is None or table.value is None:
            continue
        table_value = Decimal(table.value)
        fig = found.get(key)
        gap = text.gaps.get(key)
        if fig is None and gap is not None and gap.reason == "tvetydig":
            confirmed = [
                s
                for s in text.ranked.get(key, [])
                if _agrees(Decimal(s.value), s.token.precision, table_value)
            ]
            if len(confirmed) == 1:
                s = confirmed[0]
                fig = Figure(
                    key=key,
                    value=s.value,
                    unit=table.unit,
                    price_level=table.price_level,
                    source=s.source(),
                    precision=s.token.precision,
                )
                del text.gaps[key]
                issues.append(
                    Issue(
                        code="tvetydig_afgjort_af_tabel",
                        severity="info",
                        source=fig.source,
                        message=f"{key}: blandt flere mulige værdier bekræfter Tabel 1 (linje "
                        f"{table.source.line_start if table.source else '?'}) {s.value} mio. kr.",
                    )
                )
        if fig is None and gap is None:
            found[key] = table.model_copy(update={"key": key})
            issues.append(
                Issue(
                    code="ramme_fra_tabel",
                    severity="info",
                    source=table.source,
                    message=f"{key} står ikke i teksten; læst af Tabel 1 ({table.value} mio. kr.)",
                )
            )
            continue
        if fig is None:
            continue
        more_precise = (table.precision or 1) < (fig.precision or 1) and table_value != as_decimal(fig.value)
        if more_precise and _agrees(as_decimal(fig.value), fig.precision, table_value):
            found[key] = table.model_copy(update={"key": key})  # the same figure, more digits
        elif key in text.approximate and _rounds_to(as_decimal(fig.value), table_value):
            # "en serviceramme på godt 431 mia. kr.", Tabel 1 431,7: the table states the figure exactly
            found[key] = table.model_copy(update={"key": key})
            text.approximate.discard(key)
            issues.append(
                Issue(
                    code="omtrentligt_tal_praeciseret_af_tabel",
                    severity="info",
                    source=fig.source,
                    message=f"{key}: teksten angiver kun tallet omtrentligt ({fig.value} mio. kr.); "
                    f"Tabel 1 angiver det præcist ({table.value} mio. kr.)",
                )
            )
        else:
            found[key] = fig
    return issues


def text_vs_table(figures: dict[str, Figure]) -> list[Issue]:
    issues = []
    for text_keys, table_key, sign in TEXT_VS_TABLE:
        texts = [t for k in text_keys if (t := figures.get(k)) is not None and t.value is not None]
        table = figures.get(table_key)
        if table is None or table.value is None or len(texts) < len(text_keys):
            continue
        text_value = sum((as_decimal(t.value) for t in texts), Decimal(0))
        table_value = Decimal(table.value) * sign
        diff = text_value - table_value
        unit = max([t.precision or Decimal(1) for t in texts] + [table.precision or Decimal(1)])
        if abs(diff) * 2 <= unit:
            continue  # equal as printed
        rounding = abs(diff) <= unit
        names = " + ".join(text_keys)
        issues.append(
            Issue(
                code="tekst_tabel_afrunding" if rounding else "tekst_tabel_afvigelse",
                severity="info" if rounding else "fejl",
                source=texts[0].source,
                message=(
                    f"{names} i teksten ({text_value} mio. kr.) afviger fra Tabel 1 ({table_value} mio. kr., "
                    f"linje {table.source.line_start if table.source else '?'}) med {diff} mio. kr."
                    + (" (afrunding)" if rounding else "")
                ),
            )
        )
    return issues


def regional_contribution(figures: dict[str, Figure]) -> list[Issue]:
    """Grundbidrag: previous × (1 + regional PL), rounded to whole kroner, must equal the new amount."""
    prev, new, pl = (figures.get(k) for k in ("grundbidrag_forrige", "grundbidrag", "pl_regioner"))
    if not (prev and new and pl) or None in (prev.value, new.value, pl.value):
        return []
    expected = (as_decimal(prev.value) * (1 + as_decimal(pl.value) / 100)).quantize(Decimal(1), ROUND_HALF_UP)
    if expected == as_decimal(new.value):
        return []
    return [
        Issue(
            code="grundbidrag_afvigelse",
            severity="advarsel",
            source=new.source,
            message=(
                f"grundbidrag {new.value} kr. pr. indbygger svarer ikke til {prev.value} × "
                f"(1 + {pl.value} %) = {expected} kr."
            ),
        )
    ]


def missing_sections(
    doc: Document, figures: dict[str, Figure], has_title: bool, has_date: bool
) -> list[Issue]:
    issues = []
    if not has_title:
        issues.append(
            Issue(
                code="titel_mangler",
                severity="info",
                message="dokumentet har ingen titel; budgetåret er læst af rammeafsnittet",
            )
        )
    if not has_date:
        issues.append(
            Issue(code="dato_mangler", severity="info", message="dokumentet angiver ingen aftaledato")
        )
    if not any(s.kind == "kapitel" and "økonomi" in s.label.lower() for s in doc.sections):
        issues.append(
            Issue(
                code="afsnit_mangler",
                severity="advarsel",
                message="kapitlet 'Kommunernes økonomiske rammer' blev ikke fundet",
            )
        )
    if not any(k.startswith("balance.") for k in figures):
        issues.append(
            Issue(
                code="afsnit_mangler",
                severity="advarsel",
                message="Tabel 1 (balance for kommunerne) blev ikke fundet",
            )
        )
    if "pl_samlet" not in figures and "pl_service" not in figures:
        issues.append(
            Issue(
                code="afsnit_mangler",
                severity="advarsel",
                message="afsnittet om pris- og lønudvikling (PL-skøn) blev ikke fundet",
            )
        )
    return issues
