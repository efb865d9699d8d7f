"""Adjusted frames: the agreement's figure plus a ledger of adjustments, the level the sanctions test.

Every agreement adds "Hertil kommer yderligere reguleringer i medfør af DUT mv."; the ministry's January
opgørelse tests the budgets against the frame after DUT and other technical corrections, and the April
opgørelse tests the accounts against the budgets as corrected (DUT, COVID-19, refugees, …) (rules.md sections
1–3). A ledger line is an amount (DUT, teknisk, …), a level a release states (`opgjort_niveau`), or a lower
bound that a published statement of compliance implies (`mindst_niveau`): a release saying the budgets kept
the (adjusted) frame, that the full conditional grant was paid, or that only the service overrun was offset,
says the tested level was at least the budgets (or accounts) it reports. The adjustment a level implies is
derived at run time against the agreement's figure, never stored; a bound only ever raises the level:
tested level = max(agreement figure + known adjustments, bounds) + the user's amounts.

Targets: `serviceramme` (UDL § 14 stk. 5), `anlaegsramme` (stk. 6) and `regnskab` (§ 14 a: the adjusted
serviceramme plus the accounts' corrections). Shipped ledgers: `parameters/rammer/<target>.yaml`; users add
lines from a file (`--reguleringer`), the command line (`--regulering ART:BELØB:KILDE`) or the API.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from kommuneokonomi.danish_numbers import NumberInputError, parse_input
from kommuneokonomi.models import to_json_number
from kommuneokonomi.parameters import ParameterError, load_model
from kommuneokonomi.rules.params import RuleError, finite_decimal
from kommuneokonomi.rules.trace import ParameterRef, Step, mio
from kommuneokonomi.textfiles import TextDecodeError, read_text_file

LEDGER_DIR = Path(str(resources.files("kommuneokonomi.parameters"))) / "rammer"
TARGETS = ("serviceramme", "anlaegsramme", "regnskab")
Kind = Literal["DUT", "teknisk", "covid19", "flygtninge", "opgjort_niveau", "mindst_niveau", "andet"]
#: the kinds whose number is a level (mio. kr.), not an amount
LEVEL_KINDS = ("opgjort_niveau", "mindst_niveau")
KIND_LABELS = {
    "DUT": "DUT-regulering",
    "teknisk": "teknisk korrektion",
    "covid19": "COVID-19-korrektion",
    "flygtninge": "korrektion for flygtninge/fordrevne",
    "opgjort_niveau": "opgjort niveau",
    "mindst_niveau": "nedre grænse udledt af en offentliggjort overholdelse",
    "andet": "anden regulering",
}
#: the agreement figure each target starts from (regnskab starts from the adjusted serviceramme)
BASE_KEY = {"serviceramme": "serviceramme", "anlaegsramme": "anlaegsramme", "regnskab": "serviceramme"}


class Adjustment(BaseModel):
    """One ledger line: an amount (mio. kr.) or a stated tested level, with date and source."""

    model_config = ConfigDict(extra="forbid")

    aar: int
    art: Kind
    beloeb: Decimal | None = None
    niveau: Decimal | None = None
    praecision: Decimal | None = None  # the published level's rounding, mio. kr.
    dato: date | None = None
    kilde: str
    betegnelse: str = ""
    sikkerhed: Literal["H", "M", "L"] = "M"

    @model_validator(mode="after")
    def _amount_or_level(self) -> Adjustment:
        if self.art in LEVEL_KINDS:
            if self.niveau is None or self.beloeb is not None:
                raise ValueError(f"art {self.art} kræver niveau (mio. kr.) og intet beloeb")
        elif self.beloeb is None or self.niveau is not None:
            raise ValueError(f"art {self.art} kræver beloeb (mio. kr.) og intet niveau")
        if not self.kilde.strip():
            raise ValueError("kilde må ikke være tom: angiv en URL eller et sted i et dokument")
        return self

    @property
    def level(self) -> Decimal:
        """The level of a level kind (`_amount_or_level` makes sure it is there)."""
        assert self.niveau is not None, f"art {self.art} har intet niveau"
        return self.niveau

    @property
    def amount(self) -> Decimal:
        """The amount of an amount kind (`_amount_or_level` makes sure it is there)."""
        assert self.beloeb is not None, f"art {self.art} har intet beløb"
        return self.beloeb


class Ledger(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: Literal["serviceramme", "anlaegsramme", "regnskab"]
    label: str
    unit: Literal["mio. kr."]
    grundlag: str
    reguleringer: list[Adjustment]

    @model_validator(mode="after")
    def _one_level_per_year(self) -> Ledger:
        years = [a.aar for a in self.reguleringer if a.art == "opgjort_niveau"]
        twice = sorted({y for y in years if years.count(y) > 1})
        if twice:
            raise ValueError(f"mere end ét opgjort niveau for {', '.join(map(str, twice))}")
        levels = {a.aar: a for a in self.reguleringer if a.art == "opgjort_niveau"}
        for bound in (a for a in self.reguleringer if a.art == "mindst_niveau"):
            stated = levels.get(bound.aar)
            if stated is not None and bound.level > stated.level + (stated.praecision or 0):
                raise ValueError(
                    f"{bound.aar}: den nedre grænse {bound.niveau} ligger over det opgjorte niveau "
                    f"{stated.niveau}; de to kilder modsiger hinanden"
                )
        return self


@cache
def shipped_ledger(target: str) -> Ledger:
    path = LEDGER_DIR / f"{target}.yaml"
    ledger = load_model(path, Ledger)
    if ledger.key != target:
        raise ParameterError(f"{path}: feltet 'key' ({ledger.key}) passer ikke til filnavnet")
    return ledger


@dataclass(frozen=True)
class UserAdjustment:
    """A user's ledger line for one target; `aar` None means the year being computed."""

    target: str
    line: Adjustment
    aar: int | None = None

    @property
    def niveau(self) -> Decimal | None:
        return self.line.niveau

    @property
    def beloeb(self) -> Decimal | None:
        return self.line.beloeb

    @property
    def betegnelse(self) -> str:
        return self.line.betegnelse or KIND_LABELS[self.line.art]


