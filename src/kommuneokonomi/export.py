"""Tables out: a terminal table (Danish number format), CSV, JSON and XLSX.

Files for Danish Excel: the CSV is UTF-8 with a BOM, ";" between cells and decimal commas without thousands
separators (`1234,5`), which Danish Excel opens in columns with æøå intact; the machine CSV (`csv-maskine`
on the command line, `?maskine=1` on a download) is "," and decimal points without a BOM. XLSX stores numbers
as numbers with the formats `#,##0` / `#,##0.0` (Excel shows them with the reader's separators, "1.234,5" in
a Danish locale), years as plain integers (2024, never 2.024; `Year` cells, or text years in a year column),
and a sheet name that says what the table is (`TableData.sheet`); extra sheets carry e.g. a result's inputs,
parameters and sources.

CSV and XLSX text cells that begin with = + - @ (or a tab/carriage return) are neutralised with a leading
apostrophe so a spreadsheet never runs them as formulas; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.table import Table

from kommuneokonomi.models import to_json_number

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("table", "csv", "csv-maskine", "json", "xlsx")
#: columns whose four-digit text cells are years (written as integers in XLSX)
YEAR_COLUMNS = ("år", "aar", "budgetår", "prisniveau")


class Year(int):
    """A year in a table: written 2024 everywhere (a plain int would be "2.024" in the Danish format)."""


@dataclass
class TableData:
    title: str
    columns: list[str]
    rows: list[list[Any]]
    #: the XLSX sheet's name (at most 31 characters); else the title, cut at a word
    sheet: str = ""


def danish_number(value: Any, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5"; whole numbers without decimals unless asked."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if isinstance(value, Year):
        return str(int(value))
    number = Decimal(str(value))
    if decimals is None:
        exponent = number.normalize().as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinity
        decimals = max(0, -exponent) if isinstance(exponent, int) and number != number.to_integral() else 0
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def unmark(text: str) -> str:
    """A search snippet without its highlight marks («word», <mark>, **word**): exported text is plain."""
    return re.sub(r"</?mark>|\*\*", "", text).replace("«", "").replace("»", "")


def neutralise(cell: Any) -> Any:
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _plain(cell: Any) -> Any:
    if isinstance(cell, Decimal):
        return to_json_number(cell)
    return cell


def _csv_cell(cell: Any, machine: bool) -> Any:
    """A cell of a CSV: text neutralised; a number exact, without exponent or thousands separator, with a
    decimal comma (Danish Excel) or point (`machine`)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return neutralise(cell)
    if isinstance(cell, bool) or not isinstance(cell, int | float | Decimal):
        return cell
    number = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    text = str(int(number)) if number == number.to_integral_value() else f"{number.normalize():f}"
    return text if machine else text.replace(".", ",")


def to_csv(table: TableData, machine: bool = False) -> str:
    """The Danish CSV (BOM, ";", decimal commas), or with `machine` the plain one ("," and points)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", delimiter="," if machine else ";")
    writer.writerow([neutralise(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(c, machine) for c in row])
    return out.getvalue() if machine else "\ufeff" + out.getvalue()


def sheet_name(table: TableData) -> str:
    """A valid sheet name: the table's own, else its title cut at a word (Excel allows 31 characters)."""
    name = re.sub(r"[\[\]:*?/\\]", "", table.sheet or table.title).strip()
    if len(name) > 31:
        name = name[:31].rsplit(" ", 1)[0] if " " in name[:31] else name[:31]
    return name or "Ark1"


def _number_format(value: float | int) -> str:
    """#,##0 for whole numbers, else one to three decimals as the value has (Excel's Danish display)."""
    if isinstance(value, int):
        return "#,##0"
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    places = min(3, max(1, -exponent)) if isinstance(exponent, int) else 1
    return "#,##0." + "0" * places


def _write_sheet(ws: Worksheet, table: TableData) -> None:
    ws.title = sheet_name(table)
    ws.append([neutralise(c) for c in table.columns])
    years = [str(c).strip().casefold() in YEAR_COLUMNS for c in table.columns]
    for row in table.rows:
        cells = [_plain(c) for c in row]
        cells = [
            Year(c) if i < len(years) and years[i] and isinstance(c, str) and re.fullmatch(r"\d{4}", c) else c
            for i, c in enumerate(cells)
        ]
        ws.append([neutralise(int(c) if isinstance(c, Year) else c) for c in cells])
        for cell, value in zip(ws[ws.max_row], cells, strict=False):
            if isinstance(value, Year):
                cell.number_format = "0"
            elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                cell.number_format = _number_format(cell.value)
    for number, column in enumerate(ws.columns, start=1):
        width = max(len(str(c.value or "")) for c in column)
        ws.column_dimensions[get_column_letter(number)].width = min(60, max(10, width + 2))
    ws.freeze_panes = "A2"


def to_xlsx(table: TableData, path: Path, extra: list[TableData] | None = None) -> None:
    """The table as the first sheet; `extra` tables (inputs, parameters, sources) as further sheets."""
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook has one worksheet
    _write_sheet(ws, table)
    for more in extra or []:
        _write_sheet(wb.create_sheet(), more)
    wb.save(path)


def trace_sheets(trace: Any) -> list[TableData]:
    """A result's inputs and its parameters with their sources (a `rules.trace.Trace` of the total), as the
    sheets that go with the result in an XLSX: what was computed from what, and where each figure is from."""
    inputs = [[key, _scalar(value)] for key, value in trace.input.items()]
    parameters = [[p.betegnelse, _scalar(p.vaerdi), p.enhed, p.kilde] for p in trace.parametre]
    steps = [[s.beskrivelse, s.formel or "", s.resultat] for s in trace.trin]
    return [
        TableData(f"Input: {trace.regel}", ["Input", "Værdi"], inputs, sheet="Input"),
        TableData(
            "Parametre og kilder", ["Parameter", "Værdi", "Enhed", "Kilde"], parameters, sheet="Parametre"
        ),
        TableData("Beregningens trin", ["Trin", "Formel", "Resultat"], steps, sheet="Trin"),
    ]


def _scalar(value: Any) -> Any:
    """A cell's value: numbers and text as they are, anything else (lists, mappings) as JSON text."""
    return value if isinstance(value, int | float | Decimal | str) or value is None else to_json(value)


def to_rich(table: TableData) -> Table:
    out = Table(title=table.title, title_justify="left")
    for i, col in enumerate(table.columns):
        numeric = any(isinstance(r[i], int | float | Decimal) for r in table.rows if i < len(r))
        out.add_column(col, justify="right" if numeric else "left", overflow="fold")
    for row in table.rows:
        out.add_row(*(danish_number(c) if not isinstance(c, str) else c for c in row))
    return out


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json_number(value)
    raise TypeError(f"kan ikke skrives som JSON: {type(value).__name__}")
