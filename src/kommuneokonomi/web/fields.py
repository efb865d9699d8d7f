"""The simulators' form fields: Danish numbers typed as text (`danish_numbers.parse_input`) and a municipality
typed by name, each checked on the server with a Danish message at the field it concerns, and echoed back
as understood ("Du har angivet samlet overskridelse 1.000,5 mio. kr.")."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kommuneokonomi.danish_numbers import NumberInputError, format_danish, parse_input
from kommuneokonomi.rules.kommuner import register

#: a form field's text is short; anything longer is not a number anyone typed
MAX_FIELD = 40


@dataclass(frozen=True)
class NumberField:
    """A number field of a form: its label (for messages and the echo), unit and bounds."""

    label: str
    unit: str
    minimum: Decimal
    maximum: Decimal
    whole: bool = False
    required: bool = False


class FieldErrors(ValueError):
    """One or more fields that could not be read: field name -> Danish message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


_KR = (Decimal(0), Decimal(10**13))
_MIO = (Decimal(0), Decimal(10**7))
#: the simulators' number fields (the API's bounds, web/services.py)
POOL = {
    "pulje_kr": NumberField("Pulje", "kr.", *_KR, whole=True, required=True),
    "gulv_kr": NumberField("Gulv pr. kommune", "kr.", *_KR, whole=True),
    "loft_kr": NumberField("Loft pr. kommune", "kr.", *_KR, whole=True),
}
SANCTION = {
    "overskridelse_mio": NumberField(
        "Samlet overskridelse", "mio. kr.", Decimal(-(10**6)), Decimal(10**6), required=True
    )
}
TAX = {
    "udskrivningsgrundlag": NumberField("Udskrivningsgrundlag", "mio. kr.", *_MIO),
    "sats_foer": NumberField("Sats før", "pct.", Decimal(0), Decimal(100)),
    "sats_efter": NumberField("Sats efter", "pct.", Decimal(0), Decimal(100)),
    "tilskud_tilladelse": NumberField("Bevilget nedsættelse", "mio. kr.", *_MIO),
}


def read_numbers(fields: dict[str, NumberField], raw: Mapping[str, Any]) -> dict[str, Decimal | None]:
    """The fields' values (None for an empty optional field); FieldErrors naming every field that is wrong."""
    values: dict[str, Decimal | None] = {}
    errors: dict[str, str] = {}
    for name, field in fields.items():
        text = str(raw.get(name) or "").strip()
        if not text and field.required:
            errors[name] = f"{field.label}: feltet er tomt; angiv et tal ({field.unit})"
            continue
        if not text:
            values[name] = None
            continue
        try:
            value = parse_input(text, field.label, limit=max(abs(field.minimum), abs(field.maximum)))
        except NumberInputError as exc:
            errors[name] = str(exc)
            continue
        if field.whole and value != value.to_integral_value():
            errors[name] = f"{field.label}: {text!r} skal være et helt tal ({field.unit})"
        elif not field.minimum <= value <= field.maximum:
            errors[name] = (
                f"{field.label}: {format_danish(value)} ligger uden for "
                f"{format_danish(field.minimum)}–{format_danish(field.maximum)} {field.unit}"
            )
        else:
            values[name] = value
    if errors:
        raise FieldErrors(errors)
    return values


def echo(fields: dict[str, NumberField], values: dict[str, Decimal | None]) -> list[str]:
    """The numbers as understood, for "Du har angivet …": every digit given, Danish separators."""
    return [
        f"{fields[name].label.lower()} {format_danish(value)} {fields[name].unit}"
        for name, value in values.items()
        if value is not None
    ]


def _plain_name(name: str) -> str:
    """The key a name is compared on: "Aarhus Kommune", "århus" -> "aarhus"; "Bornholms Regionskommune" ->
    "bornholm" (the register's short names and the official ones meet)."""
    name = " ".join(name.casefold().replace("å", "aa").split())
    for suffix in (" regionskommune", " kommune"):
        name = name.removesuffix(suffix)
    return name.removesuffix("s") if len(name) > 4 else name


def municipality_code(text: str, field: str = "kommune") -> str:
    """A municipality typed by name ("Aarhus", "aarhus kommune") or code ("751") -> its code; an unknown
    name gives a FieldErrors with the nearest names."""
    reg = register()
    typed = text.strip()
    if typed.isdigit() and typed.zfill(3) in reg.codes:
        return typed.zfill(3)
    wanted = _plain_name(typed)
    by_name = {_plain_name(n): c for n, c in zip(reg.names, reg.codes, strict=True)}
    if wanted in by_name:
        return by_name[wanted]
    near = difflib.get_close_matches(wanted, list(by_name), n=3, cutoff=0.5)
    names = [reg.names[reg.index(by_name[n])] for n in near]
    hint = f"; mente du {' eller '.join(names)}?" if names else "; skriv kommunens navn, fx Aarhus"
    raise FieldErrors({field: f"Kommune: {typed!r} er ikke en af de 98 kommuner{hint}"})