def user_adjustment(target: str, fields: dict[str, Any], where: str) -> UserAdjustment:
    """A user's line from named fields (a file row, an API object); errors name `where`."""
    if target not in TARGETS:
        raise RuleError(f"{where}: ukendt ramme {target!r}; brug {', '.join(TARGETS)}")
    clean = {k: v for k, v in fields.items() if v not in (None, "")}
    year = clean.pop("aar", None)
    clean.setdefault("kilde", "angivet af brugeren")
    try:
        line = Adjustment.model_validate({"aar": year or 0, **clean})
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(map(str, first["loc"]))
        raise RuleError(f"{where}: {('feltet ' + repr(loc) + ': ') if loc else ''}{first['msg']}") from exc
    return UserAdjustment(target=target, line=line, aar=int(year) if year else None)


def parse_adjustment(text: str, default_target: str) -> UserAdjustment:
    """`[RAMME:]ART:BELØB[:KILDE]` from the command line, e.g. "DUT:-120:lov 123/2024" or
    "anlaegsramme:teknisk:50:https://…"; for `opgjort_niveau` and `mindst_niveau` BELØB is the level. KILDE
    may contain colons."""
    parts = text.split(":")
    target = parts.pop(0) if parts and parts[0] in TARGETS else default_target
    if len(parts) < 2:
        raise RuleError(f"--regulering {text!r}: brug [RAMME:]ART:BELØB[:KILDE], fx DUT:-120:lov nr. 1/2024")
    art, amount, kilde = parts[0].strip(), parts[1].strip(), ":".join(parts[2:]).strip()
    value = finite_decimal(amount, f"--regulering {text!r}: beløbet (mio. kr.)")
    key = "niveau" if art in LEVEL_KINDS else "beloeb"
    return user_adjustment(target, {"art": art, key: value, "kilde": kilde}, f"--regulering {text!r}")


