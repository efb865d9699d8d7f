"""Review and correction on publication day: a reviewer's value for a key of a year, with provenance.

A correction is a new row in the store (when, why, the source line, who, and the value it replaces); the
newest correction not undone is in force and `load_agreements` applies it, so `aftaler`, the rules and the UI
all use it and mark it. Undoing marks the row undone (the history stays) and the value before it applies
again. Bad input — a key outside the contract, a value that does not parse or has the wrong magnitude for
the key's unit, a year with no agreement — is a `CorrectionError` with a Danish message, and nothing changes.
"""

from __future__ import annotations

import difflib
import re
import statistics
from datetime import date
from decimal import Decimal

from kommuneokonomi.agreements import Agreement, load_agreements
from kommuneokonomi.danish_numbers import NumberInputError, parse_input
from kommuneokonomi.export import TableData, danish_number
from kommuneokonomi.extraction.keys import KeySpec, fixed_keys, spec_for
from kommuneokonomi.extraction.meta import MONTHS
from kommuneokonomi.extraction.numbers import to_mio
from kommuneokonomi.models import Value, to_json_number
from kommuneokonomi.store import Store, StoredCorrection

#: a value this many times smaller or larger than the key's usual size (the median of its values in the
#: known agreements) is refused; so is one that fits only in another unit (mia. or kr. for mio. kr., a share
#: for a percentage), within NEAR_FACTOR of the usual size
MAGNITUDE_FACTOR = 100
NEAR_FACTOR = 5
FORCE_HINT = " (er værdien rigtig alligevel, så gentag med --tving)"
#: a subsidy schedule (tilskudsprocent.YYYY) runs from the agreement year over at most this many years after
SCHEDULE_YEARS = 5
#: the most significant digits a corrected number may have (an exact Decimal, far beyond any figure)
MAX_DIGITS = 18
MAX_KILDE = 300
MAX_NOTE = 1000
MAX_USER = 100
_PER_YEAR_KEY = re.compile(r"^tilskudsprocent\.(\d{4})$")
_LIMIT = Decimal(10) ** MAX_DIGITS
_UNIT_SUFFIX = re.compile(
    r"\s*(?P<unit>mia\.?(?:\s*kr\.?)?|mio\.?(?:\s*kr\.?)?|pct\.?|procent|%|kr\.?(?:\s*pr\.\s*indbygger)?)$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class CorrectionError(ValueError):
    """A correction that cannot be recorded; the message (Danish) says which part and why."""


def correctable_keys(a: Agreement) -> list[str]:
    """The keys a reviewer may correct for an agreement: the contract (not the year itself) and its
    tilskudsprocent.YYYY keys."""
    keys = [k for k in fixed_keys() if k != "aar"]
    return keys + sorted(k for k in a.figures if _PER_YEAR_KEY.match(k))


def check_key(key: str, a: Agreement) -> str:
    key = key.strip().lower()
    valid = correctable_keys(a)
    if key in valid:
        return key
    per_year = _PER_YEAR_KEY.match(key)
    if per_year:
        if a.year <= int(per_year.group(1)) <= a.year + SCHEDULE_YEARS:
            return key
        raise CorrectionError(
            f"{key} ligger uden for tilskudsforløbet for {a.year} ({a.year}–{a.year + SCHEDULE_YEARS})"
        )
    if key == "aar":
        raise CorrectionError("budgetåret (aar) kan ikke rettes: det er aftalens år")
    near = difflib.get_close_matches(key, valid, n=3, cutoff=0.5)
    hint = f"; mente du {' eller '.join(near)}?" if near else "; se nøglerne med `kommuneokonomi aftaler`"
    raise CorrectionError(f"ukendt nøgletal {key!r}: det findes ikke i aftalernes nøgletal{hint}")


def parse_value(key: str, text: str) -> Value:
    """A reviewer's value for a key: Danish numbers (`danish_numbers.parse_input`: "1.234,5", "-4,2"; for a
    percentage "2.4" is read as 2,4, elsewhere a point that is not a thousands separator is refused), with an
    optional unit (an amount given in mia. kr. is converted to mio. kr.); dates as ISO or "26. maj 2023"."""
    spec = spec_for(key)
    raw = text.strip()
    if not raw:
        raise CorrectionError(f"{key}: angiv en værdi")
    if spec.kind == "date":
        return _parse_date(key, raw)
    unit = None
    m = _UNIT_SUFFIX.search(raw)
    if m and m.start() > 0:
        unit, raw = m.group("unit").lower(), raw[: m.start()].strip()
    try:
        number = parse_input(raw, key, "." if spec.kind == "percent" and "," not in raw else ",", _LIMIT)
    except NumberInputError as exc:
        raise CorrectionError(str(exc)) from exc
    if len(number.as_tuple().digits) > MAX_DIGITS:
        raise CorrectionError(f"{key}: {text.strip()!r} har for mange cifre")
    if unit is not None and not _unit_fits(unit, spec):
        raise CorrectionError(f"{key}: enheden {unit!r} passer ikke; {key} angives i {spec.unit}")
    if unit is not None and unit.startswith("mia"):
        return to_mio(number, "mia")
    if spec.kind == "year" and (number != number.to_integral_value() or not 1990 <= number <= 2100):
        raise CorrectionError(f"{key}: {text.strip()!r} er ikke et årstal")
    return _normal(number)


def check_magnitude(key: str, value: Value, agreements: dict[int, Agreement]) -> None:
    """Refuse a value whose size or sign does not fit the key: compared with the key's values in the
    other known agreements (and the extracted value), and percentages at most 100."""
    if not isinstance(value, Decimal):
        return
    spec = spec_for(key)
    if spec.kind == "percent" and abs(value) > 100:
        raise CorrectionError(f"{key}: {_dk(value)} pct. er over 100 pct.; angiv procenten, fx 2,4")
    if spec.kind not in ("amount", "balance", "percent", "per_capita"):
        return
    per_year = _PER_YEAR_KEY.match(key) is not None  # the schedule's shares are compared with each other
    refs = [
        f.value
        for a in agreements.values()
        for k in a.figures
        if (_PER_YEAR_KEY.match(k) is not None if per_year else k == key)
        for f in [a.extracted(k)]
        if f is not None and isinstance(f.value, Decimal) and f.value != 0
    ]
    if not refs or (value == 0 and spec.kind == "percent"):
        return
    usual = statistics.median(abs(r) for r in refs)
    shown, problem = f"{_dk(value)} {spec.unit}", None
    if not _near(value, usual):
        if spec.unit == "mio. kr." and _near(value * 1000, usual):
            problem = f"det ligner mia. kr.; i mio. kr. er det {_dk(value * 1000)}"
        elif spec.unit == "mio. kr." and _near(value / 1000, usual):
            problem = f"det ligner tusind kr.; i mio. kr. er det {_dk(value / 1000)}"
        elif spec.unit == "mio. kr." and _near(value / 1_000_000, usual):
            problem = f"det ligner kr.; i mio. kr. er det {_dk(value / 1_000_000)}"
        elif spec.kind == "percent" and abs(value) < 1 and _near(value * 100, usual):
            problem = f"det ligner en brøk; i pct. er det {_dk(value * 100)}"
        elif not 1 <= abs(value) / usual * MAGNITUDE_FACTOR <= MAGNITUDE_FACTOR**2:
            problem = "det er langt fra de andre aftalers værdier"
    if problem:
        raise CorrectionError(
            f"{key}: {shown} passer ikke til {key} (normalt ca. {_dk(usual)} {spec.unit}): "
            f"{problem}{FORCE_HINT}"
        )
    if spec.kind == "balance" and all((r < 0) != (value < 0) for r in refs):
        sign = "negative (indtægter)" if refs[0] < 0 else "positive (udgifter)"
        raise CorrectionError(f"{key}: fortegnet passer ikke; Tabel 1 angiver {key} som {sign}{FORCE_HINT}")


def correct(
    store: Store,
    year: int,
    key: str,
    value_text: str,
    kilde: str,
    note: str,
    user: str | None = None,
    force: bool = False,
) -> tuple[StoredCorrection, Agreement]:
    """Validate and record a correction; returns it and the agreement as it now stands. `force` skips
    the magnitude and sign check (never the parsing, the key or the year)."""
    agreements = load_agreements(store)
    a = _agreement(year, agreements)
    key = check_key(key, a)
    kilde = _text("kilden (--kilde)", kilde, MAX_KILDE)
    note = _text("noten (--note)", note, MAX_NOTE)
    user = _text("brugeren", user, MAX_USER) if user and user.strip() else None
    value = parse_value(key, value_text)
    if not force:
        check_magnitude(key, value, agreements)
    current = a.figures.get(key)
    if current is not None and current.value == value:
        # a date is text, a year is written 2024
        shown = _dk(value) if isinstance(value, Decimal) and spec_for(key).kind != "year" else str(value)
        raise CorrectionError(f"{key} for {year} er allerede {shown}; intet at rette")
    extracted = a.extracted(key)
    stored = store.add_correction(
        year=year,
        key=key,
        value=value,
        unit=spec_for(key).unit if isinstance(value, Decimal) else None,
        kilde=kilde,
        note=note,
        user=user,
        extracted=extracted.value if extracted else None,
        basis=a.basis,
        basis_version=a.document.version if a.document else None,
    )
    return stored, load_agreements(store)[year]


def undo(store: Store, year: int, key: str, user: str | None = None) -> tuple[StoredCorrection, Agreement]:
    """Undo the correction in force for (year, key); the value before it applies again."""
    agreements = load_agreements(store)
    a = _agreement(year, agreements)
    key = key.strip().lower()
    undone = store.undo_correction(year, key, user.strip() if user and user.strip() else None)
    if undone is None:
        rettet = ", ".join(sorted(a.corrections)) or "ingen"
        raise CorrectionError(f"ingen gældende rettelse af {key} for {year}; rettede nøgletal: {rettet}")
    return undone, load_agreements(store)[year]


def status(c: StoredCorrection, active: dict[tuple[int, str], StoredCorrection]) -> str:
    if c.undone_at is not None:
        return f"fortrudt {c.undone_at[:10]}" + (f" af {c.undone_by}" if c.undone_by else "")
    return "gældende" if active.get((c.year, c.key)) == c else "erstattet"


def history_table(store: Store, year: int | None = None) -> TableData:
    """Every correction (also undone and superseded ones) with its provenance and status."""
    active = store.active_corrections()
    rows = [
        [
            c.id,
            str(c.year),
            c.key,
            c.value,
            c.extracted_value,
            c.unit or "",
            c.kilde,
            c.note,
            c.user or "",
            c.created_at,
            status(c, active),
        ]
        for c in store.corrections(year)
    ]
    return TableData(
        "Rettelser" + (f" for {year}" if year else ""),
        [
            "Nr.",
            "År",
            "Nøgle",
            "Værdi",
            "Udtrukket",
            "Enhed",
            "Kilde",
            "Note",
            "Bruger",
            "Tidspunkt",
            "Status",
        ],
        rows,
    )


def history_json(store: Store, year: int | None = None) -> list[dict]:
    active = store.active_corrections()
    return [
        {
            "id": c.id,
            "aar": c.year,
            "noegle": c.key,
            "value": to_json_number(c.value),
            "extracted_value": to_json_number(c.extracted_value),
            "unit": c.unit,
            "kilde": c.kilde,
            "note": c.note,
            "user": c.user,
            "created_at": c.created_at,
            "basis": c.basis,
            "basis_version": c.basis_version,
            "undone_at": c.undone_at,
            "undone_by": c.undone_by,
            "status": status(c, active),
        }
        for c in store.corrections(year)
    ]


def _agreement(year: int, agreements: dict[int, Agreement]) -> Agreement:
    if year not in agreements:
        raise CorrectionError(
            f"ingen aftale for {year} (hverken indlæst eller i de indbyggede parametre); "
            f"kendte år: {', '.join(map(str, agreements))}"
        )
    return agreements[year]


def _text(what: str, value: str | None, limit: int) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise CorrectionError(f"angiv {what}")
    if len(cleaned) > limit:
        raise CorrectionError(f"{what} er for lang ({len(cleaned)} tegn; højst {limit})")
    if _CONTROL.search(cleaned):
        raise CorrectionError(f"{what} indeholder kontroltegn")
    return cleaned


def _parse_date(key: str, raw: str) -> str:
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})\.\s*(\d{1,2}|[a-zæøå]+)\.?\s*(\d{4})", raw.lower())
    if m:
        month = int(m.group(2)) if m.group(2).isdigit() else MONTHS.get(m.group(2))
        try:
            return date(int(m.group(3)), month or 0, int(m.group(1))).isoformat()
        except ValueError:
            pass
    raise CorrectionError(f"{key}: {raw!r} er ikke en dato (brug fx 2023-05-26 eller 26. maj 2023)")


def _unit_fits(unit: str, spec: KeySpec) -> bool:
    if unit.startswith(("mia", "mio")):
        return spec.unit == "mio. kr."
    if unit.startswith(("pct", "procent", "%")):
        return spec.kind == "percent"
    return spec.kind == "per_capita"


def _near(value: Decimal, usual: Decimal) -> bool:
    return usual / NEAR_FACTOR <= abs(value) <= usual * NEAR_FACTOR


def _normal(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _dk(value: Decimal) -> str:
    return danish_number(_normal(value))
