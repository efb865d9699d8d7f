"""The 98 municipalities (kommunekode, name, region) and their population, shipped with sources; and
validated per-municipality CSV input (`kommunekode,vaerdi`, or named columns).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from kommuneokonomi.extraction.numbers import NumberFormatError, parse_number

MAX_CSV_BYTES = 5 * 1024 * 1024


class MunicipalDataError(ValueError):
    """A per-municipality file that does not cover the 98 municipalities exactly once with valid numbers."""


@dataclass(frozen=True)
class Register:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    regions: tuple[str, ...]
    population: np.ndarray  # int64, in the order of `codes`
    population_date: str
    population_source: str

    def index(self, code: str) -> int:
        try:
            return self.codes.index(str(code).strip().zfill(3))
        except ValueError as exc:
            raise MunicipalDataError(f"ukendt kommunekode {code!r}") from exc

    @property
    def size(self) -> int:
        return len(self.codes)


def _data(name: str) -> str:
    return resources.files("kommuneokonomi.data").joinpath(name).read_text("utf-8")


@cache
def register() -> Register:
    rows = list(csv.DictReader(io.StringIO(_data("kommuner.csv"))))
    rows.sort(key=lambda r: r["kommunekode"].zfill(3))
    pop = {
        r["kommunekode"].zfill(3): int(r["befolkning"])
        for r in csv.DictReader(io.StringIO(_data("befolkning_2020.csv")))
    }
    sources = yaml.safe_load(_data("kilder.yaml"))["befolkning_2020.csv"]
    codes = tuple(r["kommunekode"].zfill(3) for r in rows)
    if set(pop) != set(codes) or len(codes) != 98:
        raise MunicipalDataError("de leverede data dækker ikke de samme 98 kommuner")
    return Register(
        codes=codes,
        names=tuple(r["kommunenavn"] for r in rows),
        regions=tuple(r["region"] for r in rows),
        population=np.array([pop[c] for c in codes], dtype=np.int64),
        population_date=sources["reference_date"],
        population_source=" ".join(sources["source"].split()),
    )


def read_municipal_csv(
    path: Path,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    allow_negative: tuple[str, ...] = (),
) -> dict[str, list[Decimal | None]]:
    """Read a CSV with `kommunekode` and numeric columns, in register order.

    Every one of the 98 codes must occur exactly once; numbers must parse and be non-negative (unless the
    column is in `allow_negative`). All problems are reported together in one error naming the file and rows.
    Accepts "," with decimal points, or ";" with Danish decimal commas (Excel's Danish CSV).
    """
    reg = register()
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise MunicipalDataError(f"{path}: filen er over grænsen på {MAX_CSV_BYTES // 1024 // 1024} MB")
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MunicipalDataError(f"{path}: kan ikke læses: {exc}") from exc
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in ("kommunekode", *required) if c not in header]
    if missing:
        raise MunicipalDataError(
            f"{path}: mangler kolonne(r) {', '.join(missing)}; fandt {', '.join(header)}; "
            f"forventet kommunekode,{','.join(required)}" + (f"[,{','.join(optional)}]" if optional else "")
        )
    unknown = [c for c in header if c not in ("kommunekode", "kommunenavn", *required, *optional)]
    if unknown:
        raise MunicipalDataError(
            f"{path}: ukendte kolonner {', '.join(unknown)} (enheder angives i mio. kr. "
            f"uden enhed i kolonnenavnet; forventet kommunekode,{','.join(required)})"
        )
    columns = [c for c in (*required, *optional) if c in header]
    values: dict[str, list[Decimal | None]] = {c: [None] * reg.size for c in columns}
    seen: dict[str, int] = {}
    problems: list[str] = []
    for row_no, row in enumerate(reader, start=2):
        code = (row.get("kommunekode") or "").strip()
        code = code.zfill(3) if code.isdigit() else code
        if code not in reg.codes:
            problems.append(f"række {row_no}: ukendt kommunekode {code!r}")
            continue
        if code in seen:
            problems.append(
                f"række {row_no}: kommunekode {code} optræder igen (første gang i række {seen[code]})"
            )
            continue
        seen[code] = row_no
        for col in columns:
            raw = (row.get(col) or "").strip()
            if not raw and col in optional:
                continue
            try:
                number = _number(raw, delimiter)
            except (NumberFormatError, InvalidOperation):
                problems.append(f"række {row_no}: {col} er ikke et tal: {raw!r}")
                continue
            if number < 0 and col not in allow_negative:
                problems.append(f"række {row_no}: {col} er negativ: {raw}")
                continue
            values[col][reg.index(code)] = number
    absent = [c for c in reg.codes if c not in seen]
    if absent:
        problems.append(
            f"mangler {len(absent)} kommune(r): {', '.join(absent[:20])}{' …' if len(absent) > 20 else ''}"
        )
    if problems:
        raise MunicipalDataError(f"{path}: {len(problems)} fejl: " + "; ".join(problems))
    return values


def _number(raw: str, delimiter: str) -> Decimal:
    if delimiter == ";":
        return parse_number(raw)
    return Decimal(raw.replace(" ", ""))