def read_adjustments(path: Path, default_target: str) -> list[UserAdjustment]:
    """A YAML list or a CSV (ramme,aar,art,beloeb,niveau,dato,kilde,betegnelse) of ledger lines."""
    try:
        text = read_text_file(path)
    except (OSError, TextDecodeError) as exc:
        raise RuleError(f"{path}: kan ikke læses: {exc}") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            rows = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise RuleError(f"{path}: ikke gyldig YAML: {exc}") from exc
        if isinstance(rows, dict):
            rows = rows.get("reguleringer", [])
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise RuleError(f"{path}: forventede en liste af reguleringer (ramme, aar, art, beloeb, kilde …)")
        first_row = 1
    else:
        delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        allowed = {"ramme", "aar", "art", "beloeb", "niveau", "dato", "kilde", "betegnelse", "sikkerhed"}
        unknown = [h for h in reader.fieldnames or [] if h.strip() not in allowed]
        if unknown:
            raise RuleError(
                f"{path}: ukendte kolonner {', '.join(unknown)}; brug {', '.join(sorted(allowed))}"
            )
        rows = []
        for row_no, row in enumerate(reader, start=2):
            clean: dict[str, Any] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            for num in ("beloeb", "niveau"):
                if clean.get(num):
                    where = f"{path}, række {row_no}, kolonne {num}"
                    try:
                        clean[num] = parse_input(clean[num], where, "," if delimiter == ";" else ".")
                    except NumberInputError as exc:
                        raise RuleError(str(exc)) from exc
            rows.append(clean)
        first_row = 2
    out = []
    for i, row in enumerate(rows, start=first_row):
        row = dict(row)
        target = str(row.pop("ramme", None) or default_target)
        out.append(user_adjustment(target, row, f"{path}, {'række' if first_row == 2 else 'post'} {i}"))
    return out


@dataclass(frozen=True)
class AppliedAdjustment:
    art: str
    betegnelse: str
    beloeb: Decimal | None  # None: a level whose base is unknown (the level alone stands)
    kilde: str
    dato: str | None
    oprindelse: Literal["leveret", "bruger"]
    niveau: Decimal | None = None
    praecision: Decimal | None = None
    sikkerhed: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "art": self.art,
            "betegnelse": self.betegnelse,
            "beloeb_mio": to_json_number(self.beloeb),
            "kilde": self.kilde,
            "dato": self.dato,
            "oprindelse": self.oprindelse,
        }
        if self.art == "mindst_niveau":
            out["mindst_niveau_mio"] = to_json_number(self.niveau)
            out["bindende"] = bool(self.beloeb)
            out["afledt"] = (
                "nedre grænse udledt af en offentliggjort erklæring om overholdelse, ikke et offentliggjort "
                "niveau; beløbet er det, grænsen hæver niveauet med (0: den binder ikke)"
            )
        elif self.niveau is not None:
            out["opgjort_niveau_mio"] = to_json_number(self.niveau)
            out["praecision_mio"] = to_json_number(self.praecision)
            out["afledt"] = "niveau − aftalens tal − øvrige leverede reguleringer"
        if self.sikkerhed:
            out["sikkerhed"] = self.sikkerhed
        return out


