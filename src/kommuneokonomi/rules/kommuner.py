"""The 98 municipalities (kommunekode, name, region) and their population, shipped with sources; and
validated per-municipality CSV input (`kommunekode,vaerdi`, or named columns).

Population by year: the collective key is the grant year's population (rules.md section 0). The verified
1.1.2020 series is shipped; other years are read from the user's data directory (beside the store, written
by `kommuneokonomi data befolkning --aar ÅR`) or from a CSV the user names (`kommunekode,vaerdi[,aar]`).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from kommuneokonomi.danish_numbers import NumberInputError, parse_input
from kommuneokonomi.textfiles import TextDecodeError, read_text_file

MAX_CSV_BYTES = 5 * 1024 * 1024
#: the year of the shipped, verified population series (FOLK1A 2020K1)
SHIPPED_POPULATION_YEAR = 2020
#: overrides the directory of fetched population files (default: beside the store's SQLite file)
DATA_DIR_ENV = "KOMMUNEOKONOMI_DATA"
#: other names a spreadsheet gives the two identifying columns (matched without regard to case)
COLUMN_ALIASES = {"kommunenr": "kommunekode", "kommunenummer": "kommunekode", "kommune": "kommunenavn"}


class MunicipalDataError(ValueError):
    """A per-municipality file that does not cover the 98 municipalities exactly once with valid numbers."""


def _column_name(header: str) -> str:
    """A column name as the readers match it: trimmed, lower case, a known alias made canonical."""
    name = header.strip().lower()
    return COLUMN_ALIASES.get(name, name)


@dataclass(frozen=True)
class Register:
    codes: tuple[str, ...]
    names: tuple[str, ...]
    regions: tuple[str, ...]
    population: np.ndarray  # int64, in the order of `codes`
    population_date: str
    population_source: str
    official_names: tuple[str, ...] = ()  # "Københavns Kommune", "Bornholms Regionskommune", …

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
    if set(pop) != set(codes) or len(codes) != 98 or len(set(codes)) != 98:
        raise MunicipalDataError("de leverede data dækker ikke de samme 98 kommuner")
    official = tuple(r["officielt_navn"] for r in rows)
    if len(set(official)) != 98 or not all(official):
        raise MunicipalDataError("kommuner.csv: de officielle navne skal være udfyldt og forskellige")
    return Register(
        codes=codes,
        names=tuple(r["kommunenavn"] for r in rows),
        regions=tuple(r["region"] for r in rows),
        population=np.array([pop[c] for c in codes], dtype=np.int64),
        population_date=sources["reference_date"],
        population_source=" ".join(sources["source"].split()),
        official_names=official,
    )


def read_municipal_csv(
    path: Path,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
    allow_negative: tuple[str, ...] = (),
    comment: bool = False,
) -> dict[str, list[Decimal | None]]:
    """Read a CSV with `kommunekode` and numeric columns, in register order.

    Every one of the 98 codes must occur exactly once; numbers must parse and be non-negative (unless the
    column is in `allow_negative`). All problems are reported together in one error naming the file, rows and
    columns ("skat.csv, række 4, kolonne sats_foer: 'nan' er ikke et tal"). Numbers are read by
    `danish_numbers.parse_input`: ";" or a tab as separator (Excel's Danish CSV and its "Unicode-tekst")
    means Danish numbers ("1.234,5"), "," means decimal points without thousands separators ("1234.5").
    The file may be in UTF-8, UTF-16 or Windows-1252 (`textfiles.decode_bytes`), and the column names are
    matched without regard to case (with COLUMN_ALIASES: "Kommunenr" is kommunekode). With `comment`,
    leading lines starting with "#" (metadata such as `# aar: 2024`) are skipped.
    """
    reg = register()
    try:
        if path.stat().st_size > MAX_CSV_BYTES:
            raise MunicipalDataError(f"{path}: filen er over grænsen på {MAX_CSV_BYTES // 1024 // 1024} MB")
        text = read_text_file(path)
    except (OSError, TextDecodeError) as exc:
        raise MunicipalDataError(f"{path}: kan ikke læses: {exc}") from exc
    skipped = 0
    if comment:  # leading metadata lines; row numbers in errors still count them
        lines = text.splitlines(keepends=True)
        while skipped < len(lines) and lines[skipped].lstrip().startswith("#"):
            skipped += 1
        text = "".join(lines[skipped:])
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)  # a tie goes to the comma
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    written = [h.strip() for h in reader.fieldnames or []]
    header = [_column_name(h) for h in written]
    reader.fieldnames = header
    twice = sorted({w for w, h in zip(written, header, strict=True) if header.count(h) > 1})
    if twice:
        raise MunicipalDataError(f"{path}: kolonnerne {', '.join(twice)} betyder det samme; behold én af dem")
    missing = [c for c in ("kommunekode", *required) if c not in header]
    if missing:
        raise MunicipalDataError(
            f"{path}: mangler kolonne(r) {', '.join(missing)}; fandt {', '.join(written)}; "
            f"forventet kommunekode,{','.join(required)}" + (f"[,{','.join(optional)}]" if optional else "")
        )
    known = ("kommunekode", "kommunenavn", *required, *optional)
    unknown = [w for w, h in zip(written, header, strict=True) if h not in known]
    if unknown:
        raise MunicipalDataError(
            f"{path}: ukendte kolonner {', '.join(unknown)} (enheder angives i mio. kr. "
            f"uden enhed i kolonnenavnet; forventet kommunekode,{','.join(required)})"
        )
    columns = [c for c in (*required, *optional) if c in header]
    values: dict[str, list[Decimal | None]] = {c: [None] * reg.size for c in columns}
    seen: dict[str, int] = {}
    problems: list[str] = []
    for row_no, row in enumerate(reader, start=2 + skipped):
        code = (row.get("kommunekode") or "").strip()
        code = code.zfill(3) if code.isdigit() else code
        if code not in reg.codes:
            problems.append(f"række {row_no}, kolonne kommunekode: ukendt kommunekode {code!r}")
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
            where = f"række {row_no}, kolonne {col}"
            try:
                number = parse_input(raw, where, "." if delimiter == "," else ",")
            except NumberInputError as exc:
                problems.append(str(exc))
                continue
            if number < 0 and col not in allow_negative:
                problems.append(f"{where}: {raw!r} er negativ")
                continue
            values[col][reg.index(code)] = number
    absent = [c for c in reg.codes if c not in seen]
    if absent:
        problems.append(
            f"mangler {len(absent)} kommune(r): {', '.join(absent[:20])}{' …' if len(absent) > 20 else ''}"
        )
    if len(problems) == 1:
        raise MunicipalDataError(f"{path}{', ' if problems[0].startswith('række') else ': '}{problems[0]}")
    if problems:
        raise MunicipalDataError(f"{path}: {len(problems)} fejl: " + "; ".join(problems))
    return values


@dataclass(frozen=True)
class Population:
    """One population series for the 98 municipalities (register order), the year it counts and its source."""

    values: tuple[int, ...]
    year: int | None  # the 1 January the count refers to; None when a user's file does not say
    source: str

    def warning(self, budget_year: int) -> str | None:
        """A Danish warning when the key's year is not the budget (grant) year."""
        if self.year == budget_year:
            return None
        if self.year is None:
            return (
                f"befolkningstallenes år er ikke angivet ({self.source}); "
                f"de bruges som nøgle for {budget_year}"
            )
        return f"befolkningstal pr. 1.1.{self.year} bruges som nøgle for {budget_year}"


def data_dir() -> Path:
    """Where fetched population files live: $KOMMUNEOKONOMI_DATA, else beside the default store."""
    from kommuneokonomi.store import default_db_path

    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured).expanduser() if configured else default_db_path().parent / "data"


