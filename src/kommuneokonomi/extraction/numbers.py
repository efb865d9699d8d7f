"""Danish number and amount formats: "251.934", "275,4", "-4,2", "ca. 35 mio. kr.", "1 mia. kr."."""

from __future__ import annotations

import re
from decimal import Decimal

#: a Danish number: thousands separated by ".", decimals by ","; a leading minus (or en dash)
NUMBER = r"[-−–]?\s?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-−–]?\s?\d+(?:,\d+)?"
#: an amount with its unit; "ca." marks an approximate figure
AMOUNT = rf"(?P<approx>ca\.\s+)?(?P<number>{NUMBER})\s+(?P<unit>mia|mio)\.\s*kr\.?"
AMOUNT_RE = re.compile(AMOUNT)
PERCENT = rf"(?P<number>{NUMBER})\s*(?:pct\.|procent|%)"
#: what follows "<year>-" when the year is a price level: "2025-pl", "2025-priser", "2025-pris- og
#: lønniveau", "2025-prisniveau", "2025-niveau"
PRICE_LEVEL_WORDS = r"(?:pris-\s+og\s+lønniveau|prisniveau|priser|pl|niveau)\b"

_MULTIPLIER_TO_MIO = {"mia": Decimal(1000), "mio": Decimal(1)}


class NumberFormatError(ValueError):
    pass


def parse_number(text: str) -> Decimal:
    """Parse a Danish-formatted number exactly (Decimal)."""
    cleaned = text.strip().replace("−", "-").replace("–", "-").replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?", cleaned):
        raise NumberFormatError(f"ikke et dansk tal: {text!r}")
    return Decimal(cleaned.replace(".", "").replace(",", "."))


def precision_of(text: str) -> Decimal:
    """The unit of the last printed digit: "275,4" -> 0.1, "251.934" -> 1."""
    cleaned = text.strip()
    if "," in cleaned:
        return Decimal(1).scaleb(-len(cleaned.split(",")[1]))
    return Decimal(1)


def to_mio(number: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in mia. or mio. kr. to mio. kr."""
    try:
        return _normalise(number * _MULTIPLIER_TO_MIO[unit.lower()])
    except KeyError as exc:
        raise NumberFormatError(f"ukendt enhed {unit!r} (forventet mia. eller mio. kr.)") from exc


def amount_mio(match: re.Match[str]) -> tuple[Decimal, Decimal]:
    """(value in mio. kr., precision in mio. kr.) for a match of AMOUNT."""
    unit = match.group("unit")
    number = match.group("number")
    return to_mio(parse_number(number), unit), to_mio(precision_of(number), unit)


def _normalise(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (275400.0 -> 275400)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
