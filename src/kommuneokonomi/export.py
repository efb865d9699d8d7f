"""Tables out: a terminal table (Danish number format), CSV, JSON and XLSX.

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
FORMATS = ("table", "csv", "json", "xlsx")


@dataclass
class TableData:
    title: str
    columns: list[str]
    rows: list[list[Any]]


def danish_number(value: Any, decimals: int | None = None) -> str:
    """1234.5 -> "1.234,5"; whole numbers without decimals unless asked."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    number = Decimal(str(value))
    if decimals is None:
        exponent = number.normalize().as_tuple().exponent  # 'n', 'N' or 'F' for NaN and infinity
        decimals = max(0, -exponent) if isinstance(exponent, int) and number != number.to_integral() else 0
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def neutralise(cell: Any) -> Any:
    if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _plain(cell: Any) -> Any:
    if isinstance(cell, Decimal):
        return to_json_number(cell)
    return cell


def to_csv(table: TableData) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralise(c) for c in table.columns])
    for row in table.rows:
        writer.writerow(["" if c is None else neutralise(_plain(c)) for c in row])
    return out.getvalue()


def to_xlsx(table: TableData, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook has one worksheet
    ws.title = re.sub(r"[\[\]:*?/\\]", "", table.title)[:31] or "Ark1"
    ws.append([neutralise(c) for c in table.columns])
    for row in table.rows:
        ws.append([neutralise(_plain(c)) for c in row])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, float):
                cell.number_format = "#,##0.0##"
            elif isinstance(cell.value, int):
                cell.number_format = "#,##0"
    for number, column in enumerate(ws.columns, start=1):
        width = max(len(str(c.value or "")) for c in column)
        ws.column_dimensions[get_column_letter(number)].width = min(60, max(10, width + 2))
    wb.save(path)


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
