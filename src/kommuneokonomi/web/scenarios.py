"""Stored simulations (scenarier): every simulation is saved in the store under a short address that
reproduces it on any worker and in a fresh browser, and two of them are compared municipality by municipality.

A scenario is its kind (pulje, sanktion, skat), the input model it follows (`api`: the REST request;
`formular`: the web form, uploaded CSV columns included as exact decimal strings), the inputs as canonical
JSON, the agreement data it was computed on (the documents in use, the corrections stamp, the program
version) and its result. The id is a content hash of all of these but the result: the same inputs on the same
agreement data give the same address, so a re-run never duplicates a row, and a scenario computed again after
the agreement data changed gets a new address while the old one still opens, saying what changed.
Opening an address recomputes from the stored inputs on today's agreement data and compares with the stored
result. Storage is bounded: inputs of at most MAX_INPUT_BYTES, at most MAX_SCENARIOS scenarios and
MAX_TOTAL_BYTES of inputs; beyond that the oldest are deleted first (their addresses then answer 404).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import HTTPException
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from kommuneokonomi import __version__, export
from kommuneokonomi.agreements import Agreement
from kommuneokonomi.danish_numbers import NumberInputError, parse_input
from kommuneokonomi.rules import frames, sanctions, tax
from kommuneokonomi.rules.distribution import distribute_pool
from kommuneokonomi.rules.kommuner import MunicipalDataError, register
from kommuneokonomi.rules.params import RuleError
from kommuneokonomi.rules.result import MunicipalResult
from kommuneokonomi.store import Store, scenarios
from kommuneokonomi.web import explain, municipality, services

ID_LENGTH = 12  # 72 bits of a SHA-256, url-safe base64
ID_PATTERN = r"^[A-Za-z0-9_-]{1,32}$"
MAX_INPUT_BYTES = 512 * 1024
MAX_SCENARIOS = 20_000
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_TITLE = 200
KINDS = ("pulje", "sanktion", "skat")
Column = list[Decimal | None]
Columns = dict[Annotated[str, Field(pattern=r"^[a-z_0-9]{1,40}$")], Column]


# --- the web forms' inputs (the REST requests are services.PoolRequest, SanctionRequest, TaxRequest) ---


class PoolForm(services.Strict):
    pulje_kr: int = Field(ge=0, le=services.MAX_KR)
    gulv_kr: int | None = Field(None, ge=0, le=services.MAX_KR)
    loft_kr: int | None = Field(None, ge=0, le=services.MAX_KR)
    fil: str | None = Field(None, max_length=255, description="den uploadede nøgles filnavn")
    noegle: Column | None = Field(None, min_length=98, max_length=98, description="nøglen, registerorden")

    def compute(self, agreements: dict[int, Agreement]) -> MunicipalResult:
        if self.noegle is not None:
            weights = [Decimal(0) if w is None else w for w in self.noegle]
            return distribute_pool(
                self.pulje_kr, weights, "brugerens nøgle", self.fil or "upload", self.gulv_kr, self.loft_kr
            )
        return distribute_pool(self.pulje_kr, floors=self.gulv_kr, caps=self.loft_kr)


class SanctionForm(services.Strict):
    type: Literal["service", "anlaeg", "regnskab"]
    aar: services.Year
    fordeling: str = Field("kollektiv", max_length=30)
    individuel_pct: str = Field("", max_length=30)
    overskridelse_mio: Decimal = Field(Decimal(0), ge=Decimal("-1e6"), le=Decimal("1e6"), allow_inf_nan=False)
    reguleringer: str = Field("", max_length=5000)
    fil: str | None = Field(None, max_length=255)
    kolonner: Columns | None = Field(None, description="den uploadede CSV's kolonner, registerorden")

    def compute(self, agreements: dict[int, Agreement]) -> MunicipalResult:
        split = sanctions.Split.parse(
            choice_text(self.fordeling, "delt", self.individuel_pct, "individuel andel (pct.)")
        )
        target = sanctions.MAIN_TARGET[self.type]
        user = [
            frames.parse_adjustment(line.strip(), target)
            for line in self.reguleringer.splitlines()
            if line.strip()
        ]
        if self.kolonner is None:  # quick mode: the tested frames spread by population, plus the overrun
            return municipality.quick_sanction(
                self.type, self.aar, self.overskridelse_mio, split, agreements, user
            )
        return sanctions.sanction(
            self.type, self.aar, self.kolonner, split, agreements=agreements, reguleringer=user
        )


class TaxForm(services.Strict):
    aar: services.Year
    rationering: str = Field("pro-rata", max_length=30)
    graense_mio: str = Field("", max_length=30)
    ordning: Literal["aftale", "udligning2021"] = "aftale"
    kommunekode: str | None = Field(None, max_length=3)
    udskrivningsgrundlag: Decimal | None = Field(None, ge=0, le=Decimal("1e7"), allow_inf_nan=False)
    sats_foer: Decimal | None = Field(None, ge=0, le=100, allow_inf_nan=False)
    sats_efter: Decimal | None = Field(None, ge=0, le=100, allow_inf_nan=False)
    tilskud_tilladelse: Decimal | None = Field(None, ge=0, le=Decimal("1e7"), allow_inf_nan=False)
    fil: str | None = Field(None, max_length=255)
    kolonner: Columns | None = None

    def compute(self, agreements: dict[int, Agreement]) -> MunicipalResult:
        data: dict[str, Any] | None = self.kolonner
        if data is None:  # quick mode: one municipality changes its rate, the others keep theirs
            if (
                self.kommunekode is None
                or self.udskrivningsgrundlag is None
                or self.sats_foer is None
                or self.sats_efter is None
            ):
                raise MunicipalDataError(
                    "angiv kommunekode, udskrivningsgrundlag og satser, eller en CSV-fil"
                )
            reg = register()
            i = reg.index(self.kommunekode)
            base = [Decimal(0)] * reg.size
            base[i] = self.udskrivningsgrundlag
            before = [self.sats_foer] * reg.size
            after = list(before)
            after[i] = self.sats_efter
            data = {"udskrivningsgrundlag": base, "sats_foer": before, "sats_efter": after}
            if self.tilskud_tilladelse:
                granted = [Decimal(0)] * reg.size
                granted[i] = self.tilskud_tilladelse
                data["tilskud_tilladelse"] = granted
        inp = tax.TaxInput.from_columns(data, self.ordning)
        return tax.tax(
            self.aar,
            inp,
            tax.Rationing.parse(
                choice_text(self.rationering, "graense", self.graense_mio, "grænsen (mio. kr.)")
            ),
            agreements,
        )


def choice_text(choice: str, with_number: str, number: str, what: str) -> str:
    """A select and its number field as the rules' text form: ("delt", "60") -> "delt:60". The text forms
    themselves ("delt:60", "graense:15") are still accepted, as by the API and the CLI."""
    if choice.strip() != with_number:
        return choice.strip()
    if not number.strip():
        raise RuleError(f"angiv {what}")
    try:
        value = parse_input(number, what)
    except NumberInputError as exc:
        raise RuleError(str(exc)) from exc
    return f"{with_number}:{value}"


@dataclass(frozen=True)
class Model:
    """How one kind of input is validated and computed."""

    schema: type[BaseModel]
    compute: Callable[[Any, dict[int, Agreement]], MunicipalResult]


MODELS: dict[tuple[str, str], Model] = {
    ("pulje", "api"): Model(services.PoolRequest, lambda req, _: services.pool(req)),
    ("sanktion", "api"): Model(services.SanctionRequest, services.sanction),
    ("skat", "api"): Model(services.TaxRequest, services.tax_result),
    ("pulje", "formular"): Model(PoolForm, PoolForm.compute),
    ("sanktion", "formular"): Model(SanctionForm, SanctionForm.compute),
    ("skat", "formular"): Model(TaxForm, TaxForm.compute),
}
NOT_INPUT = {"forklar"}  # which municipality's trace to show is a view of the result, not an input


# --- storing and reproducing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    id: str
    kind: str
    origin: str
    inputs: dict[str, Any]
    title: str | None
    basis: dict[str, Any]
    total_kr: int
    amounts_kr: list[int]
    created_at: str


@dataclass(frozen=True)
class Scenario:
    """A stored scenario recomputed on today's agreement data."""

    stored: Stored
    model: BaseModel
    result: MunicipalResult
    changes: list[str]  # how today's agreement data differs from the data it was computed on

    @property
    def changed(self) -> bool:
        """The recomputed result differs from the stored one."""
        return (
            self.result.amounts_kr != self.stored.amounts_kr or self.result.total_kr != self.stored.total_kr
        )

    @property
    def label(self) -> str:
        """The title, else what sets this scenario apart: its main inputs."""
        return self.stored.title or describe(self.stored.kind, self.model)


