"""The REST API (JSON; OpenAPI at /openapi.json). Every bad input is a JSON error with a clear message."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

from kommuneokonomi import corrections
from kommuneokonomi.agreements import Agreement
from kommuneokonomi.corrections import MAX_KILDE, MAX_NOTE, MAX_USER, CorrectionError
from kommuneokonomi.danish_numbers import format_danish
from kommuneokonomi.extraction.keys import key_specs
from kommuneokonomi.knowledge import tracker
from kommuneokonomi.knowledge.compare import compare
from kommuneokonomi.knowledge.corpus import NoTextsError
from kommuneokonomi.models import coverage_of
from kommuneokonomi.rules import compliance, kommunefakta, prices
from kommuneokonomi.rules.kommuner import register
from kommuneokonomi.web import scenarios, services
from kommuneokonomi.web.auth import require_write
from kommuneokonomi.web.state import AppState, StoreUnavailable, store_label
from kommuneokonomi.web.uploads import read_upload, upload_name
from kommuneokonomi.web.work import UploadRefused

router = APIRouter(prefix="/api")
# The quick, CPU-bound handlers are `async`: they run one after another on the event loop instead of in
# uvicorn's thread pool, where they would contend for the GIL (benchmarks/api.py: the sanction simulation's
# p99 went from 135 ms to 28 ms); they only read the state's snapshot, which takes no lock and no I/O.
# Handlers that may build the knowledge cache stay sync, and an upload is parsed in a worker thread.
YearQ = Annotated[int, Query(ge=1990, le=2100)]
SatsQ = Annotated[
    list[str] | None, Query(description="PL-skøn for et år uden aftale: ÅR=PCT, fx 2021=1.5", max_length=20)
]
_SATS_RE = re.compile(r"^(\d{4})=(-?\d{1,2}(?:[.,]\d{1,4})?)$")
INDEX_PATTERN = r"^(service|anlaeg|samlet)$"


def state(request: Request) -> AppState:
    return request.app.state.kommuneokonomi


def _agreement(request: Request, aar: int) -> tuple[Agreement, dict[int, Agreement]]:
    agreements = state(request).agreements()
    if aar not in agreements:
        raise HTTPException(404, f"ingen aftale for {aar}; kendte år: {', '.join(map(str, agreements))}")
    return agreements[aar], agreements


def _knowledge(request: Request):
    try:
        return state(request).knowledge()
    except NoTextsError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/sundhed", summary="Serverens tilstand (503 når databasen ikke kan læses)")
async def health(request: Request) -> JSONResponse:
    st = state(request)
    try:
        years = list(st.agreements())
    except StoreUnavailable as exc:
        body = {"status": "databasen er utilgængelig", "fejl": str(exc), "database": store_label(st.store)}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "aftaler": years, "database": store_label(st.store)})


@router.get("/aftaler", summary="Alle kendte aftaler")
async def agreements_list(request: Request) -> dict[str, Any]:
    return {
        "aftaler": [
            {"aar": a.year, "dato": a.date, "kilde": a.origin} for a in state(request).agreements().values()
        ]
    }


@router.get("/aftaler/{aar}", summary="Én aftales nøgletal med kilder")
async def agreement_detail(request: Request, aar: Annotated[int, Path(ge=1990, le=2100)]) -> dict[str, Any]:
    a, _ = _agreement(request, aar)
    return a.to_json()


@router.get("/noegletal", summary="Nøgletallenes betegnelser og enheder")
async def figure_keys() -> dict[str, Any]:
    return {k: v.model_dump() for k, v in key_specs().items()}


@router.get("/serier/{noegle}", summary="Et nøgletal over årene i løbende og faste priser")
async def series(
    request: Request,
    noegle: str,
    til: YearQ,
    sats: SatsQ = None,
    indeks: Annotated[str | None, Query(pattern=INDEX_PATTERN)] = None,
) -> dict[str, Any]:
    if noegle not in key_specs():
        raise HTTPException(404, f"ukendt nøgletal {noegle!r}")
    rows = prices.series(noegle, til, state(request).agreements(), prices.parse_rates(sats or []), indeks)
    return {"serie": noegle, "prisniveau": til, "aar": rows}


@router.get("/priser", summary="Omregn et beløb mellem prisniveauer (PL)")
async def price(
    request: Request,
    beloeb: Annotated[float, Query(ge=-1e9, le=1e9, allow_inf_nan=False)],
    fra: YearQ,
    til: YearQ,
    indeks: Annotated[str, Query(pattern=INDEX_PATTERN)] = "samlet",
    sats: SatsQ = None,
) -> dict[str, Any]:
    conv = prices.convert(
        Decimal(repr(beloeb)), fra, til, indeks, state(request).agreements(), prices.parse_rates(sats or [])
    )
    return conv.to_json()


@router.get("/kommuner", summary="De 98 kommuner med befolkning")
async def municipalities() -> dict[str, Any]:
    reg = register()
    return {
        "befolkning_dato": reg.population_date,
        "kilde": reg.population_source,
        "kommuner": [
            {"kommunekode": c, "kommunenavn": n, "region": r, "befolkning": int(p)}
            for c, n, r, p in zip(reg.codes, reg.names, reg.regions, reg.population, strict=True)
        ],
    }


@router.get("/kommuner/{kode}", summary="Én kommune")
async def municipality(kode: Annotated[str, Path(pattern=r"^\d{3}$")]) -> dict[str, Any]:
    reg = register()
    if kode not in reg.codes:
        raise HTTPException(404, f"ukendt kommunekode {kode}")
    i = reg.index(kode)
    return {
        "kommunekode": kode,
        "kommunenavn": reg.names[i],
        "region": reg.regions[i],
        "befolkning": int(reg.population[i]),
        "befolkning_dato": reg.population_date,
        "andel_af_befolkning": float(reg.population[i] / reg.population.sum()),
        "officielt_navn": reg.official_names[i],
        "udskrivningsprocent": [
            {
                "aar": t.aar,
                "udskrivningsprocent": None
                if t.udskrivningsprocent is None
                else float(t.udskrivningsprocent),
                "kirkeskatteprocent": None if t.kirkeskatteprocent is None else float(t.kirkeskatteprocent),
                "verificeret": t.verificeret,
                "kilde": t.kilde,
            }
            for t in kommunefakta.tax_rates(kode)
        ],
    }


@router.post("/fordel", summary="Fordel en pulje i hele kroner")
def distribute(request: Request, req: services.PoolRequest) -> dict[str, Any]:
    return _simulate(request, "pulje", req)


@router.post("/sanktion", summary="Service-, anlægs- eller regnskabssanktion")
def sanction(request: Request, req: services.SanctionRequest) -> dict[str, Any]:
    return _simulate(request, "sanktion", req)


@router.post("/skat", summary="Skattesanktioner og tilskud til skattenedsættelse")
def tax(request: Request, req: services.TaxRequest) -> dict[str, Any]:
    return _simulate(request, "skat", req)


def _simulate(request: Request, kind: str, req: Any) -> dict[str, Any]:
    """A simulation's answer, stored as a scenario (sync: it writes to the store, off the event loop)."""
    s = scenarios.run(state(request).store, state(request).agreements(), kind, "api", req)
    answer = services.result_json(s.result, scenarios.head(kind, req, s.result), req.forklar)
    return {**answer, "scenarie": scenarios.reference(s.stored.id)}