@dataclass(frozen=True)
class AdjustedFrame:
    """The tested level of one frame in one year, and how it was reached."""

    target: str
    year: int
    base: Decimal | None
    base_ref: ParameterRef | None
    level: Decimal
    adjustments: list[AppliedAdjustment] = field(default_factory=list)
    shipped_known: bool = False  # the shipped ledger has lines for this target and year

    @property
    def known(self) -> bool:
        """Whether anything beyond the bare starting figure is known: an amount, a stated level or a bound
        that raises the level. An agreement's figure alone is not the tested level (rules.md section 1)."""
        return any(a.art != "mindst_niveau" or a.beloeb for a in self.adjustments)

    @property
    def bounds(self) -> list[AppliedAdjustment]:
        return [a for a in self.adjustments if a.art == "mindst_niveau"]

    @property
    def basis(self) -> str:
        """What the tested level rests on: a stated level, an inferred bound, amounts, or nothing known."""
        if any(a.art == "mindst_niveau" and a.beloeb for a in self.adjustments):
            return "nedre grænse (udledt af en offentliggjort overholdelse)"
        if any(a.art == "opgjort_niveau" for a in self.adjustments):
            return "opgjort niveau"
        if any(a.art not in LEVEL_KINDS for a in self.adjustments):
            return f"{self.origin} + reguleringer"
        unbound = " (nedre grænse binder ikke)" if self.bounds else ""
        return f"{self.origin} uden kendte reguleringer{unbound}"

    @property
    def origin(self) -> str:
        """What the level starts from: the agreement's figure, or for accounts the serviceramme's level."""
        return "servicerammens testede niveau" if self.target == "regnskab" else "aftalens tal"

    @property
    def note(self) -> str:
        amounts = [a for a in self.adjustments if a.art != "mindst_niveau"]
        binding = [a for a in self.bounds if a.beloeb]
        if binding:
            return (
                f"testet niveau = nedre grænse {mio(binding[-1].niveau)} udledt af en offentliggjort "
                "overholdelse (ikke et offentliggjort niveau)"
                + (f"; {len(amounts)} regulering(er) anvendt" if amounts else "")
            )
        stated = next((a for a in amounts if a.art == "opgjort_niveau"), None)
        if stated is not None and stated.niveau is not None:
            return (
                f"testet niveau bygger på det opgjorte niveau {mio(stated.niveau)} ({stated.kilde}): "
                "en rettelse af aftalens tal ændrer kun den afledte regulering, mens et andet tal for rammen "
                "(--serviceramme/--anlaegsramme) flytter niveauet med forskellen"
                + (f"; {len(amounts)} regulering(er) anvendt" if len(amounts) > 1 else "")
            )
        if amounts:
            return f"{len(amounts)} regulering(er) anvendt" + (
                f"; {len(self.bounds)} nedre grænse(r) binder ikke" if self.bounds else ""
            )
        return (
            f"ingen kendte reguleringer for {self.target} {self.year}: {self.origin} testes uændret "
            "(tilføj dem med --regulering eller --reguleringer)"
            + (f"; {len(self.bounds)} nedre grænse(r) binder ikke" if self.bounds else "")
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "ramme": self.target,
            "aar": self.year,
            "grundlag_mio": to_json_number(self.base),
            "grundlag_kilde": self.base_ref.kilde if self.base_ref else None,
            "testet_niveau_mio": to_json_number(self.level),
            "niveau_grundlag": self.basis,
            "reguleringer": [a.to_json() for a in self.adjustments],
            "reguleringer_kendt": self.known,
            "bemaerkning": self.note,
        }

    def steps(self, label: str) -> list[Step]:
        base = mio(self.base) if self.base is not None else "ukendt"
        origin = self.origin
        if self.base_ref is not None and self.base_ref.kilde == "angivet af brugeren":
            origin = "brugerens tal"
        out = [Step(beskrivelse=f"{label}: {origin}", resultat=base)]
        for a in self.adjustments:
            what = f"{KIND_LABELS.get(a.art, a.art)} ({a.oprindelse}): {a.betegnelse}"
            if a.art == "mindst_niveau":
                result = f"testet niveau ≥ {mio(a.niveau)} → " + (
                    f"hæver niveauet {mio(a.beloeb)}" if a.beloeb else "binder ikke"
                )
            elif a.niveau is not None:
                result = f"niveau {mio(a.niveau)} → " + (
                    f"regulering {mio(a.beloeb)}"
                    if a.beloeb is not None
                    else "grundlag ukendt, niveauet står"
                )
            else:
                result = mio(a.beloeb)
            out.append(Step(beskrivelse=what, formel=a.kilde, resultat=result))
        if not self.adjustments:
            out.append(Step(beskrivelse="reguleringer", resultat=self.note))
        out.append(
            Step(
                beskrivelse=f"{label}: testet niveau",
                formel=f"{origin} + Σ reguleringer"
                + (", mindst de nedre grænser (brugerens beløb lægges til bagefter)" if self.bounds else ""),
                resultat=mio(self.level),
            )
        )
        return out

    def parameter(self, label: str) -> ParameterRef:
        sources = "; ".join(a.kilde for a in self.adjustments) or "ingen kendte reguleringer"
        return ParameterRef(
            navn=f"{self.target}.testet_niveau",
            betegnelse=f"{label}, testet niveau {self.year}"
            + (f" ({self.basis})" if self.basis.startswith("nedre") else ""),
            vaerdi=to_json_number(self.level),
            enhed="mio. kr.",
            kilde=sources,
        )


