"""Population per municipality from Danmarks Statistik's StatBank API (table FOLK1A, no key needed).

The request is the API's documented POST to `/v1/data`: table FOLK1A, CSV, codes as values, quarter 1 of
the year (the population on 1 January), all areas, sex, age and marital status as totals. The CSV answer
(UTF-8 with BOM, ";"-separated, header OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD) also holds the whole
country (000), the regions (081-085) and Christiansø (411, not a municipality); every one of the 98
municipalities must be in it exactly once, and the whole-country row, when present, must equal the 98
plus Christiansø.
"""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kommuneokonomi.rules.kommuner import MunicipalDataError, Population, population_file, register

API_URL = "https://api.statbank.dk/v1/data"
TABLE = "FOLK1A"
TIMEOUT_SECONDS = 30
#: areas in FOLK1A that are not one of the 98 municipalities
WHOLE_COUNTRY = "000"
NOT_MUNICIPALITIES = {"081", "082", "083", "084", "085", "411"}

#: posts a JSON body to a URL and returns the response body; injectable for tests
HttpPost = Callable[[str, bytes], bytes]


class StatbankError(RuntimeError):
    """The API could not be reached or answered something that is not a full FOLK1A series."""


def request_body(year: int) -> dict:
    return {
        "table": TABLE,
        "format": "CSV",
        "valuePresentation": "Code",
        "lang": "da",
        "variables": [
            {"code": "OMRÅDE", "values": ["*"]},
            {"code": "KØN", "values": ["TOT"]},
            {"code": "ALDER", "values": ["IALT"]},
            {"code": "CIVILSTAND", "values": ["TOT"]},
            {"code": "Tid", "values": [f"{year}K1"]},
        ],
    }


def urllib_post(url: str, body: bytes) -> bytes:
    req = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json; charset=utf-8"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=TIMEOUT_SECONDS) as response:
        return response.read()


def fetch_population(year: int, post: HttpPost | None = None) -> Population:
    """FOLK1A for 1 January of `year` (quarter 1), validated for the 98 municipalities.

    `post` is the HTTP client (default: `urllib_post`, looked up at call time so tests can replace it).
    """
    body = json.dumps(request_body(year)).encode("utf-8")
    try:
        raw = (post or urllib_post)(API_URL, body)
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace") if exc.fp else ""
        raise StatbankError(
            f"Danmarks Statistiks API ({API_URL}) svarede med fejl {exc.code} for {TABLE} {year}K1: "
            f"{_api_message(detail)}"
        ) from exc
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StatbankError(
            f"kan ikke hente befolkningstal fra Danmarks Statistik ({API_URL}; netværksfejl: {reason}). "
            f"Er maskinen på nettet? Ellers angiv en fil med --befolkning (kommunekode,vaerdi,aar)"
        ) from exc
    return parse_folk1a_csv(raw, year)


def _api_message(text: str) -> str:
    """The `message` of the API's JSON error body, else the start of the body."""
    try:
        return str(json.loads(text).get("message", text[:300]))
    except (json.JSONDecodeError, AttributeError):
        return text[:300]


def parse_folk1a_csv(raw: bytes, year: int) -> Population:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StatbankError(f"svaret fra {TABLE} er ikke UTF-8: {exc}") from exc
    if text.lstrip().startswith("{"):  # the API reports errors as JSON
        raise StatbankError(
            f"Danmarks Statistiks API afviste forespørgslen på {TABLE} {year}K1: {_api_message(text)}"
        )
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    header = reader.fieldnames or []
    for column in ("OMRÅDE", "TID", "INDHOLD"):
        if column not in header:
            raise StatbankError(
                f"svaret fra {TABLE} mangler kolonnen {column}; fandt {';'.join(header) or 'ingen kolonner'}"
            )
    reg = register()
    found: dict[str, int] = {}
    whole: int | None = None
    others = 0
    problems = []
    for row in reader:
        code = (row["OMRÅDE"] or "").strip()
        if row["TID"].strip() != f"{year}K1":
            problems.append(f"{code}: kvartal {row['TID']!r}, ventede {year}K1")
            continue
        try:
            value = int(row["INDHOLD"].strip())
        except ValueError:
            problems.append(f"{code}: {row['INDHOLD']!r} er ikke et helt tal")
            continue
        if code == WHOLE_COUNTRY:
            whole = value
        elif code in NOT_MUNICIPALITIES:
            others += value if code == "411" else 0
        elif code not in reg.codes:
            problems.append(f"ukendt områdekode {code!r}")
        elif code in found:
            problems.append(f"kommunekode {code} optræder flere gange")
        else:
            found[code] = value
    missing = [c for c in reg.codes if c not in found]
    if missing:
        problems.append(f"mangler {len(missing)} kommune(r): {', '.join(missing[:20])}")
    if problems:
        raise StatbankError(f"{TABLE} {year}K1 er ikke en hel kommuneserie: " + "; ".join(problems))
    total = sum(found.values())
    if whole is not None and whole != total + others:
        raise StatbankError(
            f"{TABLE} {year}K1: hele landet ({whole}) er ikke summen af de 98 kommuner og Christiansø "
            f"({total + others})"
        )
    return Population(
        tuple(found[c] for c in reg.codes),
        year,
        f"Danmarks Statistik, {TABLE} {year}K1 (befolkningen 1. januar {year}), {API_URL}",
    )


def save_population(pop: Population, target: Path | None = None) -> Path:
    """Write `kommunekode,kommunenavn,vaerdi,aar` where `rules.kommuner.population` finds it."""
    if pop.year is None:
        raise MunicipalDataError("befolkningstal uden år kan ikke gemmes som årsserie")
    path = target or population_file(pop.year)
    reg = register()
    buffer = io.StringIO()
    buffer.write(f"# aar: {pop.year}\n# kilde: {pop.source}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kommunekode", "kommunenavn", "vaerdi", "aar"])
    for code, name, value in zip(reg.codes, reg.names, pop.values, strict=True):
        writer.writerow([code, name, value, pop.year])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(buffer.getvalue(), "utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise MunicipalDataError(f"{path}: kan ikke skrives: {exc}") from exc
    return path