@router.get("/overholdelse", summary="Budgetter og regnskaber under ét mod de regulerede rammer, år for år")
async def compliance_list(
    request: Request, aar: Annotated[int | None, Query(ge=1990, le=2100)] = None
) -> dict[str, Any]:
    rows = compliance.compliance(state(request).agreements())
    return {"overholdelse": [r for r in rows if aar is None or r["aar"] == aar]}


FraQ = Annotated[int | None, Query(ge=1900, le=2100, description="kun budgetår fra og med dette")]
TilQ = Annotated[int | None, Query(ge=1900, le=2100, description="kun budgetår til og med dette")]


def check_period(fra: int | None, til: int | None) -> None:
    """A period of budget years runs forwards (422 otherwise; the pages use it too)."""
    if fra is not None and til is not None and fra > til:
        raise HTTPException(422, f"fra ({fra}) ligger efter til ({til})")


@router.get("/soeg", summary="Søg i aftalerne")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    aar: Annotated[list[int] | None, Query(max_length=20)] = None,
    kapitel: Annotated[str | None, Query(max_length=200)] = None,
    antal: Annotated[int, Query(ge=1, le=100)] = 10,
    fra: FraQ = None,
    til: TilQ = None,
) -> list[dict[str, Any]]:
    check_period(fra, til)
    hits = _knowledge(request).index.search(q, set(aar or []) or None, kapitel, limit=antal, fra=fra, til=til)
    return [{k: v for k, v in h.to_json().items() if k != "del"} for h in hits]