def adjust(
    target: str,
    year: int,
    base: Decimal | None,
    base_ref: ParameterRef | None,
    agreement_base: Decimal | None = None,
    user: list[UserAdjustment] | None = None,
    shipped: bool = True,
) -> AdjustedFrame:
    """The tested level: base + shipped amounts (or the stated level) + the user's amounts.

    A stated level fixes base + shipped lines; its implied adjustment is the level − the agreement's
    figure (`agreement_base`, the figure before any user override) − the other shipped amounts, so
    overriding the base shifts the level by the override's difference. A bound (`mindst_niveau`, shipped or
    the user's) then raises that level to at least the bound (shifted by an override the same way), never
    lowers it; a user's stated level replaces the shipped level and the shipped bounds. The user's amounts
    always shift the level exactly, after the bounds. No base and no stated level: an error (a bound is
    not a level).
    """
    if target not in TARGETS:
        raise RuleError(f"ukendt ramme {target!r}; brug {', '.join(TARGETS)}")
    lines = [a for a in shipped_ledger(target).reguleringer if a.aar == year] if shipped else []
    mine = [u for u in (user or []) if u.target == target and (u.aar is None or u.aar == year)]
    user_level = next((u for u in reversed(mine) if u.line.art == "opgjort_niveau"), None)
    shipped_level = next((a for a in lines if a.art == "opgjort_niveau"), None)
    applied: list[AppliedAdjustment] = []
    shipped_amounts = [a for a in lines if a.beloeb is not None]
    for a in shipped_amounts:
        applied.append(
            AppliedAdjustment(
                a.art,
                a.betegnelse or KIND_LABELS[a.art],
                a.beloeb,
                a.kilde,
                _iso(a.dato),
                "leveret",
                sikkerhed=a.sikkerhed,
            )
        )
    amounts = sum((a.amount for a in shipped_amounts), Decimal(0))
    level_line = user_level.line if user_level is not None else shipped_level
    reference = agreement_base if agreement_base is not None else base
    shift = (base - reference) if base is not None and reference is not None else Decimal(0)
    if level_line is not None:
        stated = level_line.level
        before_user = stated + shift
        derived = (stated - reference - amounts) if reference is not None else None
        if user_level is not None:
            applied.append(
                AppliedAdjustment(
                    "opgjort_niveau",
                    user_level.betegnelse,
                    derived,
                    user_level.line.kilde,
                    None,
                    "bruger",
                    niveau=stated,
                )
            )
        else:
            assert shipped_level is not None
            applied.append(
                AppliedAdjustment(
                    "opgjort_niveau",
                    shipped_level.betegnelse or KIND_LABELS["opgjort_niveau"],
                    derived,
                    shipped_level.kilde,
                    _iso(shipped_level.dato),
                    "leveret",
                    niveau=stated,
                    praecision=shipped_level.praecision,
                    sikkerhed=shipped_level.sikkerhed,
                )
            )
    else:
        if base is None:
            raise RuleError(f"{BASE_KEY[target]} for {year} mangler")
        before_user = base + amounts
    bounds: list[tuple[Adjustment, Literal["leveret", "bruger"]]]
    bounds = [(a, "leveret") for a in lines if a.art == "mindst_niveau" and user_level is None]
    bounds += [(u.line, "bruger") for u in mine if u.line.art == "mindst_niveau"]
    for line, origin in bounds:
        lift = max(Decimal(0), line.level + shift - before_user)
        applied.append(
            AppliedAdjustment(
                "mindst_niveau",
                line.betegnelse or KIND_LABELS["mindst_niveau"],
                lift,
                line.kilde,
                _iso(line.dato),
                origin,
                niveau=line.niveau,
                sikkerhed=line.sikkerhed if origin == "leveret" else None,
            )
        )
        before_user += lift
    user_amounts = [u for u in mine if u.beloeb is not None]
    for u in user_amounts:
        applied.append(
            AppliedAdjustment(u.line.art, u.betegnelse, u.beloeb, u.line.kilde, _iso(u.line.dato), "bruger")
        )
    level = before_user + sum((u.line.amount for u in user_amounts), Decimal(0))
    return AdjustedFrame(target, year, base, base_ref, level, applied, bool(lines))


def has_level(target: str, year: int, user: list[UserAdjustment] | None = None, shipped: bool = True) -> bool:
    """Whether a stated level is known, so the frame needs no agreement figure."""
    ledger = shipped_ledger(target).reguleringer if shipped else []
    if any(a.aar == year and a.art == "opgjort_niveau" for a in ledger):
        return True
    return any(
        u.target == target and u.line.art == "opgjort_niveau" and u.aar in (None, year) for u in user or []
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