def describe(kind: str, model: Any) -> str:
    """A scenario's main inputs in a few Danish words (to tell a baseline from its alternative)."""
    mio, say = export.danish_number, explain.value_text
    if kind == "pulje":
        key = (
            "efter befolkning"
            if model.noegle is None
            else f"nøgle fra {getattr(model, 'fil', None) or 'brugeren'}"
        )
        return f"pulje {mio(model.pulje_kr)} kr., {key}"
    if kind == "sanktion":
        split = "40/60" if model.type == "regnskab" else say("fordeling", model.fordeling)
        what = f"{say('type', model.type)} {model.aar}, {split}"
        if isinstance(model, SanctionForm) and model.kolonner is None:
            return f"{what}, overskridelse {mio(model.overskridelse_mio)} mio. kr."
        source = f"budgetter fra {model.fil}" if isinstance(model, SanctionForm) else "98 kommuners tal"
        return f"{what}, {source}"
    if isinstance(model, TaxForm) and model.kolonner is None:
        rates = f"{mio(model.sats_foer)} → {mio(model.sats_efter)} pct."
        return (
            f"skat {model.aar}, kommune {model.kommunekode}: {rates}, {say('rationering', model.rationering)}"
        )
    source = f"satser fra {model.fil}" if isinstance(model, TaxForm) else "98 kommuners satser"
    choices = f"{say('ordning', model.ordning)}, {say('rationering', model.rationering)}"
    return f"skat {model.aar}, {choices}, {source}"


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def basis(store: Store) -> dict[str, Any]:
    """The agreement data a computation uses: the document in use per year, corrections and the program
    (whose shipped parameters fill what the documents do not state)."""
    return {
        "dokumenter": {str(y): d.sha256[:16] for y, d in sorted(store.latest().items())},
        "rettelser": list(store.corrections_stamp()),
        "program": __version__,
    }