def population_file(year: int, directory: Path | None = None) -> Path:
    return (directory or data_dir()) / f"befolkning_{year}.csv"


def shipped_population() -> Population:
    reg = register()
    return Population(
        tuple(int(p) for p in reg.population),
        SHIPPED_POPULATION_YEAR,
        f"{reg.population_source} (leveret med programmet)",
    )


def population(year: int | None = None, path: Path | None = None) -> Population:
    """The population key for a grant year.

    A file the user names wins; else the year's file in the data directory; else the newest series not after
    the year (data directory or shipped), else the oldest one — the caller warns with `Population.warning`.
    """
    if path is not None:
        return read_population_csv(path)
    if year is None:
        return shipped_population()
    available = {SHIPPED_POPULATION_YEAR: None, **_fetched_years()}
    not_after = [y for y in available if y <= year]
    chosen = max(not_after) if not_after else min(available)
    if chosen == SHIPPED_POPULATION_YEAR and available[chosen] is None:
        return shipped_population()
    return read_population_csv(population_file(chosen))


def collective_key(
    grant_year: int | None, given: Sequence[int] | Population | None = None
) -> tuple[Population, str | None]:
    """The population a collective amount of `grant_year` is spread by, and the warning when its year is not
    the grant year: the given series (a file, the API), else `population(grant_year)`. A bare list of numbers
    is the caller's own key (no year, no warning); no grant year: the shipped series, no warning."""
    if given is not None and not isinstance(given, Population):
        return Population(tuple(int(v) for v in given), None, "angivet af brugeren"), None
    if grant_year is None:
        return (given or shipped_population()), None
    pop = given if given is not None else population(grant_year)
    return pop, pop.warning(grant_year)


