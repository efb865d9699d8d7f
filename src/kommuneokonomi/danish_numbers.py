"""Numbers that users type or put in files, read the Danish way — the one parser for every input path.

Danish (the default; forms, CLI options and ';'-separated CSV as Danish Excel writes it):
- decimal comma, thousands in groups of three separated by "." or a space (also no-break and thin spaces):
  "10,5", "1.000,5", "1 000,5", "-4,2", "−4,2" (unicode minus) and "+3" are read;
- "1.000" is one thousand (as in Danish), "1,000" is one;
- a point that cannot be a Danish thousands separator ("1000.5", "1.5", "1,000.5") is refused as ambiguous
  with the two Danish ways to write what was probably meant ("skriv 1000,5 eller 1.000,5").
Machine (`decimal="."`; ','-separated CSV): "1000.5", "-4.2"; no thousands separators.

Always refused, with one Danish message naming the field: an empty field; nan, inf, sNaN and other words;
exponents ("1e3", "1e400": write the number out); digits other than 0-9 (Arabic-Indic "١٢", full-width
"１２"); more than `MAX_DIGITS` digits; and values beyond `limit` in size.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

#: no user amount (kr., mio. kr., pct., inhabitants) is anywhere near this; beyond it is a typing error
LIMIT = Decimal("1e13")
MAX_DIGITS = 30
#: spaces a spreadsheet or a word processor puts between thousands
_SPACES = "\u00a0\u202f\u2009 "
_MINUS = "−–"  # unicode minus sign and en dash, as printed and as typed on a Mac
_WORDS = re.compile(r"[+-]?(s?nan|inf(inity)?)", re.IGNORECASE)
_EXPONENT = re.compile(r"[+-]?[\d.,]*\d[eE][+-]?\d+")
_DANISH = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d{1,3}( \d{3})+|\d+)(,\d+)?")
_MACHINE = re.compile(r"[+-]?\d+(\.\d+)?")
#: what a point-decimal (English) writer meant: "1000.5", "1,000.5"
_ENGLISH = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)\.\d+")


class NumberInputError(ValueError):
    """A typed or file value that is not a number we can read; the message says where and why, in Danish."""


def parse_input(
    text: str, where: str = "", decimal: Literal[",", "."] = ",", limit: Decimal = LIMIT
) -> Decimal:
    """`text` as an exact Decimal (see the module docstring for what is read); `where` names the field,
    e.g. "skat.csv, række 4, kolonne sats_foer" or "--korrektion", and starts every error message."""
    prefix = f"{where}: " if where else ""
    raw = text.strip()
    if not raw:
        raise NumberInputError(f"{prefix}feltet er tomt; angiv et tal")
    shown = repr(raw)
    cleaned = raw
    for minus in _MINUS:
        cleaned = cleaned.replace(minus, "-")
    for space in _SPACES:
        cleaned = cleaned.replace(space, " ")
    cleaned = re.sub(r"^([+-]) ", r"\1", cleaned)  # "- 4,2"
    if any(c.isdigit() and not "0" <= c <= "9" for c in cleaned):
        raise NumberInputError(f"{prefix}{shown} indeholder andre cifre end 0-9; skriv tallet med 0-9")
    if _WORDS.fullmatch(cleaned):
        raise NumberInputError(f"{prefix}{shown} er ikke et tal")
    if _EXPONENT.fullmatch(cleaned):
        raise NumberInputError(f"{prefix}{shown}: skriv tallet ud uden eksponent (fx 1000 for 1e3)")
    if decimal == ".":
        if not _MACHINE.fullmatch(cleaned):
            raise NumberInputError(
                f"{prefix}{shown} er ikke et tal (en CSV med ',' som skilletegn bruger decimalpunktum "
                "uden tusindtalsskilletegn, fx 1000.5)"
            )
        value = Decimal(cleaned)
    elif _DANISH.fullmatch(cleaned):
        value = Decimal(cleaned.replace(".", "").replace(" ", "").replace(",", "."))
    elif _ENGLISH.fullmatch(cleaned):
        meant = Decimal(cleaned.replace(",", ""))
        ways = dict.fromkeys((format_danish(meant, thousands=False), format_danish(meant)))
        raise NumberInputError(
            f"{prefix}{shown} er tvetydigt (punktum er tusindtalsskilletegn på dansk): "
            f"skriv {' eller '.join(ways)}"
        )
    else:
        raise NumberInputError(f"{prefix}{shown} er ikke et tal (brug dansk talformat, fx 1.234,5)")
    if len(value.as_tuple().digits) > MAX_DIGITS:
        raise NumberInputError(f"{prefix}{shown} har for mange cifre")
    if value.copy_abs() > limit:
        raise NumberInputError(f"{prefix}{shown} er for stort (højst {format_danish(limit)})")
    return value


def format_danish(value: Decimal, thousands: bool = True) -> str:
    """A Decimal written the Danish way with every digit it has (the input as understood, for echoing it):
    1000.5 -> "1.000,5" (or "1000,5" without thousands separators)."""
    text = f"{abs(value):,f}" if thousands else f"{abs(value):f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return ("-" if value.is_signed() and value != 0 else "") + text