def _differences(then: dict[str, Any], now: dict[str, Any]) -> list[str]:
    out = []
    docs_then, docs_now = then.get("dokumenter", {}), now.get("dokumenter", {})
    for year in sorted(set(docs_then) | set(docs_now)):
        if year not in docs_now:
            out.append(f"aftalen for {year} er ikke længere i databasen")
        elif year not in docs_then:
            out.append(f"aftalen for {year} er kommet til")
        elif docs_then[year] != docs_now[year]:
            out.append(f"aftalen for {year} er indlæst i en ny version")
    if then.get("rettelser") != now.get("rettelser"):
        out.append("nøgletal er rettet eller rettelser fortrudt")
    if then.get("program") != now.get("program"):
        out.append(f"programmet er opdateret ({then.get('program')} → {now.get('program')})")
    return out


def run(
    store: Store,
    agreements: dict[int, Agreement],
    kind: str,
    origin: str,
    model: BaseModel,
    title: str | None = None,
) -> Scenario:
    """Compute a simulation and store it (rule errors propagate and nothing is stored)."""
    result = MODELS[(kind, origin)].compute(model, agreements)
    inputs = model.model_dump(mode="json", exclude=NOT_INPUT)
    inputs_json = canonical(inputs)
    if len(inputs_json.encode()) > MAX_INPUT_BYTES:
        raise HTTPException(413, f"inputtet er over grænsen på {MAX_INPUT_BYTES // 1024} kB for et scenarie")
    used = basis(store)
    digest = hashlib.sha256(
        canonical(
            {"type": kind, "oprindelse": origin, "input": inputs, "titel": title, "grundlag": used}
        ).encode()
    ).digest()
    sid = base64.urlsafe_b64encode(digest).decode()[:ID_LENGTH]
    stored = Stored(sid, kind, origin, inputs, title, used, result.total_kr, list(result.amounts_kr), _now())
    row = {
        "id": sid,
        "kind": kind,
        "origin": origin,
        "inputs": inputs_json,
        "title": title,
        "basis": canonical(used),
        "total_kr": str(result.total_kr),
        "amounts_kr": canonical(stored.amounts_kr),
        "created_at": stored.created_at,
    }
    try:
        with store.engine.begin() as conn:
            if conn.execute(select(scenarios.c.id).where(scenarios.c.id == sid)).first() is None:
                conn.execute(insert(scenarios).values(**row))
    except IntegrityError:
        pass  # another worker stored the same scenario at the same moment: same id, same content
    _prune(store)
    return Scenario(load(store, sid) or stored, model, result, [])