def _fetched_years() -> dict[int, Path]:
    directory = data_dir()
    if not directory.is_dir():
        return {}
    found = {}
    for path in directory.glob("befolkning_*.csv"):
        match = re.fullmatch(r"befolkning_(\d{4})\.csv", path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def read_population_csv(path: Path) -> Population:
    """`kommunekode,vaerdi[,aar]` (or a `# aar: 2024` first line): whole, non-negative numbers for all 98."""
    meta = _metadata(path)
    data = read_municipal_csv(path, ("vaerdi",), ("aar",), comment=True)
    values = data["vaerdi"]
    reg = register()
    bad = [reg.codes[i] for i, v in enumerate(values) if v is None or v != v.to_integral_value()]
    if bad:
        raise MunicipalDataError(
            f"{path}: befolkningstal skal være hele tal; ikke for kommune(r) {', '.join(bad[:20])}"
        )
    if sum(v for v in values if v is not None) == 0:
        raise MunicipalDataError(f"{path}: befolkningen summerer til 0")
    years = {int(v) for v in data.get("aar", []) if v is not None}
    if "aar" in meta:
        if not meta["aar"].isdigit():
            raise MunicipalDataError(f"{path}: metadatalinjen '# aar: {meta['aar']}' er ikke et årstal")
        years.add(int(meta["aar"]))
    if len(years) > 1:
        raise MunicipalDataError(
            f"{path}: kolonnen aar har flere år ({', '.join(map(str, sorted(years)))}); én fil pr. år"
        )
    return Population(
        tuple(int(v) for v in values if v is not None),
        years.pop() if years else None,
        f"{meta['kilde']} (fil {path})" if meta.get("kilde") else f"brugerens fil {path}",
    )


def _metadata(path: Path) -> dict[str, str]:
    """Leading `# key: value` lines (e.g. `# aar: 2024`, `# kilde: …`)."""
    found: dict[str, str] = {}
    try:
        lines = read_text_file(path).splitlines()
    except (OSError, TextDecodeError):
        return {}  # read_municipal_csv reports the problem
    for line in lines:
        if not line.lstrip().startswith("#"):
            break
        match = re.fullmatch(r"#\s*(\w+)\s*[:=]\s*(.*?)\s*", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found
