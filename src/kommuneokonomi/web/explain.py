"""Explanations people can read: a trace as a Danish table (step, amount, source linked to its line in the
agreement), Danish labels for every key (from `etiketter.yaml`, not code), Danish validation messages."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import yaml

from kommuneokonomi.export import danish_number
from kommuneokonomi.extraction.keys import key_specs
from kommuneokonomi.rules.frames import KIND_LABELS
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.rules.trace import Trace

#: "Aftale om kommunernes økonomi for 2024, 2. …, linje 72-74": the agreement year and its lines
AGREEMENT_SOURCE = re.compile(r"økonomi for (\d{4})\b.*?\blinje (\d+)(?:\s*[-–]\s*(\d+))?", re.S)
COLUMN_NAME = re.compile(r"(?<![\w/.-])[a-zæøå]+(?:_[a-zæøå0-9]+)+\b")
URL = re.compile(r"https?://[^\s;,)]+")
CHOICE_WITH_NUMBER = re.compile(r"^(\w[\w-]*):(-?\d+(?:\.\d+)?)$")


@cache
def labels() -> dict[str, dict[str, str]]:
    text = resources.files("kommuneokonomi.web").joinpath("etiketter.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def label(key: str) -> str | None:
    """The Danish label of a trace or summary key; None when the map lacks it (a test fails then)."""
    return labels()["noegler"].get(key)


def missing_labels(trace: Trace, summary: dict[str, Any] | None = None) -> set[str]:
    """Keys of a trace's inputs (and a result summary) that have no Danish label."""
    return {k for k in [*trace.input, *(summary or {})] if label(k) is None}


def value_text(key: str, value: Any) -> str:
    """A value the Danish way: ja/nej, 1.234,5, years without separators, known choices by their label."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(value_text(key, v) for v in value) or "ingen"
    if isinstance(value, int | float | Decimal):
        if key.endswith("aar") and isinstance(value, int):  # a year: 2024, not 2.024
            return str(value)
        number = danish_number(value)
        if key.endswith("_kr"):
            return f"{number} kr."
        if key.endswith("_mio"):
            return f"{number} mio. kr."
        return number
    text = str(value)
    known = labels()["vaerdier"]
    if text in known:
        return known[text]
    if key == "art" and text in KIND_LABELS:  # a frame adjustment's kind: the rules' own labels
        return KIND_LABELS[text]
    match = CHOICE_WITH_NUMBER.match(text)
    if match and match.group(1) in labels()["vaerdier_med_tal"]:
        return labels()["vaerdier_med_tal"][match.group(1)].format(tal=danish_number(Decimal(match.group(2))))
    return text


def value_filter(value: Any, key: str = "") -> str:
    """`value_text` as a Jinja filter: {{ a.art|vaerdi("art") }}."""
    return value_text(key, value)


def source_link(kilde: str | None) -> dict[str, str | None]:
    """A source as a link: a URL as itself; an agreement line to the agreement page's anchor for that line."""
    if not kilde:
        return {"tekst": "", "href": None, "titel": None}
    kilde = kilde.strip()
    if kilde.startswith(("http://", "https://")):
        return {"tekst": urlparse(kilde).netloc.removeprefix("www."), "href": kilde, "titel": kilde}
    match = AGREEMENT_SOURCE.search(kilde)
    if match:
        year, start, end = match.groups()
        lines = f"linje {start}–{end}" if end and end != start else f"linje {start}"
        return {
            "tekst": f"Aftalen for {year}, {lines}",
            "href": f"/aftale/{year}#linje-{start}",
            "titel": kilde,
        }
    url = URL.search(kilde)
    return {"tekst": kilde, "href": url.group(0) if url else None, "titel": None}