def _commitment_filters(
    aar: Annotated[list[int] | None, Query(max_length=20)] = None,
    emne: Annotated[str | None, Query(max_length=200)] = None,
    part: Annotated[str | None, Query(max_length=100)] = None,
    art: Annotated[str | None, Query(max_length=100)] = None,
    status: Annotated[str | None, Query(max_length=100)] = None,
    tekst: Annotated[str | None, Query(max_length=200, description="ord i selve aftalepunktet")] = None,
    fra: FraQ = None,
    til: TilQ = None,
) -> dict[str, Any]:
    check_period(fra, til)
    return {
        "aar": aar,
        "emne": emne,
        "part": part,
        "art": art,
        "status": status,
        "tekst": tekst,
        "fra": fra,
        "til": til,
    }


CommitmentFilters = Annotated[dict[str, Any], Depends(_commitment_filters)]


@router.get("/aftalepunkter", summary="Aftalepunkter med parter, frister og opfølgning (side for side)")
def commitments(
    request: Request,
    response: Response,
    filters: CommitmentFilters,
    page: Annotated[int, Query(ge=1, le=100_000, description="siden, talt fra 1")] = 1,
    limit: Annotated[int, Query(ge=1, le=1000, description="aftalepunkter pr. side")] = 100,
) -> list[dict[str, Any]]:
    """One page of the matching commitments; the headers X-Total-Count and X-Page-Count give the totals."""
    shown = tracker.find(_knowledge(request).store, tracker.Filters(**filters), page, limit)
    response.headers["X-Total-Count"] = str(shown.antal)
    response.headers["X-Page-Count"] = str(shown.sider)
    return [c.to_json() for c in shown.items]


@router.get("/aftalepunkter/facetter", summary="Antal aftalepunkter pr. år, part, art, status og emne")
def commitment_facets(request: Request, filters: CommitmentFilters) -> dict[str, Any]:
    counts = tracker.facets(_knowledge(request).store, tracker.Filters(**filters))
    return {
        "antal": sum(n for _, n in counts["aar"]),
        **{name: [{"vaerdi": v, "antal": n} for v, n in values] for name, values in counts.items()},
    }


@router.get("/aftalepunkter/{id}", summary="Ét aftalepunkt med opfølgning, efter dets id")
def commitment(request: Request, id: Annotated[str, Path(max_length=40)]) -> dict[str, Any]:
    """An id is unique and stays the same when the agreement is indexed again (knowledge/commitments.py)."""
    found = tracker.by_id(_knowledge(request).store, id)
    if found is None:
        raise HTTPException(404, f"intet aftalepunkt med id {id!r}")
    return found.to_json()


@router.get("/sammenlign", summary="Hvad ændrede sig mellem to aftaler")
def comparison(request: Request, fra: YearQ, til: YearQ, sats: SatsQ = None) -> dict[str, Any]:
    a, agreements = _agreement(request, fra)
    b, _ = _agreement(request, til)
    texts = state(request).knowledge().texts if state(request).has_texts() else None
    return compare(a, b, agreements, texts, prices.parse_rates(sats or [])).to_json()