def _prune(store: Store) -> None:
    """Keep the store bounded: delete the oldest scenarios beyond MAX_SCENARIOS or MAX_TOTAL_BYTES."""
    with store.engine.begin() as conn:
        count, size = conn.execute(
            select(func.count(scenarios.c.id), func.coalesce(func.sum(func.length(scenarios.c.inputs)), 0))
        ).one()
        excess = max(0, count - MAX_SCENARIOS)
        if size > MAX_TOTAL_BYTES:
            excess = max(excess, count // 10, 1)
        if excess:
            oldest = select(scenarios.c.id).order_by(scenarios.c.created_at, scenarios.c.id).limit(excess)
            conn.execute(delete(scenarios).where(scenarios.c.id.in_(oldest.scalar_subquery())))


def load(store: Store, sid: str) -> Stored | None:
    with store.engine.connect() as conn:
        r = conn.execute(select(scenarios).where(scenarios.c.id == sid)).first()
    if r is None:
        return None
    return Stored(
        r.id,
        r.kind,
        r.origin,
        json.loads(r.inputs),
        r.title,
        json.loads(r.basis),
        int(r.total_kr),
        json.loads(r.amounts_kr),
        r.created_at,
    )


def reproduce(store: Store, agreements: dict[int, Agreement], sid: str) -> Scenario:
    """A stored scenario recomputed from its inputs (404 in Danish for an unknown or malformed id)."""
    found = load(store, sid) if _valid_id(sid) else None
    if found is None:
        raise HTTPException(
            404, f"ukendt scenarie {sid[:40]!r}: adressen findes ikke (eller er slettet som en af de ældste)"
        )
    try:
        model = MODELS[(found.kind, found.origin)].schema.model_validate(found.inputs)
    except (KeyError, ValidationError) as exc:  # stored by a version whose input model differed
        raise HTTPException(
            422, f"scenarie {sid}: de gemte input passer ikke til denne version af programmet ({exc})"
        ) from exc
    result = MODELS[(found.kind, found.origin)].compute(model, agreements)
    return Scenario(found, model, result, _differences(found.basis, basis(store)))


def _valid_id(sid: str) -> bool:
    return 0 < len(sid) <= 32 and all(c.isascii() and (c.isalnum() or c in "-_") for c in sid)


def id_from(text: str) -> str:
    """An id from what a user pastes: the id itself or a whole address ending in /scenarie/ID."""
    return text.strip().rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


# --- answers ------------------------------------------------------------------------------------------------


def head(kind: str, model: Any, result: MunicipalResult) -> dict[str, Any]:
    """The leading fields of a simulation's JSON answer (the same for the REST request and the form)."""
    if kind == "pulje":
        return {"pulje_kr": model.pulje_kr}
    if kind == "sanktion":
        return {
            "type": model.type,
            "aar": model.aar,
            "fordeling": model.fordeling if model.type != "regnskab" else "40/60",
            "reduktion_kr": result.total_kr,
        }
    return {"aar": model.aar, "ordning": model.ordning, "rationering": model.rationering}


def reference(sid: str) -> dict[str, str]:
    return {"id": sid, "adresse": f"/scenarie/{sid}", "api": f"/api/scenarier/{sid}"}


def meta_json(s: Scenario) -> dict[str, Any]:
    return {
        **reference(s.stored.id),
        "type": s.stored.kind,
        "oprindelse": s.stored.origin,
        "titel": s.stored.title,
        "oprettet": s.stored.created_at,
        "grundlag": s.stored.basis,
        "aendret_siden": s.changed,
        "aendringer": s.changes,
        "gemt_i_alt_kr": s.stored.total_kr,
        "input": s.stored.inputs,
    }


def answer_json(s: Scenario, forklar: str | None = None) -> dict[str, Any]:
    return {
        "scenarie": meta_json(s),
        "resultat": services.result_json(s.result, head(s.stored.kind, s.model, s.result), forklar),
    }


def changed_note(s: Scenario) -> str | None:
    """The warning for a scenario whose agreement data has changed since it was computed (None if not)."""
    if not s.changes and not s.changed:
        return None
    why = "; ".join(s.changes) or "aftaledata er ændret"
    if s.changed:
        then, now = export.danish_number(s.stored.total_kr), export.danish_number(s.result.total_kr)
        return (
            f"Beregnet på aftaledata, der er ændret siden ({why}): gemt i alt {then} kr., "
            f"genberegnet i alt {now} kr. Tabellen viser genberegningen."
        )
    return f"Aftaledata er ændret siden ({why}), men resultatet er det samme."


# --- comparison ---------------------------------------------------------------------------------------------

SORT_KEYS = ("kode", "navn", "a", "b", "forskel")


def comparison_rows(a: Scenario, b: Scenario) -> list[dict[str, Any]]:
    reg = register()
    return [
        {"kommunekode": c, "kommunenavn": n, "a_kr": x, "b_kr": y, "forskel_kr": y - x}
        for c, n, x, y in zip(reg.codes, reg.names, a.result.amounts_kr, b.result.amounts_kr, strict=True)
    ]


def sorted_rows(rows: list[dict[str, Any]], key: str, descending: bool) -> list[dict[str, Any]]:
    field = {"kode": "kommunekode", "navn": "kommunenavn", "a": "a_kr", "b": "b_kr", "forskel": "forskel_kr"}[
        key
    ]
    return sorted(rows, key=lambda r: r[field], reverse=descending)


def comparison_json(a: Scenario, b: Scenario) -> dict[str, Any]:
    return {
        "a": meta_json(a) | {"regel": a.result.rule, "i_alt_kr": a.result.total_kr},
        "b": meta_json(b) | {"regel": b.result.rule, "i_alt_kr": b.result.total_kr},
        "forskel_i_alt_kr": b.result.total_kr - a.result.total_kr,
        "kommuner": comparison_rows(a, b),
    }


def comparison_table(a: Scenario, b: Scenario) -> export.TableData:
    rows: list[list[Any]] = [
        [r["kommunekode"], r["kommunenavn"], r["a_kr"], r["b_kr"], r["forskel_kr"]]
        for r in comparison_rows(a, b)
    ]
    rows.append(["I alt", "", a.result.total_kr, b.result.total_kr, b.result.total_kr - a.result.total_kr])
    return export.TableData(
        f"Sammenligning {a.stored.id} og {b.stored.id}",
        ["Kommunekode", "Kommune", f"A: {a.label} (kr.)", f"B: {b.label} (kr.)", "B − A (kr.)"],
        rows,
    )