def trace_view(trace: Trace) -> dict[str, Any]:
    """A trace for the `_forklaring.html` table: inputs and parameters with labels, steps with sources."""
    reg = register()
    who = None
    if trace.kommunekode:
        who = reg.official_names[reg.index(trace.kommunekode)]
    parameters = [
        {
            "betegnelse": p.betegnelse,
            "vaerdi": value_text(p.navn, p.vaerdi)
            + (f" {p.enhed}" if p.enhed and not isinstance(p.vaerdi, bool) else ""),
            "kilde": source_link(p.kilde),
        }
        for p in trace.parametre
    ]
    steps = []
    for i, step in enumerate(trace.trin, start=1):
        formula, source = step.formel, None
        if formula and (formula.startswith(("http://", "https://")) or AGREEMENT_SOURCE.search(formula)):
            formula, source = None, source_link(step.formel)
        if source is None:
            source = _parameter_source(step.beskrivelse, trace)
        steps.append(
            {
                "nr": i,
                "trin": _parts(step.beskrivelse),
                "formel": _parts(formula) if formula else None,
                "beloeb": step.resultat,
                "kilde": source,
            }
        )
    return {
        "regel": trace.regel,
        "kommune": who,
        "kommunekode": trace.kommunekode,
        "beloeb": None if trace.beloeb_kr is None else f"{danish_number(trace.beloeb_kr)} kr.",
        "input": [{"label": label(k) or k, "vaerdi": value_text(k, v)} for k, v in trace.input.items()],
        "parametre": parameters,
        "trin": steps,
    }


def _parts(text: str) -> list[dict[str, Any]]:
    """Text with the CSV column names it mentions (`tilladelse_udligning`) marked, to be shown as code: a
    name the user types in a file, not a word. Subscripts in formulas (`befolkning_i`) stay text."""
    parts: list[dict[str, Any]] = []
    last = 0
    for match in COLUMN_NAME.finditer(text):
        if match.group(0).endswith("_i"):
            continue
        parts += [
            {"tekst": text[last : match.start()], "kode": False},
            {"tekst": match.group(0), "kode": True},
        ]
        last = match.end()
    return [*parts, {"tekst": text[last:], "kode": False}]


def _parameter_source(description: str, trace: Trace) -> dict[str, str | None] | None:
    """The source of the parameter a step starts by naming ("serviceramme: aftalens tal" → its lines)."""
    lowered = description.lower()
    for p in trace.parametre:
        names = {p.navn.lower().replace("_", " "), p.betegnelse.lower().split(",")[0].strip()}
        if any(n and lowered.startswith(n) for n in names):
            return source_link(p.kilde)
    return None


def summary_view(summary: dict[str, Any]) -> list[dict[str, str]]:
    """The result's aggregate figures (amounts and scalars) as label/value rows; lists and details apart."""
    rows = []
    for key, value in summary.items():
        if isinstance(value, dict | list) or value is None:
            continue
        amount = isinstance(value, int | float | Decimal) and key.endswith(("_kr", "_mio"))
        if amount or isinstance(value, bool):
            rows.append({"label": label(key) or key, "vaerdi": value_text(key, value)})
    return rows


def readable_error(message: str) -> str:
    """A rule's error for a page: the figure keys it names by their Danish labels ("angiver ikke
    tilskud_skattenedsaettelse" → "angiver ikke «Ramme for skattenedsættelser med tilskud»")."""
    specs = key_specs()

    def name(match: re.Match[str]) -> str:
        word = match.group(0)
        return f"«{specs[word].label}»" if word in specs else word

    return COLUMN_NAME.sub(name, message)


def validation_message(errors: list[dict[str, Any]] | Any, limit: int = 5) -> str:
    """FastAPI's/pydantic's validation errors in Danish: "Budgetår: skal være et helt tal (fik 'x')"."""
    texts = labels()["valideringsfejl"]
    fields = labels()["felter"]
    parts = []
    for e in list(errors)[:limit]:
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path", "form", "header")]
        field = loc[-1] if loc else ""
        where = fields.get(field) or (f"felt {'.'.join(loc)}" if loc else "input")
        context = {k: _context_text(v) for k, v in (e.get("ctx") or {}).items()}
        try:
            message = texts.get(e.get("type", ""), texts["andet"]).format(**context)
        except (KeyError, IndexError):
            message = texts["andet"]
        given = e.get("input")
        if isinstance(given, str) and given and len(given) <= 40 and e.get("type") != "missing":
            message += f" (fik {given!r})"
        parts.append(f"{where}: {message}")
    return "ugyldigt input: " + "; ".join(parts)


def _context_text(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float | Decimal):
        return danish_number(value)
    return str(value)