@router.post(
    "/ingest",
    summary="Indlæs en aftalefil (PDF, markdown, HTML eller tekst)",
    dependencies=[Depends(require_write)],
)
async def ingest(
    request: Request,
    fil: Annotated[UploadFile, File(description="aftalefilen")],
    erstat: Annotated[
        bool,
        Query(
            description="tag den nye version i brug, også når den mangler nøgletal, som versionen i brug har"
        ),
    ] = False,
) -> dict[str, Any]:
    name = upload_name(fil.filename)
    data = await read_upload(fil, name)
    # parsing, extraction, storing and the knowledge rebuild run in a worker thread (or, for a big file, a
    # child process), never on the event loop
    return await run_in_threadpool(_ingest, request, data, name, erstat)


def _ingest(request: Request, data: bytes, name: str, replace: bool) -> dict[str, Any]:
    st = state(request)
    with st.writing():  # this process's background check does not index the new document a second time
        try:
            answer = request.app.state.ingester.run(st.store, data, name, replace)
        except UploadRefused as exc:
            raise HTTPException(422, str(exc)) from exc
        st.refresh()  # the new snapshot (with its search index) is swapped in before the answer
    return answer


# --- coverage and corrections (review on publication day) ------------------------------------------------


class CorrectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    noegle: str = Field(min_length=1, max_length=80, description="nøgletallet, fx serviceramme")
    vaerdi: (
        StrictInt
        | Annotated[StrictFloat, Field(allow_inf_nan=False)]
        | Annotated[StrictStr, Field(max_length=60)]
    ) = Field(
        description='den rigtige værdi: et tal, eller tekst i dansk talformat ("1.234,5", "304,8 mia. kr.")'
    )
    kilde: str = Field(min_length=1, max_length=MAX_KILDE, description='hvor værdien står, fx "linje 77"')
    note: str = Field(min_length=1, max_length=MAX_NOTE, description="hvorfor der rettes")
    bruger: str | None = Field(None, max_length=MAX_USER)
    tving: bool = Field(False, description="gem selv om størrelsen ikke ligner nøgletallets")


def _correction_answer(request: Request, aar: int, key: str) -> dict[str, Any]:
    a, _ = _agreement(request, aar)
    return {
        "aar": aar,
        "noegle": key,
        "figur": a.to_json()["figures"].get(key),
        "rettelser": corrections.history_json(state(request).store, aar),
    }


@router.get(
    "/aftaler/{aar}/rettelser",
    summary="Rettelserne af en aftales nøgletal (også de fortrudte)",
    operation_id="corrections_list",
)
def corrections_list(request: Request, aar: Annotated[int, Path(ge=1990, le=2100)]) -> dict[str, Any]:
    _agreement(request, aar)
    return {"aar": aar, "rettelser": corrections.history_json(state(request).store, aar)}


@router.post(
    "/aftaler/{aar}/rettelser",
    status_code=201,
    summary="Ret et nøgletal (ny version med kilde)",
    dependencies=[Depends(require_write)],
    responses={
        201: {
            "description": "Rettelsen er gemt",
            "links": {
                "SeRettelserne": {
                    "operationId": "corrections_list",
                    "parameters": {"aar": "$request.path.aar"},
                },
                "FortrydRettelsen": {
                    "operationId": "correction_undo",
                    "parameters": {"aar": "$request.path.aar", "noegle": "$response.body#/noegle"},
                },
            },
        }
    },
)
def correction_add(
    request: Request, aar: Annotated[int, Path(ge=1990, le=2100)], req: CorrectionRequest
) -> dict[str, Any]:
    _agreement(request, aar)
    # a JSON number is a number: written the Danish way for the one parser of typed values
    value = req.vaerdi if isinstance(req.vaerdi, str) else format_danish(Decimal(repr(req.vaerdi)), False)
    try:
        stored, _ = corrections.correct(
            state(request).store, aar, req.noegle, value, req.kilde, req.note, req.bruger, force=req.tving
        )
    except CorrectionError as exc:
        raise HTTPException(422, str(exc)) from exc
    state(request).refresh()
    return _correction_answer(request, aar, stored.key)


@router.delete(
    "/aftaler/{aar}/rettelser/{noegle}",
    summary="Fortryd den gældende rettelse af et nøgletal",
    dependencies=[Depends(require_write)],
    operation_id="correction_undo",
)
def correction_undo(
    request: Request,
    aar: Annotated[int, Path(ge=1990, le=2100)],
    noegle: Annotated[str, Path(max_length=80)],
    bruger: Annotated[str | None, Query(max_length=MAX_USER)] = None,
) -> dict[str, Any]:
    _agreement(request, aar)
    try:
        undone, _ = corrections.undo(state(request).store, aar, noegle, bruger)
    except CorrectionError as exc:
        raise HTTPException(404, str(exc)) from exc
    state(request).refresh()
    return _correction_answer(request, aar, undone.key)


@router.get("/aftaler/{aar}/versioner", summary="De gemte dokumentversioner for et år, hver med dækning")
def document_versions(request: Request, aar: Annotated[int, Path(ge=1990, le=2100)]) -> dict[str, Any]:
    _agreement(request, aar)
    store = state(request).store
    return {
        "aar": aar,
        "versioner": [
            {
                "version": d.version,
                "sha256": d.sha256,
                "filnavn": d.filename,
                "dato": d.date,
                "indlaest": d.ingested_at,
                "status": status,
                "coverage": coverage_of(store.figures(d.id), store.gaps(d.id)),
            }
            for d, status in store.versions(aar)
        ],
    }


# --- stored scenarios (web/scenarios.py): share an address, compare two ------------------------------------

ScenarioId = Annotated[str, Path(pattern=scenarios.ID_PATTERN, description="scenariets id")]
ForklarQ = Annotated[str | None, Query(pattern=r"^\d{3}$", description="kommunekode hvis spor skal med")]


class _ScenarioBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    titel: str | None = Field(None, min_length=1, max_length=scenarios.MAX_TITLE)


class PoolScenario(_ScenarioBody):
    type: Literal["pulje"]
    input: services.PoolRequest


class SanctionScenario(_ScenarioBody):
    type: Literal["sanktion"]
    input: services.SanctionRequest


class TaxScenario(_ScenarioBody):
    type: Literal["skat"]
    input: services.TaxRequest


ScenarioRequest = Annotated[PoolScenario | SanctionScenario | TaxScenario, Field(discriminator="type")]


#: OpenAPI links (for clients and schemathesis' stateful tests): a stored scenario's id opens it again
_SCENARIO_LINKS: dict[int | str, dict[str, Any]] = {
    201: {
        "description": "Scenariet er gemt og beregnet",
        "links": {
            "HentScenarie": {
                "operationId": "scenario_get",
                "parameters": {"sid": "$response.body#/scenarie/id"},
            },
            "SammenlignMedSigSelv": {
                "operationId": "scenario_compare",
                "parameters": {"a": "$response.body#/scenarie/id", "b": "$response.body#/scenarie/id"},
            },
        },
    }
}


@router.post(
    "/scenarier",
    status_code=201,
    summary="Gem og beregn et scenarie (kort adresse, der kan deles)",
    responses=_SCENARIO_LINKS,
)
def scenario_create(request: Request, body: ScenarioRequest) -> dict[str, Any]:
    s = scenarios.run(
        state(request).store, state(request).agreements(), body.type, "api", body.input, body.titel
    )
    return scenarios.answer_json(s, body.input.forklar)


@router.get(
    "/scenarier/{sid}",
    summary="Et gemt scenarie, genberegnet på dagens aftaledata",
    operation_id="scenario_get",
)
def scenario_get(request: Request, sid: ScenarioId, forklar: ForklarQ = None) -> dict[str, Any]:
    return scenarios.answer_json(
        scenarios.reproduce(state(request).store, state(request).agreements(), sid), forklar
    )


@router.get(
    "/sammenlign-scenarier",
    summary="To scenarier side om side: i alt og forskellen pr. kommune",
    operation_id="scenario_compare",
)
def scenario_compare(
    request: Request,
    a: Annotated[str, Query(pattern=scenarios.ID_PATTERN, description="grundscenariet")],
    b: Annotated[str, Query(pattern=scenarios.ID_PATTERN, description="alternativet")],
) -> dict[str, Any]:
    store, agreements = state(request).store, state(request).agreements()
    return scenarios.comparison_json(
        scenarios.reproduce(store, agreements, a), scenarios.reproduce(store, agreements, b)
    )
